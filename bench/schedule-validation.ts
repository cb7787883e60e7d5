import { ArmComputeStartStopSchedule } from '../src/model/compute-arm';
import { StartStopSchedule } from '../src/schedule/start-stop-schedule';
import { scheduleEntryValidator } from '../src/schedule/schemas';

/** The docs' Azure Policy sample schedule: a typical entry with every cron field set. */
const ENTRY: ArmComputeStartStopSchedule = {
  triggerType: 'Cron',
  cron: { startTime: '2021-03-10T21:21:07', timeZone: 'Pacific Standard Time', expression: '0 22 * * *' },
  action: 'Stop',
  status: 'Enabled',
};

/** 1,440 distinct entries (every minute of a day), more than the validation cache keeps: every call validates. */
const DISTINCT: ArmComputeStartStopSchedule[] = Array.from({ length: 1440 }, (_, m) => ({
  ...ENTRY,
  cron: { ...ENTRY.cron!, expression: `${m % 60} ${Math.floor(m / 60)} * * *` },
}));

function microsPerCall(iterations: number, fn: (i: number) => unknown): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  return Number(process.hrtime.bigint() - start) / 1000 / iterations;
}

export interface ScheduleValidationCost {
  /** `fromArm` of entries it has not seen: schema, cron grammar, time zone, startTime, and the copy it keeps. */
  readonly perScheduleMicros: number;
  /** A bare ajv validate of the same entries. */
  readonly ajvOnlyMicros: number;
  /** `fromArm` of an entry already validated in this process (a fleet repeating its schedules). */
  readonly repeatedMicros: number;
}

/**
 * Microseconds per schedule validated, against a bare ajv validate of the same objects. Everything is
 * warmed up first, so the one-time cost of loading ajv and compiling the schema is left out.
 */
export function measureScheduleValidation(iterations: number): ScheduleValidationCost {
  const validate = scheduleEntryValidator();
  const at = (i: number) => DISTINCT[i % DISTINCT.length];
  const warmup = Math.min(iterations, 2000);
  microsPerCall(warmup, (i) => StartStopSchedule.fromArm(at(i)));
  microsPerCall(warmup, (i) => validate(at(i)));
  return {
    perScheduleMicros: microsPerCall(iterations, (i) => StartStopSchedule.fromArm(at(i))),
    ajvOnlyMicros: microsPerCall(iterations, (i) => validate(at(i))),
    repeatedMicros: microsPerCall(iterations, () => StartStopSchedule.fromArm(ENTRY)),
  };
}
