import { ComputeInstance, ComputeInstanceProps, Duration, SetupScript, StartStopSchedule } from '../src';
import { applyAndRefresh, secondPlan, synthDeployment } from './support/instance-life';
import { ED25519_KEY, OBJECT_ID, REQUIRED, SUBNET_ID, TENANT_ID } from './support/stack';
import type { PlannedChange } from './support/terraform-plan-model';

/**
 * The life of one instance after its first apply, on the plan model (test/support/terraform-plan-model.ts):
 * apply `before`, refresh against Azure's answer, plan `after`. One row per scenario; the README's
 * "Changing an existing instance" table is this table.
 */
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
const REFUSED = 'replace, refused by deletionProtection';

type Row = [
  scenario: string,
  before: ComputeInstanceProps,
  after: ComputeInstanceProps,
  compute: string,
  actions: Record<string, string>,
];

const ROWS: Row[] = [
  ['nothing changes (create, refresh, plan)', FULL, FULL, 'no-op', {}],
  ['add schedules', BASE, { ...BASE, schedules: [STOP] }, 'no-op', {}],
  ['change schedules', FULL, { ...FULL, schedules: [START, STOP] }, 'no-op', {}],
  ['remove schedules', FULL, { ...FULL, schedules: undefined }, 'no-op', {}],
  [
    'add idle shutdown',
    BASE,
    { ...BASE, idleShutdown: Duration.minutes(30) },
    'no-op',
    { IdleShutdownSetting: 'create (POST)' },
  ],
  [
    'change idle shutdown',
    FULL,
    { ...FULL, idleShutdown: Duration.hours(2) },
    'no-op',
    { IdleShutdownSetting: 'update (POST)' },
  ],
  [
    'remove idle shutdown',
    FULL,
    { ...FULL, idleShutdown: undefined },
    'no-op',
    { IdleShutdownSetting: 'delete (no request)' },
  ],
  ['change vmSize', FULL, { ...FULL, vmSize: 'Standard_DS4_v2' }, REFUSED, { IdleShutdownSetting: 'replace (POST)' }],
  ['change only the case of vmSize', FULL, { ...FULL, vmSize: 'STANDARD_DS3_V2' }, 'no-op', {}],
  ['change only the case of subnetId', FULL, { ...FULL, subnetId: SUBNET_ID.toLowerCase() }, 'no-op', {}],
  ['change description', FULL, { ...FULL, description: 'GPU box' }, REFUSED, { IdleShutdownSetting: 'replace (POST)' }],
  ['change tags', FULL, { ...FULL, tags: { team: 'ml' } }, REFUSED, { IdleShutdownSetting: 'replace (POST)' }],
  [
    'change identity',
    FULL,
    { ...FULL, identity: { type: 'SystemAssigned' } },
    REFUSED,
    { IdleShutdownSetting: 'replace (POST)' },
  ],
  ['change sso', FULL, { ...FULL, sso: false }, REFUSED, { IdleShutdownSetting: 'replace (POST)' }],
  [
    'change applicationSharingPolicy',
    FULL,
    { ...FULL, applicationSharingPolicy: 'Personal' },
    REFUSED,
    { IdleShutdownSetting: 'replace (POST)' },
  ],
  [
    'change setup scripts',
    FULL,
    { ...FULL, setupScripts: { startup: SetupScript.inline('echo hi') } },
    REFUSED,
    { IdleShutdownSetting: 'replace (POST)' },
  ],
  [
    'change ssh',
    FULL,
    { ...FULL, ssh: { publicKey: ED25519_KEY } },
    REFUSED,
    { IdleShutdownSetting: 'replace (POST)' },
  ],
  [
    'change subnetId',
    FULL,
    { ...FULL, subnetId: SUBNET_ID.replace('compute', 'other') },
    REFUSED,
    { IdleShutdownSetting: 'replace (POST)' },
  ],
  ['change nodePublicIp', FULL, { ...FULL, nodePublicIp: true }, REFUSED, { IdleShutdownSetting: 'replace (POST)' }],
  ['change localAuth', FULL, { ...FULL, localAuth: true }, REFUSED, { IdleShutdownSetting: 'replace (POST)' }],
  [
    'change assignedUser',
    FULL,
    { ...FULL, assignedUser: { objectId: OBJECT_ID.replace('1', '2'), tenantId: TENANT_ID } },
    REFUSED,
    { IdleShutdownSetting: 'replace (POST)' },
  ],
  [
    'change vmSize with deletionProtection false',
    { ...FULL, deletionProtection: false },
    { ...FULL, deletionProtection: false, vmSize: 'Standard_DS4_v2' },
    'replace (PUT)',
    { IdleShutdownSetting: 'replace (POST)' },
  ],
];

function describeChange(c: PlannedChange): string {
  if (c.error) return `${c.action}, refused by deletionProtection`;
  if (c.action === 'no-op') return 'no-op';
  if (c.action === 'delete') return 'delete (no request)';
  return `${c.action} (${c.request ? 'request' : 'no request'})`;
}

function lifeOf(
  before: ComputeInstanceProps,
  after: ComputeInstanceProps,
): { compute: string; actions: Record<string, string> } {
  const first = synthDeployment((s) => new ComputeInstance(s, 'alice', before));
  const next = synthDeployment((s) => new ComputeInstance(s, 'alice', after));
  const changes = secondPlan(applyAndRefresh(first), next);
  let compute = '';
  const actions: Record<string, string> = {};
  for (const [address, change] of changes) {
    if (address.startsWith('azapi_resource.')) {
      compute = describeChange(change).replace('(request)', '(PUT)');
      if (change.error) expect(change.error).toContain('lifecycle.prevent_destroy');
    } else if (change.action !== 'no-op') {
      actions[address.split('_').slice(-2, -1)[0]] = describeChange(change).replace('(request)', '(POST)');
    }
  }
  return { compute, actions };
}

describe('the plans after the first apply (plan model: Terraform 1.11, azapi 2.x, Azure answers from the 2025-12-01 GET example)', () => {
  test.each(ROWS)('%s', (_scenario, before, after, compute, actions) => {
    expect(lifeOf(before, after)).toEqual({ compute, actions });
  });
});
