import { TemplateSafeResource } from '../template-safe-resource';
import { attributeReference } from '../attribute-reference';
import { Construct } from 'constructs';
import { hclAttributes, hclBlock, hclString } from './hcl';
import { azurermResourceConfig } from './provider';

export interface NonComplianceMessage {
  readonly content: string;
  readonly policyDefinitionReferenceId: string;
}

export interface PolicyAssignmentConfig {
  readonly name: string;
  readonly policyDefinitionId: string;
  readonly displayName: string;
  readonly description: string;
  /** JSON, as a string. */
  readonly parameters: string;
  readonly nonComplianceMessage: readonly NonComplianceMessage[];
}

/** The argument that names an assignment's scope, by resource type (azurerm has one resource per scope kind). */
export interface PolicyAssignmentScope {
  readonly terraformResourceType: string;
  /** `management_group_id`, `subscription_id` or `resource_group_id`. */
  readonly argument: string;
  readonly id: string;
  /** The generated binding's class name for the message list, which its HCL output names. */
  readonly messageListClass: string;
}

/**
 * What the assignments at the three scopes share: the same arguments but the scope's, written the same way.
 * The generated classes write the plain arguments in alphabetical order, then the blocks, so the scope
 * argument's place depends on its name; HCL output keeps that order.
 */
export abstract class PolicyAssignmentBase extends TemplateSafeResource {
  protected constructor(
    scope: Construct,
    id: string,
    private readonly target: PolicyAssignmentScope,
    private readonly config: PolicyAssignmentConfig,
  ) {
    super(scope, id, azurermResourceConfig(target.terraformResourceType));
  }

  private idToken?: string;

  /** The assignment's ARM id. Made once: each token costs a stack trace. */
  get id(): string {
    this.idToken ??= attributeReference(this, 'id');
    return this.idToken;
  }

  protected terraformArguments(): Record<string, unknown> {
    const c = this.config;
    return {
      description: c.description,
      display_name: c.displayName,
      name: c.name,
      parameters: c.parameters,
      policy_definition_id: c.policyDefinitionId,
      [this.target.argument]: this.target.id,
      non_compliance_message: c.nonComplianceMessage.map((m) => ({
        content: m.content,
        policy_definition_reference_id: m.policyDefinitionReferenceId,
      })),
    };
  }

  protected hclArguments(): Record<string, unknown> {
    const c = this.config;
    const plain = Object.entries({
      description: hclString(c.description),
      display_name: hclString(c.displayName),
      name: hclString(c.name),
      parameters: hclString(c.parameters),
      policy_definition_id: hclString(c.policyDefinitionId),
      [this.target.argument]: hclString(this.target.id),
    }).sort(([a], [b]) => (a < b ? -1 : 1));
    return hclAttributes({
      ...Object.fromEntries(plain),
      non_compliance_message: hclBlock(
        c.nonComplianceMessage.map((m) =>
          hclAttributes({
            content: hclString(m.content),
            policy_definition_reference_id: hclString(m.policyDefinitionReferenceId),
          }),
        ),
        this.target.messageListClass,
      ),
    });
  }
}
