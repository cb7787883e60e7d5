import type { Problems } from '../core/errors';
import type { ComputeInstanceProps } from './props';
import { isPlainObject } from '../core/plain-object';

/**
 * How a change of a field in the code reaches an instance that exists:
 * - `replaces`: Azure takes it only at creation, so a change replaces the instance (and `deletionProtection`
 *   refuses that plan);
 * - `action`: sent by an action of its own after creation (idle shutdown's `updateIdleShutdownSetting`);
 * - `drift-check`: Terraform cannot change it, and the instance's drift check warns when Azure and the code
 *   disagree (the schedules; `onScheduleChange: 'replace'` makes them replace the instance instead);
 * - `terraform`: not an Azure setting, but what the Terraform output does (deletionProtection, existing, ...).
 */
type FieldChange = 'replaces' | 'action' | 'drift-check' | 'terraform';

/** What the azurerm resource (`azurerm_machine_learning_compute_instance`) does with a field. */
type AzurermRendering =
  /** The argument (or block) that carries it. */
  | { readonly argument: string }
  /** azurerm has no argument for it: an instance that sets it needs `terraformResource: 'azapi'`. */
  | { readonly unsupported: string }
  /** Not an argument of azurerm's, and needs none (how azurerm gets it instead). */
  | { readonly implied: string };

/** The value of a field in the replacement triggers (`creationSettings`). */
type TriggerForm =
  /** As written in the ARM body. */
  | 'as-written'
  /** Lower-cased, where Azure compares without case (VM sizes, ARM ids, GUIDs). */
  | 'lower-case';

/**
 * One setting of a compute instance, described once: the prop, where it sits in the ARM resource, the check of
 * its value and the message it gives, how a change of it reaches an existing instance, what azurerm and Azure
 * Policy call it. The construct's validation, the ARM spec, the replacement triggers, the azurerm renderer's
 * refusals, `aml-compute lint` (ARM input) and the README's prop table are made from these entries
 * (`INSTANCE_FIELDS`); adding a setting is adding an entry.
 */
export interface InstanceField<K extends keyof ComputeInstanceProps = keyof ComputeInstanceProps> {
  /** The prop. */
  readonly prop: K;
  /**
   * The README's row for the prop: how it is written when it is an object (`{ publicKey }`), its default and
   * what is allowed (test/readme/fields-table.test.ts holds the README's table to these).
   */
  readonly readme: { readonly shape?: string; readonly default: string; readonly allowed: string };
  /**
   * Where the value sits in the ARM resource, dotted from the resource (`properties.properties.vmSize`);
   * undefined for a prop that is not an Azure setting.
   */
  readonly arm?: string;
  /** How a change reaches an existing instance. */
  readonly change: FieldChange;
  /** The rule id `aml-compute lint` reports a problem of the field under (its SARIF `ruleId`). */
  readonly rule: string;
  /**
   * Its value among the replacement triggers, for a `replaces` field whose change the compute resource's own
   * arguments do not already replace (name, workspace and location are azapi arguments of their own).
   */
  readonly trigger?: TriggerForm | ((armValue: any, lowerCased: <T>(value: T) => T) => unknown);
  /** What azurerm does with it (undefined for a prop that is not an Azure setting). */
  readonly azurerm?: AzurermRendering;
  /** The Azure Policy alias that reads it, where the library's policy rules use one (src/policy/aliases.ts). */
  readonly policyAlias?: string;
  /**
   * Checks the prop's value, adding problems under the prop's name; `props` gives the other props for rules
   * that join two. Returns this copy's value where the value is one of the library's classes (a schedule made
   * by another copy of the library), or undefined to keep the value given.
   */
  check(problems: Problems, value: ComputeInstanceProps[K], props: ComputeInstanceProps): unknown;
  /** The value at `arm` for valid props, or undefined to leave it out (Azure applies its default). */
  readonly toArm?: (props: ComputeInstanceProps) => unknown;
  /**
   * The prop value of an ARM value at `arm` (an existing instance's, or a template's), for the same `check`; or
   * `{ refused }` with what is allowed, when the ARM value cannot be one. Absent: the ARM value is the prop value.
   */
  readonly fromArm?: (armValue: unknown) => unknown;
  /** Where a problem of `field` (under the prop) sits in the ARM resource, for `aml-compute lint`. */
  readonly armFieldOf?: (field: string) => string;
}

/** What `fromArm` returns for an ARM value that no prop value stands for. */
export interface RefusedArmValue {
  readonly refused: string;
}

export function isRefusedArmValue(x: unknown): x is RefusedArmValue {
  return typeof x === 'object' && x !== null && typeof (x as RefusedArmValue).refused === 'string';
}

/** Declares a field with its prop's value type checked (a list of them mixes props). */
export function field<K extends keyof ComputeInstanceProps>(f: InstanceField<K>): InstanceField {
  return f as unknown as InstanceField;
}

/**
 * The value at a field's `arm` path in an ARM resource: the spec's, or one read from a file (where any level may
 * be something other than an object: then undefined).
 */
export function armValueAt(resource: unknown, path: string): any {
  return path.split('.').reduce<unknown>((o, key) => (isPlainObject(o) ? o[key] : undefined), resource);
}
