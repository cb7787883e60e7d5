import { join } from 'node:path';
import { TerraformResource, TerraformStack, Testing } from 'cdktn';
import { errorsOf } from './support/annotations';
import { REQUIRED, SUBSCRIPTION, thrown, warningsOf } from './support/stack';

/**
 * The cdktn entry as its users load it: the build's dist/cdktn (the same source compiled against cdktn 0.24),
 * beside the compiled tests. Its scopes are constructs' Construct, shared by both frameworks, so the main
 * entry's types describe it for these calls.
 */
const lib = require(join(__dirname, '..', 'cdktn')) as typeof import('../src');

const DENY_IDLE_OVER_1H = {
  scope: { subscriptionId: SUBSCRIPTION },
  idleShutdown: { effect: 'Deny' as const, max: lib.Duration.hours(1) },
};

describe('the cdktn entry under cdktn 0.24', () => {
  test('an instance synthesizes to the azapi resource, as a cdktn resource', () => {
    const stack = new TerraformStack(Testing.app(), 'workstations');
    const ci = new lib.ComputeInstance(stack, 'ci', { ...REQUIRED, idleShutdown: lib.Duration.minutes(30) });
    const json = JSON.parse(Testing.synth(stack, true));
    const [compute] = Object.values<any>(json.resource.azapi_resource);
    expect(compute.type).toBe('Microsoft.MachineLearningServices/workspaces/computes@2025-12-01');
    expect(compute.name).toBe('ci-alice');
    expect(compute.body.properties.computeType).toBe('ComputeInstance');
    expect(compute.body.properties.properties.idleTimeBeforeShutdown).toBe('PT30M');
    const resources = ci.node.findAll().filter((c) => TerraformResource.isTerraformResource(c));
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.every((c) => c instanceof TerraformResource)).toBe(true);
  });

  test('a ShutdownPolicy declared before the stack of the instance it judges: a Deny fails app.synth', () => {
    const app = Testing.app();
    new lib.ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', DENY_IDLE_OVER_1H);
    const ci = new lib.ComputeInstance(new TerraformStack(app, 'workstations'), 'alice', {
      ...REQUIRED,
      idleShutdown: lib.Duration.hours(2),
    });
    const e = thrown(() => app.synth());
    expect(e.message).toContain(
      'Encountered Annotations with level "ERROR":\n[workstations/alice] IdleShutdown (Deny, ShutdownPolicy governance/shutdown): idleTimeBeforeShutdown: received "PT2H"; allowed:',
    );
    expect(errorsOf(ci)).toHaveLength(1);
  });

  test('an Audit warns and app.synth passes; ArmTemplate.writeForApp takes the cdktn App', () => {
    const app = Testing.app();
    const ci = new lib.ComputeInstance(new TerraformStack(app, 'workstations'), 'alice', REQUIRED);
    new lib.ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', {
      scope: { subscriptionId: SUBSCRIPTION },
      requireSchedules: 'Audit',
    });
    expect(() => app.synth()).not.toThrow();
    expect(warningsOf(ci)).toEqual([
      'RequireStopSchedule (Audit, ShutdownPolicy governance/shutdown): schedules: received no schedules; allowed: at least one schedule with action "Stop" and status "Enabled". Azure Policy reports this instance non-compliant.',
    ]);
    expect(
      lib.ArmTemplate.writeForApp(app as unknown as Parameters<typeof lib.ArmTemplate.writeForApp>[0]).map((f) =>
        f.slice(app.outdir.length + 1),
      ),
    ).toEqual(['arm/workstations.json', 'arm/governance.json']);
  });
});

test("the main entry's resources are cdktf's, not cdktn's: each entry is built against its own framework", () => {
  const main = require(join(__dirname, '..', 'src')) as typeof import('../src');
  const cdktf = require('cdktf') as typeof import('cdktf');
  const ci = new main.ComputeInstance(new cdktf.TerraformStack(cdktf.Testing.app(), 'workstations'), 'ci', REQUIRED);
  const resources = ci.node.findAll().filter((c) => cdktf.TerraformResource.isTerraformResource(c));
  expect(resources.length).toBeGreaterThan(0);
  expect(resources.map((c) => [c instanceof cdktf.TerraformResource, c instanceof TerraformResource])).toEqual(
    resources.map(() => [true, false]),
  );
});
