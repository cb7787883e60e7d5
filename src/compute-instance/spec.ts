import type { ComputeInstanceProps } from './props';
import type { ComputeInstanceSpec } from '../model/compute-arm';
import { INSTANCE_FIELDS } from './fields';

/**
 * A new ARM resource's shape, in the order its keys are written (the ARM template writes them so): every field's
 * `arm` path is one of these, or is added after them. A function, not a constant to copy: a literal is the cheapest
 * fresh copy, once per instance.
 */
const resourceShape = () => ({
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
});

/**
 * The spec for valid props, with the secure defaults applied: SSH disabled, local auth disabled, and no
 * public IP inside a subnet. Fields the user did not set and that have no default of ours are left out,
 * so Azure applies its own.
 */
export function toComputeInstanceSpec(props: ComputeInstanceProps): ComputeInstanceSpec {
  const spec: Record<string, any> = resourceShape();
  for (const f of INSTANCE_FIELDS) {
    if (f.arm === undefined || f.toArm === undefined) continue;
    const path = f.arm.split('.');
    const parent = path.slice(0, -1).reduce((o, key) => o[key], spec);
    parent[path[path.length - 1]] = f.toArm(props);
  }
  return withoutUndefined(spec) as unknown as ComputeInstanceSpec;
}

/** The shape without the keys no field filled, at its levels (`properties`, `properties.properties`). */
function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[key] =
      key === 'properties' && typeof v === 'object' && v !== null ? withoutUndefined(v as Record<string, unknown>) : v;
  }
  return out;
}
