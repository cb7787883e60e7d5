import { Construct } from 'constructs';
import { PolicyAssignmentBase, PolicyAssignmentConfig } from './policy-assignment';

export interface ResourceGroupPolicyAssignmentConfig extends PolicyAssignmentConfig {
  /** ARM id of the resource group. */
  readonly resourceGroupId: string;
}

/** `azurerm_resource_group_policy_assignment`: an assignment at a resource group. */
export class ResourceGroupPolicyAssignment extends PolicyAssignmentBase {
  constructor(scope: Construct, id: string, config: ResourceGroupPolicyAssignmentConfig) {
    const { resourceGroupId: targetId, ...assignment } = config;
    super(
      scope,
      id,
      {
        terraformResourceType: 'azurerm_resource_group_policy_assignment',
        argument: 'resource_group_id',
        id: targetId,
        messageListClass: 'ResourceGroupPolicyAssignmentNonComplianceMessageList',
      },
      assignment,
    );
  }
}
