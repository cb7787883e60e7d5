import { ArmComputeInstanceProperties } from '../model/compute-arm';
import { PolicyEffect, PolicyRuleJson } from './policy-rule';

/**
 * What a rule's condition says about one compute instance, judged on its ARM properties (the cdk-nag
 * shape): the condition does not hold (compliant), it holds (non-compliant: the effect applies), or it
 * cannot be judged before apply (a value is a Terraform reference).
 */
export type Verdict =
  | { readonly status: 'compliant' }
  | { readonly status: 'not-applicable'; readonly reason: string }
  | { readonly status: 'non-compliant'; readonly field: string; readonly received: string; readonly allowed: string };

export const COMPLIANT: Verdict = { status: 'compliant' };

/** What an append rule adds to a request that meets its condition. */
interface AppendAction {
  /**
   * The properties after Azure adds its values, or undefined when adding would replace a value the request
   * already sets (Azure then refuses the request, as a deny would).
   */
  apply(inner: ArmComputeInstanceProperties): ArmComputeInstanceProperties | undefined;
  /** The values added, for messages: `idleTimeBeforeShutdown = "PT1H"`. */
  readonly description: string;
}

/** One rule of a ShutdownPolicy: an Azure Policy definition (custom or built-in) and its synth-time check. */
export interface ShutdownRule {
  /** The rule's name in messages, and its reference id in the initiative (`RequireStopSchedule`). */
  readonly name: string;
  /** What the definition's name ends with (`require-stop-schedule`). */
  readonly key: string;
  readonly displayName: string;
  readonly description: string;
  /** The effect the assignment sets. */
  readonly effect: PolicyEffect;
  /** The effects the definition's parameter allows, and its default. */
  readonly allowedEffects: readonly PolicyEffect[];
  readonly defaultEffect: PolicyEffect;
  /** The custom definition's rule; absent for a built-in. */
  readonly policyRule?: PolicyRuleJson;
  /** The built-in definition the initiative references instead of a custom one. */
  readonly builtInDefinitionId?: string;
  /** Shown by Azure when it denies or audits an instance. */
  readonly nonComplianceMessage: string;
  /** The rule's condition, as a pure function of the instance's ARM properties. */
  check(inner: ArmComputeInstanceProperties): Verdict;
  /** For rules whose effect can be Append: what Azure adds. */
  readonly append?: AppendAction;
}
