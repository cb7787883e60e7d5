import type { ArmComputeStartStopSchedule, WeekDay } from '../../model/compute-arm';
import { Problems } from '../../core/errors';
import { azureCronProblem, parseAzureCron } from '../../schedule/azure-cron';
import { WEEK_DAYS } from '../../schedule/schemas';
import { WorkingHoursProps, workingHoursEntries } from '../../schedule/working-hours';
import { isDeepStrictEqual } from 'node:util';

const DAY = 1440;
const WEEK = 7 * DAY;

const hhmm = (minuteOfDay: number) =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

/**
 * The shifts that `StartStopSchedule.workingHours` turns into exactly `entries` (same entries, same order),
 * or undefined when no call gives them. The shifts are read off the week's start and stop times, and then
 * proved by running the factory's own translation and comparing: nothing is emitted on a guess.
 */
export function workingHoursFor(entries: readonly ArmComputeStartStopSchedule[]): WorkingHoursProps[] | undefined {
  if (entries.length === 0) return undefined;
  const timeZone = entries[0].cron?.timeZone;
  const simple = entries.every(
    (e) =>
      e.triggerType === 'Cron' &&
      e.status === 'Enabled' &&
      e.recurrence === undefined &&
      e.cron &&
      Object.keys(e).every((k) => ['action', 'triggerType', 'status', 'cron'].includes(k)) &&
      Object.keys(e.cron).every((k) => k === 'expression' || k === 'timeZone') &&
      e.cron.timeZone === timeZone &&
      typeof e.cron.expression === 'string' &&
      azureCronProblem(e.cron.expression) === undefined,
  );
  if (!simple || timeZone === undefined) return undefined;

  const events: { start: boolean; at: number }[] = [];
  for (const e of entries) {
    const cron = parseAzureCron(e.cron!.expression);
    if (cron.daysOfMonth !== undefined || cron.months.length !== 12) return undefined;
    const days = cron.daysOfWeek ?? [0, 1, 2, 3, 4, 5, 6];
    for (const d of days)
      for (const h of cron.hours)
        for (const m of cron.minutes) {
          events.push({ start: e.action === 'Start', at: ((d + 6) % 7) * DAY + h * 60 + m });
        }
  }
  events.sort((a, b) => a.at - b.at);
  const first = events.findIndex((e) => e.start);
  if (first < 0) return undefined;
  const cycle = [...events.slice(first), ...events.slice(0, first)];
  const byTimes = new Map<string, WeekDay[]>();
  for (let i = 0; i < cycle.length; i += 2) {
    const start = cycle[i];
    const stop = cycle[i + 1];
    if (!start.start || stop === undefined || stop.start) return undefined;
    const length = (stop.at - start.at + WEEK) % WEEK;
    if (length === 0 || length >= DAY) return undefined;
    const key = `${hhmm(start.at % DAY)}|${hhmm(stop.at % DAY)}`;
    byTimes.set(key, [...(byTimes.get(key) ?? []), WEEK_DAYS[Math.floor(start.at / DAY)]]);
  }
  const shifts = [...byTimes].map(([key, days]) => {
    const [start, stop] = key.split('|');
    return { days: WEEK_DAYS.filter((d) => days.includes(d)), start, stop, timeZone };
  });
  const problems = new Problems('aml-compute import');
  const rebuilt = workingHoursEntries(shifts, problems);
  return problems.count === 0 &&
    isDeepStrictEqual(
      rebuilt,
      entries.map((e) => ({ ...e, cron: { ...e.cron } })),
    )
    ? shifts
    : undefined;
}
