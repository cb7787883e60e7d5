import { TerraformStack } from '../../core/framework';
import { Construct } from 'constructs';
import { ensureAzurermProvider } from '../../bindings/azurerm/default-provider';
import { MachineLearningComputeInstance } from '../../bindings/azurerm/machine-learning-compute-instance';
import { ComputeInstanceSpec } from '../../model/compute-arm';
import { terraformIdentityType } from './identity-type';
import { INSTANCE_FIELDS } from '../fields';
import { armValueAt } from '../field';

/** The props set on `spec` that the azurerm resource cannot render (`azurerm.unsupported` in the field table). */
export function azurermUnsupportedProps(spec: ComputeInstanceSpec): string[] {
  return INSTANCE_FIELDS.filter(
    (f) =>
      f.azurerm !== undefined &&
      'unsupported' in f.azurerm &&
      f.arm !== undefined &&
      armValueAt(spec, f.arm) !== undefined,
  ).map((f) => f.prop);
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
