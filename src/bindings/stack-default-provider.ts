import { TerraformProvider, TerraformStack } from '../core/framework';
import { IConstruct } from 'constructs';

/**
 * A provider the library declares for a stack that needs one. It is found or created once per stack, and
 * decides at synth whether to render: where the user declared a provider of the same type without an
 * alias, anywhere in the stack and in any order, it renders nothing, and the resources' `provider`
 * (`azapi` / `azurerm`, the same string for every unaliased provider of a type) names the user's.
 *
 * Why `toTerraform`, not a hook before synthesis: it is the one call every synthesis path makes (cdktf's
 * `App.synth` through `prepareStack` and the synthesizer, `Testing.synth`, which calls neither
 * `prepareStack` nor, unless asked, validations), and it does not depend on Aspects, whose invocation
 * differs between cdktf and CDK Terrain. cdktf adds its own default (the local backend) lazily in
 * `prepareStack` (hashicorp/terraform-cdk packages/cdktf/lib/terraform-stack.ts, `ensureBackendExists`).
 * The construct id is the library's own, so a user's provider of id `azapi` or `azurerm` never clashes.
 */
export function isStackDefault(c: unknown): boolean {
  return typeof c === 'object' && c !== null && STACK_DEFAULT in c;
}

export function markStackDefault(provider: TerraformProvider): void {
  Object.defineProperty(provider, STACK_DEFAULT, { value: true });
}

/**
 * The library's default provider of `type` in `stack`, if one is declared: by any installed copy of the
 * library (the mark is a `Symbol.for`), so two copies in one stack share one default instead of clashing
 * on its construct id.
 */
export function stackDefaultOf<T extends TerraformProvider>(stack: TerraformStack, type: string): T | undefined {
  return stack.node.children.find(
    (c) => isStackDefault(c) && TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === type,
  ) as T | undefined;
}

/** The user's unaliased provider of `type` in the stack of `scope`, if any (never a library default). */
export function userProviderOf(scope: IConstruct, type: string): TerraformProvider | undefined {
  return TerraformStack.of(scope)
    .node.findAll()
    .find(
      (c): c is TerraformProvider =>
        TerraformProvider.isTerraformProvider(c) &&
        c.terraformResourceType === type &&
        c.alias === undefined &&
        !isStackDefault(c),
    );
}

const STACK_DEFAULT = Symbol.for('cdktf-azureml-compute.StackDefaultProvider');
