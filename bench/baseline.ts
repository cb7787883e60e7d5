import { createHash } from 'node:crypto';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import {
  App,
  LocalBackend,
  TerraformElement,
  TerraformProvider,
  TerraformResource,
  TerraformResourceLifecycle,
  TerraformStack,
} from 'cdktf';
import { Construct } from 'constructs';
import {
  fleetStackId,
  fleetWorkspaceId,
  instanceName,
  objectId,
  scheduleSet,
  TENANT_ID,
  WORKSPACE_ID,
} from './workload-data';

/**
 * The baseline: the same Terraform JSON as the library's workload, built from plain cdktf objects and
 * bodies written out by hand. No validation, no model: what cdktf alone costs for this output.
 */
class RawResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    type: string,
    private readonly attributes: Record<string, unknown>,
    provider?: TerraformProvider,
    lifecycle?: TerraformResourceLifecycle,
  ) {
    super(scope, id, { terraformResourceType: type, provider, lifecycle });
  }

  get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return this.attributes;
  }
}

/**
 * The drift check the library writes per instance (its data source and `check` block), as one element
 * with its text written out by hand: the schedules' comparison expression is a constant, the code's side a
 * literal.
 */
class RawDriftCheck extends TerraformElement {
  constructor(
    scope: Construct,
    private readonly name: string,
    private readonly workspaceId: string,
    private readonly schedules: ReturnType<typeof schedule>[],
    private readonly compute: RawResource,
    private readonly idle: RawResource,
  ) {
    super(scope, 'DriftCheck');
  }

  toTerraform(): Record<string, unknown> {
    const id = this.friendlyUniqueId;
    const data = `data.azapi_resource.${id}`;
    const who = `compute instance ${this.name} (${this.node.scope!.node.path})`;
    const computeAddress = `azapi_resource.${this.compute.friendlyUniqueId}`;
    const idleAddress = `azapi_resource_action.${this.idle.friendlyUniqueId}`;
    return {
      data: {
        azapi_resource: {
          [id]: {
            provider: 'azapi',
            type: TYPE,
            parent_id: this.workspaceId,
            name: this.name,
            response_export_values: [DRIFT_SCHEDULES, DRIFT_IDLE],
            ignore_not_found: true,
          },
        },
      },
      check: {
        [id]: {
          assert: [
            {
              condition: `\${${data}.exists ? ${schedulesProjection(data)}==${JSON.stringify(projected(this.schedules))} : true}`,
              error_message:
                `aml-compute drift (schedules): ${who}: Azure has \${try(jsonencode(${data}.output.${DRIFT_SCHEDULES}.computeStartStop), "none")}, ` +
                `the code says ${JSON.stringify(this.schedules)}. Terraform cannot change the schedules of an existing instance: ` +
                'edit them in the studio to match the code, or replace the instance ' +
                `(set deletionProtection: false, then terraform apply -replace=${computeAddress}).`,
            },
            {
              condition: `\${${data}.exists ? upper(try(${data}.output.${DRIFT_IDLE}, "")) == "PT30M" : true}`,
              error_message:
                `aml-compute drift (idle shutdown): ${who}: Azure has \${try(${data}.output.${DRIFT_IDLE}, "none")}, ` +
                `the code says PT30M. If this plan creates or updates ${idleAddress}, applying it sends the code's value; ` +
                `otherwise re-send it with terraform apply -replace=${idleAddress}, or edit it in the studio to match.`,
            },
          ],
        },
      },
    };
  }
}

const DRIFT_SCHEDULES = 'properties.properties.schedules';
const DRIFT_IDLE = 'properties.properties.idleTimeBeforeShutdown';

/** The library's comparison over Azure's answer: fields of each cron entry, lower-cased, entries sorted. */
function schedulesProjection(data: string): string {
  const list = `${data}.output.${DRIFT_SCHEDULES}.computeStartStop`;
  const sorted = (at: string, item: string) => `try(join(",",sort([for v in s.recurrence.schedule.${at}:${item}])),"")`;
  return (
    `try(join(";",sort([for s in ${list}:join("|",[lower(try(s.action,"")),lower(try(s.triggerType,"")),` +
    'lower(coalesce(try(s.status,null),"Enabled")),try(join(" ",compact(split(" ",s.cron.expression))),""),' +
    'lower(coalesce(try(s.cron.timeZone,null),try(s.recurrence.timeZone,null),"UTC")),' +
    'lower(try(s.recurrence.frequency,"")),try(tostring(s.recurrence.interval),""),' +
    `${sorted('hours', 'tostring(v)')},${sorted('minutes', 'tostring(v)')},${sorted('weekDays', 'lower(v)')},` +
    `${sorted('monthDays', 'tostring(v)')}])])),"")`
  );
}

