import type { ArmComputeStartStopSchedule } from '../../model/compute-arm';
import { armEntryProblems } from '../../schedule/entry-validation';
import { isPlainObject } from '../../core/plain-object';
import type { PlanFile } from './plan-file';

/**
 * What a plan does to compute instances and to the library's other resources, read from `resource_changes`
 * (HashiCorp's JSON Output Format: `change.actions`, `before`, `after`, `importing`, `replace_paths`).
 * Values come from a file a pull request's author controls: every field is checked for its type here, and
 * printed only through the output's own escaping.
 */

/** In words, as a reviewer asks: is a workstation made, kept, wiped or gone. */
export type InstanceAction = 'created' | 'imported' | 'replaced' | 'deleted' | 'updated' | 'unchanged' | 'forgotten';

/** One side of a change: the instance as it is (before) or as it will be (after). */
export interface InstanceSide {
  readonly vmSize?: string;
  /** Undefined when the plan does not know them until apply, or they are not valid schedules. */
  readonly schedules?: readonly ArmComputeStartStopSchedule[];
  /** Why `schedules` is undefined. */
  readonly schedulesUnknown?: string;
}

export interface InstanceChange {
  readonly address: string;
  readonly name: string;
  /** The assigned user's object id. */
  readonly user?: string;
  readonly action: InstanceAction;
  /**
   * A replacement or deletion in a plan that errored: terraform saves such a plan (1.11 does: see
   * test/terraform/review-plans.test.ts) but will not apply it; `prevent_destroy` (deletionProtection) is the
   * error a destroyed instance meets.
   */
  readonly refused: boolean;
  /** For a replacement: the fields that caused it, `vmSize: standard_ds3_v2 → standard_ds4_v2`. */
  readonly replacedBy: readonly string[];
  readonly before?: InstanceSide;
  readonly after?: InstanceSide;
}

export interface OtherChange {
  readonly address: string;
  readonly type: string;
  readonly name?: string;
  readonly action: InstanceAction;
}

export interface FailedCheck {
  readonly address: string;
  readonly status: string;
  readonly messages: readonly string[];
}

export interface StackChanges {
  readonly file: string;
  readonly errored: boolean;
  readonly instances: readonly InstanceChange[];
  readonly policies: readonly OtherChange[];
  readonly checks: readonly FailedCheck[];
}

const AZAPI_COMPUTE = /^microsoft\.machinelearningservices\/workspaces\/computes@/i;
const AZAPI_POLICY = /^microsoft\.authorization\/policy(definitions|setdefinitions|assignments)@/i;
const AZURERM_COMPUTE = 'azurerm_machine_learning_compute_instance';
const AZURERM_POLICY =
  /^azurerm_(management_group_|subscription_|resource_group_|resource_)?policy_(definition|set_definition|assignment)$/;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : {});

function actionOf(change: Record<string, unknown>): InstanceAction {
  const actions = Array.isArray(change.actions) ? change.actions.map(String).join(',') : '';
  const importing = isPlainObject(change.importing);
  if (actions === 'delete,create' || actions === 'create,delete') return 'replaced';
  if (actions === 'delete') return 'deleted';
  if (actions === 'forget') return 'forgotten';
  if (importing) return 'imported';
  if (actions === 'create') return 'created';
  if (actions === 'update') return 'updated';
  return 'unchanged';
}

/** The compute's ARM `properties.properties` and its name, for either rendering; undefined for another resource. */
function computeOf(
  type: string,
  values: unknown,
): { name?: string; props: Record<string, unknown>; azurerm: boolean } | undefined {
  const v = obj(values);
  if (type === AZURERM_COMPUTE) return { name: text(v.name), props: v, azurerm: true };
  if (type !== 'azapi_resource' || !AZAPI_COMPUTE.test(text(v.type) ?? '')) return undefined;
  const properties = obj(obj(v.body).properties);
  if (properties.computeType !== undefined && properties.computeType !== 'ComputeInstance') return undefined;
  return { name: text(v.name), props: obj(properties.properties), azurerm: false };
}

