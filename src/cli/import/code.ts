import { isUnsafeCodePoint } from '../../core/terminal-text';
import { isPlainObject } from '../../core/plain-object';
/**
 * A small model of the TypeScript that `aml-compute import` writes, and its printer. The printer lays code
 * out as Prettier 3 does with the project's options (printWidth 120, singleQuote, trailingComma "all") for
 * the few forms used here, so that the module is already formatted when a user pastes it:
 * - objects are always expanded, one property a line (Prettier keeps an object expanded when its source
 *   has a line break after `{`);
 * - arrays and argument lists stay on one line when they fit, and break one item a line otherwise;
 * - a lone object or array argument hugs its call's parentheses; so does a last object argument;
 * - a property whose string value does not fit breaks after the colon, unless its key is shorter than 5
 *   characters (Prettier's "short key").
 * test/import-command.test.ts checks generated modules with `prettier --check`.
 */

export type Expr =
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'object'; readonly props: readonly Prop[] }
  | { readonly kind: 'array'; readonly items: readonly Item[] }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Expr[] };

export interface Prop {
  readonly key: string;
  readonly value: Expr;
  /** Line comments written above the property. */
  readonly comments?: readonly string[];
}

export interface Item {
  readonly value: Expr;
  readonly comments?: readonly string[];
}

/*
 * Input text reaches the module only through stringLiteral, templateLiteral and inertText (comments):
 * names and callees are checked to be identifiers, so no other way writes input into the code.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** A callee: `new ` and a dotted name (`new ComputeInstance`, `StartStopSchedule.cron`). */
