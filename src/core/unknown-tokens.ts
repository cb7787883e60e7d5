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
  if (typeof value === 'string') {
    if (!value.includes(STRING_TOKEN_MARKER)) return [];
    try {
      Tokenization.reverseString(value);
      return [];
    } catch {
      return [{ path, value }];
    }
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownTokens(v, `${path}[${i}]`));
  if (isPlainObject(value)) {
    // Keys too: user-assigned identity ids are the keys of `userAssignedIdentities`.
    return Object.entries(value).flatMap(([k, v]) => {
      const at = path === '' ? k : `${path}.${k}`;
      return [...unknownTokens(k, at), ...unknownTokens(v, at)];
    });
  }
  return [];
}

export const UNKNOWN_TOKEN =
  'literal text, or a Terraform reference this program made: the text holds cdktf\'s token marker "${TfToken[" with a key cdktf never issued, which would fail the synth';
