import { Construct } from 'constructs';
import { AzapiResource } from '../azapi/resource';
import { AzapiResourceAction } from '../azapi/resource-action';
import { ComputeInstanceSpec } from '../compute-instance-spec';
import { AZAPI_COMPUTE_TYPE } from './azapi-compute-type';
import { escapeTerraformTemplates } from '../terraform-template';
import { terraformIdentityType } from './identity-type';
import { stopAfterCreation } from './stop-after-creation';


/**
 * Paths of the body that Azure ignores (or refuses) in a PUT to an existing instance: Terraform must not
 * plan an update for them. Idle shutdown changes go through `updateIdleShutdownSetting` instead; schedules
 * have no stable update API and stay as created.
 */
export const IGNORED_BODY_CHANGES = [
  'body.properties.properties.schedules',
  'body.properties.properties.idleTimeBeforeShutdown',
];

/**
 * Fields Azure sets only at creation (VM size, SSH, network, local auth, the assigned user): a change must
 * replace the instance, and with deletion protection on, the plan stops there instead of sending a PUT
 * that Azure refuses. azapi reads these paths inside `body` (JMESPath over the request body), unlike
 * `lifecycle.ignore_changes`, whose paths start at the resource.
 */
export const REPLACE_TRIGGERS = [
  'properties.disableLocalAuth',
  'properties.properties.vmSize',
  'properties.properties.sshSettings',
  'properties.properties.subnet',
  'properties.properties.enableNodePublicIp',
  'properties.properties.personalComputeInstanceSettings',
];

export interface AzapiRenderOptions {
  readonly deletionProtection: boolean;
  readonly stopAfterCreation: boolean;
}

/** Renders the spec as `azapi_resource`, plus the actions that idle shutdown and a stopped start need. */
export function renderAzapiComputeInstance(scope: Construct, spec: ComputeInstanceSpec, options: AzapiRenderOptions): AzapiResource {
  const ids = Object.keys(spec.identity?.userAssignedIdentities ?? {});
  const resource = new AzapiResource(scope, 'Resource', {
    type: AZAPI_COMPUTE_TYPE,
    name: spec.name,
    parentId: spec.workspaceId,
    location: spec.location,
    identity: spec.identity ? { type: terraformIdentityType(spec.identity.type), ...(ids.length > 0 ? { identityIds: ids } : {}) } : undefined,
    tags: spec.tags ? escapeTerraformTemplates(spec.tags) : undefined,
    body: { properties: escapeTerraformTemplates(spec.properties) },
    replaceTriggersRefs: REPLACE_TRIGGERS,
    lifecycle: { preventDestroy: options.deletionProtection, ignoreChanges: IGNORED_BODY_CHANGES },
  });

  const idle = spec.properties.properties.idleTimeBeforeShutdown;
  const idleAction = idle === undefined ? undefined : new AzapiResourceAction(scope, 'IdleShutdownSetting', {
    type: AZAPI_COMPUTE_TYPE,
    resourceId: resource.id,
    action: 'updateIdleShutdownSetting',
    method: 'POST',
    body: { idleTimeBeforeShutdown: idle },
  });

  if (options.stopAfterCreation) stopAfterCreation(scope, resource.id, idleAction);
  return resource;
}
