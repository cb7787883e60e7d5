import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import { ComputeInstance, ComputeInstanceProps, Duration, ShutdownPolicy, StartStopSchedule } from '../../src';
import { Scenario } from '../rig/scenario';
import { REQUIRED, SUBNET_ID, SUBSCRIPTION, TENANT_ID } from '../support/stack';

/**
 * The plans `aml-compute review` is tested on (test/fixtures/review/*.plan.json), made here by the real
 * terraform 1.11 with the emulated azapi/azurerm and Azure (test/rig): `terraform show -json` of a fleet pull
 * request's plan. Team A's plan holds a creation, a replacement with new schedules, a deletion, an import, an
 * unchanged instance and a failing check (a hand-added check block: the shape issue 23's drift checks have in
 * the plan's `checks`); team B's plan creates a stack with a shutdown policy. `REVIEW_FIXTURES=write` rewrites
 * the committed files; otherwise this test fails when they are no longer what terraform plans.
 */
jest.setTimeout(900_000);

const zone = 'W. Europe Standard Time';
const cron = (action: 'Start' | 'Stop', expression: string) =>
  StartStopSchedule.cron({ action, expression, timeZone: zone });
const OFFICE = [cron('Start', '0 8 * * 1-5'), cron('Stop', '0 18 * * 1-5')];
const user = (n: number) => ({ objectId: `aaaaaaaa-0000-0000-0000-00000000000${n}`, tenantId: TENANT_ID });
const base = (name: string, n: number): ComputeInstanceProps => ({
  ...REQUIRED,
  name,
  subnetId: SUBNET_ID,
  assignedUser: user(n),
  deletionProtection: false,
  idleShutdown: Duration.minutes(30),
});

const TEAM_A_V1: { [id: string]: ComputeInstanceProps } = {
  alice: { ...base('ci-alice', 1), schedules: [cron('Stop', '0 18 * * 1-5')] },
  bob: { ...base('ci-bob', 2), schedules: OFFICE },
  carol: { ...base('ci-carol', 3), schedules: OFFICE },
};
const TEAM_A_V2: { [id: string]: ComputeInstanceProps } = {
  // A bigger VM (replaces: the disk is wiped) with office hours instead of a stop only.
  alice: { ...TEAM_A_V1.alice, vmSize: 'Standard_DS4_v2', schedules: OFFICE },
  bob: TEAM_A_V1.bob,
  // carol: removed (deleted).
  dave: { ...base('ci-dave', 4), schedules: [cron('Start', '0 7 * * 1-5'), cron('Stop', '0 20 * * 1-5')] },
  erin: { ...base('ci-erin', 5), schedules: OFFICE, existing: true },
};
/** A check that fails at plan time: what a drift check reports when Azure and the code disagree. */
const failingCheck = (bobAddress: string) => ({
  drift_ci_bob: {
    assert: [
      {
        condition: `\${${bobAddress}.name == "ci-bob-drifted"}`,
        error_message: 'ci-bob: Azure runs schedules the code does not declare (drift)',
      },
    ],
  },
});

function stackJson(id: string, build: (stack: TerraformStack) => void): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  build(stack);
  return JSON.parse(Testing.synth(stack));
}
const instances = (props: { [id: string]: ComputeInstanceProps }) => (stack: TerraformStack) => {
  for (const [id, p] of Object.entries(props)) new ComputeInstance(stack, id, p);
};

const FIXTURES = join(__dirname, '../../../test/fixtures/review');
/** What differs from run to run in a plan: its time and the order of `relevant_attributes` (read by nothing here). */
const stable = (plan: any) =>
  JSON.stringify({ ...plan, timestamp: undefined, relevant_attributes: undefined }, null, 2);

