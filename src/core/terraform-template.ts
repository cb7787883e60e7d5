import { isPlainObject } from './plain-object';
import { isToken, STRING_TOKEN, STRING_TOKEN_AT } from './tokens';

/**
 * Terraform reads every string in `.tf.json` as a template: a literal `${` or `%{` would be taken for an
 * interpolation or a directive (hashicorp/hcl json/spec.md, "Expression Evaluation": strings are parsed as
 * templates; hclsyntax/spec.md, "Template Literals": `$${` and `%%{` are the escapes). Doubling the opening
 * character keeps it literal. cdktf tokens (references that cdktf resolves at synth) are left as they are.
 * Arrays and plain objects are walked; any other object (a cdktf resolvable) is left as given.
 *
 * The library's bindings apply it once per element to everything they write (`TemplateSafeResource`,
 * the providers): nothing else escapes, so nothing is escaped twice.
 */
export function escapeTerraformTemplates<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !mayNeedTemplateEscapes(value)) return value;
  return escapeValue(value);
}

/**
 * False when no key or string in `value` holds `%{`, or `${` other than a cdktf token's, so nothing made from
 * its strings needs escaping either: the usual case, for every resource. It reads what `escapeValue` reads
 * (own enumerable keys, array items), with one `includes` per string and no copy.
 */
export function mayNeedTemplateEscapes(value: unknown): boolean {
  if (typeof value === 'string') return hasTemplateStart(value);
  if (Array.isArray(value)) return value.some(mayNeedTemplateEscapes);
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (hasTemplateStart(key) || mayNeedTemplateEscapes((value as Record<string, unknown>)[key])) return true;
    }
  }
  return false;
}

/**
 * True when `text` holds a `%{`, or a `${` that does not open a cdktf token: references (the `${` of
 * `${TfToken[...]}`) are left as they are, so text made only of references and plain characters, as most
 * resource arguments are, needs no escaping and no copy.
 */
function hasTemplateStart(text: string): boolean {
  if (!text.includes('{')) return false;
  if (text.includes('%{')) return true;
  for (let i = text.indexOf('${'); i >= 0; i = text.indexOf('${', i + 1)) {
    STRING_TOKEN_AT.lastIndex = i;
    if (!STRING_TOKEN_AT.test(text)) return true;
  }
  return false;
}

function escapeValue<T>(value: T): T {
  if (typeof value === 'string') {
    // Most strings hold no `{` at all: skip the token test and the replacements for them.
    if (!value.includes('{')) return value;
    if (!isToken(value)) return escapeLiteral(value) as T;
    // Text around a reference (`"--ws " + ws.id + " --dir ${HOME}"`) is literal: escape it, not the reference.
    return value
      .split(STRING_TOKEN)
      .map((part, i) => (i % 2 === 1 ? part : escapeLiteral(part)))
      .join('') as T;
  }
  // Values with nothing to escape (nearly all) are returned as they are, not copied: a copy per instance
  // was most of this function's cost, in time and garbage.
  if (Array.isArray(value)) {
    const escaped = value.map(escapeValue);
    return (escaped.some((v, i) => v !== value[i]) ? escaped : value) as T;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    const escaped = entries.map(([k, v]) => [escapeValue(k), escapeValue(v)] as const);
    if (escaped.every(([k, v], i) => k === entries[i][0] && v === entries[i][1])) return value;
    // fromEntries defines own properties, so a key such as `__proto__` stays a key.
    return Object.fromEntries(escaped) as T;
  }
  return value;
}

function escapeLiteral(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * `text` as an HCL quoted string literal, for an expression the library builds (a check's condition): JSON's
 * escapes, less the two HCL lacks (`\b`, `\f`, written `\uNNNN` instead: hashicorp/hcl hclsyntax/spec.md,
 * "Template Literals" lists `\n \r \t \" \\ \uNNNN \UNNNNNNNN`), then the template escapes, since a quoted
 * string is itself a template.
 */
export function hclQuoted(text: string): string {
  // Escapes are read pairwise from the left, so the `b` of an escaped backslash followed by `b` stays text.
  const json = JSON.stringify(text).replace(/\\(.)/g, (e, c: string) =>
    c === 'b' ? '\\u0008' : c === 'f' ? '\\u000c' : e,
  );
  return escapeLiteral(json);
}
