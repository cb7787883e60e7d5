import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import { ComputeInstance, ComputeInstanceProps, Duration, SetupScript, StartStopSchedule } from '../../src';
import { AzureRequest } from '../rig/azure/store';
import { actionsOf, Scenario } from '../rig/scenario';
import { ED25519_KEY, OBJECT_ID, REQUIRED, SUBNET_ID, TENANT_ID } from '../support/stack';

/**
 * The README's "Changing an existing instance" table, row for row, on the real terraform 1.11 with the
 * emulated azapi and Azure (test/rig). Every row is one instance of one stack (named r01, r02, ...), so a
 * handful of terraform runs cover the table:
 * 1. apply every row's first version;
 * 2. plan every row's second version: Terraform's own prevent_destroy errors name the refused rows;
 * 3. plan the second version of the other rows (the refused ones kept at their first) and apply it, recording
 *    Azure's requests per row, then plan again: No changes;
 * 4. plan the refused rows' second version with deletionProtection false: what the refusal prevented.
 * Outcomes are read from terraform's output, `terraform show -json` and the emulated Azure's request log.
 */
jest.setTimeout(900_000);

const STOP = StartStopSchedule.cron({
  action: 'Stop',
  expression: '0 18 * * 1-5',
  timeZone: 'W. Europe Standard Time',
});
const START = StartStopSchedule.cron({
  action: 'Start',
  expression: '0 8 * * 1-5',
  timeZone: 'W. Europe Standard Time',
});
const BASE: ComputeInstanceProps = {
  ...REQUIRED,
  subnetId: SUBNET_ID,
  assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID },
};
const FULL: ComputeInstanceProps = { ...BASE, schedules: [STOP], idleShutdown: Duration.minutes(30) };
const REFUSED = 'replace, refused by `deletionProtection`';
const WITH = 'replaced with the compute';

/** [README's "change" cell, first version, second version, the compute's cell, the action's cell, what the plan says] */
type Row = [
  change: string,
  before: ComputeInstanceProps,
  after: ComputeInstanceProps,
  compute: string,
  action: string,
  says: string,
];
const QUIET = 'nothing';
const SCHEDULES_DRIFT = 'warning: schedules';
const IDLE_DRIFT = 'warning: idle shutdown';

