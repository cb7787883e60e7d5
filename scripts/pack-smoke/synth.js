// Run by pack-smoke.sh inside a fresh project: FRAMEWORK is cdktf or cdktn, ENTRY the package entry for it.
// Everything is required from the project's own node_modules, as the user's program would.
'use strict';
const assert = require('node:assert');
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');

const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));
const { App, TerraformStack } = projectRequire(process.env.FRAMEWORK);
const { ArmTemplate, ComputeInstance, Duration, SetupScriptBuilder, ShutdownPolicy, StartStopSchedule } =
  projectRequire(process.env.ENTRY);

const WORKSPACE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw';
const instance = (stack, idleShutdown) =>
  new ComputeInstance(stack, 'ci', {
    name: 'ci-smoke',
    workspaceId: WORKSPACE_ID,
    location: 'westeurope',
    vmSize: 'Standard_DS3_v2',
    assignedUser: {
      objectId: '00000000-0000-0000-0000-0000000000aa',
      tenantId: '00000000-0000-0000-0000-0000000000bb',
      grantAccess: true,
    },
    idleShutdown,
    schedules: StartStopSchedule.workingHours({
      days: ['Monday', 'Friday'],
      start: '09:00',
      stop: '17:00',
      timeZone: 'W. Europe Standard Time',
    }),
    setupScripts: {
      creation: new SetupScriptBuilder().pipInstall(['pandas'], { condaEnvironment: 'azureml_py38' }).build(),
    },
  });
const policy = (app) =>
  new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', {
    name: 'ml-shutdown',
    scope: { subscriptionId: '00000000-0000-0000-0000-000000000001' },
    requireSchedules: 'Deny',
    idleShutdown: { effect: 'Deny', max: Duration.hours(1) },
  });

// An instance within the policy's caps: both stacks synthesize. Under cdktf the user declares azurerm with their
// own @cdktf/provider-azurerm; the library finds that provider by its type and declares no second one.
const app = new App({ outdir: 'cdktf.out' });
const smoke = new TerraformStack(app, 'smoke');
if (process.env.FRAMEWORK === 'cdktf') {
  const { AzurermProvider } = projectRequire('@cdktf/provider-azurerm/lib/provider');
  new AzurermProvider(smoke, 'azurerm', { features: [{}] });
}
instance(smoke, Duration.minutes(30));
policy(app);
app.synth();
ArmTemplate.writeForApp(app);

const tf = JSON.parse(fs.readFileSync('cdktf.out/stacks/smoke/cdk.tf.json', 'utf8'));
assert.strictEqual(tf['//'].metadata.version, projectRequire(`${process.env.FRAMEWORK}/package.json`).version);
const compute = Object.values(tf.resource.azapi_resource)[0];
assert.strictEqual(compute.type, 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01');
assert.strictEqual(compute.body.properties.properties.idleTimeBeforeShutdown, 'PT30M');
assert.deepStrictEqual(
  compute.body.properties.properties.schedules.computeStartStop.map((s) => s.action),
  ['Start', 'Stop'],
);
assert.strictEqual(Object.keys(tf.resource.azurerm_role_definition).length, 1);
assert.strictEqual(Object.keys(tf.resource.azurerm_role_assignment).length, 1);
// The user's provider as they wrote it (cdktf), or the library's default, which names the one subscription the
// stack's literal ids name (cdktn, where the user declared none).
assert.deepStrictEqual(
  tf.provider.azurerm,
  process.env.FRAMEWORK === 'cdktf'
    ? [{ features: [{}] }]
    : [{ features: [{}], subscription_id: '00000000-0000-0000-0000-000000000001' }],
);
assert.strictEqual(tf.terraform.required_providers.azurerm.version, '4.55.0');
const governance = JSON.parse(fs.readFileSync('cdktf.out/stacks/governance/cdk.tf.json', 'utf8'));
assert.deepStrictEqual(Object.keys(governance.resource).sort(), [
  'azurerm_policy_definition',
  'azurerm_policy_set_definition',
  'azurerm_subscription_policy_assignment',
]);
assert.strictEqual(Object.values(governance.resource.azurerm_policy_set_definition)[0].name, 'ml-shutdown');
const arm = JSON.parse(fs.readFileSync('cdktf.out/arm/smoke.json', 'utf8'));
assert.strictEqual(arm.resources[0].apiVersion, '2025-12-01');

// An instance over the policy's Deny cap: synth fails, naming the instance, the rule and the cap.
const refused = new App({ outdir: 'refused.out' });
instance(new TerraformStack(refused, 'smoke'), Duration.hours(2));
policy(refused);
assert.throws(
  () => refused.synth(),
  (e) => {
    assert.match(
      e.message,
      /Encountered Annotations with level "ERROR":\n\[smoke\/ci\] IdleShutdown \(Deny, ShutdownPolicy governance\/shutdown\): idleTimeBeforeShutdown: received "PT2H"; allowed: [^\n]*PT1H[^\n]*\. Azure Policy refuses this instance\./,
    );
    return true;
  },
);
console.log(`synth ok under ${process.env.FRAMEWORK}; the instance over the Deny cap fails synth`);
