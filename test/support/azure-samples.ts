import * as fs from 'node:fs';
import { ArmComputeStartStopSchedule } from '../../src';
import { fixture } from './import-harness';

/**
 * Schedules from Azure's own published samples, read from the byte-for-byte copies in test/fixtures/cli (their
 * sources are in its README), so that every test checks the same text Azure publishes rather than its own retyping.
 * Frozen: a test that hands them to code which mutates its input fails instead of changing them for the next test.
 */

function readFixture(name: string): any {
  return deepFreeze(JSON.parse(fs.readFileSync(fixture(name), 'utf8')));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * The three `computeStartStop` entries of Azure's quickstart machine-learning-compute-create-computeinstance
 * (azuredeploy.parameters.json): Stop cron 0 18, Start cron 0 8, Stop recurrence daily at 17:00, all UTC.
 */
export const QUICKSTART_SCHEDULES: ArmComputeStartStopSchedule[] = readFixture(
  'cli/quickstart.azuredeploy.parameters.json',
).parameters.schedules.value.computeStartStop;

/**
 * The policy rule of the docs' sample "Azure Policy support to default a schedule" (how-to-create-compute-instance.md):
 * append a Stop schedule at 22:00 PST to a compute instance created without schedules.
 */
export const DOCS_POLICY_RULE = readFixture('cli/docs-default-schedule-policy.json').policyRule;

/** The one schedule that sample appends. */
export const DOCS_POLICY_SCHEDULE: ArmComputeStartStopSchedule =
  DOCS_POLICY_RULE.then.details[0].value.computeStartStop[0];
