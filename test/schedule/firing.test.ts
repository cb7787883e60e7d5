import { StartStopSchedule } from '../../src';
import { commonMinute, fireTimes, firingOf } from '../../src/schedule/firing';
import { cronParserFireTimes } from '../support/cron-parser-fire-times';

/*
 * firing.ts places fire times by arithmetic, for the previews and the same-minute check alike; cron-parser
 * (test/support/cron-parser-fire-times.ts) places them independently. Both must name the same minutes,
 * around the switches to and from summer time above all.
 */

const MINUTE_MS = 60_000;

/** Two weeks around each switch of 2026: Europe on 29 March and 25 October, the US on 8 March and 1 November. */
const WINDOWS: Array<[string, string]> = [
  ['2026-03-05T00:00:00Z', '2026-04-02T00:00:00Z'],
  ['2026-10-20T00:00:00Z', '2026-11-05T00:00:00Z'],
];

const SCHEDULES: StartStopSchedule[] = [
  StartStopSchedule.cron({ action: 'Stop', expression: '30 2 * * *', timeZone: 'W. Europe Standard Time' }),
  StartStopSchedule.cron({ action: 'Stop', expression: '0,30 1-3 * * *', timeZone: 'GMT Standard Time' }),
  StartStopSchedule.cron({ action: 'Stop', expression: '15 2 1-15 3,10,11 0-4', timeZone: 'Pacific Standard Time' }),
  StartStopSchedule.cron({
    action: 'Stop',
    expression: '45 23 * * *',
    timeZone: 'India Standard Time',
    startTime: '2026-03-10T00:00:00',
  }),
  StartStopSchedule.cron({ action: 'Stop', expression: '0 2 * * *', timeZone: 'Lord Howe Standard Time' }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Day',
    interval: 3,
    hours: [1, 2, 3],
    minutes: [0, 30],
    startTime: '2026-01-02T00:00:00',
    timeZone: 'W. Europe Standard Time',
  }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Week',
    interval: 2,
    hours: [2],
    minutes: [30],
    weekDays: ['Sunday', 'Wednesday'],
    startTime: '2026-01-07T12:00:00',
    timeZone: 'Central Standard Time',
  }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Week',
    hours: [9],
    minutes: [0],
    startTime: '2026-02-26T10:00:00',
    timeZone: 'E. Australia Standard Time',
  }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Week',
    hours: [18, 6],
    minutes: [45, 15],
    weekDays: ['Friday', 'Monday'],
  }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Minute',
    interval: 37,
    hours: [],
    minutes: [],
    startTime: '2026-01-01T00:00:20',
    timeZone: 'W. Europe Standard Time',
  }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Hour',
    interval: 5,
    hours: [],
    minutes: [],
    startTime: '2026-02-01T02:30:00',
    timeZone: 'Pacific Standard Time',
  }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Month',
    hours: [],
    minutes: [],
    startTime: '2025-12-29T02:30:00',
    timeZone: 'W. Europe Standard Time',
  }),
];

/** Recurrences that count from when Azure creates them: a preview counts from its own start. */
const COUNTING_FROM_PREVIEW: StartStopSchedule[] = [
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Day',
    interval: 3,
    hours: [2],
    minutes: [30],
    timeZone: 'W. Europe Standard Time',
  }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Week',
    interval: 2,
    hours: [1, 2],
    minutes: [0, 30],
    timeZone: 'Pacific Standard Time',
  }),
  StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Hour', interval: 7, hours: [], minutes: [] }),
  StartStopSchedule.recurrence({
    action: 'Stop',
    frequency: 'Month',
    interval: 1,
    hours: [],
    minutes: [],
    timeZone: 'GMT Standard Time',
  }),
];

function cronParserMinutes(s: StartStopSchedule, fromMs: number, endMs: number): Set<number> {
  const minutes = new Set<number>();
  for (const t of cronParserFireTimes(s.toArm(), fromMs)) {
    if (t >= endMs) break;
    minutes.add(Math.floor(t / MINUTE_MS) * MINUTE_MS);
  }
  return minutes;
}

function upTo(times: Iterable<number>, endMs: number): number[] {
  const list: number[] = [];
  for (const t of times) {
    if (t >= endMs) break;
    list.push(t);
  }
  return list;
}

