import { EffectParameter, effectParameter, PolicyEffect } from './policy-rule';
import { ShutdownRule } from './shutdown-rule';

/**
 * The JSON that ties the rules together, shared by the Terraform and ARM renderings: each definition
 * has an `effect` parameter; the initiative exposes one parameter per rule and passes it on; the
 * assignment sets each to the effect the props chose.
 */

export const POLICY_METADATA = { category: 'Machine Learning' } as const;

/** The initiative parameter that carries a rule's effect: `requireStopScheduleEffect`. */
function initiativeParameterName(rule: ShutdownRule): string {
  return `${rule.name.charAt(0).toLowerCase()}${rule.name.slice(1)}Effect`;
}

export function definitionParameters(rule: ShutdownRule): { effect: EffectParameter } {
  return { effect: effectParameter(rule.allowedEffects, rule.defaultEffect) };
}

export function initiativeParameters(rules: readonly ShutdownRule[]): Record<string, EffectParameter> {
  return Object.fromEntries(
    rules.map((r) => [
      initiativeParameterName(r),
      effectParameter(r.allowedEffects, r.defaultEffect, `Effect of ${r.name}`),
    ]),
  );
}

/** What the initiative passes to a definition: its `effect`, from the initiative's parameter. */
export function referenceParameterValues(rule: ShutdownRule): { effect: { value: string } } {
  return { effect: { value: `[parameters('${initiativeParameterName(rule)}')]` } };
}

export function assignmentParameters(rules: readonly ShutdownRule[]): Record<string, { value: PolicyEffect }> {
  return Object.fromEntries(rules.map((r) => [initiativeParameterName(r), { value: r.effect }]));
}

export function initiativeDisplayName(policyName: string): string {
  return `Compute instance shutdown (${policyName})`;
}

export function initiativeDescription(rules: readonly ShutdownRule[]): string {
  return `Azure Machine Learning compute instances: ${rules.map((r) => r.displayName.replace(/^Compute instances /, '')).join('; ')}.`;
}
