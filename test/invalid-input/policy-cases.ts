import { Duration, ShutdownPolicy, ShutdownPolicyProps, StartStopSchedule } from '../../src';
import { InvalidCase } from './corpus';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';

function policyCase(what: string, props: Record<string, unknown>, field: string): InvalidCase {
  return {
    what: `ShutdownPolicy: ${what}`,
    run: (scope) =>
      new ShutdownPolicy(scope, 'policy', {
        scope: { subscriptionId: SUBSCRIPTION },
        requireSchedules: 'Audit',
        ...props,
      } as ShutdownPolicyProps),
    path: 'test/policy',
    field,
  };
}

/** Props that are not an object at all. */
function propsCase(what: string, props: unknown): InvalidCase {
  return {
    what: `ShutdownPolicy: ${what}`,
    run: (scope) => new ShutdownPolicy(scope, 'policy', props as ShutdownPolicyProps),
    path: 'test/policy',
    field: 'props',
  };
}

const stop = StartStopSchedule.cron({ action: 'Stop', expression: '0 22 * * *' });
const start = StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * *' });
const stopWithoutStatus = StartStopSchedule.fromArm({
  action: 'Stop',
  triggerType: 'Cron',
  cron: { expression: '0 22 * * *', timeZone: 'UTC' },
});

/** Invalid ShutdownPolicy props: scopes, effects, durations and rules. */
export const POLICY_CASES: InvalidCase[] = [
  policyCase('no scope', { scope: {} }, 'scope'),
  policyCase('two scopes', { scope: { subscriptionId: SUBSCRIPTION, managementGroupId: 'mg' } }, 'scope'),
  policyCase(
    'a subscription id that is not a GUID',
    { scope: { subscriptionId: 'my-subscription' } },
    'scope.subscriptionId',
  ),
  policyCase(
    'a subscription id with a resource group',
    { scope: { subscriptionId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg` } },
    'scope.subscriptionId',
  ),
  policyCase(
    'a management group with a space',
    { scope: { managementGroupId: 'data science' } },
    'scope.managementGroupId',
  ),
  policyCase(
    'a management group of 91 characters',
    { scope: { managementGroupId: 'm'.repeat(91) } },
    'scope.managementGroupId',
  ),
  policyCase('a resource group id that is a name', { scope: { resourceGroupId: 'rg-ml' } }, 'scope.resourceGroupId'),
  policyCase(
    'a resource group id of a workspace',
    {
      scope: {
        resourceGroupId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw`,
      },
    },
    'scope.resourceGroupId',
  ),
  policyCase('requireSchedules "deny"', { requireSchedules: 'deny' }, 'requireSchedules'),
  policyCase('requireSchedules "Append"', { requireSchedules: 'Append' }, 'requireSchedules'),
  policyCase('requireSetupScript "Modify"', { requireSetupScript: 'Modify' }, 'requireSetupScript'),
  policyCase('idle shutdown effect "Modify"', { idleShutdown: { effect: 'Modify' } }, 'idleShutdown.effect'),
  policyCase(
    'idle shutdown default of 10 minutes',
    { idleShutdown: { effect: 'Append', default: Duration.minutes(10) } },
    'idleShutdown.default',
  ),
  policyCase(
    'idle shutdown max of 4 days',
    { idleShutdown: { effect: 'Deny', max: Duration.days(4) } },
    'idleShutdown.max',
  ),
  policyCase(
    'idle shutdown default above max',
    { idleShutdown: { effect: 'Append', default: Duration.hours(2), max: Duration.hours(1) } },
    'idleShutdown.default',
  ),
  policyCase('idle shutdown Append without a default', { idleShutdown: { effect: 'Append' } }, 'idleShutdown.default'),
  policyCase(
    'idle shutdown default as a string',
    { idleShutdown: { effect: 'Append', default: 'PT30M' } },
    'idleShutdown.default',
  ),
  policyCase(
    'the built-in idle policy asked to append',
    { idleShutdown: { effect: 'Append', default: Duration.hours(1), useBuiltInDefinition: true } },
    'idleShutdown.effect',
  ),
  policyCase(
    'default schedules that are plain objects',
    { defaultSchedules: [{ action: 'Stop' }] },
    'defaultSchedules[0]',
  ),
  policyCase('five default schedules', { defaultSchedules: [stop, stop, stop, stop, stop] }, 'defaultSchedules'),
  policyCase('default schedules that never stop', { defaultSchedules: [start] }, 'defaultSchedules'),
  policyCase('a default setup script that is a string', { defaultSetupScript: 'echo hi' }, 'defaultSetupScript'),
  policyCase('no rule at all', { requireSchedules: undefined }, 'props'),
  policyCase('a name of 25 characters', { name: 'p'.repeat(25) }, 'name'),
  policyCase('a name with a space', { name: 'ml shutdown' }, 'name'),
  propsCase('props null', null),
  propsCase('props a string', 'Deny'),
  propsCase('props a list', [{ scope: { subscriptionId: SUBSCRIPTION }, requireSchedules: 'Deny' }]),
  policyCase('a subscription id that is a number', { scope: { subscriptionId: 42 } }, 'scope.subscriptionId'),
  policyCase('a management group id that is null', { scope: { managementGroupId: null } }, 'scope.managementGroupId'),
  policyCase(
    'a resource group id that is an object',
    { scope: { resourceGroupId: { name: 'rg' } } },
    'scope.resourceGroupId',
  ),
  policyCase('a name that is null', { name: null }, 'name'),
  policyCase('a name that is a number', { name: 42 }, 'name'),
  policyCase('idleShutdown null', { idleShutdown: null }, 'idleShutdown'),
  policyCase('idleShutdown a Duration', { idleShutdown: Duration.hours(1) }, 'idleShutdown'),
  policyCase('idleShutdown a string', { idleShutdown: 'Deny' }, 'idleShutdown'),
  policyCase(
    'useBuiltInDefinition "yes"',
    { idleShutdown: { effect: 'Deny', useBuiltInDefinition: 'yes' } },
    'idleShutdown.useBuiltInDefinition',
  ),
  policyCase(
    'a default schedule whose toArm gives null',
    { defaultSchedules: [{ toArm: () => null }] },
    'defaultSchedules[0]',
  ),
  policyCase(
    'a default schedule whose toArm gives an empty entry',
    { defaultSchedules: [{ toArm: () => ({}) }] },
    'defaultSchedules[0]',
  ),
  policyCase('a default schedule that is null', { defaultSchedules: [stop, null] }, 'defaultSchedules[1]'),
  policyCase('default schedules that are one schedule, not a list', { defaultSchedules: stop }, 'defaultSchedules'),
  policyCase('no default schedules', { defaultSchedules: [] }, 'defaultSchedules'),
  policyCase(
    'a default Start and Stop in the same minute',
    {
      defaultSchedules: [start, StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *' })],
    },
    'defaultSchedules[1]',
  ),
  policyCase(
    'a default Stop without status under a Deny on schedules',
    { defaultSchedules: [stopWithoutStatus], requireSchedules: 'Deny' },
    'defaultSchedules',
  ),
  policyCase('requireSchedules null', { requireSchedules: null }, 'requireSchedules'),
  policyCase('a default setup script that is null', { defaultSetupScript: null }, 'defaultSetupScript'),
];
