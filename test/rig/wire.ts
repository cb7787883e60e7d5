import type { CtyType } from './schemas/schema-types';

/**
 * Terraform values on the wire (hashicorp/terraform docs/plugin-protocol/object-wire-format.md): msgpack for
 * what Terraform sends and what the providers answer, JSON for raw state (UpgradeResourceState). A value is
 * plain JSON-like data; an unknown value is an `Unknown` carrying its type. A `dynamic` value carries its type
 * on the wire (a two-element array [type JSON, value] in msgpack, {"value","type"} in JSON): the providers
 * decode it to the value alone and, answering, infer the type from the value the way Terraform's JSON syntax
 * does (objects, tuples, a null of dynamic type), which is the type Terraform gave the configuration.
 */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value } | Unknown;

export class Unknown {
  constructor(readonly type: CtyType) {}
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** Whether a value holds an unknown anywhere. */
export function hasUnknown(v: Value): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasUnknown);
  return false;
}

// object-wire-format.md: "an unknown value is an extension of type zero"; Terraform 1.6+ may also send
// refined unknowns as extension type 12 (hashicorp/go-cty cty/msgpack/unknown.go, unknownValRefinementsExt).
const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;

let msgpackModule: typeof import('@msgpack/msgpack') | undefined;
function msgpack(): typeof import('@msgpack/msgpack') {
  // Required lazily: the provider process answers the handshake before it needs msgpack.
  msgpackModule ??= require('@msgpack/msgpack') as typeof import('@msgpack/msgpack');
  return msgpackModule;
}

class UnknownMarker {
  constructor(readonly refined: boolean) {}
}

function codec() {
  const m = msgpack();
  const ext = new m.ExtensionCodec();
  ext.register({
    type: UNKNOWN_EXT,
    encode: (input: unknown) => (input instanceof UnknownMarker && !input.refined ? new Uint8Array(0) : null),
    decode: () => new UnknownMarker(false),
  });
  ext.register({
    type: REFINED_UNKNOWN_EXT,
    encode: () => null,
    decode: () => new UnknownMarker(true),
  });
  return ext;
}
let extensionCodec: ReturnType<typeof codec> | undefined;

export function decodeMsgpack(bytes: Uint8Array, type: CtyType): Value {
  if (bytes.length === 0) return null;
  extensionCodec ??= codec();
  const raw = msgpack().decode(bytes, { extensionCodec, useBigInt64: false });
  return fromWire(raw, type);
}

export function encodeMsgpack(value: Value, type: CtyType): Uint8Array {
  extensionCodec ??= codec();
  return msgpack().encode(toWire(value, type), { extensionCodec, ignoreUndefined: false });
}

function fromWire(raw: unknown, type: CtyType): Value {
  if (raw instanceof UnknownMarker) return new Unknown(type);
  if (raw === null || raw === undefined) return null;
  if (type === 'dynamic') {
    const [typeJson, inner] = raw as [Uint8Array, unknown];
    return fromWire(inner, JSON.parse(Buffer.from(typeJson).toString('utf8')) as CtyType);
  }
  if (type === 'string') return String(raw);
  if (type === 'number') return typeof raw === 'string' ? Number(raw) : (raw as number);
  if (type === 'bool') return raw as boolean;
  const [kind, inner] = type as [string, any];
  if (kind === 'list' || kind === 'set') return (raw as unknown[]).map((e) => fromWire(e, inner));
  if (kind === 'tuple') return (raw as unknown[]).map((e, i) => fromWire(e, inner[i]));
  const entries = raw instanceof Map ? [...raw.entries()] : Object.entries(raw as object);
  if (kind === 'map') return Object.fromEntries(entries.map(([k, v]) => [String(k), fromWire(v, inner)]));
  return Object.fromEntries(entries.map(([k, v]) => [String(k), fromWire(v, inner[String(k)] ?? 'dynamic')]));
}

function toWire(value: Value, type: CtyType): unknown {
  if (isUnknown(value)) return new UnknownMarker(false);
  if (value === null) return null;
  if (type === 'dynamic') {
    const actual = typeOf(value);
    return [Buffer.from(JSON.stringify(actual), 'utf8'), toWire(value, actual)];
  }
  if (typeof type === 'string') return value;
  const [kind, inner] = type as [string, any];
  if (kind === 'list' || kind === 'set') return (value as Value[]).map((e) => toWire(e, inner));
  if (kind === 'tuple') return (value as Value[]).map((e, i) => toWire(e, inner[i]));
  const obj = value as { [key: string]: Value };
  if (kind === 'map') return wireMap(Object.keys(obj).map((k) => [k, toWire(obj[k], inner)]));
  // An object carries every attribute of its type, null where the value has none.
  return wireMap(Object.keys(inner).map((k) => [k, toWire(obj[k] ?? null, inner[k])]));
}

/** A msgpack map: a prototype-less object, so that any key (even `__proto__`) is an own property. */
function wireMap(entries: [string, unknown][]): object {
  const out = Object.create(null) as { [key: string]: unknown };
  for (const [k, v] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v;
  return out;
}

/** The type Terraform's JSON syntax gives a value (hashicorp/hcl json/structure.go): objects and tuples. */
export function typeOf(value: Value): CtyType {
  if (isUnknown(value)) return value.type;
  if (value === null) return 'dynamic';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(typeOf)];
  return ['object', Object.fromEntries(Object.keys(value).map((k) => [k, typeOf(value[k])]))];
}

/** Decodes Terraform's JSON encoding of a value (raw state): a dynamic value is {"value", "type"}. */
export function fromJson(raw: unknown, type: CtyType): Value {
  if (raw === null || raw === undefined) return null;
  if (type === 'dynamic') {
    const { value, type: inner } = raw as { value: unknown; type: CtyType };
    return fromJson(value, inner);
  }
  if (typeof type === 'string') return raw as Value;
  const [kind, inner] = type as [string, any];
  if (kind === 'list' || kind === 'set') return (raw as unknown[]).map((e) => fromJson(e, inner));
  if (kind === 'tuple') return (raw as unknown[]).map((e, i) => fromJson(e, inner[i]));
  const obj = raw as { [key: string]: unknown };
  if (kind === 'map') return Object.fromEntries(Object.keys(obj).map((k) => [k, fromJson(obj[k], inner)]));
  return Object.fromEntries(
    Object.keys(inner)
      .filter((k) => k in obj)
      .map((k) => [k, fromJson(obj[k], inner[k])]),
  );
}
