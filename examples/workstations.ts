import { LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ComputeInstance, Duration, SetupScript, SetupScriptBuilder, StartStopSchedule } from '../src';

const WORKSPACE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-team';
const SUBNET_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/compute';
const TENANT_ID = '11111111-1111-1111-1111-111111111111';

/**
 * A team's workstations: one compute instance per data scientist, each created on their behalf, stopped
 * until they first start it, in the team's subnet, shut down at night and when idle.
 */
export class WorkstationsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON the same in every checkout.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const scientists = [
      {
        name: 'ci-alice',
        objectId: 'aaaaaaaa-0000-0000-0000-000000000001',
        schedules: StartStopSchedule.workingHours({
          days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
          start: '09:00',
          stop: '18:00',
          timeZone: 'W. Europe Standard Time',
        }),
      },
      {
        name: 'ci-bob',
        objectId: 'bbbbbbbb-0000-0000-0000-000000000002',
        schedules: [
          StartStopSchedule.cron({ action: 'Stop', expression: '0 19 * * *', timeZone: 'W. Europe Standard Time' }),
        ],
      },
      {
        // The docs' example: 9 to 6 Monday to Thursday, 9 to 4 on Friday, in 3 schedules.
        name: 'ci-carol',
        objectId: 'cccccccc-0000-0000-0000-000000000003',
        schedules: StartStopSchedule.workingHours([
          {
            days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'],
            start: '09:00',
            stop: '18:00',
            timeZone: 'W. Europe Standard Time',
          },
          { days: ['Friday'], start: '09:00', stop: '16:00', timeZone: 'W. Europe Standard Time' },
        ]),
      },
    ];
    for (const s of scientists) {
      new ComputeInstance(this, s.name, {
        name: s.name,
        workspaceId: WORKSPACE_ID,
        location: 'westeurope',
        vmSize: 'Standard_DS3_v2',
        subnetId: SUBNET_ID,
        assignedUser: { objectId: s.objectId, tenantId: TENANT_ID, grantAccess: true },
        applicationSharingPolicy: 'Personal',
        initialState: 'Stopped',
        schedules: s.schedules,
        idleShutdown: Duration.minutes(30),
        setupScripts: {
          creation: SetupScript.inline('#!/bin/bash\nset -euo pipefail\necho "provisioned ${CI_NAME}"\n'),
          // Runs at every start; each step checks before it changes anything.
          startup: new SetupScriptBuilder()
            .condaEnvironment('team', {
              python: '3.11',
              packages: ['numpy', 'pandas'],
              kernelDisplayName: 'Team (3.11)',
            })
            .pipInstall(['mlflow==2.16.2'], { condaEnvironment: 'team' })
            .gitConfig({ 'pull.rebase': 'true' })
            .gitClone('https://github.com/contoso/ml-notebooks.git', { directory: 'notebooks' })
            .build({ timeout: Duration.minutes(30) }),
        },
        tags: { team: 'ml', owner: s.name },
      });
    }

    // A workspace known only at apply time: the ARM template takes it as a parameter.
    const workspace = new TerraformVariable(this, 'shared_workspace_id', {
      type: 'string',
      description: 'The shared workspace',
    });
    new ComputeInstance(this, 'ci-shared', {
      name: 'ci-shared',
      workspaceId: workspace.stringValue,
      location: 'westeurope',
      vmSize: 'Standard_E4ds_v4',
      description: 'Shared demo box',
    });
  }
}
