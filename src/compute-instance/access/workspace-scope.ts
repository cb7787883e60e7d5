import { Fn, resolve, TerraformStack } from '../../core/framework';
import { isToken } from '../../core/tokens';

/**
 * The resource group id (`/subscriptions/<s>/resourceGroups/<g>`) that holds a workspace. A literal id is
 * cut here, so the output reads plainly; a Terraform reference is cut by Terraform at apply.
 */
export function resourceGroupIdOf(workspaceId: string): string {
  if (isToken(workspaceId)) return Fn.join('/', Fn.slice(Fn.split('/', workspaceId), 0, 5));
  return workspaceId.split('/').slice(0, 5).join('/');
}

/** `<subscription id>/<resource group>` of a workspace: a readable, tenant-unique label. */
export function resourceGroupLabelOf(workspaceId: string): string {
  if (isToken(workspaceId)) {
    const parts = Fn.split('/', workspaceId);
    return `${Fn.element(parts, 2)}/${Fn.element(parts, 4)}`;
  }
  const parts = workspaceId.split('/');
  return `${parts[2]}/${parts[4]}`;
}

/**
 * What identifies the workspace's resource group for sharing one role: a literal id compared without case
 * (ARM ids are case-insensitive), a reference by the Terraform expression it resolves to (each read of a
 * reference makes a new token, but the expression is the same).
 */
export function resourceGroupKeyOf(stack: TerraformStack, workspaceId: string): string {
  if (isToken(workspaceId)) return `reference:${JSON.stringify(resolve(stack, workspaceId))}`;
  return resourceGroupIdOf(workspaceId).toLowerCase();
}