const ROWS: Row[] = [
  ['nothing (create, refresh, plan)', FULL, FULL, 'no-op', 'no-op', QUIET],
  ['add schedules', BASE, { ...BASE, schedules: [STOP] }, 'no-op', 'no-op', SCHEDULES_DRIFT],
  ['change schedules', FULL, { ...FULL, schedules: [START, STOP] }, 'no-op', 'no-op', SCHEDULES_DRIFT],
  ['remove schedules', FULL, { ...FULL, schedules: undefined }, 'no-op', 'no-op', SCHEDULES_DRIFT],
  [
    'add idle shutdown',
    BASE,
    { ...BASE, idleShutdown: Duration.minutes(30) },
    'no-op',
    'created: POSTs the value',
    IDLE_DRIFT,
  ],
  [
    'change idle shutdown',
    FULL,
    { ...FULL, idleShutdown: Duration.hours(2) },
    'no-op',
    'updated: POSTs the new value',
    IDLE_DRIFT,
  ],
  [
    'remove idle shutdown',
    FULL,
    { ...FULL, idleShutdown: undefined },
    'no-op',
    'deleted, no request (Azure keeps the last value)',
    QUIET,
  ],
  ['change `vmSize`', FULL, { ...FULL, vmSize: 'Standard_DS4_v2' }, REFUSED, WITH, QUIET],
  ['change only the case of `vmSize`', FULL, { ...FULL, vmSize: 'STANDARD_DS3_V2' }, 'no-op', 'no-op', QUIET],
  ['change only the case of `subnetId`', FULL, { ...FULL, subnetId: SUBNET_ID.toLowerCase() }, 'no-op', 'no-op', QUIET],
  ['change `description`', FULL, { ...FULL, description: 'GPU box' }, REFUSED, WITH, QUIET],
  ['change `tags`', FULL, { ...FULL, tags: { team: 'ml' } }, REFUSED, WITH, QUIET],
  ['change `identity`', FULL, { ...FULL, identity: { type: 'SystemAssigned' } }, REFUSED, WITH, QUIET],
  ['change `sso`', FULL, { ...FULL, sso: false }, REFUSED, WITH, QUIET],
  ['change `applicationSharingPolicy`', FULL, { ...FULL, applicationSharingPolicy: 'Personal' }, REFUSED, WITH, QUIET],
  [
    'change setup scripts',
    FULL,
    { ...FULL, setupScripts: { startup: SetupScript.inline('echo hi') } },
    REFUSED,
    WITH,
    QUIET,
  ],
  ['change `ssh`', FULL, { ...FULL, ssh: { publicKey: ED25519_KEY } }, REFUSED, WITH, QUIET],
  ['change `subnetId`', FULL, { ...FULL, subnetId: SUBNET_ID.replace('compute', 'other') }, REFUSED, WITH, QUIET],
  ['change `nodePublicIp`', FULL, { ...FULL, nodePublicIp: true }, REFUSED, WITH, QUIET],
  ['change `localAuth`', FULL, { ...FULL, localAuth: true }, REFUSED, WITH, QUIET],
  [
    'change `assignedUser`',
    FULL,
    { ...FULL, assignedUser: { objectId: OBJECT_ID.replace('1', '2'), tenantId: TENANT_ID } },
    REFUSED,
    WITH,
    QUIET,
  ],
  [
    'change `vmSize` with `deletionProtection: false`',
    { ...FULL, deletionProtection: false },
    { ...FULL, deletionProtection: false, vmSize: 'Standard_DS4_v2' },
    'replace (DELETE, then PUT)',
    WITH,
    QUIET,
  ],
  ['change schedules in the studio', FULL, FULL, 'no-op', 'no-op', SCHEDULES_DRIFT],
  ['change idle shutdown in the studio', FULL, FULL, 'no-op', 'no-op', IDLE_DRIFT],
  [
    "change schedules with `onScheduleChange: 'replace'`",
    { ...FULL, onScheduleChange: 'replace' },
    { ...FULL, onScheduleChange: 'replace', schedules: [START, STOP] },
    REFUSED,
    WITH,
    SCHEDULES_DRIFT,
  ],
];

/** Edits made in the studio (the emulated Azure's stored instance) after the first apply, by row. */
const STUDIO: { [change: string]: (ci: any) => void } = {
  'change schedules in the studio': (ci) => {
    ci.schedules.computeStartStop[0].cron.expression = '0 23 * * 1-5';
  },
  'change idle shutdown in the studio': (ci) => {
    ci.idleTimeBeforeShutdown = 'PT3H';
  },
};

const rowName = (i: number) => `r${String(i + 1).padStart(2, '0')}`;

/** One stack holding row i's instance in the version `pick(i)` gives. */
function stackOf(pick: (i: number) => ComputeInstanceProps | undefined): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'daytwo');
  ROWS.forEach((_row, i) => {
    const props = pick(i);
    if (props) new ComputeInstance(stack, rowName(i), { ...props, name: `ci-${rowName(i)}` });
  });
  return JSON.parse(Testing.synth(stack));
}

/** address → row index and part, from cdktf's resource keys: `r01_HASH` (the compute), `r01_<part>_HASH`. */
function rowsByAddress(json: any): Map<string, { row: number; part: string }> {
  const out = new Map<string, { row: number; part: string }>();
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const name of Object.keys(byName)) {
      const parts = name.split('_');
      out.set(`${type}.${name}`, {
        row: Number(parts[0].slice(1)) - 1,
        part: parts.length > 2 ? parts[1] : 'Resource',
      });
    }
  }
  return out;
}

const computeId = (i: number) => `${REQUIRED.workspaceId}/computes/ci-${rowName(i)}`;
const IDLE_ACTION = 'IdleShutdownSetting';

interface Observed {
  compute: string;
  action: string;
  otherActions: string[];
  says: string;
}

