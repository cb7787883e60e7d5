import { spawnSync } from 'node:child_process';
import { shellQuote, shellWords } from '../../src/setup-script/shell-quote';

/** What bash makes of `words` as arguments: each word it passes, in order. */
function bashReads(words: string): string[] {
  const result = spawnSync('bash', ['--norc', '-c', `printf '%s\\0' ${words}`], {
    encoding: 'utf8',
    env: { LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(result.stderr).toBe('');
  return result.stdout.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  test("leaves safe words bare, single-quotes the rest, and uses $'...' where single quotes would trip shellcheck", () => {
    expect(shellQuote('numpy')).toBe('numpy');
    expect(shellQuote('a=b')).toBe("'a=b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('$HOME')).toBe("$'$HOME'");
    expect(shellQuote('~/x')).toBe("$'~/x'");
    expect(shellQuote("a\\b'c\nd\x017")).toBe("$'a\\\\b\\'c\\nd\\0017'");
  });

  test('every ASCII character, alone and next to digits, and non-ASCII text reach bash as one word each, unchanged', () => {
    const values = Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1));
    values.push(...values.map((c) => `${c}7a`), 'Zürich 東京 🚀', "'''", "$'x'", '"$(id)"', '', '-n', '~', 'a~b');
    expect(bashReads(shellWords(values))).toEqual(values);
  });
});