function keep(name: string, plan: any): void {
  const file = join(FIXTURES, name);
  // The week the review charts is the plan's: fixed in the committed files, so that their output is too.
  const fixed = { ...plan, timestamp: '2026-03-25T12:00:00Z' };
  if (process.env.REVIEW_FIXTURES === 'write' || !existsSync(file))
    writeFileSync(file, `${JSON.stringify(fixed, null, 2)}\n`);
  expect(stable(JSON.parse(readFileSync(file, 'utf8')))).toEqual(stable(fixed));
}

test("team A's plan: created, replaced with new schedules, deleted, imported, unchanged, a failing check", () => {
  const s = new Scenario(stackJson('team-a', instances(TEAM_A_V1)));
  // ci-erin exists in Azure, made by another stack (a studio click, for this stack): team A adopts it.
  const other = new Scenario(
    stackJson('elsewhere', instances({ erin: { ...TEAM_A_V2.erin, existing: false } })),
    {},
    {
      azureFile: s.azure.file,
    },
  );
  try {
    expect(s.init().code).toBe(0);
    expect(s.apply()).toMatchObject({ code: 0, stderr: '' });
    expect(other.init().code).toBe(0);
    expect(other.apply()).toMatchObject({ code: 0, stderr: '' });
    const v2 = stackJson('team-a', instances(TEAM_A_V2));
    const bob = Object.keys(v2.resource.azapi_resource).find((k) => v2.resource.azapi_resource[k].name === 'ci-bob');
    v2.check = failingCheck(`azapi_resource.${bob}`);
    s.write(v2);
    const plan = s.plan();
    expect([plan.code, plan.stderr]).toEqual([2, '']);
    keep('team-a.plan.json', s.showPlan());
  } finally {
    s.cleanup();
    other.cleanup();
  }
});

test("team B's plan: a new stack with a shutdown policy and one instance", () => {
  const s = new Scenario(
    stackJson('team-b', (stack) => {
      new ShutdownPolicy(stack, 'shutdown', {
        name: 'ml-shutdown',
        scope: { subscriptionId: SUBSCRIPTION },
        defaultSchedules: [cron('Stop', '0 19 * * *')],
        requireSchedules: 'Audit',
      });
      instances({ frank: { ...base('ci-frank', 6), schedules: [] } })(stack);
    }),
  );
  try {
    expect(s.init().code).toBe(0);
    const plan = s.plan();
    expect([plan.code, plan.stderr]).toEqual([2, '']);
    keep('team-b.plan.json', s.showPlan());
  } finally {
    s.cleanup();
  }
});

test('a replacement refused by deletion protection: the plan errors, and what terraform saves of it', () => {
  const grace = { ...base('ci-grace', 7), deletionProtection: true, schedules: OFFICE };
  const s = new Scenario(stackJson('team-c', instances({ grace })));
  try {
    expect(s.init().code).toBe(0);
    expect(s.apply()).toMatchObject({ code: 0, stderr: '' });
    s.write(stackJson('team-c', instances({ grace: { ...grace, vmSize: 'Standard_DS4_v2' } })));
    const plan = s.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('Error: Instance cannot be destroyed');
    // Terraform 1.11 saves the errored plan: `terraform show -json` of it says `errored: true`.
    keep('team-c.plan.json', s.showPlan());
  } finally {
    s.cleanup();
  }
});

test("team D's plan: an instance rendered for azurerm replaced by a bigger VM", () => {
  const hank: ComputeInstanceProps = {
    ...base('ci-hank', 8),
    idleShutdown: undefined,
    terraformResource: 'azurerm',
  };
  const s = new Scenario(stackJson('team-d', instances({ hank })));
  try {
    expect(s.init().code).toBe(0);
    expect(s.apply()).toMatchObject({ code: 0, stderr: '' });
    s.write(stackJson('team-d', instances({ hank: { ...hank, vmSize: 'Standard_DS4_v2' } })));
    const plan = s.plan();
    expect([plan.code, plan.stderr]).toEqual([2, '']);
    keep('team-d.plan.json', s.showPlan());
  } finally {
    s.cleanup();
  }
});
