/**
 * The segments of a JSON Pointer (RFC 6901) as ajv reports `instancePath`: `/people/3/name` gives
 * `['people', 3, 'name']`. A segment is a number where it indexes a list of `root` (an object's key stays a
 * string, even `"0"`); without `root`, every segment of digits is taken for an index.
 */
export function pointerSegments(pointer: string, root?: unknown): Array<string | number> {
  if (pointer === '') return [];
  let at: unknown = root;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => {
      const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
      const index = /^\d+$/.test(key) && (root === undefined || Array.isArray(at));
      at = at === null || typeof at !== 'object' ? undefined : (at as Record<string, unknown>)[key];
      return index ? Number(key) : key;
    });
}
