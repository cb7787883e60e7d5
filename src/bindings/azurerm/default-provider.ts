import { Annotations, TerraformProvider, TerraformStack } from '../../core/framework';
import { Construct } from 'constructs';
import { AzurermProvider } from './provider';
import { isStackDefault, markStackDefault, stackDefaultOf, userProviderOf } from '../stack-default-provider';
import { isToken } from '../../core/tokens';

/**
 * `provider "azurerm" { features {} subscription_id = ... }` for a stack that uses azurerm resources and has
 * no unaliased azurerm provider of the user's (found at synth, wherever and whenever declared). azurerm
 * refuses to start without `features`, and azurerm 4 without a subscription (its `subscription_id`
 * argument or `ARM_SUBSCRIPTION_ID`).
 */
class DefaultAzurermProvider extends AzurermProvider {
  /** Literal subscription ids (lower case) of what the stack's azurerm resources act on. */
  readonly subscriptions = new Set<string>();
  /** Why some targets name no literal subscription. */
  private readonly unnamed: string[] = [];
  private warned = false;

  constructor(stack: TerraformStack) {
    super(stack, 'DefaultAzurermProvider');
    markStackDefault(this);
  }

  /** Records a subscription the stack's azurerm resources need. */
  target(subscriptionId: string | undefined, unnamed: string): void {
    if (subscriptionId === undefined || isToken(subscriptionId)) this.unnamed.push(unnamed);
    else this.subscriptions.add(subscriptionId.toLowerCase());
  }

  /**
   * Warns once, when the provider renders, if it names no subscription. Decided here, with the rendering, not
   * when a target is recorded: a user's azurerm provider declared after the instances replaces this one, and
   * then nothing is missing.
   */
  private warnIfNoSubscription(): void {
    if (this.warned || this.subscription() !== undefined) return;
    this.warned = true;
    const why =
      this.subscriptions.size > 1
        ? `the stack acts on ${this.subscriptions.size} subscriptions: ${[...this.subscriptions].sort().join(', ')}`
        : this.unnamed[0];
    Annotations.of(this.node.scope!).addWarning(
      `The azurerm provider the library declares for this stack names no subscription (${why}), and azurerm 4 needs one: declare your own azurerm provider with subscriptionId, or set ARM_SUBSCRIPTION_ID in the pipeline.`,
    );
  }

  /** The one subscription every target names, if so. */
  subscription(): string | undefined {
    return this.unnamed.length === 0 && this.subscriptions.size === 1 ? [...this.subscriptions][0] : undefined;
  }

  toTerraform(): any {
    if (userProviderOf(this, 'azurerm')) return {};
    this.warnIfNoSubscription();
    return super.toTerraform();
  }

  toHclTerraform(): any {
    if (userProviderOf(this, 'azurerm')) return {};
    this.warnIfNoSubscription();
    return super.toHclTerraform();
  }
}

const defaults = new WeakMap<TerraformStack, DefaultAzurermProvider>();

/**
 * Makes sure the stack has an azurerm provider, and records the subscription its caller acts on: the
 * subscription of an ARM id (`/subscriptions/<id>/...`), a subscription id, or a reference.
 */
export function ensureAzurermProvider(
  scope: Construct,
  target: { armId?: string; subscriptionId?: string; unnamed?: string },
): void {
  const stack = TerraformStack.of(scope);
  let provider = defaults.get(stack) ?? stackDefaultOf<DefaultAzurermProvider>(stack, 'azurerm');
  if (!provider) {
    provider = new DefaultAzurermProvider(stack);
    defaults.set(stack, provider);
  }
  provider.target(
    target.subscriptionId ?? subscriptionOf(target.armId),
    target.unnamed ?? 'the subscription is known only at apply',
  );
}

/** The user's unaliased azurerm provider of the stack, if any. */
export function userAzurermProvider(scope: Construct): TerraformProvider | undefined {
  return userProviderOf(scope, 'azurerm');
}

function subscriptionOf(armId: string | undefined): string | undefined {
  if (armId === undefined || isToken(armId)) return undefined;
  return /^\/subscriptions\/([^/]+)/i.exec(armId)?.[1];
}

export { isStackDefault };
