import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IMPORT_USAGE } from '../../../src/cli/import/command';
import { fixture, REPO, runImportArgs } from '../../support/import-harness';

/*
 * Issue 20, item 2: `aml-compute import --framework cdktf|cdktn`. The default is the framework the nearest
 * package.json depends on (from the --out file's directory, else the current one, upward), else cdktf.
 */

const INPUT = fixture('import/refused-idle-shutdown.json');
const CLI = path.join(REPO, 'dist', 'src', 'cli', 'main.js');
const CDKTF_LINE = "import { ComputeInstance, Duration } from 'cdktf-azureml-compute';\n";
const CDKTN_LINE = "import { ComputeInstance, Duration } from 'cdktf-azureml-compute/cdktn';\n";

/** A temporary project: `manifests` maps a directory (relative, '' for the root) to its package.json text. */
function project(manifests: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-framework-'));
  for (const [dir, text] of Object.entries(manifests)) {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, dir, 'package.json'), text);
  }
  return root;
}

/** The library's import line of the module written to `<root>/<dir>/instances.ts` with --out. */
function importLineFor(root: string, dir: string, extra: string[] = []): string | undefined {
  fs.mkdirSync(path.join(root, dir), { recursive: true });
  const out = path.join(root, dir, 'instances.ts');
  const r = runImportArgs([INPUT, '--out', out, ...extra]);
  expect([r.code, r.out]).toEqual([1, '']);
  return r.written[out]?.match(/^import .* from 'cdktf-azureml-compute.*\n/m)?.[0];
}

describe('aml-compute import --framework', () => {
  test('--framework cdktn: the module imports the library from its cdktn entry, Construct from constructs', () => {
    const r = runImportArgs([INPUT, '--framework', 'cdktn']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`import { Construct } from 'constructs';\n${CDKTN_LINE}`);
  });

  test('--framework cdktf: the main entry', () => {
    const r = runImportArgs(['--framework', 'cdktf', INPUT]);
    expect(r.out).toContain(`import { Construct } from 'constructs';\n${CDKTF_LINE}`);
  });

  test('the two modules differ in that line only', () => {
    const cdktf = runImportArgs([INPUT, '--framework', 'cdktf']).out;
    const cdktn = runImportArgs([INPUT, '--framework', 'cdktn']).out;
    expect(cdktn).toBe(cdktf.replace(CDKTF_LINE, CDKTN_LINE));
    expect(cdktn).not.toBe(cdktf);
  });

  test.each(['terraform', 'CDKTN', '', 'cdktf,cdktn'])(
    '--framework %j: exit 2, a line naming the allowed values, the usage, nothing written',
    (value) => {
      const r = runImportArgs([INPUT, '--framework', value]);
      expect(r).toEqual({
        code: 2,
        out: '',
        err: `aml-compute import: --framework ${value}: allowed: cdktf or cdktn\n${IMPORT_USAGE}\n`,
        written: {},
      });
    },
  );

  test('a hostile --framework value is shown escaped, on one line', () => {
    const r = runImportArgs([INPUT, '--framework', 'x\n\u001b[2J\u202e']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('aml-compute import: --framework x\\n\\u001b[2J\\u202e: allowed: cdktf or cdktn');
  });

  test('an unknown option: exit 2 with the parser message and the usage', () => {
    const r = runImportArgs([INPUT, '--frame', 'cdktn']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^aml-compute import: unknown option "--frame" \(allowed: --framework, --out, --help\)/);
    expect(r.err.endsWith(`${IMPORT_USAGE}\n`)).toBe(true);
  });

  test('no file: exit 2 with the usage', () => {
    expect(runImportArgs(['--framework', 'cdktn'])).toEqual({
      code: 2,
      out: '',
      err: `${IMPORT_USAGE}\n`,
      written: {},
    });
  });

  test('the usage names both options and the default', () => {
    const lines = IMPORT_USAGE.split('\n');
    expect(lines[0]).toBe('usage: aml-compute import FILE... [--framework cdktf|cdktn] [--out FILE]');
    expect(lines).toContain(
      "  --framework cdktf|cdktn  the Terraform CDK the module is written for (default: the one the nearest package.json depends on, from the --out file's folder or else the current one, upward; cdktf when none says)",
    );
    expect(lines).toContain('  --out FILE               writes the module to FILE instead of stdout');
  });
});

describe('aml-compute import: the default framework, from the nearest package.json', () => {
  test.each([
    ['dependencies', '{"dependencies":{"cdktn":"0.24.0","constructs":"10.6.0"}}'],
    ['devDependencies', '{"devDependencies":{"cdktn":"^0.24.0"}}'],
    ['peerDependencies', '{"peerDependencies":{"cdktn":"^0.24.0"}}'],
  ])('cdktn in %s: cdktn', (_, manifest) => {
    expect(importLineFor(project({ '': manifest }), '')).toBe(CDKTN_LINE);
  });

  test.each([
    ['cdktf', '{"dependencies":{"cdktf":"0.21.0"}}'],
    ['both cdktf and cdktn', '{"dependencies":{"cdktf":"0.21.0"},"devDependencies":{"cdktn":"0.24.0"}}'],
    ['neither', '{"dependencies":{"constructs":"10.6.0"}}'],
    ['dependencies that are not an object', '{"dependencies":"cdktn","devDependencies":["cdktn"]}'],
    ['cdktn only nested under a __proto__ key', '{"dependencies":{"__proto__":{"cdktn":"1"}}}'],
    ['a manifest that is not an object', '["cdktn"]'],
  ])('%s: cdktf', (_, manifest) => {
    expect(importLineFor(project({ '': manifest }), '')).toBe(CDKTF_LINE);
  });

  test("it is searched from the --out file's directory upward: a parent's package.json counts", () => {
    const root = project({ '': '{"dependencies":{"cdktn":"0.24.0"}}' });
    expect(importLineFor(root, 'src/adopted')).toBe(CDKTN_LINE);
  });

  test('the nearest package.json decides, even when a parent names the other framework', () => {
    const root = project({ '': '{"dependencies":{"cdktn":"0.24.0"}}', app: '{"dependencies":{"cdktf":"0.21.0"}}' });
    expect(importLineFor(root, 'app/src')).toBe(CDKTF_LINE);
    expect(importLineFor(root, 'lib')).toBe(CDKTN_LINE);
  });

  test('--framework wins over package.json', () => {
    const root = project({ '': '{"dependencies":{"cdktn":"0.24.0"}}' });
    expect(importLineFor(root, '', ['--framework', 'cdktf'])).toBe(CDKTF_LINE);
  });

  test('a package.json that is not JSON: exit 2 naming it and --framework; with --framework it is not read', () => {
    const root = project({ '': '{ not json' });
    const out = path.join(root, 'instances.ts');
    const r = runImportArgs([INPUT, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.written).toEqual({});
    expect(r.err.split('\n')[0]).toMatch(
      new RegExp(
        `^aml-compute import: ${path.join(root, 'package.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON \\(.*\\); the framework is read from it: pass --framework cdktf or cdktn$`,
      ),
    );
    expect(runImportArgs([INPUT, '--out', out, '--framework', 'cdktn']).written[out]).toContain(CDKTN_LINE);
  });

  test('the command writes --out to disk, and nothing on stdout', () => {
    const root = project({ '': '{"devDependencies":{"cdktn":"0.24.0"}}' });
    const out = path.join(root, 'instances.ts');
    const r = spawnSync(process.execPath, [CLI, 'import', INPUT, '--out', out], { encoding: 'utf8' });
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(fs.readFileSync(out, 'utf8')).toContain(CDKTN_LINE);
  });

  test('--out into a directory that does not exist: exit 2 naming the file', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aml-out-')), 'missing', 'instances.ts');
    const r = spawnSync(process.execPath, [CLI, 'import', INPUT, '--framework', 'cdktf', '--out', out], {
      encoding: 'utf8',
    });
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr.split('\n').slice(-2)).toEqual([`aml-compute import: ${out}: cannot write it (ENOENT)`, '']);
  });

  test('without --out, from the current directory: the command run in a cdktn project writes cdktn code', () => {
    const root = project({ '': '{"dependencies":{"cdktn":"0.24.0"}}' });
    const r = spawnSync(process.execPath, [CLI, 'import', INPUT], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(CDKTN_LINE);
  });
});
