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
