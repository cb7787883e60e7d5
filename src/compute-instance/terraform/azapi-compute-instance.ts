import { Construct } from 'constructs';
import { AzapiResource } from '../../bindings/azapi/resource';
import { AzapiResourceAction } from '../../bindings/azapi/resource-action';
import { ComputeInstanceSpec } from '../../model/compute-arm';
import { AZAPI_COMPUTE_TYPE } from './azapi-compute-type';
import { terraformIdentityType } from './identity-type';
import { stopAfterCreation } from './stop-after-creation';
import { creationSettings } from './creation-settings';
import { createTimeoutMinutes, DELETE_MINUTES, minutes } from './timeouts';
import { renderDriftCheck } from './drift-check';

/**
 * The compute resource's arguments Terraform never updates after creation. An instance is created once
 * and then only replaced: every field but the schedules and idle shutdown replaces it (`creationSettings`,
 * through `replace_triggers_external_values`), idle shutdown changes through its own action, and
 * schedules stay as created. Ignoring the whole attributes, not paths inside `body`, matters: Terraform
 * ignores a path only where it exists in both the prior state and the configuration
 * (hashicorp/terraform internal/terraform/node_resource_abstract_instance.go, `processIgnoreChangesIndividual`
 * skips a path whose `Apply` fails), so an instance created without schedules would get a PUT when they
 * are added. A replacement is still planned from the whole configuration: Terraform re-plans it "from our
 * original with no ignored values" (same file, `plan`).
 */
const IGNORED_CHANGES = ['body', 'tags', 'identity'];

/**
 * What an existing (imported) instance (`existing: true`) also ignores. An import leaves these arguments at azapi's
 * defaults (Azure/terraform-provider-azapi internal/services/azapi_resource.go, `ImportState` starts from
 * `NewDefaultAzapiResourceModel()`), and updating `ignore_casing` or `replace_triggers_external_values`
 * sends a PUT (internal/skip/skip.go: only attributes tagged `skip_on:"update"` skip the request), here of
 * the imported body, Azure's own values: a re-PUT of an instance with schedules is reported to fail
 * (azure-quickstart-templates #11830, bicep #17617). `timeouts` would update without a request, but would still show as a change.
 */
const EXISTING_IGNORED_CHANGES = [...IGNORED_CHANGES, 'ignore_casing', 'replace_triggers_external_values', 'timeouts'];

interface AzapiRenderOptions {
  readonly deletionProtection: boolean;
  readonly stopAfterCreation: boolean;
  /** The instance exists and is imported (`existing: true`). */
  readonly existing: boolean;
  /** `onScheduleChange: 'replace'`: the schedules are among the replacement triggers. */
  readonly schedulesReplace: boolean;
  /** The drift check's options, or undefined for none. */
  readonly driftCheck: { readonly latestOsImage: boolean } | undefined;
}

/** Renders the spec as `azapi_resource`, plus the actions that idle shutdown and a stopped start need. */
export function renderAzapiComputeInstance(
  scope: Construct,
  spec: ComputeInstanceSpec,
  options: AzapiRenderOptions,
): AzapiResource {
  const ids = Object.keys(spec.identity?.userAssignedIdentities ?? {});
  const createTimeout = createTimeoutMinutes(spec);
  const actionTimeouts = { create: minutes(createTimeout), update: minutes(createTimeout) };
  const resource = new AzapiResource(scope, 'Resource', {
    type: AZAPI_COMPUTE_TYPE,
    name: spec.name,
    parentId: spec.workspaceId,
    location: spec.location,
    identity: spec.identity
      ? { type: terraformIdentityType(spec.identity.type), ...(ids.length > 0 ? { identityIds: ids } : {}) }
      : undefined,
    tags: spec.tags,
    body: { properties: spec.properties },
    replaceTriggersExternalValues: creationSettings(spec, options.schedulesReplace),
    // Azure may answer a string in another case (the REST spec's GET example has "STANDARD_NC6"); azapi
    // keeps the configured one only with ignore_casing (azapi utils/json.go, UpdateObject).
    ignoreCasing: true,
    timeouts: { create: minutes(createTimeout), delete: minutes(DELETE_MINUTES) },
    lifecycle: {
      preventDestroy: options.deletionProtection,
      ignoreChanges: options.existing ? EXISTING_IGNORED_CHANGES : IGNORED_CHANGES,
    },
  });

  const idle = spec.properties.properties.idleTimeBeforeShutdown;
  const idleAction =
    idle === undefined
      ? undefined
      : new AzapiResourceAction(scope, 'IdleShutdownSetting', {
          type: AZAPI_COMPUTE_TYPE,
          resourceId: resource.id,
          action: 'updateIdleShutdownSetting',
          method: 'POST',
          body: { idleTimeBeforeShutdown: idle },
          timeouts: actionTimeouts,
        });

  if (options.stopAfterCreation) stopAfterCreation(scope, resource.id, idleAction, actionTimeouts);
  if (options.driftCheck)
    renderDriftCheck(scope, spec, resource, idleAction, { path: scope.node.path, ...options.driftCheck });
  return resource;
}
