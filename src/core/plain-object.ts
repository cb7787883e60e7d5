/**
 * True for an object written as a literal (`{ ... }`) or made by `Object.create(null)`, in this realm or
 * another: its prototype is null or is itself the end of the chain. Arrays, class instances (a Duration
 * where an object of settings belongs) and null are not.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/**
 * What `read` gives, as the JSON it synthesizes to: read once and copied, so that what is validated is what
 * is used (a value from another copy of the library, or one that only claims to be ours). Undefined when
 * `read` throws or gives no JSON object.
 */
export function jsonObjectCopy(read: () => unknown): Record<string, unknown> | undefined {
  try {
    const copy: unknown = JSON.parse(JSON.stringify(read()));
    return isPlainObject(copy) ? copy : undefined;
  } catch {
    return undefined;
  }
}

/** Deeper than any ARM entry: below it, values are kept as given (and fail validation there). */
const SNAPSHOT_DEPTH = 8;

/**
 * A copy of JSON-shaped input in which every field was read once: arrays and plain objects are copied (own
 * enumerable fields, as JSON and the spread operator see them), anything else is kept as given. Validating
 * the copy and then using it closes the gap a getter, an inherited field or a later change would otherwise
 * open between what was validated and what is used.
 */
export function plainSnapshot(value: unknown, depth = 0): unknown {
  if (depth >= SNAPSHOT_DEPTH) return value;
  if (Array.isArray(value)) return Array.from(value, (v) => plainSnapshot(v, depth + 1));
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainSnapshot(v, depth + 1)]));
  return value;
}

/** True when every object in `value` (itself included) is an array or a plain object, to `SNAPSHOT_DEPTH`. */
export function onlyPlainObjects(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth >= SNAPSHOT_DEPTH) return true;
  if (!Array.isArray(value) && !isPlainObject(value)) return false;
  return Object.values(value).every((v) => onlyPlainObjects(v, depth + 1));
}