function sideOf(compute: { props: Record<string, unknown>; azurerm: boolean }): InstanceSide {
  const p = compute.props;
  if (compute.azurerm)
    // azurerm cannot express schedules (see src/render/azurerm-compute-instance.ts): none is what it creates.
    return { vmSize: text(p.virtual_machine_size), schedules: [] };
  const list = obj(p.schedules).computeStartStop;
  if (list === undefined) return { vmSize: text(p.vmSize), schedules: [] };
  if (!Array.isArray(list)) return { vmSize: text(p.vmSize), schedulesUnknown: 'schedules are not a list' };
  const invalid = list.filter((e) => armEntryProblems(e).length > 0).length;
  if (invalid > 0)
    return {
      vmSize: text(p.vmSize),
      schedulesUnknown: `${invalid} of ${list.length} schedules are invalid (aml-compute lint says why)`,
    };
  return { vmSize: text(p.vmSize), schedules: list as ArmComputeStartStopSchedule[] };
}

function userOf(compute: { props: Record<string, unknown>; azurerm: boolean }): string | undefined {
  if (compute.azurerm) {
    const assigned = compute.props.assign_to_user;
    return text(obj(Array.isArray(assigned) ? assigned[0] : assigned).object_id);
  }
  return text(obj(obj(compute.props.personalComputeInstanceSettings).assignedUser).objectId);
}

function shortJson(v: unknown): string {
  const t = typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null');
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

/**
 * The fields that replace an instance. azapi's `replace_paths` names `replace_triggers_external_values`, where
 * the library puts every create-only field (src/render/creation-settings.ts): the keys that differ there are
 * the cause. Other paths (azurerm's attributes) are named as terraform gives them, with their values.
 */
function replacedBy(change: Record<string, unknown>): string[] {
  const paths = Array.isArray(change.replace_paths) ? change.replace_paths : [];
  const out: string[] = [];
  for (const path of paths) {
    const steps = Array.isArray(path) ? path.map(String) : [String(path)];
    if (steps[0] === 'replace_triggers_external_values' && steps.length === 1) {
      const before = obj(obj(change.before).replace_triggers_external_values);
      const after = obj(obj(change.after).replace_triggers_external_values);
      for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
          out.push(`${key}: ${shortJson(before[key] ?? null)} → ${shortJson(after[key] ?? null)}`);
      }
    } else {
      const at = (values: unknown) =>
        steps.reduce<unknown>(
          (v, step) => (isPlainObject(v) || Array.isArray(v) ? (v as any)[step] : undefined),
          values,
        );
      out.push(`${steps.join('.')}: ${shortJson(at(change.before) ?? null)} → ${shortJson(at(change.after) ?? null)}`);
    }
  }
  return out;
}

function failedChecks(plan: PlanFile): FailedCheck[] {
  const out: FailedCheck[] = [];
  for (const check of plan.checks) {
    const status = text(check.status);
    if (status !== 'fail' && status !== 'error') continue;
    const instances = Array.isArray(check.instances) ? check.instances.filter(isPlainObject) : [];
    const messages = instances.flatMap((i) =>
      (Array.isArray(i.problems) ? i.problems : []).map((p) => text(obj(p).message) ?? '(no message)'),
    );
    out.push({ address: text(obj(check.address).to_display) ?? '(no address)', status, messages });
  }
  return out;
}

/** The instances, policy resources and failing checks of one plan, in the plan's order. */
export function stackChanges(plan: PlanFile): StackChanges {
  const instances: InstanceChange[] = [];
  const policies: OtherChange[] = [];
  for (const rc of plan.resourceChanges) {
    if (rc.mode !== undefined && rc.mode !== 'managed') continue;
    const type = text(rc.type) ?? '';
    const address = text(rc.address) ?? '(no address)';
    const change = obj(rc.change);
    const action = actionOf(change);
    const before = computeOf(type, change.before);
    const after = computeOf(type, change.after);
    const either = after ?? before;
    if (either) {
      instances.push({
        address,
        name: either.name ?? address,
        user: (after && userOf(after)) ?? (before && userOf(before)),
        action,
        refused: plan.errored && (action === 'replaced' || action === 'deleted'),
        replacedBy: action === 'replaced' ? replacedBy(change) : [],
        ...(before ? { before: sideOf(before) } : {}),
        ...(after
          ? {
              after:
                obj(change.after_unknown).body === true
                  ? { schedulesUnknown: 'known only after apply' }
                  : sideOf(after),
            }
          : {}),
      });
      continue;
    }
    const values = obj(change.after ?? change.before);
    if (AZURERM_POLICY.test(type) || (type === 'azapi_resource' && AZAPI_POLICY.test(text(values.type) ?? '')))
      if (action !== 'unchanged') policies.push({ address, type, name: text(values.name), action });
  }
  return { file: plan.file, errored: plan.errored, instances, policies, checks: failedChecks(plan) };
}