/** What a plan's output says of row i: the kinds of drift its warnings name, or nothing. */
function saysOf(stdout: string, i: number): string {
  const kinds = new Set<string>();
  const mine = new RegExp(`aml-compute drift \\(([^)]+)\\): compute instance ci-${rowName(i)} `, 'g');
  for (const m of stdout.replace(/\s+/g, ' ').matchAll(mine)) kinds.add(m[1]);
  return kinds.size === 0 ? QUIET : `warning: ${[...kinds].sort().join(', ')}`;
}

const observed = new Map<number, Observed>();
let refusalErrors = '';
let secondPlanAfterApply: { code: number; stdout: string } = { code: -1, stdout: '' };
let runs = 0;

function describeCompute(actions: string[] | undefined, requests: AzureRequest[]): string {
  const a = (actions ?? ['no-op']).join(',');
  if (a === 'no-op' || a === 'read') return requests.some((r) => r.method === 'PUT') ? 'no-op, but a PUT' : 'no-op';
  if (a === 'delete,create') {
    const methods = requests.filter((r) => r.method !== 'GET').map((r) => r.method);
    return methods.join(',') === 'DELETE,PUT' ? 'replace (DELETE, then PUT)' : `replace (${methods.join(', ')})`;
  }
  return `${a} (${requests.filter((r) => r.method === 'PUT').length} PUT)`;
}

function describeAction(actions: string[] | undefined, posts: AzureRequest[], planOnly: boolean): string {
  const a = (actions ?? ['no-op']).join(',');
  if (a === 'no-op') return 'no-op';
  if (a === 'delete,create' || a === 'create,delete') return WITH;
  if (planOnly) return a;
  if (a === 'delete') return posts.length === 0 ? 'deleted, no request (Azure keeps the last value)' : 'deleted, POST';
  const sent = posts.map((p) => (p.body as any)?.idleTimeBeforeShutdown);
  if (a === 'create') return sent.length === 1 ? 'created: POSTs the value' : `created, ${sent.length} POSTs`;
  if (a === 'update') return sent.length === 1 ? 'updated: POSTs the new value' : `updated, ${sent.length} POSTs`;
  return a;
}

beforeAll(() => {
  const v1 = stackOf((i) => ROWS[i][1]);
  const s = new Scenario(v1);
  try {
    expect(s.init().code).toBe(0);
    const first = s.apply();
    expect([first.code, first.stderr]).toEqual([0, '']);
    s.editAzure((resources) => {
      ROWS.forEach((row, i) => {
        if (STUDIO[row[0]]) STUDIO[row[0]]((resources[computeId(i).toLowerCase()] as any).properties.properties);
      });
    });

    // 2. Every row's second version: the refused rows are those Terraform's prevent_destroy check names.
    s.write(stackOf((i) => ROWS[i][2]));
    const all = s.plan();
    refusalErrors = all.stderr;
    const refused = new Set<number>();
    const byAddress = rowsByAddress(v1);
    for (const m of all.stderr.matchAll(/Resource (azapi_resource\.\S+) has lifecycle\.prevent_destroy set/g))
      refused.add(byAddress.get(m[1])!.row);

    // 3. The others' second version (refused rows at their first), applied with Azure's requests recorded.
    const v2 = stackOf((i) => (refused.has(i) ? ROWS[i][1] : ROWS[i][2]));
    s.write(v2);
    const plan = s.plan();
    expect([plan.code, plan.stderr]).toEqual([2, '']);
    const planned = actionsOf(s.showPlan());
    const mark = s.mark();
    const applied = s.apply();
    expect([applied.code, applied.stderr]).toEqual([0, '']);
    const requests = s.requestsSince(mark);
    secondPlanAfterApply = s.plan();
    const v2Addresses = rowsByAddress(v2);
    const v1Addresses = rowsByAddress(v1);
    const addressesOf = (i: number, part: string) => [
      ...new Set([...v1Addresses, ...v2Addresses].filter(([, v]) => v.row === i && v.part === part).map(([a]) => a)),
    ];
    ROWS.forEach((_row, i) => {
      if (refused.has(i)) return;
      const id = computeId(i).toLowerCase();
      const mine = requests.filter((r) => r.id.toLowerCase() === id);
      const posts = requests.filter(
        (r) => r.method === 'POST' && r.id.toLowerCase() === `${id}/updateidleshutdownsetting`,
      );
      const [computeAddress] = addressesOf(i, 'Resource');
      const [idleAddress] = addressesOf(i, IDLE_ACTION);
      const others = [...new Set([...v1Addresses, ...v2Addresses])]
        .filter(([a, v]) => v.row === i && v.part !== 'Resource' && v.part !== IDLE_ACTION && a.startsWith('azapi'))
        .map(([a, v]) => `${v.part}: ${(planned[a] ?? ['no-op']).join(',')}`);
      observed.set(i, {
        compute: describeCompute(planned[computeAddress], mine),
        action: idleAddress ? describeAction(planned[idleAddress], posts, false) : 'no-op',
        otherActions: [...new Set(others)].sort(),
        says: saysOf(plan.stdout, i),
      });
    });

    // 4. What the refusal prevents: the refused rows' second version without deletionProtection.
    s.write(stackOf((i) => (refused.has(i) ? { ...ROWS[i][2], deletionProtection: false } : ROWS[i][2])));
    const unprotected = s.plan();
    expect([unprotected.code, unprotected.stderr]).toEqual([2, '']);
    const wouldBe = actionsOf(s.showPlan());
    for (const i of refused) {
      const [computeAddress] = addressesOf(i, 'Resource');
      const [idleAddress] = addressesOf(i, IDLE_ACTION);
      observed.set(i, {
        compute:
          (wouldBe[computeAddress] ?? []).join(',') === 'delete,create'
            ? REFUSED
            : `not refused: ${wouldBe[computeAddress]}`,
        action: idleAddress ? describeAction(wouldBe[idleAddress], [], true) : 'no-op',
        otherActions: [],
        says: saysOf(unprotected.stdout, i),
      });
    }
    runs = s.runs;
  } finally {
    s.cleanup();
  }
});

