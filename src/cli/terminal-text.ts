import { codeUnitEscapes, UNSAFE_TEXT } from '../core/terminal-text';

/**
 * Text from input made safe to print: a file name, an instance name or a value may hold ESC (a terminal's
 * escape sequences: colours, cursor moves, window titles), BEL, NUL, CR or LF (a line that overwrites or
 * fakes another), or Unicode's bidirectional and invisible format characters (text shown in another order
 * than it is: CVE-2021-42574, "Trojan Source"). Each character of UNSAFE_TEXT (src/core/terminal-text.ts, shared
 * with the library's annotation lines) is shown escaped as `\u001b`, so the output says what the input held
 * and does nothing else; what is left is also text XML 1.0 allows, so SVG output can use it.
 */
/** One line of output's worth of input text, every unsafe character escaped (line breaks too). */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_TEXT, codeUnitEscapes);
}

/**
 * A line to print: the template's own text as written, each interpolated value through `terminalText`,
 * and a line break at the end. Every line the command prints about its input is made with it.
 */
export function line(strings: TemplateStringsArray, ...values: unknown[]): string {
  return `${strings.reduce((text, s, i) => `${text}${terminalText(String(values[i - 1]))}${s}`)}\n`;
}

/**
 * JSON for output: JSON.stringify escapes the C0 controls itself; the other unsafe characters (DEL, C1,
 * bidirectional controls) can stand only inside strings, where `\u202e` is the same character to a parser.
 */
export function terminalJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)
    .split('\n')
    .map((l) => terminalText(l))
    .join('\n')}\n`;
}
