import { App, LocalBackend, TerraformStack } from 'cdktf';
import { ComputeInstance, Duration, SetupScript, ShutdownPolicy, StartStopSchedule } from '../src';

export const WORKSPACE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw';
export const TENANT_ID = '11111111-1111-1111-1111-111111111111';
const SETUP = '#!/bin/bash\nset -euo pipefail\npip install --quiet pandas scikit-learn\n';

const ZONES = [
  'W. Europe Standard Time',
  'Pacific Standard Time',
  'India Standard Time',
  'UTC',
  'Tokyo Standard Time',
  'E. South America Standard Time',
];

/**
 * The 4 schedules of instance `i` as [action, expression, time zone]. The shared workload gives every
 * instance the same set (a fleet's preset); the distinct one gives each of 2,160 combinations of minute,
 * hour and zone its own, more than the per-process validation caches keep, so every instance is checked
 * from scratch.
 */
export function scheduleSet(i: number, distinct: boolean): Array<['Start' | 'Stop', string, string]> {
  if (!distinct) {
    const zone = ZONES[0];
    return [
      ['Start', '0 8 * * 1-5', zone],
      ['Stop', '0 18 * * 1-4', zone],
      ['Stop', '0 16 * * 5', zone],
      ['Stop', '0 22 * * *', zone],
    ];
  }
  const minute = i % 60;
  const hour = 6 + (Math.floor(i / 60) % 6);
  const zone = ZONES[Math.floor(i / 360) % ZONES.length];
  return [
    ['Start', `${minute} ${hour} * * 1-5`, zone],
    ['Stop', `${minute} ${hour + 9} * * 1-4`, zone],
    ['Stop', `${minute} ${hour + 7} * * 5`, zone],
    ['Stop', `${minute} 23 * * *`, zone],
  ];
}

export function instanceName(i: number): string {
  return `ci-u${String(i).padStart(6, '0')}`;
}

export function objectId(i: number): string {
  return `aaaaaaaa-0000-0000-0000-${String(i).padStart(12, '0')}`;
}

/** The workload the benchmark synthesizes: n fully featured instances in one stack. */
/** The policy every instance of the workload falls under (and is checked against at synth). */
export function buildPolicy(stack: TerraformStack): ShutdownPolicy {
  return new ShutdownPolicy(stack, 'shutdown', {
    name: 'bench-shutdown',
    scope: { managementGroupId: 'mg-bench' },
    defaultSchedules: [
      StartStopSchedule.cron({ action: 'Stop', expression: '0 22 * * *', timeZone: 'W. Europe Standard Time' }),
    ],
    requireSchedules: 'Deny',
    idleShutdown: { effect: 'Audit', max: Duration.hours(4) },
  });
}

export function buildLibraryStack(app: App, n: number, distinct = false): TerraformStack {
  const stack = new TerraformStack(app, 'bench');
  new LocalBackend(stack, { path: 'terraform.bench.tfstate' });
  buildPolicy(stack);
  addLibraryInstances(stack, WORKSPACE_ID, 0, n, distinct);
  return stack;
}

/** The workspace of fleet stack `k`: each stack one workspace, all in one resource group. */
export function fleetWorkspaceId(k: number): string {
  return `${WORKSPACE_ID}-${String(k).padStart(3, '0')}`;
}

export const fleetStackId = (k: number) => `ws-${String(k).padStart(3, '0')}`;

/**
 * The fleet workload: `stacks` stacks of `perStack` instances, one workspace each, as a platform team
 * splits its state, plus one governance stack whose policy checks them all at synth.
 */
export function buildLibraryFleet(app: App, stacks: number, perStack: number): TerraformStack[] {
  const governance = new TerraformStack(app, 'governance');
  new LocalBackend(governance, { path: 'terraform.governance.tfstate' });
  buildPolicy(governance);
  const all = [governance];
  for (let k = 0; k < stacks; k++) {
    const stack = new TerraformStack(app, fleetStackId(k));
    new LocalBackend(stack, { path: `terraform.${fleetStackId(k)}.tfstate` });
    addLibraryInstances(stack, fleetWorkspaceId(k), k * perStack, perStack, false);
    all.push(stack);
  }
  return all;
}

function addLibraryInstances(
  stack: TerraformStack,
  workspaceId: string,
  first: number,
  n: number,
  distinct: boolean,
): void {
  for (let i = first; i < first + n; i++) {
    const name = instanceName(i);
    new ComputeInstance(stack, name, {
      name,
      workspaceId,
      location: 'westeurope',
      vmSize: 'Standard_DS3_v2',
      assignedUser: { objectId: objectId(i), tenantId: TENANT_ID, grantAccess: true },
      schedules: scheduleSet(i, distinct).map(([action, expression, timeZone]) =>
        StartStopSchedule.cron({ action, expression, timeZone }),
      ),
      idleShutdown: Duration.minutes(30),
      setupScripts: { creation: SetupScript.inline(SETUP) },
      deletionProtection: false,
    });
  }
}
