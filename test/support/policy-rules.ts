import { StartStopSchedule } from '../../src';

/** The alias prefix of every compute field a policy rule reads. */
export const C = 'Microsoft.MachineLearningServices/workspaces/computes';

/** The first two conditions of every rule: the resource is a compute instance. */
export const IS_COMPUTE_INSTANCE = [
  { field: 'type', equals: C },
  { field: `${C}/computeType`, equals: 'ComputeInstance' },
];

/** The Stop schedule the policy tests default to: 22:00 Pacific, as in the docs' policy sample. */
export const STOP_AT_22 = StartStopSchedule.cron({
  action: 'Stop',
  expression: '0 22 * * *',
  timeZone: 'Pacific Standard Time',
});

/**
 * The policy rules that come out the same whatever the policy's settings: the rule objects and the
 * definitions a ShutdownPolicy writes must both be these.
 */
export const EXPECTED_RULES = {
  requireStopSchedule: {
    if: {
      allOf: [
        ...IS_COMPUTE_INSTANCE,
        {
          count: {
            field: `${C}/schedules.computeStartStop[*]`,
            where: {
              allOf: [
                { field: `${C}/schedules.computeStartStop[*].action`, equals: 'Stop' },
                { field: `${C}/schedules.computeStartStop[*].status`, equals: 'Enabled' },
              ],
            },
          },
          less: 1,
        },
      ],
    },
    then: { effect: "[parameters('effect')]" },
  },
  requireSetupScript: {
    if: {
      allOf: [
        ...IS_COMPUTE_INSTANCE,
        { field: `${C}/setupScripts.scripts.creationScript.scriptData`, exists: 'false' },
      ],
    },
    then: { effect: "[parameters('effect')]" },
  },
};
