import { Construct } from 'constructs';
import { TerraformElement } from '../core/framework';
import { escapeTerraformTemplates } from '../core/terraform-template';

/** One `assert` of a check: expressions the caller builds, its literal text already escaped. */
export interface CheckAssertion {
  /** A whole-string template `${...}` that Terraform evaluates to a boolean. */
  readonly condition: string;
  /** A template; its literal parts escaped by the caller (`escapeTerraformTemplates`, `hclQuoted`). */
  readonly errorMessage: string;
}

/** The data source the assertions read: `data "<type>" "<the check's name>"`, at the top level. */
interface CheckDataSource {
  readonly type: string;
  /** Its arguments, snake_case (`provider` included); escaped here like a resource's. */
  readonly arguments: Record<string, unknown>;
}

/**
 * A Terraform `check` block (Terraform 1.5+), which cdktf 0.21 and cdktn 0.24 have no construct for: in
 * JSON, `check.<name>.assert` with one or more assertions (hashicorp/terraform internal/configs/checks.go,
 * `decodeCheckBlock`, `checkBlockSchema`). A failed assertion is a warning, never an error
 * (developer.hashicorp.com/terraform/language/checks). The block's name is the element's unique id.
 *
 * The data source its assertions read is written by the same element, at the top level, not scoped in the
 * check: Terraform plans every scoped data source to be read again during apply ("config will be reloaded to
 * verify a check block"), so a plan holding one never says "No changes" (seen on terraform 1.11,
 * test/terraform/drift.test.ts). One element for both: each construct costs synth time, per instance.
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
    const name = this.friendlyUniqueId;
    return {
      data: { [this.data.type]: { [name]: escapeTerraformTemplates(this.data.arguments) } },
      check: {
        [name]: {
          assert: this.assertions(`data.${this.data.type}.${name}`).map((a) => ({
            condition: a.condition,
            error_message: a.errorMessage,
          })),
        },
      },
    };
  }
}

/** A resource's address in its module (`azapi_resource.name`); cdktf stacks are root modules. */
export function addressOf(resource: { terraformResourceType: string; friendlyUniqueId: string }): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
