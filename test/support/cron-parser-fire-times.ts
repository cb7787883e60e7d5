import type { CronDate } from 'cron-parser';
import type * as CronParser from 'cron-parser';
import type { ArmComputeStartStopSchedule, ArmRecurrence, WeekDay } from '../../src/model/compute-arm';
import { parseAzureCron } from '../../src/schedule/azure-cron';
import { WEEK_DAYS } from '../../src/schedule/schemas';
import { parseStartTime } from '../../src/schedule/start-time';
import { ianaZoneOf } from '../../src/schedule/time-zones';
import { dayNumber, fromLocal, LocalDateTime, toLocal, weekdayOf } from '../../src/schedule/zoned-time';

/*
 * A second, independent account of when a schedule fires, to check the library's arithmetic engine
 * (src/schedule/firing.ts) against: cron-parser, a widely used cron library, walks every wall-clock pattern in the IANA zone that
 * the Windows zone maps to, so daylight-saving changes land where that zone has them: a time skipped when
 * summer time starts fires at the same wall-clock time plus the gap (02:30 becomes 03:30), a time repeated
 * when it ends fires once, at its first occurrence.
 *
 * Semantics chosen where Azure's documents are silent:
 * - Cron: a day must match both day-of-month and day-of-week when both are restricted (NCrontab, the
 *   format Azure's REST spec names; classic cron fires when either matches).
 * - startTime: nothing fires before it.
 * - Recurrence counts its interval from startTime; without one, Azure counts from when the schedule is
 *   created, which is unknown before deployment, so a preview counts from `from`.
 *   - Minute and Hour: every interval from that anchor, in elapsed time.
 *   - Day: on every interval-th day from the anchor's date, at each of hours x minutes.
 *   - Week: in every interval-th week (Monday to Sunday) from the anchor's week, on weekDays (or on the
 *     anchor's weekday when weekDays is absent), at each of hours x minutes.
 *   - Month: every interval-th month on the anchor's day of month and time of day; a month without that
 *     day is skipped.
 */

let parser: typeof CronParser.CronExpressionParser | undefined;

/** cron-parser (and the luxon it loads) only when a preview is asked for. */
function cronParser(): typeof CronParser.CronExpressionParser {
  parser ??= (require('cron-parser') as typeof CronParser).CronExpressionParser;
  return parser;
}

/** How a walk judges a candidate: take it, pass over it, or jump ahead to an instant (ms). */
type Verdict = 'take' | 'skip' | number;

const MAX_SKIPS = 10_000;

function* walk(expression: string, zone: string, beginMs: number, judge: (d: CronDate) => Verdict): Generator<number> {
  const it = cronParser().parse(expression, { currentDate: new Date(beginMs - 1), tz: zone });
  let skips = 0;
  for (;;) {
    const d = it.next();
    const verdict = judge(d);
    if (verdict === 'take') {
      skips = 0;
      yield d.getTime();
      continue;
    }
    if (++skips > MAX_SKIPS) return;
    if (typeof verdict === 'number') it.reset(new Date(verdict - 1));
  }
}

function localDay(d: CronDate): number {
  return dayNumber(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function startOfLocalDay(day: number, zone: string): number {
  const date = new Date(day * 86_400_000);
  const midnight: LocalDateTime = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  };
  return fromLocal(midnight, zone);
}

function cronWeekday(day: WeekDay): number {
  return (WEEK_DAYS.indexOf(day) + 1) % 7;
}

function startMsOf(startTime: string | undefined, zone: string): number | undefined {
  const local = startTime === undefined ? undefined : parseStartTime(startTime);
  return local ? fromLocal(local, zone) : undefined;
}

function* cronFires(expression: string, zone: string, startMs: number | undefined, fromMs: number): Generator<number> {
  const cron = parseAzureCron(expression);
  const fields = expression.split(' ');
  const begin = Math.max(fromMs, startMs ?? fromMs);
  if (cron.daysOfMonth && cron.daysOfWeek) {
    const weekdays = new Set(cron.daysOfWeek);
    // A day of the wrong weekday is passed over whole: with `* *` it would otherwise cost 1,440 candidates.
    yield* walk([...fields.slice(0, 4), '*'].join(' '), zone, begin, (d) =>
      weekdays.has(d.getDay()) ? 'take' : startOfLocalDay(localDay(d) + 1, zone),
    );
  } else {
    yield* walk(fields.join(' '), zone, begin, () => 'take');
  }
}

function* recurrenceFires(r: ArmRecurrence, zone: string, fromMs: number): Generator<number> {
  const anchorMs = startMsOf(r.startTime, zone) ?? fromMs;
  const anchor = toLocal(anchorMs, zone);
  const begin = Math.max(fromMs, anchorMs);
  const interval = r.interval;
  const { hours, minutes, weekDays } = r.schedule;
  switch (r.frequency) {
    case 'Minute':
    case 'Hour': {
      const step = interval * (r.frequency === 'Minute' ? 60_000 : 3_600_000);
      for (let k = Math.max(0, Math.ceil((fromMs - anchorMs) / step)); ; k++) yield anchorMs + k * step;
    }
    case 'Day':
    case 'Week': {
      const week = r.frequency === 'Week';
      const anchorWeekday = weekdayOf(anchor.year, anchor.month, anchor.day);
      const days = week ? (weekDays && weekDays.length > 0 ? weekDays.map(cronWeekday) : [anchorWeekday]) : undefined;
      const periodDays = week ? 7 : 1;
      const firstDay = dayNumber(anchor.year, anchor.month, anchor.day) - (week ? (anchorWeekday + 6) % 7 : 0);
      const expression = `${minutes.join(',')} ${hours.join(',')} * * ${days ? days.join(',') : '*'}`;
      yield* walk(expression, zone, begin, (d) => {
        const period = Math.floor((localDay(d) - firstDay) / periodDays);
        if (period % interval === 0) return 'take';
        return startOfLocalDay(firstDay + Math.ceil(period / interval) * interval * periodDays, zone);
      });
      return;
    }
    case 'Month': {
      const firstMonth = anchor.year * 12 + anchor.month - 1;
      const expression = `${anchor.second} ${anchor.minute} ${anchor.hour} ${anchor.day} * *`;
      yield* walk(expression, zone, begin, (d) => {
        const month = d.getFullYear() * 12 + d.getMonth() - firstMonth;
        if (month % interval === 0) return 'take';
        const next = firstMonth + Math.ceil(month / interval) * interval;
        return fromLocal(
          { year: Math.floor(next / 12), month: (next % 12) + 1, day: 1, hour: 0, minute: 0, second: 0 },
          zone,
        );
      });
      return;
    }
  }
}

/** The fire times of a valid, enabled, token-free entry at or after `fromMs`, in order (an endless walk). */
export function cronParserFireTimes(entry: ArmComputeStartStopSchedule, fromMs: number): Generator<number> {
  if (entry.triggerType === 'Cron' && entry.cron) {
    const zone = ianaZoneOf(entry.cron.timeZone ?? 'UTC');
    return cronFires(entry.cron.expression, zone, startMsOf(entry.cron.startTime, zone), fromMs);
  }
  const r = entry.recurrence as ArmRecurrence;
  return recurrenceFires(r, ianaZoneOf(r.timeZone ?? 'UTC'), fromMs);
}
