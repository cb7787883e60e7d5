import type { ArmComputeStartStopSchedule, ScheduleAction, WeekDay } from '../model/compute-arm';
import { Problems } from '../core/errors';
import { isToken } from '../core/tokens';
import { formatCronValues } from './azure-cron';
import { WEEK_DAYS } from './schemas';
import { enumAllowed } from './spelling';
import { timeZoneRefused } from './time-zones';

/** One shift of `StartStopSchedule.workingHours`: the days it starts on and its start and stop times. */
export interface WorkingHoursProps {
  /** The days a shift starts on, Azure's spelling (`'Monday'` ... `'Sunday'`). */
  readonly days: WeekDay[];
  /** When the instance starts, `HH:mm`. */
  readonly start: string;
  /** When it stops, `HH:mm`; earlier than `start` for a shift that runs past midnight (it stops the next day). */
  readonly stop: string;
  /**
   * A Windows time zone id; every shift of one call shares it.
   * @default 'UTC'
   */
  readonly timeZone?: string;
}

/** The most schedules a compute instance takes. */
const MAX_ENTRIES = 4;
const DAY_MINUTES = 1440;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function timeRefused(value: unknown): string | undefined {
  if (typeof value === 'string' && HH_MM.test(value)) return undefined;
  let fix: string | undefined;
  const m = typeof value === 'string' ? /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap]m)?$/i.exec(value.trim()) : null;
  if (m) {
    let hour = Number(m[1]);
    const minute = Number(m[2] ?? '0');
    const meridiem = m[3]?.toLowerCase();
    const valid = meridiem ? hour >= 1 && hour <= 12 : hour <= 23;
    if (meridiem) hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    if (valid && minute <= 59) fix = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }
  return `a time "HH:mm" from "00:00" to "23:59"${fix ? `; write "${fix}" instead` : ''}`;
}

/** 0 = Sunday, as in cron. */
function cronWeekday(day: WeekDay): number {
  return (WEEK_DAYS.indexOf(day) + 1) % 7;
}

interface Interval {
  readonly shift: number;
  readonly day: WeekDay;
  readonly from: number;
  readonly to: number;
}

/** The first interval of a later shift that overlaps or meets an earlier one, on the week's circle. */
function firstClash(intervals: readonly Interval[]): [Interval, Interval] | undefined {
  for (const b of intervals) {
    for (const a of intervals) {
      if (a.shift >= b.shift) continue;
      for (const wrap of [-WEEK_MINUTES, 0, WEEK_MINUTES]) {
        if (a.from + wrap <= b.to && b.from <= a.to + wrap) return [a, b];
      }
    }
  }
  return undefined;
}

interface Event {
  readonly action: ScheduleAction;
  readonly minute: number;
  readonly weekday: number;
}

/** One cron per action and set of days; times on those days merge when they form hours x minutes. */
function toCronEntries(events: readonly Event[], timeZone: string): ArmComputeStartStopSchedule[] {
  const daysByTime = new Map<string, Set<number>>();
  for (const e of events) {
    const key = `${e.action}|${e.minute}`;
    daysByTime.set(key, (daysByTime.get(key) ?? new Set()).add(e.weekday));
  }
  const timesByDays = new Map<string, { action: ScheduleAction; days: number[]; minutes: number[] }>();
  for (const [key, days] of daysByTime) {
    const [action, minute] = key.split('|');
    const sortedDays = [...days].sort((a, b) => a - b);
    const groupKey = `${action}|${sortedDays.join(',')}`;
    const group = timesByDays.get(groupKey) ?? { action: action as ScheduleAction, days: sortedDays, minutes: [] };
    group.minutes.push(Number(minute));
    timesByDays.set(groupKey, group);
  }
  const crons: { action: ScheduleAction; expression: string; order: number }[] = [];
  for (const group of timesByDays.values()) {
    const minutesByHour = new Map<number, number[]>();
    for (const m of group.minutes)
      minutesByHour.set(Math.floor(m / 60), [...(minutesByHour.get(Math.floor(m / 60)) ?? []), m % 60]);
    const hoursByMinutes = new Map<string, number[]>();
    for (const [hour, minutes] of minutesByHour) {
      const key = formatCronValues(minutes, 0, 59);
      hoursByMinutes.set(key, [...(hoursByMinutes.get(key) ?? []), hour]);
    }
    const firstDay = Math.min(...group.days.map((d) => (d + 6) % 7));
    for (const [minutes, hours] of hoursByMinutes) {
      crons.push({
        action: group.action,
        expression: `${minutes} ${formatCronValues(hours, 0, 23)} * * ${formatCronValues(group.days, 0, 6)}`,
        order: (group.action === 'Start' ? 0 : WEEK_MINUTES) + firstDay * DAY_MINUTES + Math.min(...hours) * 60,
      });
    }
  }
  return crons
    .sort((a, b) => a.order - b.order || a.expression.localeCompare(b.expression))
    .map((c) => ({
      action: c.action,
      triggerType: 'Cron',
      status: 'Enabled',
      cron: { expression: c.expression, timeZone },
    }));
}

