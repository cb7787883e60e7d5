import { App, TerraformStack, Testing } from 'cdktf';
import { ArmTemplate, ComputeInstance, Duration, SetupScript, ShutdownPolicy, StartStopSchedule } from '../../src';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-ml';
const SUBNET =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/ml';
const UAI =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-ml';
const USER = { objectId: '11111111-1111-1111-1111-111111111111', tenantId: '22222222-2222-2222-2222-222222222222' };
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@example';

/**
 * A stack of every setting the compute instance has, each in a variation of its own (both renderers, an
 * existing instance, identities, scripts, drift check options), with a policy over them: the output recorded
 * in test/fixtures/recorded-output before the field-table redesign must stay byte-identical.
 */
export function buildPropsMatrix(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'matrix');
  const stop = StartStopSchedule.cron({
    action: 'Stop',
    expression: '0 19 * * 1-5',
    timeZone: 'W. Europe Standard Time',
  });
  new ComputeInstance(stack, 'full', {
    name: 'ci-full',
    workspaceId: WS,
    location: 'westeurope',
    vmSize: 'Standard_DS3_v2',
    description: 'every field',
    ssh: { publicKey: KEY },
    subnetId: SUBNET,
    nodePublicIp: true,
    assignedUser: { ...USER, grantAccess: true },
    schedules: [
      stop,
      ...StartStopSchedule.workingHours({ days: ['Monday', 'Friday'], start: '08:30', stop: '18:00', timeZone: 'UTC' }),
      StartStopSchedule.recurrence({
        action: 'Stop',
        frequency: 'Day',
        interval: 1,
        hours: [23],
        minutes: [15],
        timeZone: 'Tokyo Standard Time',
      }),
    ],
    idleShutdown: Duration.minutes(45),
    setupScripts: {
      creation: SetupScript.inline('#!/bin/bash\necho creation', { arguments: 'a b', timeout: Duration.minutes(20) }),
      startup: SetupScript.fromWorkspace('Users/alice/startup.sh'),
    },
    localAuth: true,
    sso: false,
    applicationSharingPolicy: 'Personal',
    identity: { type: 'SystemAssigned,UserAssigned', userAssignedIdentityIds: [UAI] },
    tags: { team: 'ml', cost: '[center]' },
    deletionProtection: false,
    initialState: 'Stopped',
    onScheduleChange: 'replace',
    driftCheck: { latestOsImage: true },
  });
  new ComputeInstance(stack, 'minimal', {
    name: 'ci-min',
    workspaceId: WS,
    location: 'westeurope',
    vmSize: 'Standard_DS3_v2',
  });
  new ComputeInstance(stack, 'private', {
    name: 'ci-private',
    workspaceId: WS,
    location: 'westeurope',
    vmSize: 'STANDARD_D3_V2',
    subnetId: SUBNET,
    identity: { type: 'SystemAssigned' },
    schedules: [stop],
    driftCheck: false,
  });
  new ComputeInstance(stack, 'adopted', {
    name: 'ci-adopted',
    workspaceId: WS,
    location: 'westeurope',
    vmSize: 'Standard_DS3_v2',
    existing: true,
    assignedUser: USER,
    schedules: [stop],
    idleShutdown: Duration.hours(2),
  });
  new ComputeInstance(stack, 'native', {
    name: 'ci-native',
    workspaceId: WS,
    location: 'westeurope',
    vmSize: 'Standard_DS3_v2',
    terraformResource: 'azurerm',
    ssh: { publicKey: KEY },
    subnetId: SUBNET,
    nodePublicIp: false,
    assignedUser: { ...USER, grantAccess: true },
    identity: { type: 'UserAssigned', userAssignedIdentityIds: [UAI] },
    tags: { team: 'ml' },
    initialState: 'Stopped',
  });
  new ComputeInstance(stack, 'native-existing', {
    name: 'ci-native-old',
    workspaceId: WS,
    location: 'westeurope',
    vmSize: 'Standard_DS3_v2',
    terraformResource: 'azurerm',
    existing: true,
  });
  new ShutdownPolicy(new TerraformStack(app, 'matrix-policy'), 'shutdown', {
    name: 'matrix-shutdown',
    scope: { resourceGroupId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml' },
    defaultSchedules: [stop],
    requireSchedules: 'Audit',
    idleShutdown: { effect: 'Audit', max: Duration.hours(4) },
  });
  return stack;
}

/** The matrix's outputs: Terraform JSON, HCL and the ARM template, by file name. */
export function synthPropsMatrix(outdir: string): Record<string, string> {
  const { mkdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
  mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const stack = buildPropsMatrix(app);
  app.synth();
  const hclApp = Testing.app();
  return {
    'matrix.tf.json': readFileSync(`${outdir}/stacks/matrix/cdk.tf.json`, 'utf8'),
    'matrix-policy.tf.json': readFileSync(`${outdir}/stacks/matrix-policy/cdk.tf.json`, 'utf8'),
    'matrix.tf': Testing.synthHcl(buildPropsMatrix(hclApp)),
    'matrix.arm.json': `${JSON.stringify(ArmTemplate.synth(stack), null, 2)}\n`,
  };
}
