import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Testing } from 'cdktf';
import { backendSettingsFromEnv } from '../../examples/fleet/backend';
import { buildFleet, DEFAULT_ROSTER, GOVERNANCE_STACK_ID, synthFleet } from '../../examples/fleet/fleet';
import { loadRoster, RosterError } from '../../examples/fleet/roster';

const REPO = join(__dirname, '..', '..', '..');
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
  const DAYS = '"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" or "Sunday"';
  const MANY_MISTAKES = [
    `tenantId: ${TENANT}`,
    'workspaces:',
    '  team:',
    `    id: ${WS}`,
    '    location: westeurope',
    '  other:',
    '    id: not-an-arm-id',
    '    location: westeurope',
    'people:',
    '  - name: alice',
    '    objectId: aaaaaaaa-0000-0000-0000-000000000001',
    '    workspace: team',
    '    vmSize: Standard_DS3_v2',
    '    timeZone: Tokyo Standrd Time',
    '    workingHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", stop: "6pm" }',
    '  - name: bob',
    '    objectId: not-a-guid',
    '    workspace: tema',
    '    vmSize: Standard_DS3_v2',
    '    timeZone: UTC',
    '    workingHours: { start: "09:00", stop: "18:00" }',
    '    idleShutdownMinutes: "30"',
    '    gpu: true',
    '  - name: Alice',
    '    objectId: aaaaaaaa-0000-0000-0000-000000000003',
    '    workspace: other',
    '    vmSize: Standard_XYZ',
    '    timeZone: UTC',
    '    workingHours: { start: "09:00", stop: "18:00" }',
    '    setup: { python: "3.x", repository: "https://bob:hunter2@example.com/r.git" }',
    '  - name: carol-from-the-forecasting-team',
    '    objectId: aaaaaaaa-0000-0000-0000-000000000004',
    '    workspace: team',
    '    timeZone: Pacific Standrd Time',
    '    workingHours: { start: "09:00", stop: "18:00" }',
    '',
  ].join('\n');

  test('reports every mistake of every entry in one run, in the library wording, by person and line, and builds nothing', () => {
    const file = join(tmp(), 'roster.yaml');
    writeFileSync(file, MANY_MISTAKES);
    const app = Testing.app();
    let error: unknown;
    try {
      buildFleet(app, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RosterError);
    expect(app.node.children).toEqual([]);
    const day = (n: number, given: string, meant: string) =>
      `  people[0] (alice), line 15: workingHours.days[${n}]: received "${given}"; allowed: ${DAYS}; write "${meant}" instead`;
    expect((error as RosterError).message).toBe(
      [
        `${file}: 19 mistakes in 5 roster entries:`,
        '  roster, line 7: workspaces.other.id: received "not-an-arm-id"; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>; it does not start with /subscriptions/',
        '  people[0] (alice), line 14: timeZone: received "Tokyo Standrd Time"; allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"; write "Tokyo Standard Time" instead',
        day(0, 'Mon', 'Monday'),
        day(1, 'Tue', 'Tuesday'),
        day(2, 'Wed', 'Wednesday'),
        day(3, 'Thu', 'Thursday'),
        day(4, 'Fri', 'Friday'),
        '  people[0] (alice), line 15: workingHours.stop: received "6pm"; allowed: a time "HH:mm" from "00:00" to "23:59"; write "18:00" instead',
        '  people[1] (bob), line 17: objectId: received "not-a-guid"; allowed: a GUID like 00000000-0000-0000-0000-000000000000',
        '  people[1] (bob), line 18: workspace: received "tema"; allowed: a key of workspaces: team, other',
        '  people[1] (bob), line 22: idleShutdownMinutes: received "30"; allowed: a whole number of minutes (60 when left out)',
        '  people[1] (bob), line 23: gpu: received true; allowed: only the fields name, objectId, workspace, vmSize, timeZone, workingHours, idleShutdownMinutes, setup',
        '  people[2] (Alice), line 24: name: received "Alice"; allowed: a name no other person of the roster has in region westeurope (Azure wants compute names unique in a region, whatever the workspace, and compares them here without case; people[0] (alice), line 10 has it)',
        '  people[2] (Alice), line 27: vmSize: received "Standard_XYZ"; allowed: an Azure VM size name such as Standard_DS3_v2 or Standard_NC6s_v3 (case-insensitive)',
        '  people[2] (Alice), line 30: setup.python: received "3.x"; allowed: a Python version like 3.11',
        '  people[2] (Alice), line 30: setup.repository: received <redacted: credentials in a URL>; allowed: a URL without credentials; give azureuser a credential helper or an SSH key instead',
        '  people[3] (carol-from-the-forecasting-team), line 31: vmSize: received nothing; allowed: an Azure VM size, such as Standard_DS3_v2 (required)',
        '  people[3] (carol-from-the-forecasting-team), line 31: name: received "ci-carol-from-the-forecasting-team"; allowed: 3 to 24 letters, digits and "-", starting with a letter, where every "-" is followed later by a letter (ci-one, not ci-1 or ci-); this one has 34 characters',
        // A schedule error (the time zone) hides neither the shape's nor the instance's (the name).
        '  people[3] (carol-from-the-forecasting-team), line 34: timeZone: received "Pacific Standrd Time"; allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"; write "Pacific Standard Time" instead',
      ].join('\n'),
    );
    expect((error as RosterError).message).not.toContain('hunter2');
    expect((error as RosterError).problems.map((p) => p.field)).toContain('workingHours.stop');
  });

  test('reports shape errors of a JSON roster in the library wording, with the line of each field', () => {
    const file = join(tmp(), 'roster.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          tenantId: TENANT,
          workspaces: { team: { id: WS, location: 'westeurope' }, Bad_Key: { id: WS, location: 'westeurope' } },
          people: [
            person('alice', { vmSize: undefined }),
            person('bob', { workingHours: { days: ['Monday', 'Monday'], start: '09:00', stop: '18:00' } }),
            person('carol', { vmsize: 'Standard_DS3_v2', idleShutdownMinutes: 1.5 }),
          ],
        },
        null,
        2,
      ),
    );
    expect(rosterError(file).message).toBe(
      [
        `${file}: 5 mistakes in 4 roster entries:`,
        '  roster, line 8: workspaces.Bad_Key: received "Bad_Key"; allowed: a workspace key of a lower-case letter, then up to 30 lower-case letters, digits or "-"',
        '  people[0] (alice), line 14: vmSize: received nothing; allowed: an Azure VM size, such as Standard_DS3_v2 (required)',
        '  people[1] (bob), line 31: workingHours.days: received ["Monday","Monday"]; allowed: a list of days, "Monday" to "Sunday", each listed once (Monday to Friday when left out); "Monday" is repeated',
        '  people[2] (carol), line 49: vmsize: received "Standard_DS3_v2"; allowed: only the fields name, objectId, workspace, vmSize, timeZone, workingHours, idleShutdownMinutes, setup; write "vmSize" instead',
        '  people[2] (carol), line 50: idleShutdownMinutes: received 1.5; allowed: a whole number of minutes (60 when left out)',
      ].join('\n'),
    );
  });

  test('names duplicates by person and line, in one region only; hostile workspace keys are unknown keys', () => {
    const file = join(tmp(), 'roster.yaml');
    writeFileSync(
      file,
      [
        `tenantId: ${TENANT}`,
        'workspaces:',
        `  team: { id: ${WS}, location: westeurope }`,
        `  us: { id: ${WS}, location: eastus2 }`,
        'people:',
        '  - { name: dana, objectId: aaaaaaaa-0000-0000-0000-000000000001, workspace: team, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { start: "09:00", stop: "18:00" } }',
        '  - { name: dana, objectId: aaaaaaaa-0000-0000-0000-000000000002, workspace: us, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { start: "09:00", stop: "18:00" } }',
        '  - { name: DANA, objectId: aaaaaaaa-0000-0000-0000-000000000003, workspace: team, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { start: "09:00", stop: "18:00" } }',
        '  - { name: eve, objectId: aaaaaaaa-0000-0000-0000-000000000004, workspace: constructor, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { start: "09:00", stop: "18:00" } }',
        '  - { name: fay, objectId: aaaaaaaa-0000-0000-0000-000000000005, workspace: __proto__, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { start: "09:00", stop: "18:00" } }',
        '',
      ].join('\n'),
    );
    expect(rosterError(file).message).toBe(
      [
        `${file}: 3 mistakes in 3 roster entries:`,
        '  people[2] (DANA), line 8: name: received "DANA"; allowed: a name no other person of the roster has in region westeurope (Azure wants compute names unique in a region, whatever the workspace, and compares them here without case; people[0] (dana), line 6 has it)',
        '  people[3] (eve), line 9: workspace: received "constructor"; allowed: a key of workspaces: team, us',
        '  people[4] (fay), line 10: workspace: received "__proto__"; allowed: a key of workspaces: team, us',
      ].join('\n'),
    );
  });

  test('lists the first 10 problems of a list and counts the rest', () => {
    const file = join(tmp(), 'roster.yaml');
    const days = Array(30).fill('Mon').join(', ');
    writeFileSync(
      file,
      [
        `tenantId: ${TENANT}`,
        'workspaces:',
        `  team: { id: ${WS}, location: westeurope }`,
        'people:',
        `  - { name: gus, objectId: aaaaaaaa-0000-0000-0000-000000000001, workspace: team, vmSize: Standard_DS3_v2, timeZone: UTC, workingHours: { days: [${days}], start: "09:00", stop: "18:00" } }`,
        '',
      ].join('\n'),
    );
    const lines = rosterError(file).message.split('\n');
    expect(lines).toHaveLength(1 + 1 + 10 + 1);
    expect(lines[0]).toBe(`${file}: 31 mistakes in 1 roster entry:`);
    expect(lines[1]).toBe(
      '  people[0] (gus), line 5: workingHours.days: received a list of 30 items; allowed: a list of days, "Monday" to "Sunday", each listed once (Monday to Friday when left out) (at most 7)',
    );
    expect(lines[11]).toBe(
      `  people[0] (gus), line 5: workingHours.days[9]: received "Mon"; allowed: ${DAYS}; write "Monday" instead`,
    );
    expect(lines[12]).toBe(
      '  people[0] (gus), line 5: workingHours.days: received 20 more problems in this list, not listed; allowed: the first 10 problems of a list are listed; fix these and run again to see the rest',
    );
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
