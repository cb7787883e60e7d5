import { deepEqual, Json, overrideWithPaths, updateObject, valueAt } from './azapi-update-object';

/**
 * A model of `terraform plan` (Terraform 1.11) for the two azapi 2.x resource types the library writes,
 * enough to replay an instance's life without Azure: create, refresh, plan, replace. Each rule names the
 * source it follows.
 *
 * - T1 hashicorp/terraform internal/terraform/node_resource_abstract_instance.go, `processIgnoreChanges` /
 *   `processIgnoreChangesIndividual`: ignore_changes applies only when a prior object exists, and a path is
 *   ignored only where it can be applied to both the prior state and the configuration (`cty.Path.Apply`: a
 *   top-level attribute always applies, null or not); the ignored value becomes the prior one.
 * - T2 same file, `plan`: a replacement is planned again from the configuration "with no ignored values".
 * - T3 same file, `checkPreventDestroy`: a delete or replace of a prevent_destroy resource fails the plan.
 * - A1 Azure/terraform-provider-azapi internal/services/azapi_resource.go, `Read`: state `body` =
 *   `UpdateObject(state body, GET answer)` with ignore_casing (default false) and ignore_missing_property
 *   (default true); ignore_body_changes paths (kept in private state) take the prior body's values first.
 * - A2 same file, `ModifyPlan`: ignore_body_changes puts the state's values in the plan where both hold the
 *   path (`overrideBodyWithPaths`); `replace_triggers_refs` compares state and plan bodies at those paths;
 *   name and location changes replace.
 * - A3 planmodifierdynamic/dynamic_requires_replace.go, `RequiresReplaceIfNotNull`: a changed
 *   `replace_triggers_external_values` replaces unless the old or new value is null.
 * - A4 azapi_resource.go `Update` and internal/skip/skip.go: a change only to `skip_on:"update"` fields
 *   (timeouts, retry, headers) is written to state without a request.
 * - A5 internal/services/azapi_resource_action_resource.go: `type`, `resource_id` and `action` changes
 *   replace; with `when = "apply"` the action runs at create and at every update; delete sends nothing.
 * - A6 azapi_resource.go, `CreateUpdate`: an update PUTs the planned `body` (under ignore_changes, the
 *   state's), with `location`, `tags` and `identity` added from the planned attributes (`expandBody`).
 * - A7 azapi_resource.go, schema of `location`: `UseStateWhen` keeps the state's value when the two
 *   normalize alike; `id` and `output` are computed and keep the state's value in a plan without a body change.
 * Import (a Terraform `import` block) is in ./terraform-import-model.ts.
 */

export type Attributes = { [name: string]: Json };

export interface ResourceConfig {
  readonly attributes: Attributes;
  readonly lifecycle?: { readonly ignore_changes?: readonly string[]; readonly prevent_destroy?: boolean };
}

export interface ResourceState {
  readonly attributes: Attributes;
  /** azapi's private state: the ignore_body_changes paths of the last apply (A1, A2). */
  readonly ignoreBodyChanges: readonly string[];
}

export type Action = 'create' | 'no-op' | 'update' | 'replace' | 'delete';

export interface PlannedChange {
  readonly action: Action;
  /** Whether applying the change sends a request to Azure (PUT of the compute, POST of an action). */
  readonly request: boolean;
  /** Terraform's error when the change is refused at plan time (T3). */
  readonly error?: string;
  /** What forced a replacement. */
  readonly replaceBecause: readonly string[];
  /** The object that would be created (for create and replace), or the updated one (for update). */
  readonly planned?: Attributes;
  /** The attributes an update changes (for update). */
  readonly changed?: readonly string[];
}