const CALLEE = /^(new )?[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

function checked(text: string, pattern: RegExp, what: string): string {
  if (!pattern.test(text)) throw new Error(`aml-compute import wrote ${JSON.stringify(text)} as ${what}`);
  return text;
}

export const lit = (value: string | number | boolean): Expr => ({ kind: 'literal', value });
/** A variable of the module (`scope`, a script constant); anything but an identifier is a bug and throws. */
export const name = (text: string): Expr => ({ kind: 'name', name: checked(text, IDENTIFIER, 'a name') });
export const obj = (props: readonly Prop[]): Expr => ({ kind: 'object', props });
export const arr = (items: readonly (Expr | Item)[]): Expr => ({
  kind: 'array',
  items: items.map((i) => ('kind' in i ? { value: i } : i)),
});
export const call = (callee: string, ...args: Expr[]): Expr => ({
  kind: 'call',
  callee: checked(callee, CALLEE, 'a callee'),
  args,
});
export const prop = (key: string, value: Expr, comments: readonly string[] = []): Prop => ({ key, value, comments });

/** A JSON value as the literal that writes it: arrays, objects and their leaves, each through the gate. */
export function jsonToCode(value: unknown): Expr {
  if (Array.isArray(value)) return arr(value.map(jsonToCode));
  if (isPlainObject(value)) return obj(Object.entries(value).map(([k, v]) => prop(k, jsonToCode(v))));
  return lit(value as string | number | boolean);
}

const WIDTH = 120;
const INDENT = '  ';
const SHORT_KEY = 5;

const SHORT_ESCAPES: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/** The JavaScript escape of one code point (`\n`, `\u001b`, `\u{e0041}`). */
function escapeOf(cp: number): string {
  return SHORT_ESCAPES[cp] ?? (cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`);
}

/**
 * `text` with each unsafe code point escaped (UNSAFE_TEXT, src/core/terminal-text.ts: the one definition every output
 * of the package uses), and each code point for which `extra` gives a text replaced.
 */
function escaped(text: string, extra: (ch: string) => string | undefined = () => undefined): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += extra(ch) ?? (isUnsafeCodePoint(cp) ? escapeOf(cp) : ch);
  }
  return out;
}

/**
 * Input text as it may sit in a `//` comment of the module or on a line of the terminal: on one line, with
 * every unsafe code point written as its escape and `*\/` broken, so that a reader sees what it holds and no
 * input ends the comment.
 */
export function inertText(text: string): string {
  return escaped(text).replace(/\*\//g, '*\\/');
}

/** `// text` lines at `indent`, the only way the module gets a comment. */
export function commentLines(lines: readonly string[] | undefined, indent: string): string {
  return (lines ?? []).map((c) => `${indent}// ${inertText(c)}\n`).join('');
}

/** A string literal as Prettier writes it: single quotes unless the text holds more of them than double quotes. */
export function stringLiteral(text: string): string {
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  const quote = singles > doubles ? '"' : "'";
  const body = escaped(text, (ch) => (ch === '\\' ? '\\\\' : ch === quote ? `\\${quote}` : undefined));
  return `${quote}${body}${quote}`;
}

/**
 * A template literal holding `text` (for script bodies, which read best as written): line feeds and tabs
 * stay, a carriage return is escaped (a template literal reads a raw CR or CRLF as LF: ECMA-262,
 * "Static Semantics: TV and TRV"), and so is every other unsafe code point.
 */
export function templateLiteral(text: string): string {
  const body = escaped(text, (ch) =>
    ch === '\n' || ch === '\t' ? ch : ch === '\\' ? '\\\\' : ch === '`' ? '\\`' : undefined,
  );
  return `\`${body.replace(/\$\{/g, '\\${')}\``;
}

/**
 * An object key: bare where JavaScript allows it, else quoted (Prettier's quoteProps "as-needed"); `__proto__`
 * is computed, since as a plain key it sets the object's prototype instead of a property (ECMA-262, "Runtime
 * Semantics: PropertyDefinitionEvaluation").
 */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** `const name = template;`, a module-level constant holding a text. */
export function textConstant(constantName: string, text: string): string {
  return `const ${checked(constantName, IDENTIFIER, 'a name')} = ${templateLiteral(text)};\n`;
}

/** The one-line form of `e`, or undefined when it has to span lines (objects and comments always do). */
function flat(e: Expr): string | undefined {
  switch (e.kind) {
    case 'literal':
      return literal(e.value);
    case 'name':
      return e.name;
    case 'object':
      return e.props.length === 0 ? '{}' : undefined;
    case 'array': {
      if (e.items.some((i) => (i.comments ?? []).length > 0)) return undefined;
      const parts = e.items.map((i) => flat(i.value));
      return parts.every((p) => p !== undefined) ? `[${parts.join(', ')}]` : undefined;
    }
    case 'call': {
      const parts = e.args.map(flat);
      return parts.every((p) => p !== undefined) ? `${e.callee}(${parts.join(', ')})` : undefined;
    }
  }
}

/**
 * A literal's code. Input may hold another type than its field's (an array where a string belongs): such a
 * value is written as the string of its JSON, never as code.
 */
function literal(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean' || typeof value === 'number' || value === null || value === undefined)
    return String(value);
  return stringLiteral(JSON.stringify(value) ?? String(value));
}

/**
 * Prints `e` starting at column `column` of a line indented by `indent`, followed by `suffix` (`,` or `;`)
 * on its last line.
 */
export function print(e: Expr, indent: string, column: number, suffix: string): string {
  const one = flat(e);
  if (one !== undefined && column + one.length + suffix.length <= WIDTH) return one + suffix;
  const inner = indent + INDENT;
  switch (e.kind) {
    case 'literal':
    case 'name':
      return one + suffix;
    case 'object':
      return `{\n${e.props.map((p) => printProp(p, inner)).join('')}${indent}}${suffix}`;
    case 'array':
      return `[\n${e.items.map((i) => `${commentLines(i.comments, inner)}${inner}${print(i.value, inner, inner.length, ',')}\n`).join('')}${indent}]${suffix}`;
    case 'call': {
      const head = `${e.callee}(`;
      const last = e.args[e.args.length - 1];
      const leading = e.args.slice(0, -1).map(flat);
      // Hug the last argument when it is an object or array and the others fit on the line.
      if (last && (last.kind === 'object' || last.kind === 'array') && leading.every((p) => p !== undefined)) {
        const before = leading.map((p) => `${p}, `).join('');
        if (column + head.length + before.length + 1 <= WIDTH) {
          return `${head}${before}${print(last, indent, column + head.length + before.length, '')})${suffix}`;
        }
      }
      return `${head}\n${e.args.map((a) => `${inner}${print(a, inner, inner.length, ',')}\n`).join('')}${indent})${suffix}`;
    }
  }
}

function printProp(p: Prop, indent: string): string {
  const key = `${propertyKey(p.key)}: `;
  const head = `${commentLines(p.comments, indent)}${indent}${key}`;
  const one = flat(p.value);
  const fits = one !== undefined && indent.length + key.length + one.length + 1 <= WIDTH;
  if (
    !fits &&
    p.value.kind === 'literal' &&
    typeof p.value.value === 'string' &&
    propertyKey(p.key).length >= SHORT_KEY
  ) {
    return `${head.trimEnd()}\n${indent}${INDENT}${one},\n`;
  }
  return `${head}${print(p.value, indent, indent.length + key.length, ',')}\n`;
}
