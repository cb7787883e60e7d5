import { ArmComputeStartStopSchedule } from '../../model/compute-arm';
import { ALIAS } from '../../model/policy-aliases';
import { EFFECT_FROM_PARAMETER, isComputeInstanceConditions } from '../policy-rule';
import { COMPLIANT, ShutdownRule } from '../shutdown-rule';

/**
 * Adds `schedules` to a compute instance created without any: the default-schedule sample of
 * how-to-create-compute-instance.md, with the effect as a parameter (Append or Disabled).
 */
export function defaultSchedulesRule(entries: readonly ArmComputeStartStopSchedule[]): ShutdownRule {
  const value = { computeStartStop: entries.map((e) => structuredClone(e)) };
  return {
    name: 'DefaultSchedules',
    key: 'default-schedules',
    displayName: 'Compute instances get default start/stop schedules',
    description: 'Adds start/stop schedules to an Azure Machine Learning compute instance created without any.',
    effect: 'Append',
    allowedEffects: ['Append', 'Disabled'],
    defaultEffect: 'Append',
    policyRule: {
      if: { allOf: [...isComputeInstanceConditions(), { field: ALIAS.schedules, exists: 'false' }] },
      then: { effect: EFFECT_FROM_PARAMETER, details: [{ field: ALIAS.schedules, value }] },
    },
    nonComplianceMessage: 'Compute instances without schedules get the default start/stop schedules.',
    check: (inner) =>
      inner.schedules === undefined
        ? {
            status: 'non-compliant',
            field: 'schedules',
            received: 'no schedules',
            allowed: 'schedules of its own, or the default ones',
          }
        : COMPLIANT,
    append: {
      apply: (inner) => (inner.schedules === undefined ? { ...inner, schedules: structuredClone(value) } : undefined),
      description: `schedules = ${JSON.stringify(value)}`,
    },
  };
}
