import { joinPath } from './json-path';

/**
 * The line (1-based) each value of a JSON text starts on, by JSON path, so that a report can point an editor
 * or GitHub's code scanning at the line. A small scanner over valid JSON: strings, numbers, literals, nesting.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    while (i < text.length && /[\s\uFEFF]/.test(text[i])) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    skipSpace();
    lines.set(path, line);
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      while (text[i] !== '}' && i < text.length) {
        skipSpace();
        const key = readString();
        skipSpace();
        i++; // the colon
        value(joinPath(path, key));
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '[') {
      i++;
      skipSpace();
      let n = 0;
      while (text[i] !== ']' && i < text.length) {
        value(joinPath(path, n++));
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && /[^,\]}\s]/.test(text[i])) i++;
    }
  };
  value('');
  return lines;
}

/** The line of `path`, or of its nearest ancestor present in the text (a missing field is reported on its parent). */
export function lineOf(lines: Map<string, number>, path: string): number | undefined {
  for (let p = path; ;) {
    const found = lines.get(p);
    if (found !== undefined) return found;
    const parent = p.replace(/(\.?[^.[\]]+|\[[^\]]*\])$/, '');
    if (parent === p) return lines.get('');
    p = parent;
  }
}
