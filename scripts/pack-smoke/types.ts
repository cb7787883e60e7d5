// Type-checked by pack-smoke.sh in each fresh project, with 'cdktf' and the entry swapped for the framework's:
// the entry's types must name that framework's App and stacks.
import { App, TerraformStack } from 'cdktf';
import { ArmTemplate, ComputeInstance, Duration, ShutdownPolicy } from 'cdktf-azureml-compute';

const app = new App();
const stack = new TerraformStack(app, 'workstations');
const instance: ComputeInstance = new ComputeInstance(stack, 'ci', {
  name: 'ci-alice',
  workspaceId:
    '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw',
  location: 'westeurope',
  vmSize: 'Standard_DS3_v2',
  idleShutdown: Duration.minutes(30),
});
new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', {
  scope: { subscriptionId: '00000000-0000-0000-0000-000000000001' },
  requireSchedules: 'Audit',
});
const inStack: TerraformStack = TerraformStack.of(instance);
ArmTemplate.writeForApp(app);
ArmTemplate.synth(stack);
void inStack;
