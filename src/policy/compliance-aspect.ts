import { Annotations, Aspects, IAspect, TerraformStack } from '../framework';
import { IConstruct } from 'constructs';
import { ComputeInstanceSpec } from '../compute-instance-spec';
import { evaluateRules, Finding } from './evaluate';
import { ResolvedScope, scopeCovers } from './policy-scope';
import { ShutdownRule } from './shutdown-rule';

/** A ShutdownPolicy as the check sees it. */
export interface PolicyUnderCheck extends IConstruct {
  readonly resolvedScope: ResolvedScope;
  readonly rules: readonly ShutdownRule[];
}

/** A compute instance as the check sees it: its ARM body. */
export interface InstanceUnderCheck extends IConstruct {
  readonly spec: ComputeInstanceSpec;
}

const policiesByApp = new WeakMap<IConstruct, PolicyUnderCheck[]>();
const instances = new WeakSet<IConstruct>();
const checkedStacks = new WeakSet<TerraformStack>();

export function registerPolicy(policy: PolicyUnderCheck): void {
  const root = policy.node.root;
  policiesByApp.set(root, [...(policiesByApp.get(root) ?? []), policy]);
}

/**
 * Has the instance checked against every ShutdownPolicy of the app when its stack synthesizes. The
 * aspect goes on the instance's stack, not on the app: cdktf 0.21 invokes aspects from each stack down
 * and does not inherit the app's. Policies made after the instance count, since the check runs at synth.
 */
export function checkAgainstShutdownPolicies(instance: InstanceUnderCheck): void {
  instances.add(instance);
  const stack = TerraformStack.of(instance);
  if (checkedStacks.has(stack)) return;
  checkedStacks.add(stack);
  Aspects.of(stack).add(new ShutdownPolicyCompliance());
}

/**
 * The cdk-nag shape: for every compute instance under a policy's scope, the policy's rules (small pure
 * functions) answer compliant, non-compliant or not applicable, and the findings become annotations.
 * A Deny is an error annotation, so synth fails naming the instance and the rule, as Azure would refuse
 * the instance; an Audit is a warning; an Append tells the value Azure adds.
 */
export class ShutdownPolicyCompliance implements IAspect {
  visit(node: IConstruct): void {
    if (!instances.has(node)) return;
    const instance = node as InstanceUnderCheck;
    for (const policy of policiesByApp.get(node.node.root) ?? []) {
      if (!scopeCovers(policy.resolvedScope, instance.spec.workspaceId)) continue;
      for (const finding of evaluateRules(policy.rules, instance.spec.properties.properties)) {
        annotate(instance, policy, finding);
      }
    }
  }
}

function annotate(instance: IConstruct, policy: PolicyUnderCheck, finding: Finding): void {
  const head = `${finding.rule.name} (${finding.rule.effect}, ShutdownPolicy ${policy.node.path})`;
  const annotations = Annotations.of(instance);
  switch (finding.outcome) {
    case 'appended':
      annotations.addInfo(`${head}: Azure Policy adds ${finding.added} when it creates this instance.`);
      break;
    case 'denied':
      annotations.addError(`${head}: ${finding.field}: received ${finding.received}; allowed: ${finding.allowed}. Azure Policy refuses this instance${finding.rule.effect === 'Append' ? ' (an append that would replace a value acts as a deny)' : ''}.`);
      break;
    case 'audited':
      annotations.addWarning(`${head}: ${finding.field}: received ${finding.received}; allowed: ${finding.allowed}. Azure Policy reports this instance non-compliant.`);
      break;
    case 'unknown':
      annotations.addInfo(`${head}: not checked at synth: ${finding.reason}; Azure Policy judges it at apply.`);
      break;
  }
}
