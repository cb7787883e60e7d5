import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthExamples } from '../../examples/main';

/** What issue 2 asks the examples to show, read from what `npm run synth` writes. */
describe('the examples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'examples-'));
  synthExamples(dir);
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("declare three data scientists' instances on their behalf, in a VNet, with schedules and a creation script", () => {
    const instances = Object.values(read('stacks/workstations/cdk.tf.json').resource.azapi_resource) as any[];
    const scientists = instances.filter((r) => r.body.properties.properties.personalComputeInstanceSettings);
    expect(scientists.map((r) => r.name)).toEqual(['ci-alice', 'ci-bob', 'ci-carol']);
    for (const r of scientists) {
      const p = r.body.properties.properties;
      expect([
        r.name,
        p.subnet.id.endsWith('/subnets/compute'),
        p.enableNodePublicIp,
        p.schedules.computeStartStop.length > 0,
        p.setupScripts.scripts.creationScript.scriptSource,
      ]).toEqual([r.name, true, false, true, 'inline']);
    }
    const carol = scientists[2].body.properties.properties.schedules.computeStartStop.map(
      (s: any) => `${s.action} ${s.cron.expression}`,
    );
    expect(carol).toEqual(['Start 0 9 * * 1-5', 'Stop 0 18 * * 1-4', 'Stop 0 16 * * 5']);
  });

  test('write an ARM-only template, with no Terraform JSON for it', () => {
    const template = read('arm/arm-only.json');
    expect(template.parameters).toEqual({ 'ci-dev.workspaceId': expect.objectContaining({ type: 'string' }) });
    expect(template.resources.map((r: any) => r.name)).toEqual([
      "[concat(last(split(parameters('ci-dev.workspaceId'), '/')), '/', 'ci-dev')]",
    ]);
    expect(() => readFileSync(join(dir, 'stacks', 'arm-only', 'cdk.tf.json'))).toThrow(/ENOENT/);
  });
});
