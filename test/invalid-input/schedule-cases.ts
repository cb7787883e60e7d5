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
    run: () => StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Day', hours: [18], minutes: [0], ...props } as any),
    path: 'StartStopSchedule.recurrence',
    field,
  };
}

function fromArm(what: string, entry: unknown, field: string): InvalidCase {
  return { what: `StartStopSchedule.fromArm: ${what}`, run: () => StartStopSchedule.fromArm(entry as any), path: 'StartStopSchedule.fromArm', field };
}

const BAD_CRONS = [
  '*/15 * * * *', '0 9 * * MON-FRI', '0 9 * JAN *', '0 9 * * 7', '0 9 L * *', '0 9 15W * *', '0 9 * * 1#2', '0 9 ? * *',
  '0 0 9 * * *', '@daily', '@hourly', '0 24 * * *', '60 9 * * *', '0 9 0 * *', '0 9 32 * *', '0 9 * 13 *', '0 9 * 0 *',
  '0 9 * *', '', '0 9-5 * * *', '0 9 * * 1-', '0,, 9 * * *', '0 9 30 2 *', 'every day at 9', '0 9 * * * *',
];

const BAD_ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'PST', 'GMT+1', 'Pacific Time', 'utc+01:00', 'W. Europe', ''];
const BAD_START_TIMES = ['2026-02-30T09:00:00', '2026-13-01T09:00:00', '2026-01-01 09:00:00', '2026-01-01T09:00:00Z',
  '2026-01-01T09:00:00+01:00', '2026-01-01T25:00:00', '2026-01-01', '01/02/2026 09:00'];

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
  fromArm('no triggerType', { action: 'Stop', cron: { expression: '0 18 * * *' } }, 'triggerType'),
  fromArm('a Cron without cron', { action: 'Stop', triggerType: 'Cron' }, 'cron'),
  fromArm('status "On"', { action: 'Stop', triggerType: 'Cron', status: 'On', cron: { expression: '0 18 * * *' } }, 'status'),
  fromArm('a misspelled field', { action: 'Stop', triggerType: 'Cron', cron: { expresion: '0 18 * * *' } }, 'cron.expresion'),
  fromArm('a read-only id', { id: 'x', action: 'Stop', triggerType: 'Cron', cron: { expression: '0 18 * * *' } }, 'id'),
  fromArm('a string', 'Stop at 18:00', 'entry'),
  ciCase('a Start and a Stop in the same minute', { schedules: [start, stop] }, 'schedules[1]'),
];
