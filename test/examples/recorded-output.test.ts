import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { filesBelow } from '../support/files-below';
import { synthPropsMatrix } from '../support/recorded-stacks';

/**
 * The synthesized output recorded before the field-table redesign (test/fixtures/recorded-output): the
 * examples, the fleet and a stack of every compute instance setting (Terraform JSON, HCL, ARM). A refactoring
 * must leave every byte as it was. `RECORDED_OUTPUT=write` records anew, for a change that means to alter output.
 */
const RECORDED = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'recorded-output');

/**
 * cdktf's manifest keeps each annotation's stack trace, which names the files of this checkout (and so moves
 * with any file the stack passes through): compared without them.
 */
function withoutStackTraces(manifest: string): string {
  return JSON.stringify(
    JSON.parse(manifest, (key, value) => (key === 'stacktrace' ? undefined : value)),
    null,
    2,
  );
}

const work = mkdtempSync(join(tmpdir(), 'recorded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function produced(): Record<string, string> {
  const examples = join(work, 'examples');
  execFileSync(process.execPath, [resolve(__dirname, '..', '..', 'examples', 'main.js'), examples], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const files: Record<string, string> = {};
  for (const f of filesBelow(examples)) {
    const text = readFileSync(join(examples, f), 'utf8');
    files[`examples/${f}`] = f.endsWith('manifest.json') ? withoutStackTraces(text) : text;
  }
  // The matrix's stacks use cdktf's default local backend, whose state path is absolute (the working directory's).
  for (const [f, text] of Object.entries(synthPropsMatrix(join(work, 'matrix'))))
    files[`matrix/${f}`] = text.split(`${process.cwd()}/`).join('<cwd>/');
  return files;
}

const files = produced();
if (process.env.RECORDED_OUTPUT === 'write') {
  rmSync(RECORDED, { recursive: true, force: true });
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(RECORDED, f)), { recursive: true });
    writeFileSync(join(RECORDED, f), text);
  }
}

describe('the synthesized output, against what was recorded before the redesign', () => {
  test('the same files', () => {
    expect(Object.keys(files).sort()).toEqual(filesBelow(RECORDED));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'examples/stacks/workstations/cdk.tf.json',
        'matrix/matrix.tf',
        'matrix/matrix.arm.json',
      ]),
    );
  });

  test.each(filesBelow(RECORDED))('%s is byte-identical', (f) => {
    // Compared line by line first, so that a difference shows where it is.
    const now = files[f]?.split('\n') ?? [];
    const then = readFileSync(join(RECORDED, f), 'utf8').split('\n');
    const first = now.findIndex((line, i) => line !== then[i]);
    expect({
      file: f,
      firstDifferentLine: first === -1 && now.length === then.length ? null : first + 1,
      now: now[first],
      then: then[first],
    }).toEqual({
      file: f,
      firstDifferentLine: null,
      now: undefined,
      then: undefined,
    });
    expect(files[f] === readFileSync(join(RECORDED, f), 'utf8')).toBe(true);
  });
});
