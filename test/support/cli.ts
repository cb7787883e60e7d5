import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

/** The repository's root (tests run from dist/test). */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const FIXTURES = 'test/fixtures/cli';

export function fixture(name: string): string {
  return `${FIXTURES}/${name}`;
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly written: Record<string, string>;
}

/**
 * Runs the command in-process: files come from `files` (by the name given) or from the repository
 * (relative to its root), writes are kept in `written`.
 */
export async function runCli(
  argv: string[],
  options: { files?: Record<string, string>; isTTY?: boolean } = {},
): Promise<CliRun> {
  let out = '';
  let err = '';
  const written: Record<string, string> = {};
  const io: CliIo = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTTY: options.isTTY ?? false,
    readFile: (path) => {
      if (options.files && path in options.files) return options.files[path];
      const full = resolve(ROOT, path);
      if (!existsSync(full)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return readFileSync(full, 'utf8');
    },
    writeFile: (path, text) => {
      written[path] = text;
    },
  };
  const code = await main(argv, io);
  return { code, out, err, written };
}

export function readFixture(name: string): string {
  return readFileSync(resolve(ROOT, FIXTURES, name), 'utf8');
}
