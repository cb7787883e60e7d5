import type { ArmComputeStartStopSchedule, ArmRecurrence } from '../model/compute-arm';
import { parseAzureCron } from './azure-cron';
import { WEEK_DAYS } from './schemas';
import { parseStartTime } from './start-time';
import { ianaZoneOf } from './time-zones';
import { firesOnDay, LocalPattern, PatternSets, patternFires, setsOf } from './wall-clock-pattern';
import {
  DAY_MS,
  daysInMonth,
  dayNumber,
  fromLocal,
  LocalDateTime,
  MINUTE_MS,
  offsetMs,
  toLocal,
  weekdayOf,
} from './zoned-time';

/*
 * When a schedule fires, as UTC instants: the one account that the previews (nextRuns, weeklyUptime, the
 * CLI's week chart) and the same-minute check of a compute instance's schedules share. Wall-clock times
 * are placed in the IANA zone that the Windows zone maps to, so daylight-saving changes land where that
 * zone has them: a time skipped when summer time starts fires at the same wall-clock time plus the gap
 * (02:30 becomes 03:30), a time repeated when it ends fires once, at its first occurrence (as cron-parser
 * places them; test/schedule/firing.test.ts checks every form against it).
 *
 * Semantics chosen where Azure's documents are silent:
 * - Cron: a day must match both day-of-month and day-of-week when both are restricted (NCrontab, the
 *   format Azure's REST spec names; classic cron fires when either matches).
 * - startTime: nothing fires before it.
 * - Recurrence counts its interval from startTime; without one, Azure counts from when the schedule is
 *   created, which is unknown before deployment, so a preview counts from its own start.
 *   - Minute and Hour: every interval from that anchor, in elapsed time.
 *   - Day: on every interval-th day from the anchor's date, at each of hours x minutes.
 *   - Week: in every interval-th week (Monday to Sunday) from the anchor's week, on weekDays (or on the
 *     anchor's weekday when weekDays is absent), at each of hours x minutes.
 *   - Month: every interval-th month on the anchor's day of month and time of day; a month without that
 *     day is skipped.
 *
 * Each form answers both questions without walking minute by minute:
 * - Calendar: a wall-clock pattern (every cron; a Day or Week recurrence), optionally only on every n-th
 *   day or week from its anchor. Walked a day at a time by arithmetic.
 * - Progression: a Minute or Hour recurrence. Compared by arithmetic (a year of every minute is 525,600
 *   fire times).
 * - Monthly: a Month recurrence, at most a dozen fire times a year, each placed from its month.
 */

interface Firing {
  /** Its fire times in [fromMs, endMs), in order. */
  fires(fromMs: number, endMs: number): Iterable<number>;
  /** True when it fires in the UTC minute that starts at `minuteMs`. */
  firesInMinute(minuteMs: number): boolean;
  /** About how much walking a year of its fire times costs: the comparison walks the cheaper schedule. */
  readonly yearlyCost: number;
}

const MINUTES_PER_YEAR = 525_600;

function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** A wall-clock pattern in a zone, from its startTime on, on the days `onDay` keeps. */
class CalendarFiring implements Firing {
  readonly yearlyCost: number;
  private readonly sets: PatternSets;
  private readonly offsets = new Map<number, number>();
  /** By UTC day: the offset all through it and a day either side, or NaN when it changes. */
  private readonly steadyOffsets = new Map<number, number>();
  /** By local day: whether the pattern (and `onDay`) fires on it. */
  private readonly days = new Map<number, boolean>();
  private readonly nearSwitch = new Map<number, ReadonlySet<number>>();

  constructor(
    pattern: LocalPattern,
    private readonly zone: string,
    private readonly startMs: number | undefined,
    private readonly onDay: ((day: number) => boolean) | undefined,
    everyNth: number,
  ) {
    this.sets = setsOf(pattern);
    const share = (list: readonly number[] | undefined, all: number) => (list ? Math.min(1, list.length / all) : 1);
    const days =
      (366 * share(pattern.months, 12) * share(pattern.daysOfMonth, 30.4) * share(pattern.daysOfWeek, 7)) / everyNth;
    this.yearlyCost = 366 + days * pattern.hours.length * pattern.minutes.length;
  }

