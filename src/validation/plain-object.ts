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
