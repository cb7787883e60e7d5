import { Fn } from '../../core/framework';
import { ComputeInstanceSpec } from '../../model/compute-arm';
import { isToken } from '../../core/tokens';

/**
 * Everything Azure takes only when a compute instance is created, as one value: the azapi resource's
 * `replace_triggers_external_values`. A change to it replaces the instance (and `deletionProtection` stops
 * that plan). Idle shutdown is left out: it changes through its own action. Schedules are in it only when
 * `schedulesReplace` (`onScheduleChange: 'replace'`); otherwise the drift check reports a change of them.
 *
 * Why everything: azurerm's compute-instance resource has no Update and makes every argument ForceNew
 * (hashicorp/terraform-provider-azurerm, internal/services/machinelearning/machine_learning_compute_instance_resource.go),
 * and no Azure document says a PUT to an existing instance applies any field.
 *
 * Why not `replace_triggers_refs`: that compares paths of `body`, which `lifecycle.ignore_changes = [body]`
 * pins to the prior state, so it would never fire (azapi internal/services/azapi_resource.go, `ModifyPlan`).
 *
 * Values Azure compares without case (the VM size, ARM ids, GUIDs) are lower-cased here, so a change of
 * case alone changes nothing.
 */
export function creationSettings(spec: ComputeInstanceSpec, schedulesReplace = false): object {
  const { schedules, idleTimeBeforeShutdown: _idle, ...inner } = spec.properties.properties;
  void _idle;
  const user = inner.personalComputeInstanceSettings?.assignedUser;
  return {
    ...inner,
    vmSize: lower(inner.vmSize),
    ...(inner.subnet ? { subnet: { id: lower(inner.subnet.id) } } : {}),
    ...(user
      ? {
          personalComputeInstanceSettings: {
            assignedUser: { objectId: lower(user.objectId), tenantId: lower(user.tenantId) },
          },
        }
      : {}),
    description: spec.properties.description ?? null,
    disableLocalAuth: spec.properties.disableLocalAuth,
    tags: spec.tags ?? null,
    identity: spec.identity
      ? {
          type: spec.identity.type,
          userAssignedIdentityIds: Object.keys(spec.identity.userAssignedIdentities ?? {})
            .map(lower)
            .sort(),
        }
      : null,
    // Written as given: Azure's answer is never compared with it, only the code's next version.
    ...(schedulesReplace ? { schedules: schedules?.computeStartStop ?? [] } : {}),
  };
}

function lower(value: string): string {
  return isToken(value) ? Fn.lower(value) : value.toLowerCase();
}
