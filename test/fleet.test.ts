import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Testing } from 'cdktf';
import { backendSettingsFromEnv } from '../examples/fleet/backend';
import { buildFleet, DEFAULT_ROSTER, GOVERNANCE_STACK_ID, synthFleet } from '../examples/fleet/fleet';
import { loadRoster, RosterError } from '../examples/fleet/roster';

const REPO = join(__dirname, '..', '..');
const TENANT = '11111111-1111-1111-1111-111111111111';
const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'fleet-'));
}

function stackJson(outdir: string, stack: string): any {
  return JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

function rosterError(file: string): RosterError {
  try {
    loadRoster(file);
  } catch (e) {
    if (e instanceof RosterError) return e;
    throw e;
  }
  throw new Error('no RosterError');
}

const person = (name: string, extra: object = {}) => ({
  name,
  objectId: 'aaaaaaaa-0000-0000-0000-000000000001',
  workspace: 'team',
  vmSize: 'Standard_DS3_v2',
  timeZone: 'W. Europe Standard Time',
  workingHours: { start: '09:00', stop: '18:00' },
  ...extra,
});

describe('the fleet example', () => {
  const outdir = tmp();
  synthFleet(outdir);
  const stacks = ['fleet-forecast-eus', 'fleet-governance', 'fleet-nlp-weu', 'fleet-vision-weu'];

  test('writes one stack per workspace of the roster, plus the governance stack', () => {
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(stacks);
  });

  test('gives every stack an azurerm backend of its own key, with the documented defaults', () => {
    for (const stack of stacks) {
      expect(stackJson(outdir, stack).terraform.backend).toEqual({
        azurerm: {
          resource_group_name: 'rg-tfstate',
          storage_account_name: 'stmlfleettfstate',
          container_name: 'tfstate',
          key: `ml-fleet/${stack}.tfstate`,
        },
      });
    }
  });

  test("declares each provider once per stack; workspace stacks target the workspace's subscription", () => {
    expect(stackJson(outdir, 'fleet-nlp-weu').provider).toEqual({
      azapi: [{}],
      azurerm: [{ features: [{}], subscription_id: '00000000-0000-0000-0000-000000000001' }],
    });
    expect(stackJson(outdir, 'fleet-forecast-eus').provider.azurerm).toEqual([
      { features: [{}], subscription_id: '00000000-0000-0000-0000-000000000002' },
    ]);
    expect(stackJson(outdir, GOVERNANCE_STACK_ID).provider.azurerm).toEqual([{ features: [{}] }]);
  });

  test('puts the 40 people in their workspaces, each instance created for its person', () => {
    const byStack = stacks
      .filter((s) => s !== GOVERNANCE_STACK_ID)
      .map((s) => {
        const computes = Object.values(stackJson(outdir, s).resource.azapi_resource as Record<string, any>).filter(
          (r) => r.body?.properties?.computeType === 'ComputeInstance',
        );
        return [s, computes.length, computes[0].parent_id.split('/').pop(), computes[0].location] as const;
      });
    expect(byStack).toEqual([
      ['fleet-forecast-eus', 13, 'mlw-forecast', 'eastus2'],
      ['fleet-nlp-weu', 14, 'mlw-nlp', 'westeurope'],
      ['fleet-vision-weu', 13, 'mlw-vision', 'westeurope'],
    ]);
    const alice = Object.values(stackJson(outdir, 'fleet-nlp-weu').resource.azapi_resource as Record<string, any>).find(
      (r) => r.name === 'ci-alice',
    );
    expect(alice.body.properties.properties.personalComputeInstanceSettings.assignedUser).toEqual({
      objectId: 'a0000000-0000-0000-0000-000000000001',
      tenantId: TENANT,
    });
    expect(
      alice.body.properties.properties.schedules.computeStartStop.map((s: any) => [
        s.action,
        s.cron.expression,
        s.cron.timeZone,
      ]),
    ).toEqual([
      ['Start', '0 8 * * 1-5', 'W. Europe Standard Time'],
      ['Stop', '0 17 * * 1-5', 'W. Europe Standard Time'],
    ]);
  });

  test('governance holds the ShutdownPolicy at the management group', () => {
    const json = stackJson(outdir, GOVERNANCE_STACK_ID);
    const assignments = Object.values(json.resource.azurerm_management_group_policy_assignment as Record<string, any>);
    expect(assignments.map((a) => [a.name, a.management_group_id])).toEqual([
      ['ml-fleet-shutdown', '/providers/Microsoft.Management/managementGroups/mg-ml-fleet'],
    ]);
  });

  test('takes the backend settings from the environment', () => {
    expect(
      backendSettingsFromEnv({
        FLEET_STATE_RESOURCE_GROUP: 'rg-state',
        FLEET_STATE_STORAGE_ACCOUNT: 'ststate',
        FLEET_STATE_CONTAINER: 'c',
        FLEET_STATE_KEY_PREFIX: 'p',
      }),
    ).toEqual({ resourceGroupName: 'rg-state', storageAccountName: 'ststate', containerName: 'c', keyPrefix: 'p' });
    expect(backendSettingsFromEnv({})).toEqual({
      resourceGroupName: 'rg-tfstate',
      storageAccountName: 'stmlfleettfstate',
      containerName: 'tfstate',
      keyPrefix: 'ml-fleet',
    });
  });
});

describe('a roster with mistakes', () => {
  test("reports every bad entry in one run, with person, line and the library's message, and builds nothing", () => {
    const file = join(tmp(), 'roster.yaml');
    writeFileSync(
      file,
      [
        `tenantId: ${TENANT}`,
        'workspaces:',
        `  team: { id: ${WS}, location: westeurope }`,
        'people:',
        '  - { name: alice, objectId: aaaaaaaa-0000-0000-0000-000000000001, workspace: team, vmSize: Standard_DS3_v2, timeZone: Tokyo Standrd Time, workingHours: { start: "09:00", stop: "18:00" } }',
        '  - { name: bob, objectId: aaaaaaaa-0000-0000-0000-000000000002, workspace: team, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { start: "09:00", stop: "18:00" } }',
        '  - { name: carol-from-the-forecasting-team, objectId: aaaaaaaa-0000-0000-0000-000000000003, workspace: team, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { start: "09:00", stop: "18:00" } }',
        '  - { name: dave, objectId: aaaaaaaa-0000-0000-0000-000000000004, workspace: tema, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { start: "09:00", stop: "18:00" } }',
        '',
      ].join('\n'),
    );
    const app = Testing.app();
    let error: unknown;
    try {
      buildFleet(app, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RosterError);
    expect(app.node.children).toEqual([]);
    const e = error as RosterError;
    expect(e.problems.map((p) => p.entry)).toEqual([
      'people[0] (alice), line 5',
      'people[2] (carol-from-the-forecasting-team), line 7',
      'people[3] (dave), line 8',
    ]);
    expect(e.problems[0].message).toBe(
      'Invalid input in StartStopSchedule.workingHours (1 problem):\n' +
        '  - StartStopSchedule.workingHours: timeZone: received "Tokyo Standrd Time"; allowed: a Windows time zone id, such as "UTC", ' +
        '"W. Europe Standard Time" or "Pacific Standard Time"; write "Tokyo Standard Time" instead',
    );
    expect(e.problems[1].message).toContain(
      'roster-check/check-2: name: received "ci-carol-from-the-forecasting-team"; allowed: 3 to 24 letters',
    );
    expect(e.problems[1].message).toContain('; this one has 34 characters');
    expect(e.problems[2].message).toBe('workspace: received "tema"; allowed: one of team');
    expect(e.message.startsWith(`${file}: 3 bad roster entries:\n  people[0] (alice), line 5: Invalid input`)).toBe(
      true,
    );
  });

  test('reports shape errors against ROSTER_SCHEMA for a JSON roster, all of them, by index', () => {
    const file = join(tmp(), 'roster.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          tenantId: TENANT,
          workspaces: { team: { id: WS, location: 'westeurope' } },
          people: [
            person('alice', { vmSize: undefined }),
            person('bob'),
            person('carol', { gpu: true, idleShutdownMinutes: '30' }),
          ],
        },
        null,
        2,
      ),
    );
    const e = rosterError(file);
    expect(e.problems).toEqual([
      { entry: 'people[0] (alice), line 10', message: "must have required property 'vmSize'" },
      { entry: 'people[2] (carol), line 31', message: 'must NOT have additional properties (gpu)' },
      { entry: 'people[2] (carol), line 31', message: 'idleShutdownMinutes: must be integer' },
    ]);
  });

  test('reports a file that is not YAML with its line', () => {
    const file = join(tmp(), 'roster.yaml');
    writeFileSync(file, 'tenantId: x\npeople:\n  - name: [unclosed\n');
    expect(rosterError(file).problems[0].entry).toMatch(/^line \d+$/);
  });

  test('the shipped roster passes', () => {
    expect(loadRoster(DEFAULT_ROSTER).people).toHaveLength(40);
  });
});

describe('the policy check', () => {
  test('fails the synth for a roster entry over the Deny cap, naming the instance and the rule', () => {
    const app = new App({ outdir: tmp() });
    buildFleet(app, join(REPO, 'examples', 'fleet', 'roster-over-cap.yaml'));
    expect(() => app.synth()).toThrow(
      '[fleet-nlp-weu/erin] IdleShutdown (Deny, ShutdownPolicy fleet-governance/shutdown): ' +
        'idleTimeBeforeShutdown: received "PT8H"; allowed: an idle shutdown of at most 4 hours (PT4H). Azure Policy refuses this instance.',
    );
  });
});
