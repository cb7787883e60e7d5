import type { ArmComputeStartStopSchedule } from '../../model/compute-arm';
import { fireTimes } from '../../schedule/firing';
import { fromLocal, MINUTE_MS, toLocal } from '../../schedule/zoned-time';

/**
 * When an instance runs in one Monday-to-Sunday week of a display time zone, from its schedules' fire
 * times (the library's own `fireTimes`, daylight saving included). The state at the week's start is taken
 * from the last schedule that fired in the week before; with none, the instance is taken to be stopped.
 */

export interface Interval {
  readonly startMs: number;
  readonly endMs: number;
}

export interface Week {
  readonly zone: string;
  /** UTC instants of local Monday 00:00 and of the next Monday 00:00: 167, 168 or 169 hours apart. */
  readonly startMs: number;
  readonly endMs: number;
  /** Local dates of the seven days, `2026-03-23`. */
  readonly days: readonly string[];
}

const WEEK_MS = 7 * 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The week in `zone` that holds the local date `from` (YYYY-MM-DD), from its Monday. */
export function weekOf(from: string, zone: string): Week {
  const [y, m, d] = from.split('-').map(Number);
  const noon = Date.UTC(y, m - 1, d, 12);
  const mondayOffset = (new Date(noon).getUTCDay() + 6) % 7;
  const days = Array.from({ length: 8 }, (_, i) => new Date(noon + (i - mondayOffset) * 86_400_000));
  const midnight = (date: Date) =>
    fromLocal(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      },
      zone,
    );
  return {
    zone,
    startMs: midnight(days[0]),
    endMs: midnight(days[7]),
    days: days
      .slice(0, 7)
      .map((date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`),
  };
}

/** Running intervals within the week; `undefined` schedules (none at all) mean always running. */
export function runningIntervals(entries: readonly ArmComputeStartStopSchedule[], week: Week): Interval[] {
  if (entries.length === 0) return [{ startMs: week.startMs, endMs: week.endMs }];
  const lookBackMs = week.startMs - WEEK_MS;
  const events: { at: number; start: boolean }[] = [];
  for (const entry of entries) {
    if (entry.status === 'Disabled') continue;
    for (const at of fireTimes(entry, lookBackMs)) {
      if (at >= week.endMs) break;
      events.push({ at, start: entry.action === 'Start' });
    }
  }
  // Starts before stops in the same minute, so that the stop has the last word (as weeklyUptime does).
  events.sort((a, b) => a.at - b.at || Number(b.start) - Number(a.start));
  const intervals: Interval[] = [];
  let since: number | undefined;
  const close = (at: number) => {
    const startMs = Math.max(since!, week.startMs);
    if (at > startMs) intervals.push({ startMs, endMs: at });
    since = undefined;
  };
  for (const e of events) {
    if (e.start && since === undefined) since = e.at;
    if (!e.start && since !== undefined) close(e.at);
  }
  if (since !== undefined) close(week.endMs);
  return intervals.filter((i) => i.endMs > week.startMs);
}

export function hoursOf(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.endMs - i.startMs), 0) / 3_600_000;
}

/** Where a minute of the week falls in the chart: its day (0..6) and half hour of the local day (0..47). */
export interface MinuteSlot {
  readonly day: number;
  readonly slot: number;
}

/** The slot of each minute of the week, in the display zone. */
export function minuteSlots(week: Week): MinuteSlot[] {
  const slots: MinuteSlot[] = [];
  const dayIndex = new Map(week.days.map((d, i) => [d, i]));
  for (let t = week.startMs; t < week.endMs; t += MINUTE_MS) {
    const l = toLocal(t, week.zone);
    slots.push({
      day: dayIndex.get(`${l.year}-${pad(l.month)}-${pad(l.day)}`) ?? 0,
      slot: l.hour * 2 + (l.minute >= 30 ? 1 : 0),
    });
  }
  return slots;
}

/** Minutes since local midnight of an instant, and its day in the week. */
export function localPosition(ms: number, week: Week): { day: number; minutes: number } {
  const l = toLocal(ms, week.zone);
  const day = week.days.indexOf(`${l.year}-${pad(l.month)}-${pad(l.day)}`);
  return { day: day < 0 ? 7 : day, minutes: l.hour * 60 + l.minute };
}

export function localTimeText(ms: number, zone: string): string {
  const l = toLocal(ms, zone);
  return `${pad(l.hour)}:${pad(l.minute)}`;
}
