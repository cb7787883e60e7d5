import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Value } from '../wire';
import type { Resource } from './store';

/**
 * Azure Machine Learning compute instances as the control plane answers them.
 *
 * GET (`answerOf`): the read-only fields and their shape come from the REST spec's 2025-12-01 example
 * (test/fixtures/compute-instance-get-2025-12-01.json, copied from Azure/azure-rest-api-specs
 * .../stable/2025-12-01/examples/Compute/get/ComputeInstance.json). On top, the changes Azure may make,
 * applied all at once as the worst case:
 * - `vmSize` upper-cased (the example answers "STANDARD_NC6"; its PUT example sends the same string, so the
 *   spec does not show Azure changing case: the emulation assumes it does);
 * - ARM ids inside the properties answered as `/resourcegroups/` (not seen in the spec's examples; assumed);
 * - read-only fields added (`createdOn`, `provisioningState`, `state`, `osImageMetadata`, ...), and
 *   `applicationSharingPolicy: "Shared"` where none was sent (the example's default);
 * - write-only fields not returned: `sshSettings.adminPublicKey` (the example's sshSettings has none), with
 *   `adminUserName` and `sshPort` returned instead;
 * - each schedule entry answered with Azure's read-only `id` and `provisioningStatus` (the 2025-12-01
 *   `ComputeStartStopSchedule` definition, machineLearningServices.json, marks both readOnly; the example
 *   answers no schedules), its `status` defaulted to `Enabled`.
 *
 * PUT on an existing instance (`updatedBy`): schedules and idle shutdown keep their stored values. A PUT
 * that changes them is reported ignored or failing (azure-quickstart-templates #11830, Azure/bicep #17617,
 * Azure/bicep-types-az #2543); the emulation takes the "ignored" side, the one a plan cannot see.
 *
 * Names (`nameConflict`): unique among all computes in an Azure region (MicrosoftDocs/azure-ai-docs
 * how-to-create-compute-instance.md): a PUT creating a second one answers 409.
 */
const EXAMPLE = JSON.parse(
  readFileSync(join(__dirname, '../../../../test/fixtures/compute-instance-get-2025-12-01.json'), 'utf8'),
).body;

type Obj = { [key: string]: Value };

export const COMPUTE_TYPE = 'microsoft.machinelearningservices/workspaces/computes';

/** The resource Azure stores (and answers) after a PUT creating a compute instance. */
export function answerOf(id: string, putBody: Obj): Resource {
  const props = (putBody.properties ?? {}) as Obj;
  const ci = (props.properties ?? {}) as Obj;
  const exampleCi = EXAMPLE.properties.properties as Obj;
  const ssh = (ci.sshSettings ?? { sshPublicAccess: 'Disabled' }) as Obj;
  const { adminPublicKey: _key, ...sshAnswered } = ssh;
  void _key;
  const answeredCi: Obj = {
    ...(lowerResourceGroups(ci) as Obj),
    ...(ci.vmSize !== undefined ? { vmSize: String(ci.vmSize).toUpperCase() } : {}),
    ...(ci.schedules !== undefined ? { schedules: answeredSchedules(id, ci.schedules) } : {}),
    sshSettings: { ...sshAnswered, adminUserName: 'azureuser', sshPort: 22 },
    applicationSharingPolicy: (ci.applicationSharingPolicy ?? 'Shared') as Value,
    osImageMetadata: exampleCi.osImageMetadata,
    computeInstanceAuthorizationType: 'personal',
    createdBy: exampleCi.createdBy,
    connectivityEndpoints: exampleCi.connectivityEndpoints,
    applications: exampleCi.applications,
    errors: null,
    state: 'Running',
  };
  return {
    id,
    name: id.slice(id.lastIndexOf('/') + 1),
    type: 'Microsoft.MachineLearningServices/workspaces/computes',
    ...(putBody.location !== undefined ? { location: putBody.location } : {}),
    ...(putBody.tags ? { tags: putBody.tags } : {}),
    ...(putBody.identity ? { identity: putBody.identity } : {}),
    properties: {
      ...props,
      createdOn: EXAMPLE.properties.createdOn,
      modifiedOn: EXAMPLE.properties.modifiedOn,
      provisioningState: 'Succeeded',
      properties: answeredCi,
    },
  };
}

/** A PUT on an existing instance: the new body, with the stored schedules and idle shutdown kept. */
export function updatedBy(stored: Resource, id: string, putBody: Obj): Resource {
  const next = answerOf(id, putBody);
  const storedCi = ((stored.properties as Obj).properties ?? {}) as Obj;
  const nextCi = (next.properties as Obj).properties as Obj;
  for (const kept of ['schedules', 'idleTimeBeforeShutdown', 'state']) {
    if (storedCi[kept] !== undefined) nextCi[kept] = storedCi[kept];
    else delete nextCi[kept];
  }
  return next;
}

/** The id of another compute with the same name in the same region, if any. */
export function nameConflict(resources: { [id: string]: Resource }, id: string, location: Value): string | undefined {
  const name = id.slice(id.lastIndexOf('/') + 1).toLowerCase();
  const region = normalizedRegion(location);
  return Object.keys(resources).find(
    (other) =>
      other !== id.toLowerCase() &&
      other.includes('/providers/microsoft.machinelearningservices/workspaces/') &&
      /\/computes\/[^/]+$/.test(other) &&
      other.slice(other.lastIndexOf('/') + 1) === name &&
      normalizedRegion(resources[other].location ?? null) === region,
  );
}

function normalizedRegion(location: Value): string {
  return String(location ?? '')
    .toLowerCase()
    .replace(/\s/g, '');
}

function lowerResourceGroups(value: Value): Value {
  if (typeof value === 'string') return value.replace('/resourceGroups/', '/resourcegroups/');
  if (Array.isArray(value)) return value.map(lowerResourceGroups);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lowerResourceGroups(v as Value)]));
  return value;
}

/** Schedules as a GET answers them: Azure's `id` and `provisioningStatus` added to each entry (first). */
function answeredSchedules(id: string, schedules: Value): Value {
  const entries = ((schedules as Obj | null)?.computeStartStop ?? []) as Obj[];
  return {
    computeStartStop: entries.map((entry, i) => ({
      id: `${String(i + 1).padStart(8, '0')}-0000-4000-8000-${hexOf(id)}`,
      provisioningStatus: 'Completed',
      status: 'Enabled',
      ...entry,
    })),
  };
}

/** 12 hex digits derived from the instance id, so that ids differ between instances and runs agree. */
function hexOf(text: string): string {
  let h = 0;
  for (const c of text.toLowerCase()) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h.toString(16).padStart(12, '0').slice(-12);
}
