import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { fixture, ROOT } from '../support/cli';

describe('the aml-compute bin', () => {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  const bin = resolve(ROOT, pkg.bin['aml-compute']);

  test('package.json names the built entry point, which starts with a node shebang', () => {
    expect(pkg.bin).toEqual({ 'aml-compute': 'dist/src/cli/main.js' });
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test('spawned as a process: output on stdout, exit codes 1, 0 and 2', () => {
    const lint = spawnSync(process.execPath, [bin, 'lint', fixture('rest-get-compute-instance.json')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(
      /^test\/fixtures\/cli\/rest-get-compute-instance.json:25: responses\["200"\].body.properties.properties.subnet.id: compute123: received "test-subnet-resource-id"/,
    );
    expect(lint.stderr).toBe('');
    const clean = spawnSync(process.execPath, [bin, 'lint', fixture('quickstart.azuredeploy.parameters.json')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('no problems in 1 instance\n');
    const unusable = spawnSync(process.execPath, [bin, 'lint', 'no-such-file.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(unusable.status).toBe(2);
    expect(unusable.stderr).toBe('aml-compute lint: no-such-file.json: cannot read it (ENOENT)\n');
    expect(unusable.stdout).toBe('');
  });
});
