import { Token, Tokenization } from '../framework';
import { isPlainObject } from './plain-object';

/**
 * True when the value is a cdktf token (a Terraform reference known only at apply): checks that need the
 * literal skip it, since Azure will judge it then.
 */
export function isToken(value: unknown): boolean {
  // A string is a token only where it holds the marker `${TfToken[` (cdktf and cdktn alike:
  // lib/tokens/private/encoding.js, BEGIN_STRING_TOKEN_MARKER, which `Token.isUnresolved` looks for with a
  // regular expression); most strings do not, and skip the expression.
  if (typeof value === 'string') return value.includes(STRING_TOKEN_MARKER) && Token.isUnresolved(value);
  return typeof value === 'number' && Token.isUnresolved(value);
}

const STRING_TOKEN_MARKER = '${TfToken[';

/**
 * A cdktf string token as cdktf finds it (lib/tokens/private/encoding.js, STRING_TOKEN_REGEX: the marker, a
 * key of `[a-zA-Z0-9:._-]`, then `]}`).
 */
const STRING_TOKEN_TEXT = '\\$\\{TfToken\\[[a-zA-Z0-9:._-]+\\]\\}';
/** A string token, captured, so that `split` keeps the tokens at odd indexes. */
export const STRING_TOKEN = new RegExp(`(${STRING_TOKEN_TEXT})`);
/** A string token that starts exactly at `lastIndex` (sticky). */
export const STRING_TOKEN_AT = new RegExp(STRING_TOKEN_TEXT, 'y');

/** The literal text of a string around its tokens (the whole string when it holds none). */
export function literalParts(value: string): string[] {
  return value.split(STRING_TOKEN).filter((_, i) => i % 2 === 0);
}

/**
 * What a field that takes only literal text says of a cdktf token marker. cdktf replaces every registered
 * `${TfToken[<key>]}` it finds in a string with the value the key stands for (encoding.js `TokenString.split`,
 * token-map.js `lookupToken`): the marker is how cdktf writes a reference into a string, so one typed (or read
 * from a file) cannot be told from a reference, and would turn into another resource's attribute.
 */
export const LITERAL_TEXT_ONLY =
  'literal text without the cdktf token marker "${TfToken[": cdktf replaces the marker with the value it stands for (another resource\'s attribute), so this field takes no Terraform reference';

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
