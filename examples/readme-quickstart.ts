// The README's quick start with its placeholders filled in: kept compiling and synthesizing by
// test/readme-quickstart.test.ts.
import { App, TerraformStack } from 'cdktf';
import {
  ArmTemplate, ComputeInstance, Duration, SetupScriptBuilder, ShutdownPolicy, StartStopSchedule, synthAndReport,
} from '../src';

const app = new App({ outdir: process.argv[2] ?? 'cdktf.out/readme' });
const stack = new TerraformStack(app, 'workstations');

new ComputeInstance(stack, 'alice', {
  name: 'ci-alice',
  workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw',
  location: 'westeurope',
  vmSize: 'Standard_DS3_v2',
  subnetId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/compute',
  assignedUser: { objectId: 'aaaaaaaa-0000-0000-0000-000000000001', tenantId: '11111111-1111-1111-1111-111111111111', grantAccess: true },
  initialState: 'Stopped',
  schedules: StartStopSchedule.workingHours({
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], start: '08:30', stop: '18:30', timeZone: 'W. Europe Standard Time',
  }),
  idleShutdown: Duration.minutes(30),
  setupScripts: {
    creation: new SetupScriptBuilder().condaEnvironment('team', { python: '3.11', packages: ['pandas'] }).build(),
  },
});

// Policy is deployed at another scope than instances: give it a stack of its own.
const governance = new TerraformStack(app, 'governance');
new ShutdownPolicy(governance, 'shutdown', {
  scope: { subscriptionId: '00000000-0000-0000-0000-000000000001' },
  requireSchedules: 'Deny',
  idleShutdown: { effect: 'Audit', max: Duration.hours(4) },
});

synthAndReport(app);          // cdktf.out/stacks/<stack>/cdk.tf.json; prints warnings and errors, exit code 1 on a Deny
ArmTemplate.writeForApp(app); // cdktf.out/arm/<stack>.json
