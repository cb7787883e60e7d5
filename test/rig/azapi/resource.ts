import { Arm } from '../azure/arm';
import { azureStore, Resource } from '../azure/store';
import type { Obj, ResourceBehaviour } from '../provider';
import { error } from '../provider';
import { azapiSchemas } from '../schemas/azapi';
import { computedNullsUnknown, isObject, resolveUnknowns, sameValue, withoutWriteOnly } from '../values';
import { Unknown, Value } from '../wire';
import { exportedOutput } from './export';
import { flattenBody, flattenIdentity, parseImportId } from './import';
import { buildResourceId, splitType } from './resource-id';
import { Json, overrideWithPaths, updateObject, valueAt } from './update-object';

/**
 * `azapi_resource` of Azure/terraform-provider-azapi v2.12.0, internal/services/azapi_resource.go. Each rule
 * names what it follows in that file unless another is named.
 * - Schema defaults (`Schema`, `Default:`): ignore_casing false, ignore_missing_property true,
 *   ignore_null_property false, schema_validation_enabled true, body {} (empty object).
 * - `ModifyPlan`: a body equal to the state's keeps the state's (so its type); `output` is unknown when the body
 *   or response_export_values change; name and parent_id (`RequiresReplace`), the resource type part of `type`
 *   (`planmodifier` on type: an api-version change alone updates), and `location` (`UseStateWhen` keeps the
 *   state's value when both normalize alike, location.Normalize: lower case, no spaces) replace;
 *   `replace_triggers_refs` compares state and plan bodies at those paths.
 * - replace_triggers_external_values: internal/services/myplanmodifier/planmodifierdynamic/
 *   dynamic_requires_replace.go, `RequiresReplaceIfNotNull`: a change replaces unless the old or new is null.
 * - `CreateUpdate`: PUT of the planned body with `location`, `tags` and `identity` added when the body lacks
 *   them (`expandBody`; identity.ExpandIdentity in internal/azure/identity/identity.go); on update, a change
 *   only to fields tagged skip_on:"update" (internal/skip/skip.go: timeouts, retry, headers and query
 *   parameters) is written to state without a request.
 * - `Read`: GET; 404 removes the resource from state; body = utils.UpdateObject(state body, answer)
 *   (./update-object.ts), tags and location (normalized) from the answer, output from the answer (./export.ts).
 * - `ImportState`: ./import.ts.
 * - `Delete`: DELETE.
 */
const SCHEMA = azapiSchemas.resource_schemas.azapi_resource.block;
const DEFAULTS: Obj = {
  ignore_casing: false,
  ignore_missing_property: true,
  ignore_null_property: false,
  schema_validation_enabled: true,
  body: {},
};
const SKIP_ON_UPDATE = [
  'timeouts',
  'retry',
  'create_headers',
  'create_query_parameters',
  'update_headers',
  'update_query_parameters',
  'delete_headers',
  'delete_query_parameters',
  'read_headers',
  'read_query_parameters',
];

export function normalizedLocation(value: Value | undefined): string {
  return typeof value === 'string' ? value.toLowerCase().replace(/\s/g, '') : '';
}

function withDefaults(value: Obj): Obj {
  const out: Obj = { ...value };
  for (const [name, fallback] of Object.entries(DEFAULTS)) if ((out[name] ?? null) === null) out[name] = fallback;
  return out;
}

/** `expandBody`: what a PUT sends. */
export function requestBody(planned: Obj): Obj {
  const body: Obj = { ...((isObject(planned.body) ? planned.body : {}) as Obj) };
  if ((body.location ?? null) === null && typeof planned.location === 'string' && planned.location !== '')
    body.location = planned.location;
  if ((body.tags ?? null) === null && isObject(planned.tags) && Object.keys(planned.tags).length > 0)
    body.tags = planned.tags;
  const identity = Array.isArray(planned.identity) ? (planned.identity[0] as Obj | undefined) : undefined;
  if ((body.identity ?? null) === null && identity) {
    const ids = (identity.identity_ids ?? []) as string[];
    body.identity = {
      type: identity.type,
      ...(ids.length > 0 ? { userAssignedIdentities: Object.fromEntries(ids.map((id) => [id, {}])) } : {}),
    };
  }
  return body;
}

/** `Read`'s shaping of state from a GET answer. */
export function refreshed(state: Obj, answer: Resource): Obj {
  const body = updateObject(state.body as Json, answer as Json, {
    ignoreCasing: state.ignore_casing === true,
    ignoreMissingProperty: state.ignore_missing_property !== false,
    ignoreNullProperty: state.ignore_null_property === true,
  }) as Value;
  const out: Obj = { ...state, body, output: exportedOutput(answer, state.response_export_values ?? null) };
  if (isObject(answer.tags) || state.tags !== null) out.tags = isObject(answer.tags) ? answer.tags : null;
  if (typeof answer.location === 'string') out.location = normalizedLocation(answer.location);
  if (isObject(answer.identity) && Array.isArray(state.identity) && state.identity.length > 0)
    out.identity = [flattenIdentity(answer.identity)];
  return out;
}

