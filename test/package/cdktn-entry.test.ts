import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TerraformResource, TerraformStack, Testing } from 'cdktn';
import { errorsOf } from '../support/annotations';
import { OBJECT_ID, REQUIRED, SUBSCRIPTION, TENANT_ID, thrown, warningsOf, WORKSPACE_ID } from '../support/stack';

/**
 * The cdktn entry as its users load it: the build's dist/cdktn (the same source compiled against cdktn 0.24),
 * beside the compiled tests. Its scopes are constructs' Construct, shared by both frameworks, so the main
 * entry's types describe it for these calls.
 */
const lib = require(join(__dirname, '..', '..', 'cdktn')) as typeof import('../../src');

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
    expect(resources.map((c) => [c.node.path, (c as TerraformResource).terraformResourceType])).toEqual([
      ['workstations/ci/Resource', 'azapi_resource'],
      ['workstations/ci/IdleShutdownSetting', 'azapi_resource_action'],
    ]);
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
  const main = require(join(__dirname, '..', '..', 'src')) as typeof import('../../src');
  const cdktf = require('cdktf') as typeof import('cdktf');
  const ci = new main.ComputeInstance(new cdktf.TerraformStack(cdktf.Testing.app(), 'workstations'), 'ci', REQUIRED);
  const resources = ci.node.findAll().filter((c) => cdktf.TerraformResource.isTerraformResource(c));
  expect(resources.map((c) => c.node.path)).toEqual(['workstations/ci/Resource']);
  expect(resources.map((c) => [c instanceof cdktf.TerraformResource, c instanceof TerraformResource])).toEqual(
    resources.map(() => [true, false]),
  );
});

describe('an entry used with the other framework says which entry to import', () => {
  const cdktf = require('cdktf') as typeof import('cdktf');
  const main = require(join(__dirname, '..', '..', 'src')) as typeof import('../../src');
  const allowedFor = (framework: 'cdktf' | 'cdktn') =>
    framework === 'cdktf'
      ? "a construct of CDK for Terraform (cdktf): this is the package's cdktf entry, 'cdktf-azureml-compute'; with cdktn, import from 'cdktf-azureml-compute/cdktn'"
      : "a construct of CDK Terrain (cdktn): this is the package's cdktn entry, 'cdktf-azureml-compute/cdktn'; with cdktf, import from 'cdktf-azureml-compute'";

  test.each<[string, (l: typeof lib, s: never) => unknown]>([
    ['ComputeInstance', (l, s) => new l.ComputeInstance(s, 'ci', REQUIRED)],
    ['AzapiProvider', (l, s) => new l.AzapiProvider(s, 'ci')],
    [
      'ShutdownPolicy',
      (l, s) => new l.ShutdownPolicy(s, 'ci', { scope: { subscriptionId: SUBSCRIPTION }, requireSchedules: 'Audit' }),
    ],
  ])('the main entry in a cdktn stack, and the cdktn entry in a cdktf stack: %s', (_what, make) => {
    const cdktnStack = new TerraformStack(Testing.app(), 'workstations') as never;
    expect(thrown(() => make(main, cdktnStack)).message).toBe(
      `Invalid input in workstations/ci (1 problem):\n  - workstations/ci: scope: received cdktn.TerraformStack "workstations", of CDK Terrain (cdktn); allowed: ${allowedFor('cdktf')}`,
    );
    const cdktfStack = new cdktf.TerraformStack(cdktf.Testing.app(), 'workstations') as never;
    expect(thrown(() => make(lib, cdktfStack)).message).toBe(
      `Invalid input in workstations/ci (1 problem):\n  - workstations/ci: scope: received cdktf.TerraformStack "workstations", of CDK for Terraform (cdktf); allowed: ${allowedFor('cdktn')}`,
    );
  });

  /** The message of loading `entry` in a node where `hidden` cannot be resolved, as where it is not installed. */
  function loadWithout(hidden: string, entry: string): string {
    const script = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (request === ${JSON.stringify(hidden)} || request.startsWith(${JSON.stringify(`${hidden}/`)})) {
          throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
        }
        return resolve.call(this, request, ...rest);
      };
      try { require(${JSON.stringify(entry)}); process.stdout.write('loaded'); } catch (e) { process.stdout.write(e.message); }
    `;
    return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  }

  test('the main entry without cdktf installed says to install it or import the cdktn entry', () => {
    expect(loadWithout('cdktf', join(__dirname, '..', '..', 'src'))).toBe(
      "cdktf-azureml-compute: this entry is built for cdktf, which is not installed here: install cdktf, or, with cdktn, import from 'cdktf-azureml-compute/cdktn'.",
    );
  });

  test('the cdktn entry without cdktn installed says to install it or import the main entry', () => {
    expect(loadWithout('cdktn', join(__dirname, '..', '..', 'cdktn'))).toBe(
      "cdktf-azureml-compute: this entry is built for cdktn, which is not installed here: install cdktn, or, with cdktf, import from 'cdktf-azureml-compute'.",
    );
    // Each entry needs only its own framework.
    expect(loadWithout('cdktn', join(__dirname, '..', '..', 'src'))).toBe('loaded');
    expect(loadWithout('cdktf', join(__dirname, '..', '..', 'cdktn'))).toBe('loaded');
  });

  test('synthAndReport of the cdktn entry prints the annotations of a cdktn app', () => {
    const app = Testing.app();
    new lib.ComputeInstance(new TerraformStack(app, 'workstations'), 'alice', { ...REQUIRED, localAuth: true });
    const lines: string[] = [];
    const report = lib.synthAndReport(app as never, { write: (t: string) => lines.push(t) });
    expect(report.warnings.map((w) => w.path)).toEqual(['workstations/alice']);
    expect(lines).toEqual([
      "WARNING [workstations/alice] Local authentication is enabled (localAuth: true): Azure's built-in policy e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f reports it non-compliant.\n",
    ]);
  });
});

describe("the library's AzurermProvider: a ready azurerm provider under either framework", () => {
  const other = '00000000-0000-0000-0000-000000000002';
  const inTwoSubscriptions = (l: typeof lib, stack: never) => {
    const grant = { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true };
    new l.ComputeInstance(stack, 'alice', { ...REQUIRED, assignedUser: grant });
    new l.ComputeInstance(stack, 'bob', {
      ...REQUIRED,
      name: 'ci-bob',
      workspaceId: WORKSPACE_ID.replace(SUBSCRIPTION, other),
      assignedUser: grant,
    });
  };

  test('under cdktn, declared after the instances: the one azurerm block, with its subscription, and no warning', () => {
    const stack = new TerraformStack(Testing.app(), 'workstations');
    inTwoSubscriptions(lib, stack as never);
    new lib.AzurermProvider(stack as never, 'azurerm', { subscriptionId: other });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.provider.azurerm).toEqual([{ features: [{}], subscription_id: other }]);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('under cdktf (the main entry), the same', () => {
    const cdktf = require('cdktf') as typeof import('cdktf');
    const main = require(join(__dirname, '..', '..', 'src')) as typeof import('../../src');
    const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 'workstations');
    inTwoSubscriptions(main, stack as never);
    new main.AzurermProvider(stack, 'azurerm', { subscriptionId: other });
    expect(JSON.parse(cdktf.Testing.synth(stack)).provider.azurerm).toEqual([
      { features: [{}], subscription_id: other },
    ]);
    expect(warningsOf(stack)).toEqual([]);
  });
});
