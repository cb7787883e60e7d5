import { TerraformProvider, TerraformResource } from '../core/framework';
import { escapeTerraformTemplates } from '../core/terraform-template';
import { Attribute, hclArguments, jsonArguments } from './attributes';
import { attributeReference } from './attribute-reference';

/**
 * A resource binding of the library whose every literal string reaches Terraform as text. Terraform reads
 * the strings of `.tf.json` arguments as templates, so an id, a name, a tag or a body field holding `${` or
 * `%{` would be evaluated at plan (`${file("creds.json")}` reads a file). The arguments a binding writes go
 * through `escapeTerraformTemplates` here, once, whatever the field; cdktf references still resolve. A
 * user's `addOverride` is not escaped: it is cdktf's way to write raw Terraform.
 */
export abstract class TemplateSafeResource extends TerraformResource {
  private idToken?: string;

  /** The resource's ARM id (a Terraform reference). Made once: each new reference token costs a stack trace. */
  get id(): string {
    this.idToken ??= attributeReference(this, 'id');
    return this.idToken;
  }

  /** The resource's arguments, declared once for both the JSON and the HCL output. */
  protected abstract attributes(): readonly Attribute[];

  /** Whether cdktf's HCL output gets the arguments; a binding that says no writes its block without them. */
  protected writesHcl(): boolean {
    return true;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return templateSafeJson(this.attributes());
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return this.writesHcl() ? templateSafeHcl(this.attributes()) : {};
  }

  /**
   * The `import` block's id is an expression too ("a string or an expression that evaluates to a string",
   * developer.hashicorp.com/terraform/language/block/import, `id`).
   */
  importFrom(id: string, provider?: TerraformProvider): void {
    super.importFrom(escapeTerraformTemplates(id), provider);
  }
}

/** The `.tf.json` arguments with their literal text escaped: the resources' and the providers' alike. */
export function templateSafeJson(attributes: readonly Attribute[]): Record<string, unknown> {
  return escapeTerraformTemplates(jsonArguments(attributes));
}

/** cdktf's HCL records with their literal text escaped. */
export function templateSafeHcl(attributes: readonly Attribute[]): Record<string, unknown> {
  return escapeTerraformTemplates(hclArguments(attributes));
}
