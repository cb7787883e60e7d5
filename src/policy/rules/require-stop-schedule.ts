import { ArmComputeStartStopSchedule } from '../../compute-instance-spec';
import { show } from '../../errors';
import { isToken } from '../../validation/tokens';
import { ALIAS } from '../aliases';
import { EFFECT_FROM_PARAMETER, isComputeInstanceConditions, PolicyEffect } from '../policy-rule';
import { COMPLIANT, ShutdownRule, Verdict } from '../shutdown-rule';

const ALLOWED = 'at least one schedule with action "Stop" and status "Enabled"';

/**
 * A compute instance needs an enabled Stop schedule. Azure publishes the array alias
 * `schedules.computeStartStop[*]` (with `[*].action` and `[*].status`), so the rule counts the entries
 * that stop the instance and are enabled, and matches when there are none.
 */
export function requireStopScheduleRule(effect: Exclude<PolicyEffect, 'Append'>): ShutdownRule {
  return {
    name: 'RequireStopSchedule',
    key: 'require-stop-schedule',
    displayName: 'Compute instances should have an enabled Stop schedule',
    description: 'An Azure Machine Learning compute instance needs at least one enabled schedule that stops it.',
    effect,
    allowedEffects: ['Audit', 'Deny', 'Disabled'],
    defaultEffect: 'Audit',
    policyRule: {
      if: {
        allOf: [
          ...isComputeInstanceConditions(),
          {
            count: {
              field: ALIAS.scheduleEntries,
              where: {
                allOf: [
                  { field: ALIAS.scheduleAction, equals: 'Stop' },
                  { field: ALIAS.scheduleStatus, equals: 'Enabled' },
                ],
              },
            },
            less: 1,
          },
        ],
      },
      then: { effect: EFFECT_FROM_PARAMETER },
    },
    nonComplianceMessage: 'Compute instances need an enabled schedule that stops them (action Stop, status Enabled).',
    check: (ci) => stopScheduleVerdict(ci.schedules?.computeStartStop ?? []),
  };
}

function stopScheduleVerdict(entries: readonly ArmComputeStartStopSchedule[]): Verdict {
  if (entries.some((e) => e.action === 'Stop' && e.status === 'Enabled')) return COMPLIANT;
  if (entries.some((e) => isToken(e.action) || isToken(e.status))) {
    return { status: 'not-applicable', reason: 'a schedule\'s action or status is known only at apply' };
  }
  const received = entries.length === 0
    ? 'no schedules'
    : show(entries.map((e) => `${e.action} ${e.status ?? '(no status)'}`));
  return { status: 'non-compliant', field: 'schedules', received, allowed: ALLOWED };
}
