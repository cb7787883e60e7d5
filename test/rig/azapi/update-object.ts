/**
 * azapi's JSON shaping, transcribed for the emulated provider (Azure/terraform-provider-azapi, utils/json.go at
 * v2.12.0: `UpdateObject` / `updateObjectAtPath` and `OverrideWithPaths`). Lists with a unique-id property
 * (`list_unique_id_property`) are not modelled: the library sets none.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface UpdateJsonOption {
  readonly ignoreCasing: boolean;
  readonly ignoreMissingProperty: boolean;
  readonly ignoreNullProperty?: boolean;
}

function isObject(v: unknown): v is { [key: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical(v[k])]),
    );
  return v;
}

/** Go's `isZeroValue` for JSON values: null, false, 0, "" (utils/json.go). */
function isZeroValue(v: Json | undefined): boolean {
  return v === undefined || v === null || v === false || v === 0 || v === '';
}

/**
 * The object azapi stores as `body` after a GET: the shape of `old` (the configured body) with the values
 * of `remote` (Azure's answer). Keys Azure adds are dropped; a key Azure leaves out keeps the configured
 * value while `ignoreMissingProperty` (or when it is a zero value); a string equal but for case keeps the
 * configured one only with `ignoreCasing`; masked strings (`***`, `<redacted>`, empty) keep the configured
 * one while `ignoreMissingProperty`. Lists of another length are taken whole from Azure.
 */
export function updateObject(old: Json, remote: Json, option: UpdateJsonOption): Json {
  if (deepEqual(old, remote)) return old;
  if (isObject(old) && isObject(remote)) {
    const res: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(old)) {
      if (value === null && option.ignoreNullProperty) res[key] = null;
      else if (remote[key] !== undefined && remote[key] !== null) res[key] = updateObject(value, remote[key], option);
      else if (option.ignoreMissingProperty || isZeroValue(value)) res[key] = value;
    }
    return res;
  }
  if (Array.isArray(old) && Array.isArray(remote)) {
    if (old.length === 0 || remote.length === 0 || old.length !== remote.length) return remote;
    return old.map((item, i) => updateObject(item, remote[i], option));
  }
  if (typeof old === 'string' && typeof remote === 'string') {
    if (option.ignoreCasing && old.toLowerCase() === remote.toLowerCase()) return old;
    if (option.ignoreMissingProperty && (/^\*+$/.test(remote) || remote === '<redacted>' || remote === '')) return old;
  }
  return remote;
}

/**
 * `OverrideWithPaths(old, new, "", paths)`: `old` with the values of `new` at `paths` (dot paths), but only
 * where both hold the key: a path missing from either keeps `old` as it is.
 */
export function overrideWithPaths(old: Json, remote: Json, paths: readonly string[], path = ''): Json {
  if (paths.length === 0 || old === null) return old;
  if (paths.includes(path)) return remote;
  if (isObject(old) && isObject(remote)) {
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(old)) {
      out[key] =
        key in remote ? overrideWithPaths(value, remote[key], paths, path === '' ? key : `${path}.${key}`) : value;
    }
    return out;
  }
  return old;
}

/** The value at a dot path (`properties.properties.vmSize`), as azapi's JMESPath reads a plain path. */
export function valueAt(value: Json, path: string): Json | undefined {
  let v: Json | undefined = value;
  for (const key of path.split('.')) v = isObject(v) ? v[key] : undefined;
  return v;
}
