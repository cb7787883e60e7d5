import type { ArmComputeStartStopSchedule } from '../compute-instance-spec';
import { isToken } from '../validation/tokens';
import { parseAzureCron } from './azure-cron';
import { dependsOnCreationTime, entryStartMs, fireTimes } from './fire-times';
import { WEEK_DAYS } from './schemas';
import { ianaZoneOf } from './time-zones';
import { DAY_MS, dayNumber, fromLocal, LocalDateTime, offsetMs, toLocal, weekdayOf } from './zoned-time';

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

/** A pattern's value lists as sets, for matching many wall-clock times. */
interface PatternSets {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfMonth?: ReadonlySet<number>;
  readonly daysOfWeek?: ReadonlySet<number>;
}

function setsOf(p: LocalPattern): PatternSets {
  return {
    minutes: new Set(p.minutes), hours: new Set(p.hours), months: new Set(p.months),
    ...(p.daysOfMonth ? { daysOfMonth: new Set(p.daysOfMonth) } : {}),
    ...(p.daysOfWeek ? { daysOfWeek: new Set(p.daysOfWeek) } : {}),
  };
}

function dayMatches(p: PatternSets, year: number, month: number, day: number): boolean {
  return p.months.has(month) && (!p.daysOfMonth || p.daysOfMonth.has(day)) && (!p.daysOfWeek || p.daysOfWeek.has(weekdayOf(year, month, day)));
}

function matchesAt(p: PatternSets, t: LocalDateTime): boolean {
  return p.minutes.has(t.minute) && p.hours.has(t.hour) && dayMatches(p, t.year, t.month, t.day);
}

/** Wall-clock time from a UTC instant and a known offset (no time zone lookup). */
function shifted(utcMs: number, offsetMs: number): LocalDateTime {
  const d = new Date(utcMs + offsetMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0 };
}

function civil(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The fire times of a wall-clock pattern from `fromMs` for `days` local days, in order. Most days have one
 * UTC offset all day, so a fire time is plain arithmetic; on a day the offset changes, each time is placed
 * by `fromLocal`, which moves and picks times as cron-parser does (forward over a gap, first of a repeat).
 */
function* patternFires(p: PatternSets, zone: string, fromMs: number, days: number): Generator<number> {
  const first = toLocal(fromMs, zone);
  const firstDay = dayNumber(first.year, first.month, first.day);
  const hours = [...p.hours].sort((x, y) => x - y);
  const minutes = [...p.minutes].sort((x, y) => x - y);
  // The offset at a local midnight is the offset at the end of the day before.
  let offset = firstDay * DAY_MS - fromLocal({ ...civil(firstDay), hour: 0, minute: 0, second: 0 }, zone);
  for (let n = firstDay; n < firstDay + days; n++) {
    const date = civil(n);
    const endOffset = offsetMs((n + 1) * DAY_MS - offset, zone);
    if (dayMatches(p, date.year, date.month, date.day)) {
      const steady = endOffset === offset;
      for (const hour of hours) {
        for (const minute of minutes) {
          const t = steady ? n * DAY_MS + hour * 3_600_000 + minute * 60_000 - offset : fromLocal({ ...date, hour, minute, second: 0 }, zone);
          if (t >= fromMs) yield t;
        }
      }
    }
    offset = endOffset;
  }
}

/** A zone's offsets at UTC midnights, each looked up once. */
class MidnightOffsets {
  private readonly byDay = new Map<number, number>();

  constructor(private readonly zone: string) {}

  /** The offset through the UTC day of `utcMs`, or undefined when it changes during that day. */
  steadyAround(utcMs: number): number | undefined {
    const day = Math.floor(utcMs / DAY_MS);
    const start = this.at(day);
    return this.at(day + 1) === start ? start : undefined;
  }

  private at(day: number): number {
    let o = this.byDay.get(day);
    if (o === undefined) {
      o = offsetMs(day * DAY_MS, this.zone);
      this.byDay.set(day, o);
    }
    return o;
  }
}

/**
 * The first UTC instant, within a year from the later of 2026-01-01 and both startTimes, at which both
 * schedules fire. Wall-clock patterns are walked day by day (cheap); other recurrences by `fireTimes`.
 */
function commonInstant(a: ArmComputeStartStopSchedule, b: ArmComputeStartStopSchedule): number | undefined {
  const from = Math.max(SIMULATION_START_MS, entryStartMs(a) ?? 0, entryStartMs(b) ?? 0);
  const end = from + SIMULATION_DAYS * DAY_MS;
  const pa = localPattern(a);
  const pb = localPattern(b);
  // Walk the schedule that is not a pattern (or the pattern that fires less often), and test each of its
  // fire times against the other.
  const perDay = (p: LocalPattern) => p.hours.length * p.minutes.length;
  const [walked, tested] = !pa ? [a, b] : !pb ? [b, a] : perDay(pa) <= perDay(pb) ? [a, b] : [b, a];
  const walkedPattern = localPattern(walked);
  const fires = walkedPattern
    ? patternFires(setsOf(walkedPattern), ianaZoneOf(timeZoneOf(walked)), from, SIMULATION_DAYS + 1)
    : fireTimes(walked, from);
  const testedPattern = localPattern(tested);
  const testedZone = ianaZoneOf(timeZoneOf(tested));
  const testedFires = testedPattern ? undefined : new Set(takeUntil(fireTimes(tested, from), end));
  const sets = testedPattern ? setsOf(testedPattern) : undefined;
  const offsets = new MidnightOffsets(testedZone);
  let n = 0;
  for (const t of fires) {
    // cron-parser takes a fraction of a millisecond per fire time: its walks are capped, pattern walks are not.
    if (t >= end || (!walkedPattern && ++n > SIMULATION_MAX_FIRES)) return undefined;
    if (testedFires) {
      if (testedFires.has(t)) return t;
      continue;
    }
    const offset = offsets.steadyAround(t);
    const local = offset === undefined ? toLocal(t, testedZone) : shifted(t, offset);
    if (matchesAt(sets as PatternSets, local)) return t;
  }
  return undefined;
}

function takeUntil(fires: Iterable<number>, end: number): number[] {
  const taken: number[] = [];
  for (const t of fires) {
    if (t >= end || taken.length >= SIMULATION_MAX_FIRES) break;
    taken.push(t);
  }
  return taken;
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