  *fires(fromMs: number, endMs: number): Generator<number> {
    const begin = Math.max(fromMs, this.startMs ?? fromMs);
    for (const t of patternFires(this.sets, this.zone, begin, Math.ceil((endMs - begin) / DAY_MS) + 1, this.onDay)) {
      if (t >= endMs) return;
      yield t;
    }
  }

  firesInMinute(minuteMs: number): boolean {
    if (this.startMs !== undefined && minuteMs < this.startMs) return false;
    const day = Math.floor(minuteMs / DAY_MS);
    const offset = this.steadyOffset(day);
    // Within a day of an offset change a fire time may be moved over a gap or dropped from a repeat:
    // there, the fire times themselves are the answer.
    if (Number.isNaN(offset)) return this.firesNearSwitch(day).has(minuteMs);
    const localMinute = Math.floor((minuteMs + offset) / MINUTE_MS);
    return (
      this.sets.minutes.has(mod(localMinute, 60)) &&
      this.sets.hours.has(mod(Math.floor(localMinute / 60), 24)) &&
      this.firesOnLocalDay(Math.floor((minuteMs + offset) / DAY_MS))
    );
  }

  private steadyOffset(day: number): number {
    let o = this.steadyOffsets.get(day);
    if (o === undefined) {
      o = this.offsetAt(day);
      if (this.offsetAt(day - 1) !== o || this.offsetAt(day + 1) !== o || this.offsetAt(day + 2) !== o) o = NaN;
      this.steadyOffsets.set(day, o);
    }
    return o;
  }

  private firesOnLocalDay(day: number): boolean {
    let fires = this.days.get(day);
    if (fires === undefined) {
      fires = firesOnDay(this.sets, day) && (!this.onDay || this.onDay(day));
      this.days.set(day, fires);
    }
    return fires;
  }

  /** The zone's offset at the UTC midnight that starts `day`, each looked up once. */
  private offsetAt(day: number): number {
    let o = this.offsets.get(day);
    if (o === undefined) {
      o = offsetMs(day * DAY_MS, this.zone);
      this.offsets.set(day, o);
    }
    return o;
  }

  private firesNearSwitch(day: number): ReadonlySet<number> {
    let fires = this.nearSwitch.get(day);
    if (!fires) {
      fires = new Set(patternFires(this.sets, this.zone, (day - 2) * DAY_MS, 5, this.onDay));
      this.nearSwitch.set(day, fires);
    }
    return fires;
  }
}

/** A Minute or Hour recurrence: at its anchor and every `stepMs` after it, in elapsed time. */
class ProgressionFiring implements Firing {
  readonly yearlyCost: number;

  constructor(
    readonly anchorMs: number,
    readonly stepMs: number,
  ) {
    this.yearlyCost = MINUTES_PER_YEAR / (stepMs / MINUTE_MS);
  }

  *fires(fromMs: number, endMs: number): Generator<number> {
    for (let k = Math.max(0, Math.ceil((fromMs - this.anchorMs) / this.stepMs)); ; k++) {
      const t = this.anchorMs + k * this.stepMs;
      if (t >= endMs) return;
      yield t;
    }
  }

  firesInMinute(minuteMs: number): boolean {
    // The step is whole minutes, so every fire time lies the same number of seconds into its minute.
    const steps = (minuteMs - floorMinute(this.anchorMs)) / this.stepMs;
    return steps >= 0 && Number.isInteger(steps);
  }
}

/** A Month recurrence: every `interval`-th month from its anchor's, on the anchor's day and time of day. */
class MonthlyFiring implements Firing {
  readonly yearlyCost: number;
  private readonly firstMonth: number;
  private readonly anchor: LocalDateTime;

