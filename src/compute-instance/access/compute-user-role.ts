import { createHash } from 'node:crypto';
import { TerraformStack } from '../../core/framework';
import { Construct } from 'constructs';
import { ensureAzurermProvider } from '../../bindings/azurerm/default-provider';
import { RoleDefinition } from '../../bindings/azurerm/role-definition';
import { ComputeRoleAssignment } from '../../bindings/azurerm/role-assignment';
import { resourceGroupIdOf, resourceGroupKeyOf, resourceGroupLabelOf } from './workspace-scope';

/** What the user of a compute instance made on their behalf needs, and nothing more (learn.microsoft.com,
 * azure/machine-learning/how-to-create-compute-instance, "Create on behalf of"). */
const COMPUTE_USER_ACTIONS = [
  'Microsoft.MachineLearningServices/workspaces/computes/read',
  'Microsoft.MachineLearningServices/workspaces/computes/start/action',
  'Microsoft.MachineLearningServices/workspaces/computes/stop/action',
  'Microsoft.MachineLearningServices/workspaces/computes/restart/action',
  'Microsoft.MachineLearningServices/workspaces/computes/applicationaccess/action',
  'Microsoft.MachineLearningServices/workspaces/computes/updateSchedules/action',
  // Only the assigned user may turn SSO on for an instance made on their behalf (how-to-create-compute-instance.md,
  // "Create on behalf of", which names the action without its Microsoft. prefix).
  'Microsoft.MachineLearningServices/workspaces/computes/enableSso/action',
];

const ROLE_NAME = 'AzureML compute instance user';

/**
 * The custom role, one per workspace resource group and stack: custom roles cannot be assignable at a
 * single resource, and a tenant holds at most 5,000 of them, so instances share it and each assignment
 * is scoped to its own instance.
 */
interface ComputeUserRole {
  readonly definition: RoleDefinition;
  /** Read once: each read of a generated attribute makes a new token. */
  readonly definitionId: string;
}

const rolesByStack = new WeakMap<TerraformStack, Map<string, ComputeUserRole>>();

function computeUserRole(scope: Construct, workspaceId: string): ComputeUserRole {
  const stack = TerraformStack.of(scope);
  const roles = rolesByStack.get(stack) ?? new Map<string, ComputeUserRole>();
  rolesByStack.set(stack, roles);
  const key = resourceGroupKeyOf(stack, workspaceId);
  let role = roles.get(key);
  if (!role) {
    ensureAzurermProvider(stack, { armId: workspaceId });
    const groupId = resourceGroupIdOf(workspaceId);
    // The id comes from the group, not from the order of creation, so adding a group elsewhere in the
    // program does not rename (and so replace) existing roles.
    const definition = new RoleDefinition(
      stack,
      `ComputeUserRole-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`,
      {
        // Role names are unique in a tenant: the stack's id tells apart two stacks (two states) in one group.
        name: `${ROLE_NAME} (${resourceGroupLabelOf(workspaceId)}, ${stack.node.id})`,
        scope: groupId,
        description: 'Start, stop, restart, open and reschedule the Azure ML compute instances assigned to you.',
        permissions: [{ actions: COMPUTE_USER_ACTIONS, notActions: [] }],
        assignableScopes: [groupId],
      },
    );
    role = { definition, definitionId: definition.roleDefinitionResourceId };
    roles.set(key, role);
  }
  return role;
}

/** Grants the compute user role to `principalId` on the compute instance `computeId` alone. */
export function grantComputeUser(
  scope: Construct,
  workspaceId: string,
  computeId: string,
  principalId: string,
): ComputeRoleAssignment {
  const role = computeUserRole(scope, workspaceId);
  return new ComputeRoleAssignment(scope, 'UserAccess', {
    scope: computeId,
    roleDefinitionId: role.definitionId,
    principalId,
    principalType: 'User',
  });
}