/** The same projection of the code's cron entries (no recurrence fields). */
function projected(schedules: ReturnType<typeof schedule>[]): string {
  return schedules
    .map((s) => `${s.action}|${s.triggerType}|${s.status}|${s.cron.expression}|${s.cron.timeZone}||||||`.toLowerCase())
    .sort()
    .join(';');
}

class RawAzapiProvider extends TerraformProvider {
  constructor(scope: Construct) {
    super(scope, 'DefaultAzapiProvider', {
      terraformResourceType: 'azapi',
      terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: '~> 2.9' },
      terraformProviderSource: 'Azure/azapi',
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {};
  }
}

const TYPE = 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01';
const SCRIPT = Buffer.from('#!/bin/bash\nset -euo pipefail\npip install --quiet pandas scikit-learn\n').toString(
  'base64',
);
const GROUP = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml';

function schedule([action, expression, timeZone]: [string, string, string]) {
  return { action, triggerType: 'Cron', status: 'Enabled', cron: { expression, timeZone } };
}

function body(i: number, schedules: ReturnType<typeof schedule>[]) {
  return {
    properties: {
      computeType: 'ComputeInstance',
      disableLocalAuth: true,
      properties: {
        vmSize: 'Standard_DS3_v2',
        sshSettings: { sshPublicAccess: 'Disabled' },
        personalComputeInstanceSettings: { assignedUser: { objectId: objectId(i), tenantId: TENANT_ID } },
        setupScripts: { scripts: { creationScript: { scriptSource: 'inline', scriptData: SCRIPT } } },
        schedules: {
          computeStartStop: schedules,
        },
        idleTimeBeforeShutdown: 'PT30M',
      },
    },
  };
}

/** The replacement trigger the library derives from the same body (every creation field, lower-cased where Azure ignores case). */
function creationSettings(i: number) {
  return {
    vmSize: 'standard_ds3_v2',
    sshSettings: { sshPublicAccess: 'Disabled' },
    personalComputeInstanceSettings: {
      assignedUser: { objectId: objectId(i).toLowerCase(), tenantId: TENANT_ID.toLowerCase() },
    },
    setupScripts: { scripts: { creationScript: { scriptSource: 'inline', scriptData: SCRIPT } } },
    description: null,
    disableLocalAuth: true,
    tags: null,
    identity: null,
  };
}

/**
 * The policy resources as the library writes them (`policy-fixture` mode of synth-once, run before the
 * measured runs): the baseline stamps them out as they are, precomputed, like the instance bodies.
 */
export type PolicyFixture = Record<string, Record<string, Record<string, unknown>>>;

function addPolicy(stack: TerraformStack, fixture: PolicyFixture): void {
  for (const [type, byId] of Object.entries(fixture)) {
    for (const [logicalId, attrs] of Object.entries(byId)) {
      const { '//': meta, ...attributes } = attrs as Record<string, any>;
      // Rebuild the construct path so that cdktf allocates the same logical id.
      const path: string[] = meta.metadata.path.split('/').slice(1);
      let scope: Construct = stack;
      for (const part of path.slice(0, -1))
        scope = (scope.node.tryFindChild(part) as Construct) ?? new Construct(scope, part);
      const r = new RawResource(scope, path[path.length - 1], type, attributes);
      if (r.friendlyUniqueId !== logicalId) throw new Error(`baseline id ${r.friendlyUniqueId} is not ${logicalId}`);
    }
  }
}

export function buildBaselineStack(
  app: App,
  n: number,
  fixture: PolicyFixture,
  distinct: boolean,
  driftCheck: boolean,
): TerraformStack {
  const stack = new TerraformStack(app, 'bench');
  new LocalBackend(stack, { path: 'terraform.bench.tfstate' });
  addPolicy(stack, fixture);
  // The management-group policy in the same stack names no subscription: the default provider writes none.
  addBaselineInstances(stack, WORKSPACE_ID, 0, n, distinct, driftCheck, undefined);
  return stack;
}

/** The fleet workload's JSON (see buildLibraryFleet), from plain cdktf objects. */
export function buildBaselineFleet(
  app: App,
  stacks: number,
  perStack: number,
  fixture: PolicyFixture,
  driftCheck: boolean,
): TerraformStack[] {
  const governance = new TerraformStack(app, 'governance');
  new LocalBackend(governance, { path: 'terraform.governance.tfstate' });
  addPolicy(governance, fixture);
  new AzurermProvider(governance, 'azurerm', { features: [{}] });
  const all = [governance];
  for (let k = 0; k < stacks; k++) {
    const stack = new TerraformStack(app, fleetStackId(k));
    new LocalBackend(stack, { path: `terraform.${fleetStackId(k)}.tfstate` });
    // Only the workspace's subscription in this stack: the library's default provider names it.
    addBaselineInstances(
      stack,
      fleetWorkspaceId(k),
      k * perStack,
      perStack,
      false,
      driftCheck,
      subscriptionOf(fleetWorkspaceId(k)),
    );
    all.push(stack);
  }
  return all;
}

function subscriptionOf(armId: string): string {
  return armId.split('/')[2];
}

function addBaselineInstances(
  stack: TerraformStack,
  workspaceId: string,
  first: number,
  n: number,
  distinct: boolean,
  driftCheck: boolean,
  subscriptionId: string | undefined,
): void {
  const azapi = new RawAzapiProvider(stack);
  let azurerm: AzurermProvider | undefined;
  let role: RawResource | undefined;
  for (let i = first; i < first + n; i++) {
    const name = instanceName(i);
    const scope = new Construct(stack, name);
    const schedules = scheduleSet(i, distinct).map(schedule);
    const ci = new RawResource(
      scope,
      'Resource',
      'azapi_resource',
      {
        type: TYPE,
        name,
        parent_id: workspaceId,
        location: 'westeurope',
        body: body(i, schedules),
        replace_triggers_external_values: creationSettings(i),
        ignore_casing: true,
        timeouts: { create: '45m', delete: '60m' },
      },
      azapi,
      {
        preventDestroy: false,
        ignoreChanges: ['body', 'tags', 'identity'],
      },
    );
    const idle = new RawResource(
      scope,
      'IdleShutdownSetting',
      'azapi_resource_action',
      {
        type: TYPE,
        resource_id: ci.id,
        action: 'updateIdleShutdownSetting',
        method: 'POST',
        body: { idleTimeBeforeShutdown: 'PT30M' },
        timeouts: { create: '45m', update: '45m' },
      },
      azapi,
    );
    if (driftCheck) new RawDriftCheck(scope, name, workspaceId, schedules, ci, idle);
    if (!azurerm) {
      // The library's default: the stack's one subscription, or none where a management-group policy names none.
      azurerm = new AzurermProvider(stack, 'DefaultAzurermProvider', {
        features: [{}],
        ...(subscriptionId ? { subscriptionId } : {}),
      });
      const roleId = createHash('sha256').update(GROUP.toLowerCase()).digest('hex').slice(0, 8);
      role = new RawResource(stack, `ComputeUserRole-${roleId}`, 'azurerm_role_definition', {
        name: `AzureML compute instance user (00000000-0000-0000-0000-000000000001/rg-ml, ${stack.node.id})`,
        scope: GROUP,
        description: 'Start, stop, restart, open and reschedule the Azure ML compute instances assigned to you.',
        permissions: [
          {
            actions: [
              'Microsoft.MachineLearningServices/workspaces/computes/read',
              'Microsoft.MachineLearningServices/workspaces/computes/start/action',
              'Microsoft.MachineLearningServices/workspaces/computes/stop/action',
              'Microsoft.MachineLearningServices/workspaces/computes/restart/action',
              'Microsoft.MachineLearningServices/workspaces/computes/applicationaccess/action',
              'Microsoft.MachineLearningServices/workspaces/computes/updateSchedules/action',
              'Microsoft.MachineLearningServices/workspaces/computes/enableSso/action',
            ],
            not_actions: [],
          },
        ],
        assignable_scopes: [GROUP],
      });
    }
    new RawResource(scope, 'UserAccess', 'azurerm_role_assignment', {
      scope: ci.id,
      role_definition_id: role!.getStringAttribute('role_definition_resource_id'),
      principal_id: objectId(i),
      principal_type: 'User',
    });
  }
}
