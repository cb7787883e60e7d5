import type { Json } from './update-object';

/**
 * What the emulated azapi provider's ImportResourceState answers for an `import` block. Each rule names the
 * source it follows. I1 is Terraform's own part, done by the real core; it is kept here as the reason the
 * refreshed import is what the first plan plans against.
 *
 * - I1 hashicorp/terraform internal/terraform/node_resource_plan_instance.go, `managedResourceExecute` and
 *   `importState`: an importing instance is imported (ImportResourceState) and refreshed (ReadResource) in
 *   the plan, and that refreshed object is the prior state the same plan plans the configuration against:
 *   import and any update or replacement are one plan. ignore_changes applies to it like to any prior state
 *   (node_resource_abstract_instance.go, `plan` calls `processIgnoreChanges(priorVal, ...)` for every
 *   non-null prior).
 * - I2 Azure/terraform-provider-azapi internal/services/azapi_resource.go, `ImportState`: the state starts as
 *   `NewDefaultAzapiResourceModel()` (every attribute null but ignore_casing false, ignore_missing_property
 *   true, ignore_null_property false, schema_validation_enabled true); `id`, `name`, `parent_id` and `type`
 *   come from the import id; `body` is `flattenBody(GET answer)`; `location` is the answer's, normalized;
 *   `tags` when the answer has any; `identity` when the answer has one. `replace_triggers_external_values`,
 *   `timeouts`, `replace_triggers_refs`, `response_export_values` stay null.
 * - I3 internal/services/resource.go, `flattenBody`: the writable part of the answer by azapi's embedded
 *   schema (`GetWriteOnly`), without `location`, `tags`, `name` and `identity`. The embedded schema is not
 *   read here: the model drops the fields the REST spec 2025-12-01 marks readOnly (Azure/azure-rest-api-specs
 *   .../stable/2025-12-01/machineLearningServices.json: the resource's id/name/type/systemData, Compute's
 *   createdOn/modifiedOn/provisioningState/provisioningErrors/isAttachedCompute, ComputeInstanceProperties'
 *   list below, sshSettings' adminUserName/sshPort, a schedule's id/provisioningStatus).
 * - I4 azapi_resource.go, `Read` runs after the import (I1): `UpdateObject(imported body, answer)`.
 */
const READ_ONLY_RESOURCE = ['id', 'name', 'type', 'systemData', 'location', 'tags', 'identity'];
const READ_ONLY_COMPUTE = ['createdOn', 'modifiedOn', 'provisioningState', 'provisioningErrors', 'isAttachedCompute'];
const READ_ONLY_INSTANCE = [
  'applications',
  'connectivityEndpoints',
  'containers',
  'createdBy',
  'dataDisks',
  'dataMounts',
  'errors',
  'lastOperation',
  'osImageMetadata',
  'state',
  'versions',
];

type Obj = { [key: string]: any };

function without(value: Json | undefined, keys: readonly string[]): Obj | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => !keys.includes(k) && v !== null));
}

/** I3: `flattenBody` of a compute instance's GET answer. */
export function flattenBody(answer: Obj): Obj {
  const body = without(answer, READ_ONLY_RESOURCE)!;
  const compute = without(body.properties, READ_ONLY_COMPUTE);
  if (!compute) return body;
  const instance = without(compute.properties, READ_ONLY_INSTANCE);
  if (instance) {
    const ssh = without(instance.sshSettings, ['adminUserName', 'sshPort']);
    if (ssh) instance.sshSettings = ssh;
    const schedules = instance.schedules as Obj | undefined;
    if (schedules && Array.isArray(schedules.computeStartStop)) {
      instance.schedules = {
        ...schedules,
        computeStartStop: schedules.computeStartStop.map((e) => without(e, ['id', 'provisioningStatus'])!),
      };
    }
    compute.properties = instance;
  }
  return { ...body, properties: compute };
}

/** Splits an azapi import id (`<parent>/<child type>/<name>?api-version=<v>`) as `parse.ResourceIDWithApiVersionInfo` does. */
export function parseImportId(
  importId: string,
  azureType: string,
): { id: string; parentId: string; name: string; type: string } {
  const [id, query] = importId.split('?');
  const apiVersion = new URLSearchParams(query ?? '').get('api-version');
  const slash = id.lastIndexOf('/');
  const typeSegment = id.slice(0, slash).lastIndexOf('/');
  return { id, parentId: id.slice(0, typeSegment), name: id.slice(slash + 1), type: `${azureType}@${apiVersion}` };
}

/** The read-only part of a GET answer: what `flattenBody` leaves out, the default `output` (./export.ts). */
export function readOnlyPart(answer: Obj): Obj {
  const out: Obj = {};
  for (const key of ['id', 'name', 'type']) if (answer[key] !== undefined) out[key] = answer[key];
  const compute = answer.properties as Obj | undefined;
  if (!compute || typeof compute !== 'object' || Array.isArray(compute)) return out;
  const props: Obj = {};
  for (const key of READ_ONLY_COMPUTE) if (compute[key] !== undefined) props[key] = compute[key];
  const instance = compute.properties as Obj | undefined;
  if (instance && typeof instance === 'object' && !Array.isArray(instance)) {
    const inner: Obj = {};
    for (const key of READ_ONLY_INSTANCE) if (instance[key] !== undefined) inner[key] = instance[key];
    props.properties = inner;
  }
  out.properties = props;
  return out;
}

/** identity.FlattenIdentity (Azure/terraform-provider-azapi internal/azure/identity/identity.go): ARM's shape to the state's block. */
export function flattenIdentity(identity: Obj): Obj {
  const ids = Object.keys((identity.userAssignedIdentities ?? {}) as Obj).sort();
  return {
    type: identity.type,
    identity_ids: ids,
    principal_id: identity.principalId ?? null,
    tenant_id: identity.tenantId ?? null,
  };
}
