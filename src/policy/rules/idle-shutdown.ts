import { Duration } from '../../core/duration';
import { show } from '../../core/errors';
import { isToken } from '../../core/tokens';
import { ALIAS } from '../../model/policy-aliases';
import { isoDurationSecondsExpression } from '../iso-duration-expression';
import { EFFECT_FROM_PARAMETER, isComputeInstanceConditions, PolicyCondition, PolicyEffect } from '../policy-rule';
import { COMPLIANT, ShutdownRule, Verdict } from '../shutdown-rule';

/** Azure's built-in "Azure Machine Learning Compute Instance should have idle shutdown" (Audit, Deny, Disabled). */
export const IDLE_SHUTDOWN_BUILT_IN_DEFINITION_ID =
  '/providers/Microsoft.Authorization/policyDefinitions/679ddf89-ab8f-48a5-9029-e76054077449';

export interface IdleShutdownRuleOptions {
  readonly effect: 'Audit' | 'Deny' | 'Append';
  readonly default?: Duration;
  readonly max?: Duration;
  readonly useBuiltInDefinition?: boolean;
}

const NAME = 'IdleShutdown';
const DISPLAY_NAME = 'Compute instances should shut down when idle';

/**
 * A compute instance needs `idleTimeBeforeShutdown` (and, with `max`, no longer than it). With a
 * `default`, one definition serves Append as well as Audit and Deny (Azure documents them as
 * interchangeable): Append adds the default to an instance without idle shutdown, and refuses one whose
 * idle time is too long, since an append that would replace a value acts as a deny.
 */
export function idleShutdownRule(options: IdleShutdownRuleOptions): ShutdownRule {
  if (options.useBuiltInDefinition) return builtInIdleShutdownRule(options.effect as 'Audit' | 'Deny');
  const missing: PolicyCondition[] = [
    { field: ALIAS.idleTimeBeforeShutdown, exists: 'false' },
    { field: ALIAS.idleTimeBeforeShutdown, equals: '' },
  ];
  const tooLong: PolicyCondition[] =
    options.max === undefined
      ? []
      : [{ value: isoDurationSecondsExpression(ALIAS.idleTimeBeforeShutdown), greater: options.max.toSeconds() }];
  const fallback = options.default?.toIsoString();
  const allowedEffects: PolicyEffect[] =
    fallback === undefined ? ['Audit', 'Deny', 'Disabled'] : ['Append', 'Audit', 'Deny', 'Disabled'];
  return {
    name: NAME,
    key: 'idle-shutdown',
    displayName: DISPLAY_NAME,
    description:
      options.max === undefined
        ? 'An Azure Machine Learning compute instance needs idle shutdown (idleTimeBeforeShutdown).'
        : `An Azure Machine Learning compute instance needs idle shutdown after at most ${options.max.toHumanString()}.`,
    effect: options.effect,
    allowedEffects,
    defaultEffect: 'Audit',
    policyRule: {
      if: { allOf: [...isComputeInstanceConditions(), { anyOf: [...missing, ...tooLong] }] },
      then: {
        effect: EFFECT_FROM_PARAMETER,
        ...(fallback === undefined ? {} : { details: [{ field: ALIAS.idleTimeBeforeShutdown, value: fallback }] }),
      },
    },
    nonComplianceMessage:
      options.max === undefined
        ? 'Compute instances need idle shutdown (idleTimeBeforeShutdown).'
        : `Compute instances need idle shutdown after at most ${options.max.toHumanString()} (idleTimeBeforeShutdown <= ${options.max.toIsoString()}).`,
    check: (inner) => idleVerdict(inner.idleTimeBeforeShutdown, options.max),
    ...(fallback === undefined
      ? {}
      : {
          append: {
            apply: (inner) =>
              inner.idleTimeBeforeShutdown === undefined ? { ...inner, idleTimeBeforeShutdown: fallback } : undefined,
            description: `idleTimeBeforeShutdown = ${JSON.stringify(fallback)}`,
          },
        }),
  };
}

function builtInIdleShutdownRule(effect: 'Audit' | 'Deny'): ShutdownRule {
  return {
    name: NAME,
    key: 'idle-shutdown',
    displayName: DISPLAY_NAME,
    description: "Azure's built-in definition: an Azure Machine Learning compute instance needs idle shutdown.",
    effect,
    allowedEffects: ['Audit', 'Deny', 'Disabled'],
    defaultEffect: 'Audit',
    builtInDefinitionId: IDLE_SHUTDOWN_BUILT_IN_DEFINITION_ID,
    nonComplianceMessage: 'Compute instances need idle shutdown (idleTimeBeforeShutdown).',
    check: (inner) => idleVerdict(inner.idleTimeBeforeShutdown, undefined),
  };
}

function idleVerdict(value: unknown, max: Duration | undefined): Verdict {
  const allowed =
    max === undefined
      ? 'an idle shutdown (idleTimeBeforeShutdown)'
      : `an idle shutdown of at most ${max.toHumanString()} (${max.toIsoString()})`;
  if (value === undefined || value === '') {
    return { status: 'non-compliant', field: 'idleTimeBeforeShutdown', received: 'no idle shutdown', allowed };
  }
  if (max === undefined) return COMPLIANT;
  if (isToken(value)) return { status: 'not-applicable', reason: 'idleTimeBeforeShutdown is known only at apply' };
  // Read from a file (aml-compute audit), the value may be anything: what is not a duration is not judged here.
  const duration = typeof value === 'string' ? isoDuration(value) : undefined;
  if (duration === undefined)
    return {
      status: 'not-applicable',
      reason: `idleTimeBeforeShutdown ${show(value)} is not an ISO 8601 duration, which this rule compares`,
    };
  return duration.toSeconds() > max.toSeconds()
    ? { status: 'non-compliant', field: 'idleTimeBeforeShutdown', received: show(value), allowed }
    : COMPLIANT;
}

function isoDuration(text: string): Duration | undefined {
  try {
    return Duration.parseIso(text);
  } catch {
    return undefined;
  }
}
