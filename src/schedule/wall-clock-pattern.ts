import type { ArmComputeStartStopSchedule } from '../model/compute-arm';
import { parseAzureCron } from './azure-cron';
import { WEEK_DAYS } from './schemas';
import { DAY_MS, dayNumber, fromLocal, offsetMs, toLocal, weekdayOf } from './zoned-time';

/*
 * Schedules that are wall-clock patterns (every cron, and a recurrence of interval 1 by Day or by
 * weekDays): fire at every minute x hour of every day that matches the day sets. Two of them can be
 * compared without walking time, and one can be walked a day at a time, which is what the same-minute
 * check of a compute instance's schedules needs to be fast.
 */

/** A wall-clock pattern: it fires at every minute x hour on every day matching all the day sets. */
export interface LocalPattern {
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

/** The schedule as a wall-clock pattern, when it is one (every cron; a recurrence of interval 1 by Day or by weekDays). */
export function localPattern(e: ArmComputeStartStopSchedule): LocalPattern | undefined {
  if (e.triggerType === 'Cron' && e.cron) return parseAzureCron(e.cron.expression);
  const r = e.recurrence;
  if (!r || r.interval !== 1) return undefined;
  if (r.frequency === 'Day') return { minutes: r.schedule.minutes, hours: r.schedule.hours, months: ALL_MONTHS };
  if (r.frequency === 'Week' && r.schedule.weekDays && r.schedule.weekDays.length > 0) {
    return {
      minutes: r.schedule.minutes,
      hours: r.schedule.hours,
      months: ALL_MONTHS,
      daysOfWeek: r.schedule.weekDays.map((d) => (WEEK_DAYS.indexOf(d) + 1) % 7),
    };
  }
  return undefined;
}

function common(a: readonly number[] | undefined, b: readonly number[] | undefined, all: readonly number[]): number[] {
  return all.filter((v) => (a === undefined || a.includes(v)) && (b === undefined || b.includes(v)));
}

/** The first wall-clock minute both patterns fire at on some date (every month/day/weekday combination occurs in some year). */
export function commonWallClock(a: LocalPattern, b: LocalPattern): string | undefined {
  const minutes = common(
    a.minutes,
    b.minutes,
    Array.from({ length: 60 }, (_, i) => i),
  );
  const hours = common(
    a.hours,
    b.hours,
    Array.from({ length: 24 }, (_, i) => i),
  );
  if (minutes.length === 0 || hours.length === 0) return undefined;
  const weekdays = common(a.daysOfWeek, b.daysOfWeek, [0, 1, 2, 3, 4, 5, 6]);
  const someDay =
    weekdays.length > 0 &&
    common(a.months, b.months, ALL_MONTHS).some(
      (month) =>
        common(
          a.daysOfMonth,
          b.daysOfMonth,
          Array.from({ length: LONGEST_MONTH[month - 1] }, (_, i) => i + 1),
        ).length > 0,
    );
  if (!someDay) return undefined;
  return `${String(hours[0]).padStart(2, '0')}:${String(minutes[0]).padStart(2, '0')}`;
}

/** A pattern's value lists as sets, for matching many wall-clock times. */
export interface PatternSets {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfMonth?: ReadonlySet<number>;
  readonly daysOfWeek?: ReadonlySet<number>;
}

export function setsOf(p: LocalPattern): PatternSets {
  return {
    minutes: new Set(p.minutes),
    hours: new Set(p.hours),
    months: new Set(p.months),
    ...(p.daysOfMonth ? { daysOfMonth: new Set(p.daysOfMonth) } : {}),
    ...(p.daysOfWeek ? { daysOfWeek: new Set(p.daysOfWeek) } : {}),
  };
}

function dayMatches(p: PatternSets, year: number, month: number, day: number): boolean {
  return (
    p.months.has(month) &&
    (!p.daysOfMonth || p.daysOfMonth.has(day)) &&
    (!p.daysOfWeek || p.daysOfWeek.has(weekdayOf(year, month, day)))
  );
}

/** True when the pattern fires on the local day numbered `day` (days since 1970-01-01). */
export function firesOnDay(p: PatternSets, day: number): boolean {
  const date = civil(day);
  return dayMatches(p, date.year, date.month, date.day);
}

function civil(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The first instant (whole second) in (loMs, hiMs] at which the zone's offset is no longer `before`. */
function switchInstant(loMs: number, hiMs: number, before: number, zone: string): number {
  let lo = Math.floor(loMs / 1000);
  let hi = Math.ceil(hiMs / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(mid * 1000, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}

/**
 * Where a wall-clock time (written as if UTC) lands on a day whose offset changes from `before` to `after`
 * at `switchMs`, as `fromLocal` places it: the first of two occurrences, and a time in the gap moved forward
 * by the gap's length. Plain arithmetic, where `fromLocal` asks the time zone data four times.
 */
function placed(wallMs: number, before: number, after: number, switchMs: number): number {
  const early = wallMs - before;
  if (early < switchMs) return early;
  const late = wallMs - after;
  return late >= switchMs ? late : early;
}

/**
 * The fire times of a wall-clock pattern from `fromMs` for `days` local days, in order, on the days
 * `onDay` (given the day's number since 1970-01-01) keeps. Most days have one UTC offset all day, so a fire
 * time is plain arithmetic; on a day the offset changes, each time is placed as `fromLocal` and cron-parser
 * place it (forward over a gap, first of a repeat).
 */
export function* patternFires(
  p: PatternSets,
  zone: string,
  fromMs: number,
  days: number,
  onDay?: (day: number) => boolean,
): Generator<number> {
  const first = toLocal(fromMs, zone);
  const firstDay = dayNumber(first.year, first.month, first.day);
  const hours = [...p.hours].sort((x, y) => x - y);
  const minutes = [...p.minutes].sort((x, y) => x - y);
  // The offset at a local midnight is the offset at the end of the day before.
  let offset = firstDay * DAY_MS - fromLocal({ ...civil(firstDay), hour: 0, minute: 0, second: 0 }, zone);
  for (let n = firstDay; n < firstDay + days; n++) {
    const date = civil(n);
    const endOffset = offsetMs((n + 1) * DAY_MS - offset, zone);
    if (dayMatches(p, date.year, date.month, date.day) && (!onDay || onDay(n))) {
      if (endOffset === offset) {
        for (const hour of hours) {
          for (const minute of minutes) {
            const t = n * DAY_MS + hour * 3_600_000 + minute * 60_000 - offset;
            if (t >= fromMs) yield t;
          }
        }
      } else {
        yield* switchDayFires(n, hours, minutes, offset, endOffset, zone, fromMs);
      }
    }
    offset = endOffset;
  }
}

/**
 * The fire times on a local day whose offset changes from `before` to `after`, in order. A time moved over
 * the gap may land on (or past) a time the pattern names itself: each instant fires once.
 */
function switchDayFires(
  day: number,
  hours: readonly number[],
  minutes: readonly number[],
  before: number,
  after: number,
  zone: string,
  fromMs: number,
): number[] {
  const switchMs = switchInstant(day * DAY_MS - before, (day + 1) * DAY_MS - before, before, zone);
  const times = new Set<number>();
  for (const hour of hours) {
    for (const minute of minutes) {
      times.add(placed(day * DAY_MS + hour * 3_600_000 + minute * 60_000, before, after, switchMs));
    }
  }
  return [...times].filter((t) => t >= fromMs).sort((x, y) => x - y);
}
