/**
 * Wall-clock time in an IANA zone, from the runtime's own time zone data (Intl): these helpers place
 * wall-clock values (fire times, a schedule's startTime, the anchor of a recurrence) on the UTC time line
 * the way cron-parser does (test/schedule/firing.test.ts compares the two).
 */

import { Memo } from '../core/memo';

export interface LocalDateTime {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** One formatter per zone: making one costs far more than using it, and the zones are a finite set. */
const formatters = new Memo<Intl.DateTimeFormat>('Intl formatters by IANA zone');

function formatter(zone: string): Intl.DateTimeFormat {
  return formatters.through(
    zone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
}

/** The wall-clock time in `zone` at the instant `utcMs`. */
export function toLocal(utcMs: number, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Date.UTC without its quirk of reading years 0-99 as 1900-1999 (a startTime may name year 0050). */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function asUtcMs(t: LocalDateTime): number {
  return utcMs(t.year, t.month, t.day, t.hour, t.minute, t.second);
}

/** The zone's offset from UTC at the instant `utcMs`, in milliseconds (whole seconds). */
export function offsetMs(utcMs: number, zone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return asUtcMs(toLocal(whole, zone)) - whole;
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

/**
 * The instant at which `zone` shows `local`. A wall-clock time that occurs twice (the hour repeated when
 * daylight saving ends) resolves to its first occurrence; one that never occurs (the hour skipped when it
 * starts) moves forward by the length of the gap, as cron-parser does with fire times.
 */
export function fromLocal(local: LocalDateTime, zone: string): number {
  const wall = asUtcMs(local);
  const before = offsetMs(wall - DAY_MS, zone);
  const after = offsetMs(wall + DAY_MS, zone);
  const candidates = [wall - before, wall - after].filter((t) => sameWallClock(toLocal(t, zone), local));
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(utcMs(year, month, day) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday, as in cron. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(utcMs(year, month, day)).getUTCDay();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

export { MINUTE_MS, DAY_MS };
