import type { Obj } from '../provider';

/**
 * The ARM id an azurerm resource lives at, as each resource's id parser in azurerm 4.55.0 builds it
 * (hashicorp/terraform-provider-azurerm internal/services/authorization/parse/role_definition.go: the
 * Terraform id is `<role definition id>|<scope>`; internal/services/policy/parse/*.go for policy ids).
 * `guid` stands in (a role assignment's id keeps the guid it was created with: read it from state) for the name Azure or the provider generates.
 */
export function terraformIdOf(type: string, armId: string, value: Obj): string {
  return type === 'azurerm_role_definition' ? `${armId}|${String(value.scope ?? '')}` : armId;
}

/** The ARM part of a Terraform id (a role definition's is `<ARM id>|<scope>`). */
export function armIdOfState(state: Obj): string {
  return String(state.id ?? '').split('|')[0];
}

export function armIdOf(type: string, value: Obj, guid: string): string {
  const s = (k: string) => String(value[k] ?? '');
  switch (type) {
    case 'azurerm_role_definition': {
      const roleId = typeof value.role_definition_id === 'string' ? value.role_definition_id : guid;
      return `${s('scope')}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
    }
    case 'azurerm_role_assignment':
      return `${s('scope')}/providers/Microsoft.Authorization/roleAssignments/${guid}`;
    case 'azurerm_policy_definition':
    case 'azurerm_policy_set_definition':
    case 'azurerm_management_group_policy_set_definition': {
      const kind = type === 'azurerm_policy_definition' ? 'policyDefinitions' : 'policySetDefinitions';
      const scope = value.management_group_id
        ? s('management_group_id')
        : '/subscriptions/00000000-0000-0000-0000-000000000000';
      return `${scope}/providers/Microsoft.Authorization/${kind}/${s('name')}`;
    }
    case 'azurerm_management_group_policy_assignment':
      return `${s('management_group_id')}/providers/Microsoft.Authorization/policyAssignments/${s('name')}`;
    case 'azurerm_subscription_policy_assignment':
      return `${s('subscription_id')}/providers/Microsoft.Authorization/policyAssignments/${s('name')}`;
    case 'azurerm_resource_group_policy_assignment':
      return `${s('resource_group_id')}/providers/Microsoft.Authorization/policyAssignments/${s('name')}`;
    case 'azurerm_machine_learning_compute_instance':
      return `${s('machine_learning_workspace_id')}/computes/${s('name')}`;
    default:
      return `/emulated/${type}/${guid}`;
  }
}