describe.each(WINDOWS)('firing.ts agrees with cron-parser from %s to %s', (from, end) => {
  const fromMs = Date.parse(from);
  const endMs = Date.parse(end);

  test.each(SCHEDULES.map((s) => [s.toString(), s] as const))('%s: the same fire times', (_name, s) => {
    const firing = firingOf(s.toArm())!;
    const walked = new Set([...firing.fires(fromMs, endMs)].map((t) => Math.floor(t / MINUTE_MS) * MINUTE_MS));
    const previewed = cronParserMinutes(s, fromMs, endMs);
    expect(previewed.size).toBeGreaterThan(0);
    expect([...walked].sort()).toEqual([...previewed].sort());
  });

  test.each(SCHEDULES.map((s) => [s.toString(), s] as const))(
    '%s: fires in exactly the minutes cron-parser names',
    (_name, s) => {
      const firing = firingOf(s.toArm())!;
      const previewed = cronParserMinutes(s, fromMs, endMs);
      const disagreements: string[] = [];
      for (let m = fromMs; m < endMs; m += MINUTE_MS) {
        if (firing.firesInMinute(m) !== previewed.has(m)) disagreements.push(new Date(m).toISOString());
      }
      expect(disagreements).toEqual([]);
    },
  );

  test.each([...SCHEDULES, ...COUNTING_FROM_PREVIEW].map((s) => [s.toString(), s] as const))(
    '%s: the previews (fireTimes) give the instants cron-parser gives',
    (_name, s) => {
      const previewed = upTo(fireTimes(s.toArm(), fromMs), endMs);
      expect(previewed.length).toBeGreaterThan(0);
      expect(previewed).toEqual(upTo(cronParserFireTimes(s.toArm(), fromMs), endMs));
    },
  );
});

describe('firingOf', () => {
  test('leaves out a recurrence that counts from when Azure creates it', () => {
    for (const frequency of ['Minute', 'Hour', 'Month'] as const) {
      expect(
        firingOf(StartStopSchedule.recurrence({ action: 'Stop', frequency, hours: [], minutes: [] }).toArm()),
      ).toBeUndefined();
    }
    expect(
      firingOf(
        StartStopSchedule.recurrence({
          action: 'Stop',
          frequency: 'Day',
          interval: 2,
          hours: [9],
          minutes: [0],
        }).toArm(),
      ),
    ).toBeUndefined();
    expect(
      firingOf(StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Week', hours: [9], minutes: [0] }).toArm()),
    ).toBeUndefined();
  });
});

describe('commonMinute of two recurrences every n minutes', () => {
  const from = Date.parse('2026-01-01T00:00:00Z');
  const end = Date.parse('2027-01-01T00:00:00Z');
  const every = (interval: number, startTime: string, frequency: 'Minute' | 'Hour' = 'Minute') =>
    firingOf(
      StartStopSchedule.recurrence({ action: 'Stop', frequency, interval, hours: [], minutes: [], startTime }).toArm(),
    )!;

  test.each([
    [7, '2026-01-01T00:03:00', 11, '2026-02-01T00:05:00'],
    [60, '2026-01-01T00:00:00', 45, '2026-01-01T00:15:00'],
    [72_000, '2026-01-01T00:00:00', 1, '2026-03-01T00:00:30'],
    [4, '2026-01-01T00:02:00', 6, '2026-01-01T00:00:00'],
    [2, '2026-01-01T00:01:00', 4, '2026-01-01T00:00:00'],
    [1_000, '2026-01-01T00:00:00', 999, '2026-01-01T00:00:00'],
  ])('every %j minutes from %s and every %j from %s: the minute a walk finds first', (i1, s1, i2, s2) => {
    const a = every(i1, s1);
    const b = every(i2, s2);
    let walkedFirst: number | undefined;
    for (const t of a.fires(from, end)) {
      if (b.firesInMinute(Math.floor(t / MINUTE_MS) * MINUTE_MS)) {
        walkedFirst = Math.floor(t / MINUTE_MS) * MINUTE_MS;
        break;
      }
    }
    expect(commonMinute(a, b, from, end)).toBe(walkedFirst);
    expect(commonMinute(b, a, from, end)).toBe(walkedFirst);
  });

  test('finds a minute however far off, and nothing past the end of the window', () => {
    // Minute 71,999 x k = minute 1 + 72,000 x j first at k = 71,999: about 9,860 years on.
    const a = every(71_999, '2026-01-01T00:00:00');
    const b = every(72_000, '2026-01-01T00:01:00');
    expect(commonMinute(a, b, from, end)).toBeUndefined();
    expect(commonMinute(a, b, from, Infinity)).toBe(from + 71_999 * 71_999 * MINUTE_MS);
  });

  test('finds nothing when the two never meet', () => {
    // Every 50 days from 2026-01-01, and every 500 days from a day later: always a day apart modulo 50 days.
    expect(
      commonMinute(every(72_000, '2026-01-01T00:00:00'), every(12_000, '2026-01-02T00:00:00', 'Hour'), from, Infinity),
    ).toBeUndefined();
  });
});
