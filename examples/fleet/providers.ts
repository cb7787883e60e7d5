import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack } from 'cdktf';
import { AzapiProvider } from '../../src';

/**
 * Declares the stack's providers once, first thing in the stack: azurerm (with the `features {}` block it
 * refuses to start without) and azapi. Credentials are not configured here: both providers read
 * ARM_USE_OIDC, ARM_CLIENT_ID, ARM_TENANT_ID and ARM_SUBSCRIPTION_ID from the environment, as the CI
 * workflow sets them. The library's constructs find these providers and declare none of their own.
 */
export function declareProviders(stack: TerraformStack, subscriptionId?: string): void {
  new AzurermProvider(stack, 'azurerm', { features: [{}], ...(subscriptionId ? { subscriptionId } : {}) });
  AzapiProvider.of(stack);
}
