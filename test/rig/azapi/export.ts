import type { Obj } from '../provider';
import { isObject } from '../values';
import type { Value } from '../wire';
import { readOnlyPart } from './import';
import { valueAt } from './update-object';

/**
 * `output` from a response (Azure/terraform-provider-azapi internal/services/common.go, `flattenOutput`, and
 * `flattenOutputJMES` for a map): a list of dot paths keeps those paths (`*` the whole body); a map names
 * JMESPath queries (plain dot paths only here). Unset: the response's read-only part, unless the provider's
 * `disable_default_output` (internal/provider/provider.go; the emulation reads the default, false).
 */
export function exportedOutput(response: Obj, exportValues: Value): Value {
  if (exportValues === null) return readOnlyPart(response);
  if (Array.isArray(exportValues)) {
    if (exportValues.includes('*')) return response;
    const out: Obj = {};
    for (const path of exportValues) {
      const v = valueAt(response as never, String(path));
      if (v === undefined) continue;
      const keys = String(path).split('.');
      let at = out;
      for (const key of keys.slice(0, -1)) at = (at[key] = isObject(at[key]) ? at[key] : {}) as Obj;
      at[keys[keys.length - 1]] = v as Value;
    }
    return out;
  }
  if (isObject(exportValues))
    return Object.fromEntries(
      Object.entries(exportValues).map(([name, query]) => [
        name,
        (valueAt(response as never, String(query)) ?? null) as Value,
      ]),
    );
  return {};
}
