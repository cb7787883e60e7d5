import { App, LocalBackend, TerraformStack } from 'cdktf';
import { ComputeInstance, DRIFT_CHECK_CONTEXT, Duration, SetupScript, ShutdownPolicy, StartStopSchedule } from '../src';
import {
  fleetStackId,
  fleetWorkspaceId,
  instanceName,
  objectId,
  scheduleSet,
  SETUP,
  TENANT_ID,
  WORKSPACE_ID,
} from './workload-data';

/**
 * A stack of the workload, its instances' drift checks on (the default users get) or off (the context key,
 * as a stack that opts out sets it).
 */
function benchStack(app: App, id: string, driftCheck: boolean): TerraformStack {
  const stack = new TerraformStack(app, id);
  if (!driftCheck) stack.node.setContext(DRIFT_CHECK_CONTEXT, false);
  return stack;
}

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

export function buildLibraryStack(app: App, n: number, distinct: boolean, driftCheck: boolean): TerraformStack {
  const stack = benchStack(app, 'bench', driftCheck);
  new LocalBackend(stack, { path: 'terraform.bench.tfstate' });
  buildPolicy(stack);
  addLibraryInstances(stack, WORKSPACE_ID, 0, n, distinct);
  return stack;
}

/**
 * The fleet workload: `stacks` stacks of `perStack` instances, one workspace each, as a platform team
 * splits its state, plus one governance stack whose policy checks them all at synth.
 */
export function buildLibraryFleet(app: App, stacks: number, perStack: number, driftCheck: boolean): TerraformStack[] {
  const governance = new TerraformStack(app, 'governance');
  new LocalBackend(governance, { path: 'terraform.governance.tfstate' });
  buildPolicy(governance);
  const all = [governance];
  for (let k = 0; k < stacks; k++) {
    const stack = benchStack(app, fleetStackId(k), driftCheck);
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
