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

const STRING_TOKEN_MARKER = '${TfToken[';

let frameworkTest: ((value: unknown) => boolean) | undefined;

/** Called by src/framework.ts, once, with its framework's `Token.isUnresolved`. */
export function useFrameworkTokenTest(test: (value: unknown) => boolean): void {
  frameworkTest = test;
}
