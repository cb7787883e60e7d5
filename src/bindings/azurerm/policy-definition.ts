import { TemplateSafeResource } from '../template-safe-resource';
import { Construct } from 'constructs';
import { Attribute, stringArgument } from '../attributes';
import { azurermResourceConfig } from './provider';

interface PolicyDefinitionConfig {
  readonly name: string;
  readonly policyType: string;
  readonly mode: string;
  readonly displayName: string;
  readonly description: string;
  /** @default - the subscription of the provider */
  readonly managementGroupId?: string;
  /** JSON, as a string. */
  readonly metadata: string;
  /** JSON, as a string. */
  readonly parameters: string;
  /** JSON, as a string. */
  readonly policyRule: string;
}

/** `azurerm_policy_definition`: a custom policy definition, at a management group or in a subscription. */
export class PolicyDefinition extends TemplateSafeResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: PolicyDefinitionConfig,
  ) {
    super(scope, id, azurermResourceConfig('azurerm_policy_definition'));
  }

  protected attributes(): readonly Attribute[] {
    const c = this.config;
    return [
      stringArgument('description', c.description),
      stringArgument('display_name', c.displayName),
      stringArgument('management_group_id', c.managementGroupId),
      stringArgument('metadata', c.metadata),
      stringArgument('mode', c.mode),
      stringArgument('name', c.name),
      stringArgument('parameters', c.parameters),
      stringArgument('policy_rule', c.policyRule),
      stringArgument('policy_type', c.policyType),
    ];
  }
}
