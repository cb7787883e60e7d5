import { TerraformProvider, TerraformResourceConfig } from '../../core/framework';
import { Construct, IConstruct } from 'constructs';
import { inSameFramework } from '../../core/framework-check';
import { Attribute, blockList, stringArgument } from '../attributes';
import { templateSafeHcl, templateSafeJson } from '../template-safe-resource';

/**
 * What `@cdktf/provider-azurerm` 14.23.1 declares for every azurerm element: the provider's
 * `required_providers` entry is `source = "azurerm"`, `version = "4.55.0"` (cdktf writes `providerVersion`
 * when there is one, else the constraint).
 */
const AZURERM_GENERATOR_METADATA = {
  providerName: 'azurerm',
  providerVersion: '4.55.0',
  providerVersionConstraint: '~> 4.0',
};

/** The base config of an azurerm resource type: the stack's default azurerm provider, as the generated classes. */
export function azurermResourceConfig(
  terraformResourceType: string,
  lifecycle?: TerraformResourceConfig['lifecycle'],
): TerraformResourceConfig {
  return { terraformResourceType, terraformGeneratorMetadata: AZURERM_GENERATOR_METADATA, lifecycle };
}

/** The arguments of the library's `AzurermProvider`. */
export interface AzurermProviderConfig {
  /**
   * The GUID of the subscription the provider works in.
   * @default - azurerm's default: `ARM_SUBSCRIPTION_ID`, else the Azure CLI's subscription
   */
  readonly subscriptionId?: string;
}

/**
 * `provider "azurerm"` with `features {}` (azurerm refuses to start without that block) and the subscription:
 * the library's own small binding, built for the entry's framework, so it works under cdktf and CDK Terrain
 * alike. Declare one (any id, before or after the instances) to name the subscription of the stack's azurerm
 * resources; for azurerm's other arguments use a prebuilt binding of your framework (`@cdktf/provider-azurerm`
 * under cdktf, whose classes extend cdktf's). The library finds either by the provider type.
 */
export class AzurermProvider extends TerraformProvider {
  /** The subscription GUID given, if any. */
  readonly subscriptionId?: string;

  constructor(scope: Construct, id: string, config: AzurermProviderConfig = {}) {
    super(inSameFramework(scope, id), id, {
      terraformResourceType: 'azurerm',
      terraformGeneratorMetadata: AZURERM_GENERATOR_METADATA,
      terraformProviderSource: 'azurerm',
    });
    this.subscriptionId = config.subscriptionId;
  }

  /**
   * The subscription the provider block names.
   * @internal
   */
  subscription(): string | undefined {
    return this.subscriptionId;
  }

  /** The provider block's arguments: `subscription_id` and the `features` block azurerm requires. */
  private attributes(): readonly Attribute[] {
    return [
      stringArgument('subscription_id', this.subscription()),
      blockList('features', 'AzurermProviderFeaturesList', [[]]),
    ];
  }

  /** The provider block's arguments in JSON, with literal text escaped. */
  protected synthesizeAttributes(): Record<string, unknown> {
    // Literal text reaches Terraform as text, as in the resources (TemplateSafeResource).
    return templateSafeJson(this.attributes());
  }

  /** The same arguments for HCL output. */
  protected synthesizeHclAttributes(): Record<string, unknown> {
    return templateSafeHcl(this.attributes());
  }
}

/** An azurerm provider as any binding declares it: ours, `@cdktf/provider-azurerm`'s or `@cdktn/provider-azurerm`'s. */
type AnyAzurermProvider = TerraformProvider & { readonly subscriptionId?: string };

/** By the provider type, not by class: a user's provider comes from a package (and framework) of their choosing. */
export function isAzurermProvider(c: IConstruct): c is AnyAzurermProvider {
  return TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'azurerm';
}
