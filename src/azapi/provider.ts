import { TerraformMetaArguments, TerraformProvider, TerraformResourceConfig, TerraformStack } from '../framework';
import { Construct } from 'constructs';

/** azapi 2.9 is the first release whose embedded schemas know computes@2025-12-01. */
export const AZAPI_VERSION_CONSTRAINT = '~> 2.9';

/**
 * The azapi provider (source `Azure/azapi`). No prebuilt cdktf binding exists; this one declares the
 * provider so that `required_providers` names it, and takes no configuration: azapi reads the same
 * environment and CLI login as azurerm.
 */
export class AzapiProvider extends TerraformProvider {
  private static readonly byStack = new WeakMap<TerraformStack, TerraformProvider>();

  /**
   * The stack's azapi provider, declared on first use. Found by its type, not its class: the user's own, or
   * the one another installed copy of this library declared, is as good.
   */
  static of(scope: Construct): TerraformProvider {
    const stack = TerraformStack.of(scope);
    let provider = AzapiProvider.byStack.get(stack);
    if (!provider) {
      provider = stack.node.children.find((c): c is TerraformProvider => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'azapi')
        ?? new AzapiProvider(stack, 'azapi');
      AzapiProvider.byStack.set(stack, provider);
    }
    return provider;
  }

  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: 'azapi',
      terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
      terraformProviderSource: 'Azure/azapi',
    });
    AzapiProvider.byStack.set(TerraformStack.of(this), this);
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {};
  }
}

/**
 * The base config of an azapi resource type: its provider (the stack's azapi provider unless one is given)
 * and the meta-arguments passed through.
 */
export function azapiResourceConfig(scope: Construct, terraformResourceType: string, meta: TerraformMetaArguments): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
    provider: meta.provider ?? AzapiProvider.of(scope),
    dependsOn: meta.dependsOn,
    count: meta.count,
    lifecycle: meta.lifecycle,
    forEach: meta.forEach,
  };
}
