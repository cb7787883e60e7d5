#!/usr/bin/env bash
# Installs the packed tarball into a fresh cdktf project, as a new user would, and synthesizes one
# compute instance with it. Needs the npm registry; prints "pack smoke: ok" on success. @cdktf/provider-azurerm
# is not installed: the library's azurerm resources (the access grant's role) are its own bindings.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
npm run -s build
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball" cdktf@0.21.0 constructs@10.4.2 >/dev/null
if node -e 'require.resolve("@cdktf/provider-azurerm/package.json")' 2>/dev/null; then echo "@cdktf/provider-azurerm was installed with the library" >&2; exit 1; fi
cat > main.js <<'JS'
const { App, TerraformStack } = require('cdktf');
const { ComputeInstance, Duration, ArmTemplate, StartStopSchedule, SetupScriptBuilder } = require('cdktf-azureml-compute');
const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'smoke');
new ComputeInstance(stack, 'ci', {
  name: 'ci-smoke',
  workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw',
  location: 'westeurope',
  vmSize: 'Standard_DS3_v2',
  assignedUser: { objectId: '00000000-0000-0000-0000-0000000000aa', tenantId: '00000000-0000-0000-0000-0000000000bb', grantAccess: true },
  idleShutdown: Duration.minutes(30),
  schedules: StartStopSchedule.workingHours({ days: ['Monday', 'Friday'], start: '09:00', stop: '17:00', timeZone: 'W. Europe Standard Time' }),
  setupScripts: { creation: new SetupScriptBuilder().pipInstall(['pandas'], { condaEnvironment: 'azureml_py38' }).build() },
});
app.synth();
ArmTemplate.writeForApp(app);
JS
node main.js
node -e '
const tf = require("./cdktf.out/stacks/smoke/cdk.tf.json");
const arm = require("./cdktf.out/arm/smoke.json");
const r = Object.values(tf.resource.azapi_resource)[0];
const p = r.body.properties.properties;
if (p.idleTimeBeforeShutdown !== "PT30M") throw new Error("azapi body wrong");
if (p.schedules.computeStartStop.length !== 2) throw new Error("schedules missing");
if (Object.keys(tf.resource.azurerm_role_definition ?? {}).length !== 1) throw new Error("role definition missing");
if (Object.keys(tf.resource.azurerm_role_assignment ?? {}).length !== 1) throw new Error("role assignment missing");
if (JSON.stringify(tf.provider.azurerm) !== JSON.stringify([{ features: [{}] }])) throw new Error("azurerm provider wrong");
if (tf.terraform.required_providers.azurerm.version !== "4.55.0") throw new Error("azurerm version wrong");
if (arm.resources[0].apiVersion !== "2025-12-01") throw new Error("ARM template wrong");
'
echo "pack smoke: ok ($tarball)"
