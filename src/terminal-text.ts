/**
 * Control characters (C0, DEL, C1) and the Unicode format characters that reorder or hide text (bidi
 * overrides and isolates, zero-width characters, the byte order mark): a terminal or a CI log acts on them
 * (colours, cursor moves, a line that starts a GitHub workflow command), or shows text other than it holds.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** `text` with every character a terminal would act on written as an escape (`\n`, `\x1b`, `\u202e`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
