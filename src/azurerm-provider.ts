import { TerraformStack } from './framework';
import { AzurermProvider, isAzurermProvider } from './azurerm/provider';

const declared = new WeakSet<TerraformStack>();

/**
 * Declares `provider "azurerm" { features {} }` in a stack that uses azurerm resources and has no azurerm
 * provider of its own (azurerm refuses to start without the features block).
 */
export function ensureAzurermProvider(stack: TerraformStack): void {
  if (declared.has(stack)) return;
  declared.add(stack);
  if (stack.node.children.some((c) => isAzurermProvider(c))) return;
  new AzurermProvider(stack, 'azurerm', {});
}
