import { Construct } from 'constructs';
import { TerraformElement, TerraformResource } from './framework';
import { escapeTerraformTemplates } from './terraform-template';

/** One `assert` of a check: expressions the caller builds, its literal text already escaped. */
export interface CheckAssertion {
  /** A whole-string template `${...}` that Terraform evaluates to a boolean. */
  readonly condition: string;
  /** A template; its literal parts escaped by the caller (`escapeTerraformTemplates`, `hclQuoted`). */
  readonly errorMessage: string;
}

/** The check's scoped data source: `data "<type>" "<the check's name>"`. */
export interface CheckDataSource {
  readonly type: string;
  /** The data source's arguments, snake_case; escaped here like a resource's. */
  readonly arguments: Record<string, unknown>;
  /** The resources whose pending changes defer the read to apply. */
  readonly dependsOn: readonly TerraformResource[];
}

/**
 * A Terraform `check` block (Terraform 1.5+), which cdktf 0.21 and cdktn 0.24 have no construct for. Its JSON
 * form is `check.<name>` with at most one nested `data` block and one or more `assert` blocks
 * (hashicorp/terraform internal/configs/checks.go, `decodeCheckBlock`, `checkBlockSchema`; a failed assert
 * is a warning, never an error: developer.hashicorp.com/terraform/language/checks). The name is the
 * element's unique id, and so is the nested data source's: data addresses are module-wide.
 *
 * cdktf's HCL output (`hclOutput: true`) renders only the block kinds it knows and leaves a check out.
 */
export class TerraformCheck extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly data: CheckDataSource,
    /** The assertions, given the data source's address (`data.<type>.<name>`), built at synth. */
    private readonly assertions: (dataAddress: string) => readonly CheckAssertion[],
  ) {
    super(scope, id);
  }

  toTerraform(): Record<string, unknown> {
    return {
      check: {
        [this.friendlyUniqueId]: {
          data: {
            [this.data.type]: {
              [this.friendlyUniqueId]: {
                ...escapeTerraformTemplates(this.data.arguments),
                depends_on: this.data.dependsOn.map(addressOf),
              },
            },
          },
          assert: this.assertions(`data.${this.data.type}.${this.friendlyUniqueId}`).map((a) => ({
            condition: a.condition,
            error_message: a.errorMessage,
          })),
        },
      },
    };
  }
}

/** A resource's address in its module (`azapi_resource.name`); cdktf stacks are root modules. */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