const AZAPI_RESOURCE_DEFAULTS: Attributes = { ignore_casing: false, ignore_missing_property: true };
const SKIP_ON_UPDATE = [
  'timeouts',
  'retry',
  'create_headers',
  'create_query_parameters',
  'delete_headers',
  'delete_query_parameters',
  'read_headers',
  'read_query_parameters',
];
/** Arguments that are not stored in state (write-only, or private state). */
const WRITE_ONLY = ['ignore_body_changes'];

function withDefaults(type: string, attributes: Attributes): Attributes {
  const stored = Object.fromEntries(Object.entries(attributes).filter(([k]) => !WRITE_ONLY.includes(k)));
  return type === 'azapi_resource'
    ? { ...AZAPI_RESOURCE_DEFAULTS, ...stored }
    : { when: 'apply', method: 'POST', ...stored };
}

/** T1: the configuration with ignored attributes (or body paths) set to the prior values. */
export function applyIgnoreChanges(
  prior: Attributes,
  config: Attributes,
  ignoreChanges: readonly string[],
): Attributes {
  let out: Json = config;
  for (const path of ignoreChanges) {
    const steps = path.split('.');
    if (steps.length === 1) {
      // A top-level attribute is in every object of the schema (null when unset), so the path always applies.
      if (!deepEqual(prior[path] ?? null, config[path] ?? null)) out = setAt(out, steps, prior[path] ?? null);
      continue;
    }
    const p = pathApply(prior, steps);
    const c = pathApply(out, steps);
    if (!p.ok || !c.ok) continue; // the path does not apply to both: not ignored
    if (!deepEqual(p.value, c.value)) out = setAt(out, steps, p.value);
  }
  return out as Attributes;
}

function pathApply(value: Json, steps: readonly string[]): { ok: boolean; value?: Json } {
  let v: Json = value;
  for (const step of steps) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !(step in v)) return { ok: false };
    v = v[step];
  }
  return { ok: true, value: v };
}

function setAt(value: Json, steps: readonly string[], replacement: Json | undefined): Json {
  if (steps.length === 0) return replacement ?? null;
  const obj = value as { [k: string]: Json };
  return { ...obj, [steps[0]]: setAt(obj[steps[0]], steps.slice(1), replacement) };
}

/** Apply of a create: the planned attributes become state; the body is what was sent (A1 shapes it on refresh). */
export function create(type: string, config: ResourceConfig): ResourceState {
  return {
    attributes: withDefaults(type, config.attributes),
    ignoreBodyChanges: (config.attributes.ignore_body_changes as string[] | undefined) ?? [],
  };
}

/** A1: refresh of an azapi_resource against Azure's GET answer. */
export function refresh(state: ResourceState, answer: { [key: string]: Json }): ResourceState {
  const a = state.attributes;
  let remote: Json = answer;
  if (state.ignoreBodyChanges.length > 0) remote = overrideWithPaths(remote, a.body, state.ignoreBodyChanges);
  const body = updateObject(a.body, remote, {
    ignoreCasing: a.ignore_casing === true,
    ignoreMissingProperty: a.ignore_missing_property !== false,
  });
  const tags = (answer.tags ?? null) as Json;
  return { ...state, attributes: { ...a, body, ...(tags !== null || a.tags !== undefined ? { tags } : {}) } };
}

