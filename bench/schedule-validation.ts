import { ArmComputeStartStopSchedule } from '../src/compute-instance-spec';
import { StartStopSchedule } from '../src/schedule/start-stop-schedule';
import { scheduleEntryValidator } from '../src/schedule/schemas';

/** The docs' Azure Policy sample schedule: a typical entry with every cron field set. */
const ENTRY: ArmComputeStartStopSchedule = {
  triggerType: 'Cron',
  cron: { startTime: '2021-03-10T21:21:07', timeZone: 'Pacific Standard Time', expression: '0 22 * * *' },
  action: 'Stop',
  status: 'Enabled',
};

function microsPerCall(iterations: number, fn: () => unknown): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1000 / iterations;
}

/**
 * Microseconds per call of `StartStopSchedule.fromArm` on one entry (schema, cron grammar, time zone,
 * startTime, and the copy it keeps) and of a bare ajv validation of the same object. Both are warmed up
 * first, so the one-time cost of loading ajv and compiling the schema is left out.
 */
export function measureScheduleValidation(iterations: number): { perScheduleMicros: number; ajvOnlyMicros: number } {
  const validate = scheduleEntryValidator();
  const warmup = Math.min(iterations, 1000);
  microsPerCall(warmup, () => StartStopSchedule.fromArm(ENTRY));
  microsPerCall(warmup, () => validate(ENTRY));
  return {
    perScheduleMicros: microsPerCall(iterations, () => StartStopSchedule.fromArm(ENTRY)),
    ajvOnlyMicros: microsPerCall(iterations, () => validate(ENTRY)),
  };
}