/**
 * The fewest cron entries that start and stop an instance for the given shifts, or the problems. Shifts
 * may not overlap or meet (a stop and a start in the same minute), and must fit in the 4 schedules an
 * instance takes.
 */
export function workingHoursEntries(
  input: WorkingHoursProps | WorkingHoursProps[],
  problems: Problems,
): ArmComputeStartStopSchedule[] {
  const many = Array.isArray(input);
  const shifts: WorkingHoursProps[] = many ? input : [input];
  if (shifts.length === 0) problems.add('shifts', [], 'at least one shift { days, start, stop }');
  const at = (i: number, field: string) => (many ? `[${i}].${field}` : field);
  const timeZone = shifts[0]?.timeZone ?? 'UTC';
  shifts.forEach((s, i) => {
    const days: unknown = s?.days;
    if (!Array.isArray(days) || days.length === 0) {
      problems.add(at(i, 'days'), days, `a list of days, ${enumAllowed(undefined, WEEK_DAYS)}`);
    } else {
      days.forEach((d, j) => {
        if (!WEEK_DAYS.includes(d)) problems.add(at(i, `days[${j}]`), d, enumAllowed(d, WEEK_DAYS));
        else if (days.indexOf(d) !== j) problems.add(at(i, `days[${j}]`), d, 'each day once');
      });
    }
    for (const field of ['start', 'stop'] as const) {
      const allowed = timeRefused(s?.[field]);
      if (allowed) problems.add(at(i, field), s?.[field], allowed);
    }
    if (s?.start === s?.stop && HH_MM.test(String(s?.start))) {
      problems.add(
        at(i, 'stop'),
        s.stop,
        `a time other than start ("${s.start}"): a shift that stops when it starts never runs`,
      );
    }
    const zone = s?.timeZone ?? 'UTC';
    if (!isToken(zone)) {
      const allowed = timeZoneRefused(zone);
      if (allowed) problems.add(at(i, 'timeZone'), zone, allowed);
      else if (zone !== timeZone) {
        problems.add(
          at(i, 'timeZone'),
          zone,
          `"${timeZone}", the time zone of the first shift (declare shifts of another time zone in another workingHours call)`,
        );
      }
    }
  });
  if (problems.count > 0) return [];

  const intervals: Interval[] = shifts.flatMap((s, shift) =>
    s.days.map((day) => {
      const from = WEEK_DAYS.indexOf(day) * DAY_MINUTES + minutesOf(s.start);
      const length = (minutesOf(s.stop) - minutesOf(s.start) + DAY_MINUTES) % DAY_MINUTES;
      return { shift, day, from, to: from + length };
    }),
  );
  const clash = firstClash(intervals);
  if (clash) {
    const [a, b] = clash;
    problems.add(
      at(b.shift, 'days'),
      shifts[b.shift].days,
      `shifts that neither overlap nor meet; on ${b.day} this one overlaps or meets [${a.shift}] (${shifts[a.shift].start}-${shifts[a.shift].stop} on ${a.day}): merge them into one shift`,
    );
    return [];
  }

  const events: Event[] = shifts.flatMap((s) =>
    s.days.flatMap((day) => {
      const weekday = cronWeekday(day);
      const overnight = minutesOf(s.stop) < minutesOf(s.start);
      return [
        { action: 'Start' as const, minute: minutesOf(s.start), weekday },
        { action: 'Stop' as const, minute: minutesOf(s.stop), weekday: overnight ? (weekday + 1) % 7 : weekday },
      ];
    }),
  );
  const entries = toCronEntries(events, timeZone);
  if (entries.length > MAX_ENTRIES) {
    problems.add(
      'shifts',
      `${entries.length} schedules`,
      `shifts that fit in ${MAX_ENTRIES} schedules, the most a compute instance takes`,
    );
  }
  return entries;
}
