import { TerraformStack } from '../../core/framework';
import { Construct } from 'constructs';
import { ensureAzurermProvider } from '../../bindings/azurerm/default-provider';
import { MachineLearningComputeInstance } from '../../bindings/azurerm/machine-learning-compute-instance';
import { ComputeInstanceSpec } from '../../model/compute-arm';
import { terraformIdentityType } from './identity-type';

/**
 * Spec fields that azurerm_machine_learning_compute_instance cannot express (provider issues #15539,
 * #20973, #26494), by the prop that sets them.
 */
const UNSUPPORTED: Array<[prop: string, present: (spec: ComputeInstanceSpec) => boolean]> = [
  ['schedules', (s) => s.properties.properties.schedules !== undefined],
  ['setupScripts', (s) => s.properties.properties.setupScripts !== undefined],
  ['idleShutdown', (s) => s.properties.properties.idleTimeBeforeShutdown !== undefined],
  ['sso', (s) => s.properties.properties.enableSSO !== undefined],
  ['applicationSharingPolicy', (s) => s.properties.properties.applicationSharingPolicy !== undefined],
];

/** The props set on `spec` that the azurerm resource cannot render. */
export function azurermUnsupportedProps(spec: ComputeInstanceSpec): string[] {
  return UNSUPPORTED.filter(([, present]) => present(spec)).map(([prop]) => prop);
}

/**
 * Renders the spec as `azurerm_machine_learning_compute_instance`. The caller has checked
 * `azurermUnsupportedProps` is empty. azurerm takes the location from the workspace.
 */
export function renderAzurermComputeInstance(
  scope: Construct,
  spec: ComputeInstanceSpec,
  deletionProtection: boolean,
): MachineLearningComputeInstance {
  ensureAzurermProvider(TerraformStack.of(scope), { armId: spec.workspaceId });
  const inner = spec.properties.properties;
  const user = inner.personalComputeInstanceSettings?.assignedUser;
  const ids = Object.keys(spec.identity?.userAssignedIdentities ?? {});
  return new MachineLearningComputeInstance(scope, 'Resource', {
    name: spec.name,
    machineLearningWorkspaceId: spec.workspaceId,
    virtualMachineSize: inner.vmSize,
    description: spec.properties.description,
    localAuthEnabled: !spec.properties.disableLocalAuth,
    nodePublicIpEnabled: inner.enableNodePublicIp,
    subnetResourceId: inner.subnet?.id,
    ssh: inner.sshSettings.adminPublicKey !== undefined ? { publicKey: inner.sshSettings.adminPublicKey } : undefined,
    assignToUser: user ? { objectId: user.objectId, tenantId: user.tenantId } : undefined,
    identity: spec.identity
      ? { type: terraformIdentityType(spec.identity.type), identityIds: ids.length > 0 ? ids : undefined }
      : undefined,
    tags: spec.tags,
    lifecycle: { preventDestroy: deletionProtection },
  });
}