  constructor(
    private readonly anchorMs: number,
    private readonly zone: string,
    private readonly interval: number,
  ) {
    this.anchor = toLocal(anchorMs, zone);
    this.firstMonth = this.anchor.year * 12 + this.anchor.month - 1;
    this.yearlyCost = 12 / interval;
  }

  /** The fire time in the month numbered `month` (year * 12 + month - 1), if that month has one. */
  private fireIn(month: number): number | undefined {
    if (month < this.firstMonth || (month - this.firstMonth) % this.interval !== 0) return undefined;
    const year = Math.floor(month / 12);
    const m = (month % 12) + 1;
    if (this.anchor.day > daysInMonth(year, m)) return undefined;
    return fromLocal({ ...this.anchor, year, month: m }, this.zone);
  }

  *fires(fromMs: number, endMs: number): Generator<number> {
    const begin = Math.max(fromMs, this.anchorMs);
    const local = toLocal(begin, this.zone);
    // A month early: a time moved over a gap may land after the start of the next month.
    const first = Math.max(this.firstMonth, local.year * 12 + local.month - 2);
    for (let month = first; ; month++) {
      const t = this.fireIn(month);
      if (t === undefined || t < begin) continue;
      if (t >= endMs) return;
      yield t;
    }
  }

  firesInMinute(minuteMs: number): boolean {
    const local = toLocal(minuteMs, this.zone);
    const month = local.year * 12 + local.month - 1;
    return [month - 1, month, month + 1].some((m) => {
      const t = this.fireIn(m);
      return t !== undefined && floorMinute(t) === minuteMs;
    });
  }
}

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function recurrenceCalendar(r: ArmRecurrence, zone: string, startMs: number | undefined): Firing | undefined {
  const { hours, minutes, weekDays } = r.schedule;
  const week = r.frequency === 'Week';
  const named = week && weekDays !== undefined && weekDays.length > 0;
  const namedDays = named ? weekDays.map((d) => (WEEK_DAYS.indexOf(d) + 1) % 7) : undefined;
  if (startMs === undefined) {
    // Without a startTime, only an every-day or every-week-on-named-days recurrence is known before creation.
    if (r.interval !== 1 || (week && !named)) return undefined;
    return new CalendarFiring(
      { minutes, hours, months: ALL_MONTHS, daysOfWeek: namedDays },
      zone,
      undefined,
      undefined,
      1,
    );
  }
  // Periods count from the anchor's day (Day) or the Monday of its week (Week).
  const anchor = toLocal(startMs, zone);
  const anchorWeekday = weekdayOf(anchor.year, anchor.month, anchor.day);
  const periodDays = week ? 7 : 1;
  const firstDay = dayNumber(anchor.year, anchor.month, anchor.day) - (week ? (anchorWeekday + 6) % 7 : 0);
  const interval = r.interval;
  const onDay =
    interval === 1 ? undefined : (day: number) => Math.floor((day - firstDay) / periodDays) % interval === 0;
  const daysOfWeek = week ? (namedDays ?? [anchorWeekday]) : undefined;
  return new CalendarFiring({ minutes, hours, months: ALL_MONTHS, daysOfWeek }, zone, startMs, onDay, interval);
}

/**
 * How a valid, token-free entry fires. A recurrence without startTime counts from `countFromMs` where one
 * is given (a preview); without it, such an entry is undefined when its fire times depend on when Azure
 * creates it.
 */
export function firingOf(entry: ArmComputeStartStopSchedule, countFromMs?: number): Firing | undefined {
  const startMs = entryStartMs(entry);
  if (entry.triggerType === 'Cron' && entry.cron) {
    return new CalendarFiring(
      parseAzureCron(entry.cron.expression),
      ianaZoneOf(entry.cron.timeZone ?? 'UTC'),
      startMs,
      undefined,
      1,
    );
  }
  const r = entry.recurrence;
  if (!r) return undefined;
  const zone = ianaZoneOf(r.timeZone ?? 'UTC');
  const anchorMs = startMs ?? countFromMs;
  switch (r.frequency) {
    case 'Minute':
    case 'Hour':
      return anchorMs === undefined
        ? undefined
        : new ProgressionFiring(anchorMs, r.interval * (r.frequency === 'Minute' ? MINUTE_MS : 60 * MINUTE_MS));
    case 'Day':
    case 'Week':
      return recurrenceCalendar(r, zone, anchorMs);
    case 'Month':
      return anchorMs === undefined ? undefined : new MonthlyFiring(anchorMs, zone, r.interval);
  }
}

