import { StartStopSchedule } from '../../src';
import { ciCase, InvalidCase } from './corpus';

function cron(what: string, props: Record<string, unknown>, field: string): InvalidCase {
  return {
    what: `StartStopSchedule.cron: ${what}`,
    run: () => StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', ...props } as any),
    path: 'StartStopSchedule.cron',
    field,
  };
}

function recurrence(what: string, props: Record<string, unknown>, field: string): InvalidCase {
  return {
    what: `StartStopSchedule.recurrence: ${what}`,
    run: () =>
      StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Day', hours: [18], minutes: [0], ...props } as any),
    path: 'StartStopSchedule.recurrence',
    field,
  };
}

function preview(
  what: string,
  path: 'StartStopSchedule.nextRuns' | 'StartStopSchedule.weeklyUptime',
  run: () => unknown,
  field: string,
): InvalidCase {
  return { what: `${path}: ${what}`, run, path, field };
}

function fromArm(what: string, entry: unknown, field: string): InvalidCase {
  return {
    what: `StartStopSchedule.fromArm: ${what}`,
    run: () => StartStopSchedule.fromArm(entry as any),
    path: 'StartStopSchedule.fromArm',
    field,
  };
}

const BAD_CRONS = [
  '*/15 * * * *',
  '0 9 * * MON-FRI',
  '0 9 * JAN *',
  '0 9 * * 7',
  '0 9 L * *',
  '0 9 15W * *',
  '0 9 * * 1#2',
  '0 9 ? * *',
  '0 0 9 * * *',
  '@daily',
  '@hourly',
  '0 24 * * *',
  '60 9 * * *',
  '0 9 0 * *',
  '0 9 32 * *',
  '0 9 * 13 *',
  '0 9 * 0 *',
  '0 9 * *',
  '',
  '0 9-5 * * *',
  '0 9 * * 1-',
  '0,, 9 * * *',
  '0 9 30 2 *',
  'every day at 9',
  '0 9 * * * *',
  // Outside the one way of writing the grammar: whitespace other than one space between fields, leading zeros.
  ' 0 18 * * *',
  '0 18 * * * ',
  '0\t18 * * *',
  '0 18 * *\n*',
  '0  18 * * *',
  '0 18\r\n* * *',
  '   ',
  '00 018 * * *',
  '0 18 01-05 * *',
  '0 9 * * 5-07',
];

const BAD_ZONES = [
  'America/Los_Angeles',
  'Europe/Berlin',
  'PST',
  'GMT+1',
  'Pacific Time',
  'utc+01:00',
  'W. Europe',
  '',
];
const BAD_START_TIMES = [
  '2026-02-30T09:00:00',
  '2026-13-01T09:00:00',
  '2026-01-01 09:00:00',
  '2026-01-01T09:00:00Z',
  '2026-01-01T09:00:00+01:00',
  '2026-01-01T25:00:00',
  '2026-01-01',
  '01/02/2026 09:00',
  '0000-01-01T00:00:00',
];

/** Past the Logic Apps recurrence limits, one past each and a billion. */
const BAD_INTERVALS: Array<[string, number, Record<string, unknown>]> = [
  ['Minute', 72_001, { hours: [], minutes: [], startTime: '2026-01-01T00:00:00' }],
  ['Hour', 12_001, { hours: [], minutes: [], startTime: '2026-01-01T00:00:00' }],
  ['Day', 501, {}],
  ['Day', 1e9, {}],
  ['Week', 72, { weekDays: ['Monday'] }],
  ['Month', 17, { hours: [], minutes: [], startTime: '2026-01-31T18:00:00' }],
];

const everyMinute = StartStopSchedule.recurrence({
  action: 'Start',
  frequency: 'Minute',
  hours: [],
  minutes: [],
  startTime: '2026-01-01T00:00:00',
});
const everyHour = StartStopSchedule.recurrence({
  action: 'Start',
  frequency: 'Hour',
  hours: [],
  minutes: [],
  startTime: '2026-01-01T00:00:00',
});

const start = StartStopSchedule.cron({ action: 'Start', expression: '0 18 * * *' });
const stop = StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' });