/** The plan of one resource instance (T1-T3, A2-A5). `config` undefined plans a delete. */
export function plan(
  type: string,
  state: ResourceState | undefined,
  config: ResourceConfig | undefined,
): PlannedChange {
  if (!config) {
    return state
      ? { action: 'delete', request: false, replaceBecause: [] }
      : { action: 'no-op', request: false, replaceBecause: [] };
  }
  const configured = withDefaults(type, config.attributes);
  if (!state) return { action: 'create', request: true, replaceBecause: [], planned: configured };
  const prior = state.attributes;
  let planned = applyIgnoreChanges(prior, configured, config.lifecycle?.ignore_changes ?? []);
  const because: string[] = [];
  if (type === 'azapi_resource') {
    // A7: computed attributes and a location that normalizes alike keep the state's value.
    for (const computed of ['id', 'output'])
      if (prior[computed] !== undefined) planned = { ...planned, [computed]: prior[computed] };
    if (normalizedLocation(planned.location) === normalizedLocation(prior.location))
      planned = { ...planned, location: prior.location };
    const ignoreBody = (config.attributes.ignore_body_changes as string[] | undefined) ?? [];
    if (ignoreBody.length > 0) planned = { ...planned, body: overrideWithPaths(planned.body, prior.body, ignoreBody) };
    if (deepEqual(planned.body, prior.body)) planned = { ...planned, body: prior.body };
    if (planned.name !== prior.name) because.push('name');
    if (normalizedLocation(planned.location) !== normalizedLocation(prior.location)) because.push('location');
    for (const ref of (planned.replace_triggers_refs as string[] | undefined) ?? []) {
      if (!deepEqual(valueAt(prior.body, ref) ?? null, valueAt(planned.body, ref) ?? null))
        because.push(`replace_triggers_refs: ${ref}`);
    }
    const oldValues = prior.replace_triggers_external_values ?? null;
    const newValues = planned.replace_triggers_external_values ?? null;
    if (oldValues !== null && newValues !== null && !deepEqual(oldValues, newValues))
      because.push('replace_triggers_external_values');
  } else {
    for (const name of ['type', 'resource_id', 'action'])
      if (!deepEqual(prior[name], planned[name])) because.push(name);
  }
  const changed = Object.keys({ ...prior, ...planned }).filter((k) => !deepEqual(prior[k] ?? null, planned[k] ?? null));
  if (because.length > 0) {
    // T2: the new object comes from the whole configuration, ignore_changes set aside.
    const change: PlannedChange = { action: 'replace', request: true, replaceBecause: because, planned: configured };
    return config.lifecycle?.prevent_destroy ? { ...change, error: preventDestroyError(type) } : change;
  }
  if (changed.length === 0) return { action: 'no-op', request: false, replaceBecause: [] };
  const request =
    type === 'azapi_resource'
      ? changed.some((k) => !SKIP_ON_UPDATE.includes(k))
      : planned.when === 'apply' && changed.some((k) => !SKIP_ON_UPDATE.includes(k));
  return { action: 'update', request, replaceBecause: [], planned, changed: changed.sort() };
}

function normalizedLocation(value: Json | undefined): string {
  return String(value).toLowerCase().replace(/\s/g, '');
}

/** Apply of an in-place update: the planned attributes become state (azapi_resource.go `Update`, `CreateUpdate`). */
export function applyUpdate(state: ResourceState, change: PlannedChange): ResourceState {
  return change.action === 'update' && change.planned ? { ...state, attributes: change.planned } : state;
}

/** A6: the body an update of an azapi_resource PUTs. */
export function updateRequestBody(planned: Attributes): { [key: string]: Json } {
  const body = { ...(planned.body as { [key: string]: Json }) };
  if (body.location == null && typeof planned.location === 'string' && planned.location !== '')
    body.location = planned.location;
  if (body.tags == null && planned.tags != null && Object.keys(planned.tags).length > 0) body.tags = planned.tags;
  // identity.ExpandIdentity (internal/azure/identity/identity.go): the state's list of one block back to ARM's shape.
  const identity = Array.isArray(planned.identity)
    ? (planned.identity[0] as { [key: string]: Json } | undefined)
    : undefined;
  if (body.identity == null && identity) {
    const ids = (identity.identity_ids ?? []) as string[];
    body.identity = {
      type: identity.type,
      ...(ids.length > 0 ? { userAssignedIdentities: Object.fromEntries(ids.map((id) => [id, {}])) } : {}),
    };
  }
  return body;
}

/** T3: Terraform's message, for a resource address of `type`. */
export function preventDestroyError(type: string): string {
  return `Instance cannot be destroyed: Resource ${type} has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of the plan using the -target flag.`;
}
