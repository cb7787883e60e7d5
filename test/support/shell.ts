import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `bash -n` of a script: its syntax errors, or '' when it parses. */
export function bashSyntaxErrors(script: string): string {
  const result = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return result.status === 0 ? '' : result.stderr || `bash -n exited ${result.status}`;
}

/** True when shellcheck is on PATH. */
export function hasShellcheck(): boolean {
  return spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * Shellcheck's findings for each script (every severity, as bash), in one shellcheck run: '' for a script
 * without findings. Scripts are written to files named after their labels, so a finding says which it is.
 */
export function shellcheckFindings(scripts: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'shellcheck-'));
  const files = Object.entries(scripts).map(([label, text], i) => {
    const file = join(dir, `${i}.sh`);
    writeFileSync(file, text);
    return { label, file };
  });
  const result = spawnSync(
    'shellcheck',
    ['--shell=bash', '--severity=style', '--format=gcc', ...files.map((f) => f.file)],
    { encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  if (result.error) throw result.error;
  const out: Record<string, string> = {};
  for (const { label, file } of files) {
    out[label] = result.stdout
      .split('\n')
      .filter((l) => l.startsWith(`${file}:`))
      .join('\n');
  }
  return out;
}
