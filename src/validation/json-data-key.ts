import { types } from 'node:util';

/**
 * A cache key for a value that is plain JSON data, or undefined for anything else. Two values with one key
 * are the same data (same fields, same order, same contents), so a verdict cached under the key holds for
 * both. `JSON.stringify` is no such key: it drops undefined, functions and symbols, turns NaN into null and
 * a Date into a string, calls `toJSON` and getters, and skips holes and inherited fields, so a value it
 * cannot tell from a valid one may be invalid.
 *
 * Plain JSON data: null, booleans, strings, finite numbers other than -0, dense arrays without extra
 * fields, and objects from a literal (or `Object.create(null)`) whose own fields are enumerable data
 * properties with string names, all of them plain JSON data; no proxies.
 */
export function jsonDataKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : undefined;
    case 'object':
      if (value === null) return 'null';
      if (types.isProxy(value)) return undefined;
      return Array.isArray(value) ? arrayKey(value) : objectKey(value);
    default:
      return undefined;
  }
}

/**
 * Lists longer than this get no key: the entries worth caching (a fleet's few schedules) are small, and
 * listing the own keys of an absurd list (a million weekDays) would cost more than judging it.
 */
const MAX_KEYED_LIST = 1000;

function arrayKey(list: unknown[]): string | undefined {
  if (Object.getPrototypeOf(list) !== Array.prototype || list.length > MAX_KEYED_LIST) return undefined;
  // Own keys are the indexes and `length`: no holes and nothing else.
  if (Reflect.ownKeys(list).length !== list.length + 1) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const descriptor = Object.getOwnPropertyDescriptor(list, i);
    if (descriptor === undefined || !('value' in descriptor)) return undefined;
    const part = jsonDataKey(descriptor.value);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return `[${parts.join(',')}]`;
}

function objectKey(object: object): string | undefined {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== null && prototype !== Object.prototype) return undefined;
  const parts: string[] = [];
  for (const name of Reflect.ownKeys(object)) {
    if (typeof name !== 'string') return undefined;
    const descriptor = Object.getOwnPropertyDescriptor(object, name)!;
    if (!descriptor.enumerable || !('value' in descriptor)) return undefined;
    const part = jsonDataKey(descriptor.value);
    if (part === undefined) return undefined;
    parts.push(`${JSON.stringify(name)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}
