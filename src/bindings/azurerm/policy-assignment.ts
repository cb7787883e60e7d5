import { TemplateSafeResource } from '../template-safe-resource';
import { Construct } from 'constructs';
import { Attribute, blockList, stringArgument } from '../attributes';
import { azurermResourceConfig } from './provider';

interface NonComplianceMessage {
  readonly content: string;
  readonly policyDefinitionReferenceId: string;
}

/** azurerm has one assignment resource per scope kind; they differ only in the argument naming the scope. */
const SCOPES = {
  managementGroup: {
    terraformResourceType: 'azurerm_management_group_policy_assignment',
    argument: 'management_group_id',
    messageListClass: 'ManagementGroupPolicyAssignmentNonComplianceMessageList',
  },
  subscription: {
    terraformResourceType: 'azurerm_subscription_policy_assignment',
    argument: 'subscription_id',
    messageListClass: 'SubscriptionPolicyAssignmentNonComplianceMessageList',
  },
  resourceGroup: {
    terraformResourceType: 'azurerm_resource_group_policy_assignment',
    argument: 'resource_group_id',
    messageListClass: 'ResourceGroupPolicyAssignmentNonComplianceMessageList',
  },
} as const;

type PolicyAssignmentScopeKind = keyof typeof SCOPES;

interface PolicyAssignmentConfig {
  /** Which resource type: the assignment at a management group, a subscription or a resource group. */
  readonly scopeKind: PolicyAssignmentScopeKind;
  /** ARM id of the management group, subscription or resource group. */
  readonly scopeId: string;
  readonly name: string;
  readonly policyDefinitionId: string;
  readonly displayName: string;
  readonly description: string;
  /** JSON, as a string. */
  readonly parameters: string;
  readonly nonComplianceMessage: readonly NonComplianceMessage[];
}

/**
 * `azurerm_management_group_policy_assignment`, `azurerm_subscription_policy_assignment` or
 * `azurerm_resource_group_policy_assignment`, by the scope kind.
 */
export class PolicyAssignment extends TemplateSafeResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: PolicyAssignmentConfig,
  ) {
    super(scope, id, azurermResourceConfig(SCOPES[config.scopeKind].terraformResourceType));
  }

  protected attributes(): readonly Attribute[] {
    const c = this.config;
    const target = SCOPES[c.scopeKind];
    return [
      stringArgument('description', c.description),
      stringArgument('display_name', c.displayName),
      stringArgument('name', c.name),
      stringArgument('parameters', c.parameters),
      stringArgument('policy_definition_id', c.policyDefinitionId),
      stringArgument(target.argument, c.scopeId),
      blockList(
        'non_compliance_message',
        target.messageListClass,
        c.nonComplianceMessage.map((m) => [
          stringArgument('content', m.content),
          stringArgument('policy_definition_reference_id', m.policyDefinitionReferenceId),
        ]),
      ),
    ];
  }
}
