import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { filesBelow } from '../support/files-below';

describe('the examples, synthesized in two separate processes', () => {
  const main = resolve(__dirname, '..', '..', 'examples', 'main.js');
  const dirs = [mkdtempSync(join(tmpdir(), 'synth-a-')), mkdtempSync(join(tmpdir(), 'synth-b-'))];
  // Different working directories too: nothing in the output may depend on where synth runs.
  dirs.forEach((dir, i) => execFileSync(process.execPath, [main, join(dir, 'out')], { cwd: i === 0 ? dir : tmpdir() }));
  const [a, b] = dirs.map((d) => join(d, 'out'));
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('write the same files', () => {
    expect(filesBelow(a)).toEqual(filesBelow(b));
    expect(filesBelow(a)).toEqual(expect.arrayContaining(['arm/workstations.json', 'stacks/workstations/cdk.tf.json']));
  });

  test('write byte-identical files', () => {
    for (const f of filesBelow(a)) {
      expect([f, readFileSync(join(a, f)).equals(readFileSync(join(b, f)))]).toEqual([f, true]);
    }
  });
});
