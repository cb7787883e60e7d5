import { TerraformStack } from 'cdktf';
import { AzapiProvider } from '../../src';

/**
 * Declares the stack's azapi provider once, first thing in the stack. Credentials are not configured here:
 * azapi reads ARM_USE_OIDC, ARM_CLIENT_ID, ARM_TENANT_ID and ARM_SUBSCRIPTION_ID from the environment, as
 * the CI workflow sets them; settings that belong in code (an environment, an endpoint) go in its props.
 *
 * azurerm is left to the library: for a stack whose azurerm resources (the access grant's role
 * assignments, the policy) name one subscription by literal ids it declares `provider "azurerm"
 * { features {} subscription_id }` itself, and the governance stack, at a management group, gets one
 * without a subscription and a warning (ARM_SUBSCRIPTION_ID, set by the workflow, supplies it). That keeps
 * the example free of a framework's provider package: the same compiled example synthesizes under cdktf
 * and under CDK Terrain (scripts/synth-examples-cdktn.js), where `@cdktf/provider-azurerm`'s classes, which
 * extend cdktf's, would not. A team on cdktf alone may declare its own `AzurermProvider` here instead; the
 * library then declares none.
 */
export function declareProviders(stack: TerraformStack): void {
  new AzapiProvider(stack, 'azapi');
}
