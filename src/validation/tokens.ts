import { Token } from '../framework';

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
