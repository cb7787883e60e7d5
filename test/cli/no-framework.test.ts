import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative, resolve } from 'path';
import { fixture, ROOT } from '../support/cli';
import { VERB_NAMES } from '../../src/cli/usage';

/**
 * `aml-compute` runs where no framework is installed (a cdktn project, or the package alone): lint, preview
 * and audit judge JSON, import writes code. Two guards: no module the command can load requires a framework
 * (cdktf, cdktn, constructs or a @cdktf provider) or src/core/framework.ts; and the built bin, with those names made
 * unresolvable, answers every verb.
 */
const FRAMEWORK = /^(cdktf|cdktn|constructs|@cdktf\/[^/]+)(\/.*)?$/;
const BIN = resolve(ROOT, 'dist/src/cli/main.js');

/** Every module reachable from `entry` by a literal relative require, with the chain that reaches it. */
function requireGraph(entry: string): Map<string, { chain: string[]; packages: string[] }> {
  const found = new Map<string, { chain: string[]; packages: string[] }>();
  const visit = (file: string, chain: string[]) => {
    if (found.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const names = [...text.matchAll(/require\((['"])([^'"]+)\1\)/g)].map((m) => m[2]);
    found.set(file, { chain, packages: names.filter((n) => !n.startsWith('.')) });
    for (const name of names.filter((n) => n.startsWith('.'))) {
      const target = resolve(dirname(file), name);
      visit(target.endsWith('.js') || target.endsWith('.json') ? target : `${target}.js`, [
        ...chain,
        relative(ROOT, file),
      ]);
    }
  };
  visit(entry, []);
  return found;
}

describe('aml-compute needs no framework', () => {
  test('no module reachable from dist/src/cli/main.js requires a framework or src/core/framework', () => {
    const graph = requireGraph(BIN);
    // The verbs are loaded when called (require('./lint/command') and the others): the walk follows them.
    for (const verb of VERB_NAMES) expect(graph.has(resolve(ROOT, `dist/src/cli/${verb}/command.js`))).toBe(true);
    const offending = [...graph].flatMap(([file, { chain, packages }]) =>
      relative(ROOT, file) === 'dist/src/core/framework.js' || packages.some((p) => FRAMEWORK.test(p))
        ? [[...chain, relative(ROOT, file), ...packages.filter((p) => FRAMEWORK.test(p))].join(' -> ')]
        : [],
    );
    expect(offending).toEqual([]);
    // What it does require: node's own modules and the package's dependencies.
    const packages = new Set(
      [...graph.values()].flatMap((v) => v.packages).map((p) => p.replace(/^((@[^/]+\/)?[^/]+).*$/, '$1')),
    );
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    for (const p of packages)
      expect([
        p,
        p.startsWith('node:') || require('module').builtinModules.includes(p) || p in pkg.dependencies,
      ]).toEqual([p, true]);
  });

  describe('the built bin, with cdktf, cdktn, constructs and @cdktf/* unresolvable', () => {
    let dir: string;
    let hook: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'aml-no-framework-'));
      hook = join(dir, 'no-framework.js');
      writeFileSync(
        hook,
        `const Module = require('module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (${FRAMEWORK}.test(request)) throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
  return resolveFilename.call(this, request, ...rest);
};
`,
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--require', hook, BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

    test('the hook works: the library itself cannot load under it', () => {
      const r = spawnSync(
        process.execPath,
        ['--require', hook, '-e', `require(${JSON.stringify(resolve(ROOT, 'dist/src/index.js'))})`],
        {
          encoding: 'utf8',
        },
      );
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('this entry is built for cdktf, which is not installed here');
    });

    test('lint: problems found, exit 1', () => {
      const r = run(['lint', fixture('rest-get-compute-instance.json')]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('responses["200"].body.properties.properties.subnet.id: compute123: received');
      expect(r.status).toBe(1);
    });

    test('preview: a chart, exit 0', () => {
      const r = run(['preview', '--cron', 'Start 0 8 * * 1-5', '--cron', 'Stop 0 18 * * 1-5', '--from', '2026-03-23']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('runs 50.0 h of 168 h in the week of 2026-03-23 (Etc/UTC), 29.8 %');
      expect(r.status).toBe(0);
    });

    test('audit: the docs sample appends a schedule, exit 0', () => {
      const r = run([
        'audit',
        '--policy',
        fixture('docs-default-schedule-policy.json'),
        fixture('rest-get-compute-instance.json'),
      ]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('  appended docs-default-schedule-policy: adds schedules = ');
      expect(r.status).toBe(0);
    });

    test('import: the module it writes, with the refusals the library would raise', () => {
      const r = run(['import', fixture('az-ml-compute-list.json')]);
      expect(r.stdout).toContain('new ComputeInstance(');
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).not.toContain('Cannot find module');
      expect([0, 1]).toContain(r.status);
    });
  });
});
