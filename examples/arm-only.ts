import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { ArmTemplate, ArmTemplateDocument, ComputeInstance, Duration, SetupScript, StartStopSchedule } from '../src';

/**
 * For a team that deploys with ARM (or Bicep) and not Terraform: the stack is never synthesized to
 * Terraform, only to a template, with the workspace as a template parameter. Deploy it with
 * `az deployment group create --resource-group <workspace group> --template-file cdktf.out/arm/arm-only.json
 *  --parameters ci-dev.workspaceId=<workspace id>`.
 */
export function armOnlyTemplate(): ArmTemplateDocument {
  const stack = new TerraformStack(new App(), 'arm-only');
  const workspace = new TerraformVariable(stack, 'workspace_id', { type: 'string' });
  new ComputeInstance(stack, 'ci-dev', {
    name: 'ci-dev',
    workspaceId: workspace.stringValue,
    location: 'westeurope',
    vmSize: 'Standard_DS11_v2',
    schedules: [StartStopSchedule.cron({ action: 'Stop', expression: '0 20 * * *', timeZone: 'UTC' })],
    idleShutdown: Duration.hours(1),
    setupScripts: { creation: SetupScript.inline('#!/bin/bash\nset -euo pipefail\npip install --quiet azure-ai-ml\n') },
  });
  return ArmTemplate.synth(stack);
}