describe('the plans after the first apply, on terraform 1.11 with the emulated azapi and Azure', () => {
  test.each(ROWS.map((r, i) => [r[0], i, r[3], r[4], r[5]] as const))('%s', (_change, i, compute, action, says) => {
    expect(observed.get(i)).toEqual({ compute, action, otherActions: expect.any(Array), says });
    // Actions other than idle shutdown (the stop after creation) follow the compute.
    for (const other of observed.get(i)!.otherActions)
      expect(other).toMatch(compute.startsWith('replace') ? /: delete,create$/ : /: no-op$/);
  });

  test("refusals are Terraform's own prevent_destroy error, one per refused compute", () => {
    const refusedRows = ROWS.filter((r) => r[3] === REFUSED).length;
    expect(refusalErrors.match(/Error: Instance cannot be destroyed/g)).toHaveLength(refusedRows);
    // Terraform wraps its diagnostics at 78 columns; compared here with whitespace collapsed.
    expect(refusalErrors.replace(/\s+/g, ' ')).toContain(
      'has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of the plan using the -target option.',
    );
  });

  test('after applying the second versions, the next plan is No changes; only schedule and studio drift still warn', () => {
    expect([secondPlanAfterApply.code, secondPlanAfterApply.stdout]).toEqual([
      0,
      expect.stringContaining('No changes. Your infrastructure matches the configuration.'),
    ]);
    const stillSays = ROWS.map((r, i) => [r[0], saysOf(secondPlanAfterApply.stdout, i)]).filter(([, w]) => w !== QUIET);
    expect(stillSays).toEqual([
      ['add schedules', SCHEDULES_DRIFT],
      ['change schedules', SCHEDULES_DRIFT],
      ['remove schedules', SCHEDULES_DRIFT],
      ['change schedules in the studio', SCHEDULES_DRIFT],
      ['change idle shutdown in the studio', IDLE_DRIFT],
    ]);
    expect(runs).toBeGreaterThanOrEqual(9);
  });

  test("the README's table is these runs, row for row", () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Changing an existing instance'));
    const table = section
      .slice(section.indexOf('| change |'), section.indexOf('\n\n', section.indexOf('| change |')))
      .split('\n')
      .slice(2)
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(table).toEqual(
      ROWS.map((r, i) => [r[0], observed.get(i)!.compute, observed.get(i)!.action, observed.get(i)!.says]),
    );
  });
});
