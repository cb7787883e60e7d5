import type { ComputeInstanceProps } from './props';
import type { ComputeInstanceSpec } from '../model/compute-arm';
import { INSTANCE_FIELDS } from './fields';

/**
 * The ARM resource's shape, in the order its keys are written: every field's `arm` path is one of these. The
 * body is written in this order whatever the order of the field table, so that the table can follow the checks.
 */
const RESOURCE_ORDER = {
  workspaceId: undefined,
  name: undefined,
  location: undefined,
  identity: undefined,
  tags: undefined,
  properties: {
    computeType: 'ComputeInstance',
    description: undefined,
    disableLocalAuth: undefined,
    properties: {
      vmSize: undefined,
      subnet: undefined,
      applicationSharingPolicy: undefined,
      sshSettings: undefined,
      personalComputeInstanceSettings: undefined,
      setupScripts: undefined,
      schedules: undefined,
      enableNodePublicIp: undefined,
      enableSSO: undefined,
      idleTimeBeforeShutdown: undefined,
    },
  },
};

/**
 * The spec for valid props, with the secure defaults applied: SSH disabled, local auth disabled, and no
 * public IP inside a subnet. Fields the user did not set and that have no default of ours are left out,
 * so Azure applies its own.
 */
export function toComputeInstanceSpec(props: ComputeInstanceProps): ComputeInstanceSpec {
  const spec = structuredClone(RESOURCE_ORDER) as Record<string, any>;
  for (const f of INSTANCE_FIELDS) {
    if (f.arm === undefined || f.toArm === undefined) continue;
    const path = f.arm.split('.');
    const parent = path.slice(0, -1).reduce((o, key) => o[key], spec);
    parent[path[path.length - 1]] = f.toArm(props);
  }
  return withoutUndefined(spec) as unknown as ComputeInstanceSpec;
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[key] =
      key === 'properties' && typeof v === 'object' && v !== null ? withoutUndefined(v as Record<string, unknown>) : v;
  }
  return out;
}
