import type { ArmComputeStartStopSchedule } from '../compute-instance-spec';
import { isToken } from '../validation/tokens';
import { parseAzureCron } from './azure-cron';
import { dependsOnCreationTime, fireTimes } from './fire-times';
import { WEEK_DAYS } from './schemas';

/**
 * Rules about the schedules of one compute instance taken together.
 */

export interface ScheduleSetProblem {
  readonly field: string;
  readonly value: unknown;
  readonly allowed: string;
}

/** A wall-clock pattern: it fires at every minute x hour on every day matching all the day sets. */
interface LocalPattern {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: readonly number[];
  /** Undefined: any day. */
  readonly daysOfMonth?: readonly number[];
  /** Undefined: any day; 0 = Sunday. */
  readonly daysOfWeek?: readonly number[];
}

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Where a simulated comparison starts when neither schedule names a later startTime (fixed: output must not depend on today). */
const SIMULATION_START_MS = Date.UTC(2026, 0, 1);
const SIMULATION_DAYS = 366;
const SIMULATION_MAX_FIRES = 5000;

export function containsToken(value: unknown): boolean {
  if (isToken(value)) return true;
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsToken);
  return false;
}

function timeZoneOf(e: ArmComputeStartStopSchedule): string {
  return (e.triggerType === 'Cron' ? e.cron?.timeZone : e.recurrence?.timeZone) ?? 'UTC';
}

/** The schedule as a wall-clock pattern, when it is one (every cron; a recurrence of interval 1 by Day or by weekDays). */
function localPattern(e: ArmComputeStartStopSchedule): LocalPattern | undefined {
  if (e.triggerType === 'Cron' && e.cron) return parseAzureCron(e.cron.expression);
  const r = e.recurrence;
  if (!r || r.interval !== 1) return undefined;
  if (r.frequency === 'Day') return { minutes: r.schedule.minutes, hours: r.schedule.hours, months: ALL_MONTHS };
  if (r.frequency === 'Week' && r.schedule.weekDays && r.schedule.weekDays.length > 0) {
    return {
      minutes: r.schedule.minutes, hours: r.schedule.hours, months: ALL_MONTHS,
      daysOfWeek: r.schedule.weekDays.map((d) => (WEEK_DAYS.indexOf(d) + 1) % 7),
    };
  }
  return undefined;
}

function common(a: readonly number[] | undefined, b: readonly number[] | undefined, all: readonly number[]): number[] {
  return all.filter((v) => (a === undefined || a.includes(v)) && (b === undefined || b.includes(v)));
}

/** The first wall-clock minute both patterns fire at on some date (every month/day/weekday combination occurs in some year). */
function commonWallClock(a: LocalPattern, b: LocalPattern): string | undefined {
  const minutes = common(a.minutes, b.minutes, Array.from({ length: 60 }, (_, i) => i));
  const hours = common(a.hours, b.hours, Array.from({ length: 24 }, (_, i) => i));
  if (minutes.length === 0 || hours.length === 0) return undefined;
  const weekdays = common(a.daysOfWeek, b.daysOfWeek, [0, 1, 2, 3, 4, 5, 6]);
  const someDay = weekdays.length > 0 && common(a.months, b.months, ALL_MONTHS).some((month) =>
    common(a.daysOfMonth, b.daysOfMonth, Array.from({ length: LONGEST_MONTH[month - 1] }, (_, i) => i + 1)).length > 0);
  if (!someDay) return undefined;
  return `${String(hours[0]).padStart(2, '0')}:${String(minutes[0]).padStart(2, '0')}`;
}

function firstFire(e: ArmComputeStartStopSchedule, fromMs: number): number {
  return fireTimes(e, fromMs).next().value ?? fromMs;
}

/** A UTC instant in a year of both schedules' fire times where both fire, found by walking them. */
function commonInstant(a: ArmComputeStartStopSchedule, b: ArmComputeStartStopSchedule): number | undefined {
  const from = Math.max(SIMULATION_START_MS, firstFire(a, SIMULATION_START_MS), firstFire(b, SIMULATION_START_MS));
  let end = from + SIMULATION_DAYS * 86_400_000;
  const firesOfA = new Set<number>();
  for (const t of fireTimes(a, from)) {
    if (t >= end) break;
    firesOfA.add(t);
    if (firesOfA.size >= SIMULATION_MAX_FIRES) {
      end = t;
      break;
    }
  }
  let n = 0;
  for (const t of fireTimes(b, from)) {
    if (t > end || ++n > SIMULATION_MAX_FIRES) return undefined;
    if (firesOfA.has(t)) return t;
  }
  return undefined;
}

/** A short description of an entry for messages. */
export function describeEntry(e: ArmComputeStartStopSchedule): string {
  const zone = timeZoneOf(e);
  if (e.triggerType === 'Cron') return `${e.action} cron ${e.cron?.expression} (${zone})`;
  const r = e.recurrence;
  const days = r?.schedule.weekDays?.length ? ` on ${r.schedule.weekDays.join(',')}` : '';
  return `${e.action} every ${r?.interval} ${r?.frequency} at hours ${r?.schedule.hours.join(',')} minutes ${r?.schedule.minutes.join(',')}${days} (${zone})`;
}

function active(e: ArmComputeStartStopSchedule): boolean {
  return e.status !== 'Disabled';
}

/**
 * A Start and a Stop that fire in the same minute leave the instance's state to chance. Schedules in one
 * time zone that are wall-clock patterns are compared exactly; others are compared by walking a year of
 * their fire times (from 2026-01-01, or their later startTime). Recurrences whose fire times depend on when
 * Azure creates them (no startTime) cannot be compared before deployment and are left out.
 */
export function sameMinuteProblems(entries: readonly ArmComputeStartStopSchedule[]): ScheduleSetProblem[] {
  const comparable = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => active(e) && !containsToken(e) && !dependsOnCreationTime(e));
  const problems: ScheduleSetProblem[] = [];
  for (const b of comparable) {
    for (const a of comparable) {
      if (a.i >= b.i || a.e.action === b.e.action) continue;
      const pa = localPattern(a.e);
      const pb = localPattern(b.e);
      let when: string | undefined;
      if (pa && pb && timeZoneOf(a.e) === timeZoneOf(b.e)) {
        const wallClock = commonWallClock(pa, pb);
        if (wallClock) when = `at ${wallClock} (${timeZoneOf(a.e)})`;
      } else {
        const instant = commonInstant(a.e, b.e);
        if (instant !== undefined) when = `at ${new Date(instant).toISOString()}`;
      }
      if (when) {
        problems.push({
          field: `schedules[${b.i}]`,
          value: describeEntry(b.e),
          allowed: `allowed: a ${b.e.action} that never fires in the same minute as a ${a.e.action}; schedules[${a.i}] (${describeEntry(a.e)}) fires with it ${when}`,
        });
      }
    }
  }
  return problems;
}

/** True when the schedules start the instance but nothing scheduled ever stops it. */
export function startsButNeverStops(entries: readonly ArmComputeStartStopSchedule[]): boolean {
  return entries.some((e) => active(e) && e.action === 'Start') && !entries.some((e) => active(e) && e.action === 'Stop');
}
