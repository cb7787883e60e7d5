import { Construct } from 'constructs';
import { PolicyAssignmentBase, PolicyAssignmentConfig } from './policy-assignment';

export interface SubscriptionPolicyAssignmentConfig extends PolicyAssignmentConfig {
  /** ARM id of the subscription. */
  readonly subscriptionId: string;
}

/** `azurerm_subscription_policy_assignment`: an assignment at a subscription. */
export class SubscriptionPolicyAssignment extends PolicyAssignmentBase {
  constructor(scope: Construct, id: string, config: SubscriptionPolicyAssignmentConfig) {
    const { subscriptionId: targetId, ...assignment } = config;
    super(
      scope,
      id,
      {
        terraformResourceType: 'azurerm_subscription_policy_assignment',
        argument: 'subscription_id',
        id: targetId,
        messageListClass: 'SubscriptionPolicyAssignmentNonComplianceMessageList',
      },
      assignment,
    );
  }
}
