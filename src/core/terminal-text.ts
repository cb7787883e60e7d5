/**
 * What no output of this package writes as it is: control characters (C0, DEL, C1), which a terminal or a CI
 * log acts on (colours, cursor moves, a line that starts a GitHub workflow command); Unicode's bidirectional
 * and invisible format characters (soft hyphen, zero-width characters, line and paragraph separators, bidi
 * overrides and isolates, the byte order mark), which show text other than it holds (CVE-2021-42574, "Trojan
 * Source"); Unicode's tag characters (U+E0000-U+E007F, invisible text); and what XML 1.0's `Char` production excludes besides (lone surrogates, U+FFFE, U+FFFF). One
 * definition, for the library's annotation lines here and for every line the `aml-compute` command prints.
 */
export const UNSAFE_TEXT =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff\u{e0000}-\u{e007f}]/gu;

const UNSAFE_CHARACTER = new RegExp(UNSAFE_TEXT.source, 'u');

/** Whether one code point is of UNSAFE_TEXT (for writers that walk text by code point: `aml-compute import`). */
export function isUnsafeCodePoint(cp: number): boolean {
  return UNSAFE_CHARACTER.test(String.fromCodePoint(cp));
}

/** `\uXXXX` for each UTF-16 unit of `c`: valid in JSON strings and JavaScript alike, and ASCII. */
export function codeUnitEscapes(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** `text` with every character a terminal would act on written as an escape (`\n`, `\x1b`, `\u202e`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_TEXT, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : codeUnitEscapes(c);
  });
}
