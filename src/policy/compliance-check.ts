import { Annotations } from '../core/framework';
import { IConstruct, IValidation } from 'constructs';
import { DeclaredInstance, watchInstances } from '../compute-instance/declared-instances';
import { evaluateRules, Finding } from './evaluate';
import { ResolvedScope, scopeCovers } from './policy-scope';
import { ShutdownRule } from './shutdown-rule';

/** A ShutdownPolicy as the check sees it. */
interface PolicyUnderCheck extends IConstruct {
  readonly resolvedScope: ResolvedScope;
  readonly rules: readonly ShutdownRule[];
}

/**
 * Puts the policy's check on every compute instance of the app under its scope, declared before the policy or
 * after it. The check is a constructs validation, not a framework aspect: cdktf 0.21 and cdktn 0.24 both run
 * each construct's validations when its stack synthesizes (`TerraformStack.runAllValidations`, before the
 * annotations are collected), while each runs only its own framework's aspects.
 */
export function checkInstancesUnder(policy: PolicyUnderCheck): void {
  watchInstances(policy, (instance) => {
    if (scopeCovers(policy.resolvedScope, instance.spec.workspaceId)) {
      instance.node.addValidation(new ShutdownPolicyCompliance(policy, instance));
    }
  });
}

/**
 * The cdk-nag shape: the policy's rules (small pure functions) answer compliant, non-compliant or not
 * applicable for one instance, and the findings become annotations rather than validation errors, so the
 * framework's rules for annotations apply: a Deny is an error annotation, so synth fails naming the instance
 * and the rule, as Azure would refuse the instance (unless CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS is set);
 * an Audit is a warning; an Append tells the value Azure adds.
 */
class ShutdownPolicyCompliance implements IValidation {
  /** Validations run at every synth of the stack; the annotations are added once. */
  private judged = false;

  constructor(
    private readonly policy: PolicyUnderCheck,
    private readonly instance: DeclaredInstance,
  ) {}

  validate(): string[] {
    if (this.judged) return [];
    this.judged = true;
    for (const finding of evaluateRules(this.policy.rules, this.instance.spec.properties.properties)) {
      annotate(this.instance, this.policy, finding);
    }
    return [];
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
      annotations.addError(
        `${head}: ${finding.field}: received ${finding.received}; allowed: ${finding.allowed}. Azure Policy refuses this instance${finding.rule.effect === 'Append' ? ' (an append that would replace a value acts as a deny)' : ''}.`,
      );
      break;
    case 'audited':
      annotations.addWarning(
        `${head}: ${finding.field}: received ${finding.received}; allowed: ${finding.allowed}. Azure Policy reports this instance non-compliant.`,
      );
      break;
    case 'unknown':
      annotations.addInfo(`${head}: not checked at synth: ${finding.reason}; Azure Policy judges it at apply.`);
      break;
  }
}
