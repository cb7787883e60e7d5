import { TemplateSafeResource } from '../template-safe-resource';
import { attributeReference } from '../attribute-reference';
import { Construct } from 'constructs';
import { hclAttributes, hclBlock, hclString } from './hcl';
import { azurermResourceConfig } from './provider';

export interface PolicyDefinitionReference {
  readonly referenceId: string;
  readonly policyDefinitionId: string;
  /** JSON, as a string. */
  readonly parameterValues: string;
}

export interface PolicySetDefinitionConfig {
  readonly name: string;
  readonly policyType: string;
  readonly displayName: string;
  readonly description: string;
  /** JSON, as a string. */
  readonly metadata: string;
  /** JSON, as a string. */
  readonly parameters: string;
  readonly policyDefinitionReference: readonly PolicyDefinitionReference[];
}

/**
 * What the subscription and management-group initiatives share: their arguments are the same but for the
 * management group, and so is how they are written.
 */
export abstract class PolicySetDefinitionBase extends TemplateSafeResource {
  protected constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    /** The generated binding's class name for the reference list, which its HCL output names. */
    private readonly referenceListClass: string,
    private readonly config: PolicySetDefinitionConfig & { readonly managementGroupId?: string },
  ) {
    super(scope, id, azurermResourceConfig(terraformResourceType));
  }

  private idToken?: string;

  /** The initiative's ARM id. Made once: each token costs a stack trace. */
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
      name: c.name,
      parameters: c.parameters,
      policy_type: c.policyType,
      policy_definition_reference: c.policyDefinitionReference.map((r) => ({
        parameter_values: r.parameterValues,
        policy_definition_id: r.policyDefinitionId,
        reference_id: r.referenceId,
      })),
    };
  }

  protected hclArguments(): Record<string, unknown> {
    const c = this.config;
    return hclAttributes({
      description: hclString(c.description),
      display_name: hclString(c.displayName),
      management_group_id: hclString(c.managementGroupId),
      metadata: hclString(c.metadata),
      name: hclString(c.name),
      parameters: hclString(c.parameters),
      policy_type: hclString(c.policyType),
      policy_definition_reference: hclBlock(
        c.policyDefinitionReference.map((r) =>
          hclAttributes({
            parameter_values: hclString(r.parameterValues),
            policy_definition_id: hclString(r.policyDefinitionId),
            reference_id: hclString(r.referenceId),
          }),
        ),
        this.referenceListClass,
      ),
    });
  }
}

/** `azurerm_policy_set_definition`: an initiative in the provider's subscription. */
export class PolicySetDefinition extends PolicySetDefinitionBase {
  constructor(scope: Construct, id: string, config: PolicySetDefinitionConfig) {
    super(scope, id, 'azurerm_policy_set_definition', 'PolicySetDefinitionPolicyDefinitionReferenceList', config);
  }
}
