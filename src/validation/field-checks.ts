import { ARM_ID_SHAPES, wrongArmIdSegment } from './arm-id';
import { IDLE_SHUTDOWN_MAX_SECONDS, IDLE_SHUTDOWN_MIN_SECONDS } from '../model/limits';

/**
 * Azure's rules for the plain-text fields of a compute instance, as small checks. Each `<field>Refused(value)`
 * returns undefined when Azure accepts the value, and otherwise the sentence that tells what is allowed
 * instead (the "allowed" part of a problem, not the problem).
 */

/** Azure's compute name pattern (the REST spec's own; azurerm's regex is wrong in both directions). */
const COMPUTE_NAME = /^[a-zA-Z](?![a-zA-Z0-9-]*-\d+$)[a-zA-Z0-9-]{2,23}$/;

/** Azure's docs add what the pattern leaves out: a `-` must be followed later by a letter (so no `ci-`). */
const LETTER_AFTER_LAST_DASH = /^[^-]*$|-[a-zA-Z0-9]*[a-zA-Z][a-zA-Z0-9]*$/;

export function computeNameRefused(name: string): string | undefined {
  if (COMPUTE_NAME.test(name) && LETTER_AFTER_LAST_DASH.test(name)) return undefined;
  return (
    '3 to 24 letters, digits and "-", starting with a letter, where every "-" is followed later by a letter (ci-one, not ci-1 or ci-)' +
    lengthNote(name, 3, 24)
  );
}

/** `; this one has N characters` when `text` is outside min..max characters, else nothing. */
export function lengthNote(text: string, min: number, max: number): string {
  return text.length < min || text.length > max
    ? `; this one has ${text.length} character${text.length === 1 ? '' : 's'}`
    : '';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function guidRefused(value: string): string | undefined {
  return GUID.test(value) ? undefined : 'a GUID like 00000000-0000-0000-0000-000000000000';
}

/** ARM id shapes by what they name; matched case-insensitively, as ARM does. */
export const ARM_ID = ARM_ID_SHAPES;

export type ArmIdKind = keyof typeof ARM_ID;

/** The sentence for an id that is not of `kind`: the shape, and the segment that is wrong. */
export function armIdRefused(value: string, kind: ArmIdKind): string | undefined {
  const wrong = wrongArmIdSegment(value, ARM_ID[kind]);
  return wrong === undefined ? undefined : `an ARM id of the form ${ARM_ID[kind].example}; ${wrong}`;
}

/** The last segment of an ARM id (the resource's own name). */
export function armIdName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * Azure VM size names: `Standard_` then a family, a vCPU count, optional constrained-core and feature
 * letters, and an optional version, which an accelerator precedes (`Standard_D3_v2`, `Standard_NC24ads_A100_v4`,
 * `Standard_M128-64ms`, `Standard_B2ms`). Azure compares them case-insensitively.
 */
const VM_SIZE = /^standard_[a-z]+\d+(-\d+)?[a-z]*(_[a-z]+\d+[a-z]*_v\d+|_v\d+)?$/i;

export function vmSizeRefused(value: string): string | undefined {
  return VM_SIZE.test(value)
    ? undefined
    : 'an Azure VM size name such as Standard_DS3_v2 or Standard_NC6s_v3 (case-insensitive)';
}

/** Azure region names as ARM takes them: `westeurope` or `West Europe`. */
const LOCATION = /^[a-zA-Z][a-zA-Z0-9 ]*[a-zA-Z0-9]$/;

export function locationRefused(value: string): string | undefined {
  return LOCATION.test(value) ? undefined : 'an Azure region name such as westeurope or eastus2';
}

/**
 * Idle shutdown's bounds, one rule and one message wherever the time comes from: a ComputeInstance's Duration, an
 * ARM `idleTimeBeforeShutdown` that `aml-compute lint` reads, a ShutdownPolicy's default or maximum.
 */
export function idleShutdownRefused(seconds: number): string | undefined {
  return seconds < IDLE_SHUTDOWN_MIN_SECONDS || seconds > IDLE_SHUTDOWN_MAX_SECONDS
    ? '15 minutes to 3 days'
    : undefined;
}
