/**
 * Shell quoting for values that go into a generated bash script. Every form below makes bash read the
 * value back byte for byte as one word, whatever it holds; the form is picked so that the script also
 * passes shellcheck without findings (single quotes around `$`, a backtick or a backslash, or a leading
 * `~`, are findings there, so those values use bash's `$'...'` form instead).
 */

/** Characters that mean nothing to bash in an unquoted word (`=` is left out: a first word with it is an assignment). */
const BARE = /^[A-Za-z0-9_@%+,.:/-]+$/;
/** What single quotes cannot hold without a shellcheck finding, or cannot hold on one line. */
const NEEDS_ANSI_C = /[$`\\\x00-\x1f\x7f]|^~/;

/** `value` as one bash word. */
export function shellQuote(value: string): string {
  if (BARE.test(value)) return value;
  if (!NEEDS_ANSI_C.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  return `$'${[...value].map(ansiC).join('')}'`;
}

/** Words joined by spaces, each quoted. */
export function shellWords(values: readonly string[]): string {
  return values.map(shellQuote).join(' ');
}

function ansiC(ch: string): string {
  if (ch === '\\') return '\\\\';
  if (ch === "'") return "\\'";
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  const code = ch.charCodeAt(0);
  // Three octal digits always: bash reads at most three, so a digit that follows cannot join the escape.
  if (code < 0x20 || code === 0x7f) return `\\${code.toString(8).padStart(3, '0')}`;
  return ch;
}
