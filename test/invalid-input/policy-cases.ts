import { Duration, ShutdownPolicy, ShutdownPolicyProps, StartStopSchedule } from '../../src';
import { InvalidCase } from './corpus';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';

function policyCase(what: string, props: Record<string, unknown>, field: string): InvalidCase {
  return {
    what: `ShutdownPolicy: ${what}`,
    run: (scope) => new ShutdownPolicy(scope, 'policy', { scope: { subscriptionId: SUBSCRIPTION }, requireSchedules: 'Audit', ...props } as ShutdownPolicyProps),
    path: 'test/policy',
    field,
  };
}

const stop = StartStopSchedule.cron({ action: 'Stop', expression: '0 22 * * *' });
const start = StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * *' });

/** Invalid ShutdownPolicy props: scopes, effects, durations and rules. */
export const POLICY_CASES: InvalidCase[] = [
  policyCase('no scope', { scope: {} }, 'scope'),
  policyCase('two scopes', { scope: { subscriptionId: SUBSCRIPTION, managementGroupId: 'mg' } }, 'scope'),
  policyCase('a subscription id that is not a GUID', { scope: { subscriptionId: 'my-subscription' } }, 'scope.subscriptionId'),
  policyCase('a subscription id with a resource group', { scope: { subscriptionId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg` } }, 'scope.subscriptionId'),
  policyCase('a management group with a space', { scope: { managementGroupId: 'data science' } }, 'scope.managementGroupId'),
  policyCase('a management group of 91 characters', { scope: { managementGroupId: 'm'.repeat(91) } }, 'scope.managementGroupId'),
  policyCase('a resource group id that is a name', { scope: { resourceGroupId: 'rg-ml' } }, 'scope.resourceGroupId'),
  policyCase('a resource group id of a workspace', { scope: { resourceGroupId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw` } }, 'scope.resourceGroupId'),
  policyCase('requireSchedules "deny"', { requireSchedules: 'deny' }, 'requireSchedules'),
  policyCase('requireSchedules "Append"', { requireSchedules: 'Append' }, 'requireSchedules'),
  policyCase('requireSetupScript "Modify"', { requireSetupScript: 'Modify' }, 'requireSetupScript'),
  policyCase('idle shutdown effect "Modify"', { idleShutdown: { effect: 'Modify' } }, 'idleShutdown.effect'),
  policyCase('idle shutdown default of 10 minutes', { idleShutdown: { effect: 'Append', default: Duration.minutes(10) } }, 'idleShutdown.default'),
  policyCase('idle shutdown max of 4 days', { idleShutdown: { effect: 'Deny', max: Duration.days(4) } }, 'idleShutdown.max'),
  policyCase('idle shutdown default above max', { idleShutdown: { effect: 'Append', default: Duration.hours(2), max: Duration.hours(1) } }, 'idleShutdown.default'),
  policyCase('idle shutdown Append without a default', { idleShutdown: { effect: 'Append' } }, 'idleShutdown.default'),
  policyCase('idle shutdown default as a string', { idleShutdown: { effect: 'Append', default: 'PT30M' } }, 'idleShutdown.default'),
  policyCase('the built-in idle policy asked to append', { idleShutdown: { effect: 'Append', default: Duration.hours(1), useBuiltInDefinition: true } }, 'idleShutdown.effect'),
  policyCase('default schedules that are plain objects', { defaultSchedules: [{ action: 'Stop' }] }, 'defaultSchedules'),
  policyCase('five default schedules', { defaultSchedules: [stop, stop, stop, stop, stop] }, 'defaultSchedules'),
  policyCase('default schedules that never stop', { defaultSchedules: [start] }, 'defaultSchedules'),
  policyCase('a default setup script that is a string', { defaultSetupScript: 'echo hi' }, 'defaultSetupScript'),
  policyCase('no rule at all', { requireSchedules: undefined }, 'props'),
  policyCase('a name of 25 characters', { name: 'p'.repeat(25) }, 'name'),
  policyCase('a name with a space', { name: 'ml shutdown' }, 'name'),
];
