/**
 * JSON text parsed as data: every object is made without a prototype, so that a key such as `__proto__`,
 * `constructor` or `toString` is an ordinary field (an assignment `out[key] = v` on a copy cannot set the
 * copy's prototype, and `key in object` finds only what the file wrote). Nesting is bounded before the
 * text is parsed: every reader after this one walks the data recursively.
 */

/** Deeper than any template, parameter file, policy or Azure output: this command's own limit. */
export const MAX_NESTING = 256;

type ParsedJson = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly problem: string };

export function parseJsonData(text: string): ParsedJson {
  const body = text.replace(/^\uFEFF/, '');
  const tooDeep = lineBeyondNesting(body, MAX_NESTING);
  if (tooDeep !== undefined)
    return {
      ok: false,
      problem: `nested deeper than ${MAX_NESTING} levels at line ${tooDeep} (this command reads at most ${MAX_NESTING})`,
    };
  try {
    return { ok: true, json: JSON.parse(body, withoutPrototype) };
  } catch (e) {
    // V8 quotes the text around the error: it may be a secret, so only its own words are kept.
    return {
      ok: false,
      problem: `not JSON (${(e as Error).message.replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')})`,
    };
  }
}

function withoutPrototype(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const data: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) data[key] = (value as Record<string, unknown>)[key];
  return data;
}

/** The line where nesting first goes deeper than `max`, or undefined; one pass, no recursion. */
function lineBeyondNesting(text: string, max: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

/** `Object.fromEntries` for data read from input: the object has no prototype, as `parseJsonData` makes them. */
export function dataFrom(entries: Iterable<readonly [string, unknown]>): Record<string, any> {
  const data: Record<string, unknown> = Object.create(null);
  for (const [key, value] of entries) data[key] = value;
  return data;
}