/**
 * The fire times of a valid, enabled, token-free entry at or after `fromMs`, in order (an endless walk); a
 * recurrence without startTime counts from `fromMs`.
 */
export function fireTimes(entry: ArmComputeStartStopSchedule, fromMs: number): Iterable<number> {
  return firingOf(entry, fromMs)!.fires(fromMs, Infinity);
}

/** The instant an entry's startTime names, if it has one. */
export function entryStartMs(entry: ArmComputeStartStopSchedule): number | undefined {
  const trigger = entry.cron ?? entry.recurrence;
  const local = trigger?.startTime === undefined ? undefined : parseStartTime(trigger.startTime);
  return local ? fromLocal(local, ianaZoneOf(trigger!.timeZone ?? 'UTC')) : undefined;
}

/** True when a recurrence's fire times depend on when Azure creates it (no startTime to count from). */
export function dependsOnCreationTime(entry: ArmComputeStartStopSchedule): boolean {
  const r = entry.recurrence;
  if (entry.triggerType !== 'Recurrence' || !r || r.startTime !== undefined) return false;
  if (r.frequency === 'Day') return r.interval !== 1;
  if (r.frequency === 'Week') return r.interval !== 1 || !r.schedule.weekDays || r.schedule.weekDays.length === 0;
  return true;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** x with a * x ≡ 1 (mod m), for a and m coprime. */
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

/**
 * The first minute in [fromMs, endMs) in which two progressions both fire: the least common solution of
 * minute ≡ first1 (mod step1) and minute ≡ first2 (mod step2), by the Chinese remainder theorem (BigInt:
 * the products pass 2^53).
 */
function commonProgressionMinute(
  a: ProgressionFiring,
  b: ProgressionFiring,
  fromMs: number,
  endMs: number,
): number | undefined {
  const a1 = BigInt(floorMinute(a.anchorMs) / MINUTE_MS);
  const a2 = BigInt(floorMinute(b.anchorMs) / MINUTE_MS);
  const s1 = BigInt(a.stepMs / MINUTE_MS);
  const s2 = BigInt(b.stepMs / MINUTE_MS);
  const g = gcd(s1, s2);
  if ((a2 - a1) % g !== 0n) return undefined;
  const m2 = s2 / g;
  const k = ((((((a2 - a1) / g) % m2) + m2) % m2) * inverse((s1 / g) % m2, m2)) % m2;
  const lcm = s1 * m2;
  const low = [a1, a2, BigInt(Math.floor(fromMs / MINUTE_MS))].reduce((x, y) => (x > y ? x : y));
  let x = a1 + s1 * k;
  x = x >= low ? x - ((x - low) / lcm) * lcm : x + ((low - x + lcm - 1n) / lcm) * lcm;
  const minuteMs = Number(x) * MINUTE_MS;
  return minuteMs < endMs ? minuteMs : undefined;
}

/** The first UTC minute in [fromMs, endMs) in which both schedules fire, if any. */
export function commonMinute(a: Firing, b: Firing, fromMs: number, endMs: number): number | undefined {
  if (a instanceof ProgressionFiring && b instanceof ProgressionFiring)
    return commonProgressionMinute(a, b, fromMs, endMs);
  const [walked, tested] = a.yearlyCost <= b.yearlyCost ? [a, b] : [b, a];
  for (const t of walked.fires(fromMs, endMs)) {
    const minute = floorMinute(t);
    if (tested.firesInMinute(minute)) return minute;
  }
  return undefined;
}
