import { ArmComputeStartStopSchedule } from '../../model/compute-arm';
import { show } from '../../core/errors';
import { isToken } from '../../core/tokens';
import { ALIAS } from '../../model/policy-aliases';
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
    check: (inner) => stopScheduleVerdict(inner.schedules?.computeStartStop ?? []),
  };
}

function stopScheduleVerdict(entries: readonly ArmComputeStartStopSchedule[]): Verdict {
  if (hasEnabledStop(entries)) return COMPLIANT;
  if (entries.some((e) => isToken(e.action) || isToken(e.status))) {
    return { status: 'not-applicable', reason: "a schedule's action or status is known only at apply" };
  }
  const received = entries.length === 0 ? 'no schedules' : show(scheduleSummaries(entries));
  return {
    status: 'non-compliant',
    field: 'schedules',
    received,
    allowed: `${ALLOWED}${missingStatusNote(entries, 'schedules')}`,
  };
}

/** What the rule's `count` finds: an entry whose action is "Stop" and whose status is "Enabled", as written. */
export function hasEnabledStop(entries: readonly ArmComputeStartStopSchedule[]): boolean {
  return entries.some((e) => e.action === 'Stop' && e.status === 'Enabled');
}

/** Each entry as the rule reads it, for messages: `Stop Enabled`, `Start Disabled`, `Stop (status missing)`. */
export function scheduleSummaries(entries: readonly ArmComputeStartStopSchedule[]): string[] {
  return entries.map((e) => `${e.action} ${e.status ?? '(status missing)'}`);
}

/**
 * Why a Stop entry without status does not count, or '' when there is none. Azure runs an entry without
 * status (the spec makes it optional), but the rule's condition is `equals: "Enabled"` on the status alias,
 * and a missing field equals nothing: Azure Policy judges the request as written.
 */
export function missingStatusNote(entries: readonly ArmComputeStartStopSchedule[], field: string): string {
  const missing = entries.flatMap((e, i) => (e.action === 'Stop' && e.status === undefined ? [`${field}[${i}]`] : []));
  if (missing.length === 0) return '';
  const one = missing.length === 1;
  return `; ${missing.join(', ')} ${one ? 'is a Stop without' : 'are Stops without'} status: Azure runs ${one ? 'it' : 'them'}, but Azure Policy's rule requires status "Enabled" written explicitly (a missing status does not equal "Enabled")`;
}
