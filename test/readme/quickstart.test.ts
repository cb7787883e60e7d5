import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The README's quick start (examples/readme-quickstart.ts, the same code) runs as a user would run it. */
describe('the README quick start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readme-'));
  execFileSync(process.execPath, [resolve(__dirname, '..', '..', 'examples', 'readme-quickstart.js'), dir], {
    cwd: dir,
  });
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is the code the README shows', () => {
    const readme = readFileSync(resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const example = readFileSync(resolve(__dirname, '..', '..', '..', 'examples', 'readme-quickstart.ts'), 'utf8');
    const body = (text: string) =>
      text
        .replace(/\/\/ The README's quick start[^\n]*\n\/\/[^\n]*\n/, '')
        .replace("'../src'", "'cdktf-azureml-compute'")
        .replace(/00000000-0000-0000-0000-000000000001/g, '<sub>')
        .replace('aaaaaaaa-0000-0000-0000-000000000001', '<alice object id>')
        .replace('11111111-1111-1111-1111-111111111111', '<tenant id>')
        .replace("new App({ outdir: process.argv[2] ?? 'cdktf.out/readme' })", 'new App()');
    expect(readme).toContain(body(example));
  });

  test('writes the instance with working hours, idle shutdown and a generated script', () => {
    const tf = read('stacks/workstations/cdk.tf.json');
    const [ci] = Object.values(tf.resource.azapi_resource) as any[];
    expect(
      ci.body.properties.properties.schedules.computeStartStop.map((s: any) => [s.action, s.cron.expression]),
    ).toEqual([
      ['Start', '30 8 * * 1-5'],
      ['Stop', '30 18 * * 1-5'],
    ]);
    expect(ci.body.properties.properties.idleTimeBeforeShutdown).toBe('PT30M');
    expect(
      Buffer.from(ci.body.properties.properties.setupScripts.scripts.creationScript.scriptData, 'base64').toString(),
    ).toMatch(/^#!\/bin\/bash\nset -euo pipefail\n/);
  });

  test('writes the policy stack and both ARM templates', () => {
    expect(Object.keys(read('stacks/governance/cdk.tf.json').resource)).toEqual(
      expect.arrayContaining(['azurerm_policy_definition', 'azurerm_subscription_policy_assignment']),
    );
    expect(read('arm/workstations.json').resources).toHaveLength(1);
    expect(read('arm/governance.json').resources.map((r: any) => [r.type, r.name])).toEqual([
      ['Microsoft.Authorization/policyDefinitions', 'shutdown-require-stop-schedule'],
      ['Microsoft.Authorization/policyDefinitions', 'shutdown-idle-shutdown'],
      ['Microsoft.Authorization/policySetDefinitions', 'shutdown'],
      ['Microsoft.Authorization/policyAssignments', 'shutdown'],
    ]);
  });
});
