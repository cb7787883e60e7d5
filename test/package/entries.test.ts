import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

// Tests run from dist/test; package.json and dist are one and two levels up.
const root = resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The modules (paths under the repository) that requiring `modulePath` loads, in a fresh process. */
function loadedBy(modulePath: string): string[] {
  const script =
    `require(${JSON.stringify(modulePath)});` +
    `console.log(JSON.stringify(Object.keys(require.cache).map((m) => m.slice(${JSON.stringify(root + sep)}.length))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('package.json: one entry per framework', () => {
  test('exports the cdktf entry as the root and the cdktn entry as ./cdktn, with types for both resolutions', () => {
    expect(pkg.exports).toEqual({
      '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' },
      './cdktn': { types: './dist/cdktn/index.d.ts', default: './dist/cdktn/index.js' },
      './package.json': './package.json',
    });
    expect(pkg.typesVersions).toEqual({ '*': { cdktn: ['dist/cdktn/index.d.ts'] } });
    for (const file of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/cdktn/index.js', 'dist/cdktn/index.d.ts']) {
      expect([file, existsSync(join(root, file))]).toEqual([file, true]);
    }
  });

  test('cdktf and cdktn are optional peers; constructs is a peer of both', () => {
    expect(pkg.peerDependencies).toEqual({ cdktf: '^0.21.0', cdktn: '^0.24.0', constructs: '^10.4.2' });
    expect(pkg.peerDependenciesMeta).toEqual({ cdktf: { optional: true }, cdktn: { optional: true } });
    expect([pkg.devDependencies.cdktf, pkg.devDependencies.cdktn, pkg.devDependencies.constructs]).toEqual([
      '0.21.0',
      '0.24.0',
      '10.7.2',
    ]);
  });

  test('the tarball holds both entries, and prepack builds them', () => {
    expect(pkg.files).toEqual(['dist/src', 'dist/cdktn', 'CHANGELOG.md']);
    expect(pkg.scripts.prepack).toBe('npm run -s clean && npm run -s build');
  });
});

describe('what each entry loads', () => {
  test('the cdktn entry loads cdktn and no module of cdktf or of a @cdktf package', () => {
    const loaded = loadedBy(join(root, 'dist', 'cdktn'));
    expect(loaded).toContain(join('node_modules', 'cdktn', 'lib', 'index.js'));
    expect(
      loaded.filter(
        (m) => m.startsWith(join('node_modules', 'cdktf') + sep) || m.startsWith(join('node_modules', '@cdktf')),
      ),
    ).toEqual([]);
    expect(loaded.filter((m) => m.startsWith(join('dist', 'src') + sep))).toEqual([]);
  });

  test('the cdktf entry loads no module of cdktn', () => {
    const loaded = loadedBy(join(root, 'dist', 'src'));
    expect(loaded).toContain(join('node_modules', 'cdktf', 'lib', 'index.js'));
    expect(loaded.filter((m) => m.startsWith(join('node_modules', 'cdktn') + sep))).toEqual([]);
  });

  test('a compute instance loads nothing of the policy: the policy finds the instances', () => {
    const loaded = loadedBy(join(root, 'dist', 'src', 'compute-instance', 'compute-instance.js'));
    expect(loaded).toContain(join('dist', 'src', 'compute-instance', 'declared-instances.js'));
    expect(loaded.filter((m) => m.startsWith(join('dist', 'src', 'policy') + sep))).toEqual([]);
  });
});
