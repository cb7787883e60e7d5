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
  | { readonly kind: 'raw'; readonly text: string }
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

export const lit = (value: string | number | boolean): Expr => ({ kind: 'literal', value });
export const raw = (text: string): Expr => ({ kind: 'raw', text });
export const obj = (props: readonly Prop[]): Expr => ({ kind: 'object', props });
export const arr = (items: readonly (Expr | Item)[]): Expr => ({
  kind: 'array',
  items: items.map((i) => ('kind' in i ? { value: i } : i)),
});
export const call = (callee: string, ...args: Expr[]): Expr => ({ kind: 'call', callee, args });
export const prop = (key: string, value: Expr, comments: readonly string[] = []): Prop => ({ key, value, comments });

const WIDTH = 120;
const INDENT = '  ';
const SHORT_KEY = 5;

/** A string literal as Prettier writes it: single quotes unless the text holds more of them than double quotes. */
export function stringLiteral(text: string): string {
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  const quote = singles > doubles ? '"' : "'";
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\u2028' || ch === '\u2029')
      out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

/** A template literal holding `text` unchanged (for script bodies, which read best as written). */
export function templateLiteral(text: string): string {
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/** An object key: bare where JavaScript allows it, else quoted (Prettier's quoteProps "as-needed"). */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : stringLiteral(key);
}

/** The one-line form of `e`, or undefined when it has to span lines (objects and comments always do). */
function flat(e: Expr): string | undefined {
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string' ? stringLiteral(e.value) : String(e.value);
    case 'raw':
      return e.text.includes('\n') ? undefined : e.text;
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

function comments(lines: readonly string[] | undefined, indent: string): string {
  return (lines ?? []).map((c) => `${indent}// ${c}\n`).join('');
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
    case 'raw':
      return (one ?? (e as { text: string }).text) + suffix;
    case 'object':
      return `{\n${e.props.map((p) => printProp(p, inner)).join('')}${indent}}${suffix}`;
    case 'array':
      return `[\n${e.items.map((i) => `${comments(i.comments, inner)}${inner}${print(i.value, inner, inner.length, ',')}\n`).join('')}${indent}]${suffix}`;
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
  const head = `${comments(p.comments, indent)}${indent}${key}`;
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
