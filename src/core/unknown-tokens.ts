import { Tokenization } from './framework';
import { isPlainObject } from './plain-object';
import { STRING_TOKEN_MARKER } from './tokens';

/**
 * Where `value` (JSON data: strings, arrays, plain objects) holds cdktf's marker with a key cdktf never issued
 * (`${TfToken[TOKEN]}`, typed or copied from another program): cdktf would throw "Unrecognized Token Key" at
 * synth, naming no construct (`Tokenization.reverseString` looks every key up the same way,
 * lib/tokens/private/token-map.js `lookupToken`). Object keys are read too. Dotted paths, `[i]` for list items.
 */
export function unknownTokens(value: unknown, path = ''): { readonly path: string; readonly value: string }[] {
  const found: { path: string; value: string }[] = [];
  // The keys leading to the value being read; a path is joined only for a value found, since nearly every
  // spec holds none and joining one per value was most of this walk's cost.
  const keys: Array<string | number> = [];
  const at = () =>
    keys.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p === '' ? k : `${p}.${k}`), path);
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (unrecognized(v)) found.push({ path: at(), value: v });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        keys.push(i);
        visit(v[i]);
        keys.pop();
      }
    } else if (isPlainObject(v)) {
      for (const k of Object.keys(v)) {
        keys.push(k);
        // Keys too: user-assigned identity ids are the keys of `userAssignedIdentities`.
        if (unrecognized(k)) found.push({ path: at(), value: k });
        visit(v[k]);
        keys.pop();
      }
    }
  };
  visit(value);
  return found;
}

function unrecognized(text: string): boolean {
  if (!text.includes(STRING_TOKEN_MARKER)) return false;
  try {
    Tokenization.reverseString(text);
    return false;
  } catch {
    return true;
  }
}

export const UNKNOWN_TOKEN =
  'literal text, or a Terraform reference this program made: the text holds cdktf\'s token marker "${TfToken[" with a key cdktf never issued, which would fail the synth';