/** Invalid schedules: cron strings, recurrence fields, time zones, start times, ARM entries and sets. */
export const SCHEDULE_CASES: InvalidCase[] = [
  ...BAD_CRONS.map((expression) => cron(`expression ${JSON.stringify(expression)}`, { expression }, 'expression')),
  cron('action "stop"', { action: 'stop' }, 'action'),
  cron('action "Restart"', { action: 'Restart' }, 'action'),
  cron('enabled "yes"', { enabled: 'yes' }, 'enabled'),
  ...BAD_ZONES.map((timeZone) => cron(`timeZone ${JSON.stringify(timeZone)}`, { timeZone }, 'timeZone')),
  ...BAD_START_TIMES.map((startTime) => cron(`startTime ${JSON.stringify(startTime)}`, { startTime }, 'startTime')),
  recurrence('frequency "Weekly"', { frequency: 'Weekly' }, 'frequency'),
  recurrence('frequency "Year"', { frequency: 'Year' }, 'frequency'),
  recurrence('interval 0', { interval: 0 }, 'interval'),
  recurrence('interval 1.5', { interval: 1.5 }, 'interval'),
  recurrence('hour 24', { hours: [24] }, 'hours[0]'),
  recurrence('minute -1', { minutes: [-1] }, 'minutes[0]'),
  recurrence('no hours on a daily recurrence', { hours: [] }, 'hours'),
  recurrence('weekDays "Mon"', { frequency: 'Week', weekDays: ['Mon'] }, 'weekDays[0]'),
  recurrence('weekDays with a Day frequency', { weekDays: ['Monday'] }, 'weekDays'),
  recurrence('monthDays', { frequency: 'Month', hours: [], minutes: [], monthDays: [1] }, 'monthDays'),
  recurrence('a time zone in IANA form', { timeZone: 'Europe/Amsterdam' }, 'timeZone'),
  ...BAD_INTERVALS.map(([frequency, interval, props]) =>
    recurrence(`frequency "${frequency}" every ${interval}`, { frequency, interval, ...props }, 'interval'),
  ),
  recurrence('hours [17, 17]', { hours: [17, 17] }, 'hours'),
  recurrence('minutes [0, 30, 0]', { minutes: [0, 30, 0] }, 'minutes'),
  recurrence('weekDays ["Monday", "Monday"]', { frequency: 'Week', weekDays: ['Monday', 'Monday'] }, 'weekDays'),
  recurrence('startTime in year 0000', { startTime: '0000-01-01T00:00:00' }, 'startTime'),
  {
    what: 'StartStopSchedule.recurrence: props that are a list',
    run: () => StartStopSchedule.recurrence([] as never),
    path: 'StartStopSchedule.recurrence',
    field: 'props',
  },
  {
    what: 'StartStopSchedule.cron: props that are a number',
    run: () => StartStopSchedule.cron(5 as never),
    path: 'StartStopSchedule.cron',
    field: 'props',
  },
  fromArm('no triggerType', { action: 'Stop', cron: { expression: '0 18 * * *' } }, 'triggerType'),
  fromArm('a Cron without cron', { action: 'Stop', triggerType: 'Cron' }, 'cron'),
  fromArm(
    'status "On"',
    { action: 'Stop', triggerType: 'Cron', status: 'On', cron: { expression: '0 18 * * *' } },
    'status',
  ),
  fromArm(
    'a misspelled field',
    { action: 'Stop', triggerType: 'Cron', cron: { expresion: '0 18 * * *' } },
    'cron.expresion',
  ),
  fromArm('a read-only id', { id: 'x', action: 'Stop', triggerType: 'Cron', cron: { expression: '0 18 * * *' } }, 'id'),
  fromArm('a string', 'Stop at 18:00', 'entry'),
  fromArm(
    'an expression with a tab',
    { action: 'Stop', triggerType: 'Cron', cron: { expression: '0\t18 * * *' } },
    'cron.expression',
  ),
  fromArm(
    'an expression with leading zeros',
    { action: 'Stop', triggerType: 'Cron', cron: { expression: '00 18 * * *' } },
    'cron.expression',
  ),
  fromArm(
    'a daily interval of 501',
    {
      action: 'Stop',
      triggerType: 'Recurrence',
      recurrence: { frequency: 'Day', interval: 501, schedule: { hours: [17], minutes: [0] } },
    },
    'recurrence.interval',
  ),
  fromArm(
    'hours that repeat',
    {
      action: 'Stop',
      triggerType: 'Recurrence',
      recurrence: { frequency: 'Day', interval: 1, schedule: { hours: [17, 17], minutes: [0] } },
    },
    'recurrence.schedule.hours',
  ),
  preview(
    'options null',
    'StartStopSchedule.weeklyUptime',
    () => StartStopSchedule.weeklyUptime([stop], null as never),
    'options',
  ),
  preview(
    'options 5',
    'StartStopSchedule.weeklyUptime',
    () => StartStopSchedule.weeklyUptime([stop], 5 as never),
    'options',
  ),
  preview(
    'from a string',
    'StartStopSchedule.weeklyUptime',
    () => StartStopSchedule.weeklyUptime([stop], { from: '2026-01-05' as never }),
    'from',
  ),
  preview('count "5"', 'StartStopSchedule.nextRuns', () => stop.nextRuns('5' as never), 'count'),
  preview('count null', 'StartStopSchedule.nextRuns', () => stop.nextRuns(null as never), 'count'),
  preview('from a string', 'StartStopSchedule.nextRuns', () => stop.nextRuns(2, '2026-01-01' as never), 'from'),
  preview('from null', 'StartStopSchedule.nextRuns', () => stop.nextRuns(2, null as never), 'from'),
  preview('from the largest Date', 'StartStopSchedule.nextRuns', () => stop.nextRuns(2, new Date(8.64e15)), 'from'),
  ciCase('a Start and a Stop in the same minute', { schedules: [start, stop] }, 'schedules[1]'),
  ciCase(
    'a Start every minute and a Stop in June',
    { schedules: [everyMinute, StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * 6 *' })] },
    'schedules[1]',
  ),
  ciCase(
    'a Start every hour and a Stop in July',
    { schedules: [everyHour, StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * 7 *' })] },
    'schedules[1]',
  ),
];
