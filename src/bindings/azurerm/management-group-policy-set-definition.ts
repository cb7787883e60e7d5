import { Construct } from 'constructs';
import { PolicySetDefinitionBase, PolicySetDefinitionConfig } from './policy-set-definition';

export interface ManagementGroupPolicySetDefinitionConfig extends PolicySetDefinitionConfig {
  /** ARM id of the management group. */
  readonly managementGroupId: string;
}

/** `azurerm_management_group_policy_set_definition`: an initiative at a management group. */
export class ManagementGroupPolicySetDefinition extends PolicySetDefinitionBase {
  constructor(scope: Construct, id: string, config: ManagementGroupPolicySetDefinitionConfig) {
    super(
      scope,
      id,
      'azurerm_management_group_policy_set_definition',
      'ManagementGroupPolicySetDefinitionPolicyDefinitionReferenceList',
      config,
    );
  }
}
