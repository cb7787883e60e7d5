import { TerraformProvider, TerraformResource } from '../core/framework';
import { escapeTerraformTemplates } from '../core/terraform-template';

/**
 * A resource binding of the library whose every literal string reaches Terraform as text. Terraform reads
 * the strings of `.tf.json` arguments as templates, so an id, a name, a tag or a body field holding `${` or
 * `%{` would be evaluated at plan (`${file("creds.json")}` reads a file). The arguments a binding writes go
 * through `escapeTerraformTemplates` here, once, whatever the field; cdktf references still resolve. A
 * user's `addOverride` is not escaped: it is cdktf's way to write raw Terraform.
 */
export abstract class TemplateSafeResource extends TerraformResource {
  /** The resource's arguments, with snake_case names, as `synthesizeAttributes` would give them. */
  protected abstract terraformArguments(): Record<string, unknown>;

  /** The arguments as cdktf's HCL output reads them (`hclAttributes`); none unless the binding has them. */
  protected hclArguments(): Record<string, unknown> {
    return {};
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return escapeTerraformTemplates(this.terraformArguments());
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return escapeTerraformTemplates(this.hclArguments());
  }

  /**
   * The `import` block's id is an expression too ("a string or an expression that evaluates to a string",
   * developer.hashicorp.com/terraform/language/block/import, `id`).
   */
  importFrom(id: string, provider?: TerraformProvider): void {
    super.importFrom(escapeTerraformTemplates(id), provider);
  }
}
