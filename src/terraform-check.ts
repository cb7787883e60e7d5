import { Construct } from 'constructs';
import { TerraformElement } from './framework';

/** One `assert` of a check: expressions the caller builds, its literal text already escaped. */
export interface CheckAssertion {
  /** A whole-string template `${...}` that Terraform evaluates to a boolean. */
  readonly condition: string;
  /** A template; its literal parts escaped by the caller (`escapeTerraformTemplates`, `hclQuoted`). */
  readonly errorMessage: string;
}

/**
 * A Terraform `check` block (Terraform 1.5+), which cdktf 0.21 and cdktn 0.24 have no construct for: in
 * JSON, `check.<name>.assert` with one or more assertions (hashicorp/terraform internal/configs/checks.go,
 * `decodeCheckBlock`, `checkBlockSchema`). A failed assertion is a warning, never an error
 * (developer.hashicorp.com/terraform/language/checks). The block's name is the element's unique id.
 *
 * No nested (scoped) data source: Terraform plans every nested data source to be read again during apply
 * ("config will be reloaded to verify a check block"), so a plan holding one never says "No changes"
 * (seen on terraform 1.11 in test/terraform/drift.test.ts). The assertions read a top-level data source.
 *
 * cdktf's HCL output (`hclOutput: true`) renders only the block kinds it knows and leaves a check out.
 */
export class TerraformCheck extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    /** The assertions, built at synth (the addresses they name are known then). */
    private readonly assertions: () => readonly CheckAssertion[],
  ) {
    super(scope, id);
  }

  toTerraform(): Record<string, unknown> {
    return {
      check: {
        [this.friendlyUniqueId]: {
          assert: this.assertions().map((a) => ({ condition: a.condition, error_message: a.errorMessage })),
        },
      },
    };
  }
}

/** A resource's address in its module (`azapi_resource.name`); cdktf stacks are root modules. */
export function addressOf(resource: { terraformResourceType: string; friendlyUniqueId: string }): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
