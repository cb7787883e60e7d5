#!/usr/bin/env bash
# Installs the packed tarball into a fresh cdktf project, as a new user would, and synthesizes one
# compute instance with it. Needs the npm registry; prints "pack smoke: ok" on success.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
npm run -s build
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball" cdktf@0.21.0 constructs@10.4.2 @cdktf/provider-azurerm@14.23.1 >/dev/null
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
if (arm.resources[0].apiVersion !== "2025-12-01") throw new Error("ARM template wrong");
'
# The command line, as an installed package's bin: a clean stack lints clean (exit 0), a bad name fails (exit 1).
npx --no-install aml-compute lint cdktf.out/stacks/smoke/cdk.tf.json
node -e '
const fs = require("fs");
const tf = JSON.parse(fs.readFileSync("cdktf.out/stacks/smoke/cdk.tf.json", "utf8"));
Object.values(tf.resource.azapi_resource)[0].name = "ci-1";
fs.writeFileSync("bad.tf.json", JSON.stringify({ resource: tf.resource }));
'
rc=0
npx --no-install aml-compute lint bad.tf.json || rc=$?
if [ "$rc" -ne 1 ]; then echo "aml-compute lint of a bad name: exit $rc, expected 1"; exit 1; fi
echo "pack smoke: ok ($tarball)"
