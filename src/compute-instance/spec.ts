import type { ComputeInstanceProps } from './props';
import type { ArmComputeInstanceProperties, ComputeInstanceSpec } from '../model/compute-arm';

/**
 * The spec for valid props, with the secure defaults applied: SSH disabled, local auth disabled, and no
 * public IP inside a subnet. Fields the user did not set and that have no default of ours are left out,
 * so Azure applies its own.
 */
export function toComputeInstanceSpec(props: ComputeInstanceProps): ComputeInstanceSpec {
  const scripts = props.setupScripts;
  const creationScript = scripts?.creation?.toArm();
  const startupScript = scripts?.startup?.toArm();
  const schedules = (props.schedules ?? []).map((s) => s.toArm());
  const publicIp = props.nodePublicIp ?? (props.subnetId !== undefined ? false : undefined);
  const ids = props.identity?.userAssignedIdentityIds ?? [];
  const inner: ArmComputeInstanceProperties = {
    vmSize: props.vmSize,
    ...(props.subnetId !== undefined ? { subnet: { id: props.subnetId } } : {}),
    ...(props.applicationSharingPolicy !== undefined
      ? { applicationSharingPolicy: props.applicationSharingPolicy }
      : {}),
    sshSettings: props.ssh
      ? { sshPublicAccess: 'Enabled', adminPublicKey: props.ssh.publicKey }
      : { sshPublicAccess: 'Disabled' },
    ...(props.assignedUser
      ? {
          personalComputeInstanceSettings: {
            assignedUser: { objectId: props.assignedUser.objectId, tenantId: props.assignedUser.tenantId },
          },
        }
      : {}),
    ...(creationScript || startupScript
      ? {
          setupScripts: {
            scripts: { ...(creationScript ? { creationScript } : {}), ...(startupScript ? { startupScript } : {}) },
          },
        }
      : {}),
    ...(schedules.length > 0 ? { schedules: { computeStartStop: schedules } } : {}),
    ...(publicIp !== undefined ? { enableNodePublicIp: publicIp } : {}),
    ...(props.sso !== undefined ? { enableSSO: props.sso } : {}),
    ...(props.idleShutdown !== undefined ? { idleTimeBeforeShutdown: props.idleShutdown.toIsoString() } : {}),
  };
  return {
    workspaceId: props.workspaceId,
    name: props.name,
    location: props.location,
    ...(props.identity
      ? {
          identity: {
            type: props.identity.type,
            ...(ids.length > 0 ? { userAssignedIdentities: Object.fromEntries(ids.map((id) => [id, {}])) } : {}),
          },
        }
      : {}),
    ...(props.tags !== undefined && Object.keys(props.tags).length > 0 ? { tags: { ...props.tags } } : {}),
    properties: {
      computeType: 'ComputeInstance',
      ...(props.description !== undefined ? { description: props.description } : {}),
      disableLocalAuth: !(props.localAuth ?? false),
      properties: inner,
    },
  };
}
