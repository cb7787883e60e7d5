import { TemplateSafeResource } from '../template-safe-resource';
import { attributeReference } from '../attribute-reference';
import { Construct } from 'constructs';
import { hclAttributes, hclString } from './hcl';
import { azurermResourceConfig } from './provider';

export interface PolicyDefinitionConfig {
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

  private idToken?: string;

  /** The definition's ARM id. Made once: each token costs a stack trace. */
  get id(): string {
    this.idToken ??= attributeReference(this, 'id');
    return this.idToken;
  }

  protected terraformArguments(): Record<string, unknown> {
    const c = this.config;
    return {
      description: c.description,
      display_name: c.displayName,
      management_group_id: c.managementGroupId,
      metadata: c.metadata,
      mode: c.mode,
      name: c.name,
      parameters: c.parameters,
      policy_rule: c.policyRule,
      policy_type: c.policyType,
    };
  }

  protected hclArguments(): Record<string, unknown> {
    const c = this.config;
    return hclAttributes({
      description: hclString(c.description),
      display_name: hclString(c.displayName),
      management_group_id: hclString(c.managementGroupId),
      metadata: hclString(c.metadata),
      mode: hclString(c.mode),
      name: hclString(c.name),
      parameters: hclString(c.parameters),
      policy_rule: hclString(c.policyRule),
      policy_type: hclString(c.policyType),
    });
  }
}
