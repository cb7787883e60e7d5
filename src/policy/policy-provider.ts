import { Annotations } from '../core/framework';
import { IConstruct } from 'constructs';
import { ensureAzurermProvider, userAzurermProvider } from '../bindings/azurerm/default-provider';
import { Problems } from '../core/errors';
import { isToken } from '../core/tokens';

/**
 * azurerm creates a policy definition without `management_group_id` in the subscription its provider
 * targets, and an assignment can only use a definition at or above its scope. So a subscription or
 * resource-group policy needs the provider on that subscription: declared with it when the stack has no
 * azurerm provider yet, refused when the provider names another one, and warned about when the provider
 * names none or the subscription is known only at apply.
 */
export function ensureProviderTargets(
  policy: IConstruct,
  problems: Problems,
  subscriptionId: string | undefined,
): void {
  if (subscriptionId === undefined) {
    ensureAzurermProvider(policy, {});
    Annotations.of(policy).addWarning(
      'The policy definitions are created in the subscription the azurerm provider targets: make it the subscription of the scope.',
    );
    return;
  }
  // A provider the user declared before the policy is checked now; one declared later replaces the
  // library's at synth and is the user's to point at the scope's subscription.
  const existing = userAzurermProvider(policy) as { subscriptionId?: string } | undefined;
  if (existing === undefined) {
    ensureAzurermProvider(policy, { subscriptionId });
    return;
  }
  const configured = existing.subscriptionId;
  if (configured === undefined || isToken(configured)) {
    Annotations.of(policy).addWarning(
      `The policy definitions are created in the subscription the azurerm provider targets: make it ${subscriptionId}.`,
    );
  } else if (configured.toLowerCase() !== subscriptionId.toLowerCase()) {
    problems.add(
      'scope',
      subscriptionId,
      `the subscription of the stack's azurerm provider (${configured}), where azurerm creates the definitions; or put the policy in a stack whose provider targets ${subscriptionId}`,
    );
  }
}
