import { Construct } from 'constructs';
import { PolicyAssignmentBase, PolicyAssignmentConfig } from './policy-assignment';

export interface ManagementGroupPolicyAssignmentConfig extends PolicyAssignmentConfig {
  /** ARM id of the management group. */
  readonly managementGroupId: string;
}

/** `azurerm_management_group_policy_assignment`: an assignment at a management group. */
export class ManagementGroupPolicyAssignment extends PolicyAssignmentBase {
  constructor(scope: Construct, id: string, config: ManagementGroupPolicyAssignmentConfig) {
    const { managementGroupId: targetId, ...assignment } = config;
    super(
      scope,
      id,
      {
        terraformResourceType: 'azurerm_management_group_policy_assignment',
        argument: 'management_group_id',
        id: targetId,
        messageListClass: 'ManagementGroupPolicyAssignmentNonComplianceMessageList',
      },
      assignment,
    );
  }
}
