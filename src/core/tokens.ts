/**
 * True when the value is a cdktf token (a Terraform reference known only at apply): checks that need the
 * literal skip it, since Azure will judge it then.
 *
 * The framework's own test (`Token.isUnresolved` of cdktf, or of cdktn in that entry) is handed over by
 * src/framework.ts when it loads, which every construct module imports: this module imports no framework,
 * so that the validation it serves also runs without one. The `aml-compute` command reads JSON files and
 * loads no framework (a project may have none installed); a string read from a file is never a token there.
 */
export function isToken(value: unknown): boolean {
  if (frameworkTest === undefined) return false;
  // A string is a token only where it holds the marker `${TfToken[` (cdktf and cdktn alike:
  // lib/tokens/private/encoding.js, BEGIN_STRING_TOKEN_MARKER, which `Token.isUnresolved` looks for with a
  // regular expression); most strings do not, and skip the expression.
  if (typeof value === 'string') return value.includes(STRING_TOKEN_MARKER) && frameworkTest(value);
  return typeof value === 'number' && frameworkTest(value);
}

export const STRING_TOKEN_MARKER = '${TfToken[';

let frameworkTest: ((value: unknown) => boolean) | undefined;

/** Called by src/framework.ts, once, with its framework's `Token.isUnresolved`. */
export function useFrameworkTokenTest(test: (value: unknown) => boolean): void {
  frameworkTest = test;
}

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
