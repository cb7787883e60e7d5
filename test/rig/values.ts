import type { Obj } from './provider';
import type { SchemaBlock } from './schemas/schema-types';
import { isUnknown, Unknown, Value } from './wire';

/** Helpers on decoded values that both emulated providers use. */

export function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v);
}

/** Equality of known values; object key order and null-valued keys missing from the other side do not matter. */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}

function canonical(v: Value): unknown {
  if (isUnknown(v)) return { '(unknown)': JSON.stringify(v.type) };
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical(v[k])]),
    );
  return v;
}

/**
 * The create-time plan of a block as a framework or SDK provider makes it from the configuration: a computed
 * attribute the configuration leaves null is unknown until apply (hashicorp/terraform-plugin-framework
 * internal/fwserver/server_planresourcechange.go, `MarkComputedNilsAsUnknown`), write-only attributes are
 * null in any plan or state (terraform docs/plugin-protocol/tfplugin6.proto, Schema.Attribute.write_only).
 */
export function computedNullsUnknown(value: Obj, block: SchemaBlock): Obj {
  const out: Obj = { ...value };
  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (attribute.writeOnly) out[name] = null;
    else if (attribute.computed && (out[name] ?? null) === null) out[name] = new Unknown(attribute.type);
  }
  return out;
}

export function withoutWriteOnly(value: Obj, block: SchemaBlock): Obj {
  const out: Obj = { ...value };
  for (const [name, attribute] of Object.entries(block.attributes)) if (attribute.writeOnly) out[name] = null;
  return out;
}

/** A planned value with each unknown replaced by `fill(path)` (the apply's computed results). */
export function resolveUnknowns(value: Value, fill: (path: readonly string[]) => Value, path: string[] = []): Value {
  if (isUnknown(value)) return fill(path);
  if (Array.isArray(value)) return value.map((e, i) => resolveUnknowns(e, fill, [...path, String(i)]));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveUnknowns(v, fill, [...path, k])]));
  return value;
}

/** A short deterministic UUID-shaped id from a seed (the emulated Azure's generated ids). */
export function seededGuid(seed: string): string {
  const hex = require('node:crypto').createHash('sha256').update(seed).digest('hex') as string;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
