import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from './azapi-update-object';

/**
 * Azure's GET answer for a compute instance created with a given PUT body. The read-only fields and their
 * shape come from the REST spec's 2025-12-01 example (test/fixtures/compute-instance-get-2025-12-01.json,
 * copied from Azure/azure-rest-api-specs .../stable/2025-12-01/examples/Compute/get/ComputeInstance.json).
 * On top, the changes Azure may make that the issue lists, applied all at once as the worst case:
 * - `vmSize` upper-cased (the example answers "STANDARD_NC6"; its PUT example sends the same string, so the
 *   spec does not show Azure changing case: the model assumes it does);
 * - ARM ids answered as `/resourcegroups/` (not seen in the spec's examples; assumed as the worst case);
 * - read-only fields added (`createdOn`, `provisioningState`, `state`, `osImageMetadata`, ...), and
 *   `applicationSharingPolicy: "Shared"` where none was sent (the example's default);
 * - write-only fields not returned: `sshSettings.adminPublicKey` (the example's sshSettings has none), with
 *   `adminUserName` and `sshPort` returned instead.
 */
const EXAMPLE = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/compute-instance-get-2025-12-01.json'), 'utf8'),
).body;

type Obj = { [key: string]: Json };

export function azureGetAnswer(putBody: Obj, tags?: Obj): Obj {
  const props = (putBody.properties ?? {}) as Obj;
  const ci = (props.properties ?? {}) as Obj;
  const exampleCi = EXAMPLE.properties.properties as Obj;
  const ssh = (ci.sshSettings ?? { sshPublicAccess: 'Disabled' }) as Obj;
  const { adminPublicKey: _key, ...sshAnswered } = ssh;
  void _key;
  const answeredCi: Obj = {
    ...(lowerResourceGroups(ci) as Obj),
    vmSize: String(ci.vmSize).toUpperCase(),
    sshSettings: { ...sshAnswered, adminUserName: 'azureuser', sshPort: 22 },
    applicationSharingPolicy: (ci.applicationSharingPolicy ?? 'Shared') as Json,
    osImageMetadata: exampleCi.osImageMetadata,
    computeInstanceAuthorizationType: 'personal',
    createdBy: exampleCi.createdBy,
    connectivityEndpoints: exampleCi.connectivityEndpoints,
    applications: exampleCi.applications,
    errors: null,
    state: 'Running',
  };
  return {
    ...(tags ? { tags } : {}),
    properties: {
      ...props,
      createdOn: EXAMPLE.properties.createdOn,
      modifiedOn: EXAMPLE.properties.modifiedOn,
      provisioningState: 'Succeeded',
      properties: answeredCi,
    },
  };
}

function lowerResourceGroups(value: Json): Json {
  if (typeof value === 'string') return value.replace('/resourceGroups/', '/resourcegroups/');
  if (Array.isArray(value)) return value.map(lowerResourceGroups);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lowerResourceGroups(v)]));
  return value;
}
