import { TemplateSafeResource } from '../template-safe-resource';
import { Construct } from 'constructs';
import { Attribute, blockList, stringArgument } from '../attributes';
import { azurermResourceConfig } from './provider';

export interface PolicyDefinitionReference {
  readonly referenceId: string;
  readonly policyDefinitionId: string;
  /** JSON, as a string. */
  readonly parameterValues: string;
}

interface PolicySetDefinitionConfig {
  readonly name: string;
  readonly policyType: string;
  readonly displayName: string;
  readonly description: string;
  /**
   * ARM id of the management group, which makes the initiative an
   * `azurerm_management_group_policy_set_definition`.
   * @default - an `azurerm_policy_set_definition` in the provider's subscription
   */
  readonly managementGroupId?: string;
  /** JSON, as a string. */
  readonly metadata: string;
  /** JSON, as a string. */
  readonly parameters: string;
  readonly policyDefinitionReference: readonly PolicyDefinitionReference[];
}

/**
 * An initiative: `azurerm_management_group_policy_set_definition` at a management group, else
 * `azurerm_policy_set_definition` in the provider's subscription. The two take the same arguments here, the
 * management group's id only in the first.
 */
export class PolicySetDefinition extends TemplateSafeResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: PolicySetDefinitionConfig,
  ) {
    super(
      scope,
      id,
      azurermResourceConfig(
        config.managementGroupId !== undefined
          ? 'azurerm_management_group_policy_set_definition'
          : 'azurerm_policy_set_definition',
      ),
    );
  }

  protected attributes(): readonly Attribute[] {
    const c = this.config;
    return [
      stringArgument('description', c.description),
      stringArgument('display_name', c.displayName),
      stringArgument('management_group_id', c.managementGroupId),
      stringArgument('metadata', c.metadata),
      stringArgument('name', c.name),
      stringArgument('parameters', c.parameters),
      stringArgument('policy_type', c.policyType),
      blockList(
        'policy_definition_reference',
        // The generated binding's class for the reference list, which its HCL output names.
        c.managementGroupId !== undefined
          ? 'ManagementGroupPolicySetDefinitionPolicyDefinitionReferenceList'
          : 'PolicySetDefinitionPolicyDefinitionReferenceList',
        c.policyDefinitionReference.map((r) => [
          stringArgument('parameter_values', r.parameterValues),
          stringArgument('policy_definition_id', r.policyDefinitionId),
          stringArgument('reference_id', r.referenceId),
        ]),
      ),
    ];
  }
}
