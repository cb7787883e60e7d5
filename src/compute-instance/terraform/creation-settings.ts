import { Fn } from '../../core/framework';
import { ComputeInstanceSpec } from '../../model/compute-arm';
import { isToken } from '../../core/tokens';
import { INSTANCE_FIELDS } from '../fields';
import { armValueAt } from '../field';

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
  const settings: Record<string, unknown> = {};
  for (const f of INSTANCE_FIELDS) {
    if (f.trigger === undefined || f.arm === undefined) continue;
    const armValue = armValueAt(spec, f.arm);
    const value =
      f.trigger === 'as-written'
        ? armValue
        : f.trigger === 'lower-case'
          ? lowerCased(armValue)
          : f.trigger(armValue, lowerCased);
    if (value !== undefined) settings[armKey(f.arm)] = value;
  }
  // Written as given: Azure's answer is never compared with it, only the code's next version.
  if (schedulesReplace) settings.schedules = spec.properties.properties.schedules?.computeStartStop ?? [];
  return settings;
}

/** The last key of an ARM path: the name a setting has in the triggers. */
function armKey(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** Every string of the value lower-cased: a Terraform reference through Terraform's `lower`. */
function lowerCased<T>(value: T): T {
  if (typeof value === 'string') return (isToken(value) ? Fn.lower(value) : value.toLowerCase()) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lowerCased(v)])) as T;
}
