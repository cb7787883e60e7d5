import { ArmComputeInstanceProperties } from '../model/compute-arm';
import { ShutdownRule } from './shutdown-rule';

/** What Azure Policy does with one rule for one compute instance. */
export type Finding =
  | { readonly rule: ShutdownRule; readonly outcome: 'appended'; readonly added: string }
  | {
      readonly rule: ShutdownRule;
      readonly outcome: 'denied' | 'audited';
      readonly field: string;
      readonly received: string;
      readonly allowed: string;
    }
  | { readonly rule: ShutdownRule; readonly outcome: 'unknown'; readonly reason: string };

/**
 * Evaluates rules in Azure's order (effect-basics, "Order of evaluation"): Disabled rules are skipped,
 * Append rules change the request first, then Deny and Audit rules judge the changed request. An append
 * that would replace a value the request sets is a denial. Compliant rules yield no finding.
 */
export function evaluateRules(rules: readonly ShutdownRule[], properties: ArmComputeInstanceProperties): Finding[] {
  const findings: Finding[] = [];
  let request = properties;
  for (const rule of rules.filter((r) => r.effect === 'Append')) {
    const verdict = rule.check(request);
    if (verdict.status === 'not-applicable') findings.push({ rule, outcome: 'unknown', reason: verdict.reason });
    if (verdict.status !== 'non-compliant') continue;
    const changed = rule.append?.apply(request);
    if (changed === undefined) {
      findings.push({
        rule,
        outcome: 'denied',
        field: verdict.field,
        received: verdict.received,
        allowed: verdict.allowed,
      });
    } else {
      request = changed;
      findings.push({ rule, outcome: 'appended', added: rule.append!.description });
    }
  }
  for (const effect of ['Deny', 'Audit'] as const) {
    for (const rule of rules.filter((r) => r.effect === effect)) {
      const verdict = rule.check(request);
      if (verdict.status === 'not-applicable') findings.push({ rule, outcome: 'unknown', reason: verdict.reason });
      if (verdict.status !== 'non-compliant') continue;
      findings.push({
        rule,
        outcome: effect === 'Deny' ? 'denied' : 'audited',
        field: verdict.field,
        received: verdict.received,
        allowed: verdict.allowed,
      });
    }
  }
  return findings;
}