function replaceReasons(prior: Obj, planned: Obj): string[][] {
  const out: string[][] = [];
  if (!sameValue(prior.name, planned.name)) out.push(['name']);
  if (!sameValue(prior.parent_id, planned.parent_id)) out.push(['parent_id']);
  const [before, after] = [prior.type, planned.type].map((t) => splitType(String(t)).resourceType.toLowerCase());
  if (before !== after) out.push(['type']);
  if (
    typeof planned.location === 'string' &&
    normalizedLocation(prior.location) !== normalizedLocation(planned.location)
  )
    out.push(['location']);
  const [oldValues, newValues] = [
    prior.replace_triggers_external_values ?? null,
    planned.replace_triggers_external_values ?? null,
  ];
  if (oldValues !== null && newValues !== null && !sameValue(oldValues, newValues))
    out.push(['replace_triggers_external_values']);
  for (const ref of (planned.replace_triggers_refs as string[] | null) ?? []) {
    const [a, b] = [valueAt(prior.body as Json, ref), valueAt(planned.body as Json, ref)];
    if (!sameValue((a ?? null) as Value, (b ?? null) as Value)) {
      out.push(['body']);
      break;
    }
  }
  return out;
}

export function azapiResource(): ResourceBehaviour {
  const arm = () => new Arm(azureStore());
  return {
    plan({ prior, proposed, config }) {
      if (!proposed || !config) return { planned: null };
      let planned = withoutWriteOnly(withDefaults(proposed), SCHEMA);
      if (!prior) {
        planned = computedNullsUnknown(planned, SCHEMA);
        // A null location or tags in the configuration stays null: nothing in the body to take them from.
        for (const name of ['location', 'tags'] as const)
          if ((config[name] ?? null) === null)
            planned[name] = isObject(planned.body) ? (planned.body[name] ?? null) : null;
        return { planned };
      }
      if (sameValue(planned.body, prior.body)) planned.body = prior.body;
      if (normalizedLocation(planned.location) === normalizedLocation(prior.location))
        planned.location = prior.location;
      const ignoreBody = (config.ignore_body_changes as string[] | null) ?? [];
      if (ignoreBody.length > 0)
        planned.body = overrideWithPaths(planned.body as Json, prior.body as Json, ignoreBody) as Value;
      planned.id = prior.id;
      const bodyChanged = !sameValue(planned.body, prior.body);
      planned.output =
        bodyChanged || !sameValue(planned.response_export_values, prior.response_export_values)
          ? new Unknown('dynamic')
          : prior.output;
      const requiresReplace = replaceReasons(prior, planned);
      if (requiresReplace.length > 0)
        planned = { ...planned, id: new Unknown('string'), output: new Unknown('dynamic') };
      return { planned, requiresReplace };
    },
    apply({ prior, planned }) {
      if (!planned) {
        if (prior) arm().delete(String(prior.id));
        return { state: null };
      }
      const id =
        typeof planned.id === 'string'
          ? planned.id
          : buildResourceId(String(planned.parent_id), String(planned.type), String(planned.name));
      const changed = prior ? Object.keys(planned).filter((k) => !sameValue(prior[k], planned[k])) : ['(create)'];
      let response: Resource | null = null;
      if (changed.some((k) => !SKIP_ON_UPDATE.includes(k) && k !== 'output')) {
        const answer = arm().put(id, requestBody(planned));
        if (answer.status >= 400) {
          return {
            state: prior,
            diagnostics: [
              error(
                'Failed to create/update resource',
                `creating/updating Resource: (ResourceId ${JSON.stringify(id)} / Api Version ${JSON.stringify(splitType(String(planned.type)).apiVersion)}): PUT\nRESPONSE ${answer.status}: ${answer.error ?? ''}`,
              ),
            ],
          };
        }
        response = answer.body;
      }
      const fill = (path: readonly string[]): Value => {
        if (path[0] === 'id') return id;
        if (path[0] === 'output')
          return response ? exportedOutput(response, planned.response_export_values ?? null) : (prior?.output ?? {});
        return null;
      };
      return { state: resolveUnknowns(planned, fill) as Obj };
    },
    read(state) {
      const answer = arm().get(String(state.id));
      if (answer.status === 404 || !answer.body) return { state: null };
      return { state: refreshed(state, answer.body) };
    },
    import(importId) {
      const parsed = parseImportId(importId, '');
      const answer = arm().get(parsed.id);
      // `ImportState` answers a 404 with `RemoveResource`, an empty state, which terraform-plugin-framework
      // reports as an error (internal/fwserver/server_importresourcestate.go, "Missing Resource Import State").
      if (answer.status === 404 || !answer.body) {
        return {
          state: null,
          diagnostics: [
            error(
              'Missing Resource Import State',
              'An unexpected error was encountered when importing the resource. This is always a problem with the provider. Please give the following information to the provider developer:\n\nResource ImportState method returned no State in response. If import is intentionally not supported, remove the Resource type ImportState method or return an error.',
            ),
          ],
        };
      }
      const a = answer.body;
      const azureType = String(a.type ?? '');
      const state: Obj = {
        ...Object.fromEntries(Object.keys(SCHEMA.attributes).map((k) => [k, null])),
        ...withDefaults({}),
        id: parsed.id,
        name: parsed.name,
        parent_id: parsed.parentId,
        type: `${azureType}@${parsed.type.split('@')[1]}`,
        body: flattenBody(a as never) as Value,
        location: typeof a.location === 'string' ? normalizedLocation(a.location) : null,
        tags: isObject(a.tags) && Object.keys(a.tags).length > 0 ? a.tags : null,
        identity: isObject(a.identity) ? [flattenIdentity(a.identity)] : [],
        timeouts: null,
      };
      // Terraform reads the imported object next (ReadResource), which shapes body and output.
      return { state };
    },
  };
}
