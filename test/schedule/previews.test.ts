import { StartStopSchedule } from '../../src';
import { thrown } from '../support/stack';

const WEST_EUROPE = 'W. Europe Standard Time';
const iso = (runs: Date[]) => runs.map((d) => d.toISOString());

/**
 * The docs' example, "start at 9 AM and stop at 6 PM Monday to Thursday, and start at 9 AM and stop at 4 PM
 * on Friday", in Amsterdam/Berlin time. Europe switched to summer time on Sunday 2025-03-30 at 01:00 UTC.
 */
const DOCS_EXAMPLE = StartStopSchedule.workingHours([
  { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'], start: '09:00', stop: '18:00', timeZone: WEST_EUROPE },
  { days: ['Friday'], start: '09:00', stop: '16:00', timeZone: WEST_EUROPE },
]);
/** Monday 2025-03-24 00:00 in Amsterdam (UTC+1): the week that ends with the switch. */
const MONDAY_BEFORE_SWITCH = new Date('2025-03-23T23:00:00Z');
/** Monday 2025-03-31 00:00 in Amsterdam (UTC+2 from then on). */
const MONDAY_AFTER_SWITCH = new Date('2025-03-30T22:00:00Z');

describe("the docs' working-hours example across the switch to summer time", () => {
  test('is three schedules', () => {
    expect(DOCS_EXAMPLE.map((s) => s.toArm())).toEqual([
      {
        action: 'Start',
        triggerType: 'Cron',
        status: 'Enabled',
        cron: { expression: '0 9 * * 1-5', timeZone: WEST_EUROPE },
      },
      {
        action: 'Stop',
        triggerType: 'Cron',
        status: 'Enabled',
        cron: { expression: '0 18 * * 1-4', timeZone: WEST_EUROPE },
      },
      {
        action: 'Stop',
        triggerType: 'Cron',
        status: 'Enabled',
        cron: { expression: '0 16 * * 5', timeZone: WEST_EUROPE },
      },
    ]);
  });

  test('starts at 08:00 UTC before the switch and at 07:00 UTC after it', () => {
    expect(iso(DOCS_EXAMPLE[0].nextRuns(10, MONDAY_BEFORE_SWITCH))).toEqual([
      '2025-03-24T08:00:00.000Z',
      '2025-03-25T08:00:00.000Z',
      '2025-03-26T08:00:00.000Z',
      '2025-03-27T08:00:00.000Z',
      '2025-03-28T08:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
      '2025-04-01T07:00:00.000Z',
      '2025-04-02T07:00:00.000Z',
      '2025-04-03T07:00:00.000Z',
      '2025-04-04T07:00:00.000Z',
    ]);
  });

  test('stops Monday to Thursday at 17:00 UTC before the switch and at 16:00 UTC after it', () => {
    expect(iso(DOCS_EXAMPLE[1].nextRuns(8, MONDAY_BEFORE_SWITCH))).toEqual([
      '2025-03-24T17:00:00.000Z',
      '2025-03-25T17:00:00.000Z',
      '2025-03-26T17:00:00.000Z',
      '2025-03-27T17:00:00.000Z',
      '2025-03-31T16:00:00.000Z',
      '2025-04-01T16:00:00.000Z',
      '2025-04-02T16:00:00.000Z',
      '2025-04-03T16:00:00.000Z',
    ]);
  });

  test('stops on Fridays at 15:00 UTC before the switch and at 14:00 UTC after it', () => {
    expect(iso(DOCS_EXAMPLE[2].nextRuns(2, MONDAY_BEFORE_SWITCH))).toEqual([
      '2025-03-28T15:00:00.000Z',
      '2025-04-04T14:00:00.000Z',
    ]);
  });

  test('runs 43 hours a week (4 x 9 + 7), in the week of the switch and after it', () => {
    expect(StartStopSchedule.weeklyUptime(DOCS_EXAMPLE, { from: MONDAY_BEFORE_SWITCH })).toBe(43);
    expect(StartStopSchedule.weeklyUptime(DOCS_EXAMPLE, { from: MONDAY_AFTER_SWITCH })).toBe(43);
  });

  test('runs the same when written as two workingHours calls (four schedules)', () => {
    const two = [
      ...StartStopSchedule.workingHours({
        days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'],
        start: '09:00',
        stop: '18:00',
        timeZone: WEST_EUROPE,
      }),
      ...StartStopSchedule.workingHours({ days: ['Friday'], start: '09:00', stop: '16:00', timeZone: WEST_EUROPE }),
    ];
    expect(two).toHaveLength(4);
    expect(StartStopSchedule.weeklyUptime(two, { from: MONDAY_BEFORE_SWITCH })).toBe(43);
  });
});

describe('weeklyUptime counts elapsed hours', () => {
  const saturdayNight = StartStopSchedule.workingHours({
    days: ['Saturday'],
    start: '22:00',
    stop: '06:00',
    timeZone: WEST_EUROPE,
  });

  test('a Saturday night shift (22:00 to 06:00) runs 8 hours, 7 in the night of the spring switch and 9 in the autumn one', () => {
    expect(StartStopSchedule.weeklyUptime(saturdayNight, { from: new Date('2025-03-16T23:00:00Z') })).toBe(8);
    expect(StartStopSchedule.weeklyUptime(saturdayNight, { from: MONDAY_BEFORE_SWITCH })).toBe(7);
    expect(StartStopSchedule.weeklyUptime(saturdayNight, { from: new Date('2025-10-19T22:00:00Z') })).toBe(9);
  });

  test("the docs' Resource Manager sample runs 9 hours a day (start 08:00, first stop 17:00)", () => {
    const sample = [
      StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' }),
      StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * *' }),
      StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Day', hours: [17], minutes: [0] }),
    ];
    expect(StartStopSchedule.weeklyUptime(sample, { from: new Date('2025-01-06T00:00:00Z') })).toBe(63);
  });

  test('an instance that is started and never stopped runs to the end of the week', () => {
    const start = StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * *' });
    expect(StartStopSchedule.weeklyUptime([start], { from: new Date('2025-01-06T00:00:00Z') })).toBe(160);
  });

  test('disabled schedules do nothing', () => {
    const start = StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * *', enabled: false });
    expect(StartStopSchedule.weeklyUptime([start], { from: new Date('2025-01-06T00:00:00Z') })).toBe(0);
  });

  test('a start and a stop in the same minute leave the instance stopped', () => {
    const both = [
      StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * *' }),
      StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *' }),
    ];
    expect(StartStopSchedule.weeklyUptime(both, { from: new Date('2025-01-06T00:00:00Z') })).toBe(0);
  });

  test('fails on what is not a schedule and on an invalid date', () => {
    expect(
      thrown(() => StartStopSchedule.weeklyUptime([{ action: 'Start' } as never], { from: new Date('x') })).message,
    ).toBe(
      [
        'Invalid input in StartStopSchedule.weeklyUptime (2 problems):',
        '  - StartStopSchedule.weeklyUptime: from: received "Invalid Date"; allowed: a valid Date from 0001-01-01 to 9999-12-31 (UTC)',
        '  - StartStopSchedule.weeklyUptime: schedules[0]: received {"action":"Start"}; allowed: a StartStopSchedule made by its factories',
      ].join('\n'),
    );
  });

  test.each([
    [null, 'null'],
    [5, '5'],
    [[], '[]'],
    [new Date('2025-01-06T00:00:00Z'), '"2025-01-06T00:00:00.000Z"'],
  ])('fails on options %j, which are not an object', (options, shown) => {
    expect(thrown(() => StartStopSchedule.weeklyUptime([], options as never)).message).toBe(
      `Invalid input in StartStopSchedule.weeklyUptime (1 problem):\n  - StartStopSchedule.weeklyUptime: options: received ${shown}; allowed: an object { from?: Date }, or nothing`,
    );
  });

  test('fails on a from that is not a Date, or outside the years 0001 to 9999', () => {
    const problem = (shown: string) =>
      'Invalid input in StartStopSchedule.weeklyUptime (1 problem):\n' +
      `  - StartStopSchedule.weeklyUptime: from: received ${shown}; allowed: a valid Date from 0001-01-01 to 9999-12-31 (UTC)`;
    expect(thrown(() => StartStopSchedule.weeklyUptime([], { from: '2025-01-06' as never })).message).toBe(
      problem('"2025-01-06"'),
    );
    expect(thrown(() => StartStopSchedule.weeklyUptime([], { from: null as never })).message).toBe(problem('null'));
    expect(thrown(() => StartStopSchedule.weeklyUptime([], { from: new Date(8.64e15) })).message).toBe(
      problem('"+275760-09-13T00:00:00.000Z"'),
    );
  });
});

describe('nextRuns', () => {
  test("follows the docs' Azure Policy sample (22:00 Pacific) from its startTime across the US switch to summer time", () => {
    const policy = StartStopSchedule.fromArm({
      triggerType: 'Cron',
      cron: { startTime: '2021-03-10T21:21:07', timeZone: 'Pacific Standard Time', expression: '0 22 * * *' },
      action: 'Stop',
      status: 'Enabled',
    });
    expect(iso(policy.nextRuns(6, new Date('2021-03-01T00:00:00Z')))).toEqual([
      '2021-03-11T06:00:00.000Z',
      '2021-03-12T06:00:00.000Z',
      '2021-03-13T06:00:00.000Z',
      '2021-03-14T06:00:00.000Z',
      '2021-03-15T05:00:00.000Z',
      '2021-03-16T05:00:00.000Z',
    ]);
  });

  test('includes a fire time equal to from', () => {
    expect(
      iso(
        StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *' }).nextRuns(
          2,
          new Date('2025-01-06T08:00:00Z'),
        ),
      ),
    ).toEqual(['2025-01-06T08:00:00.000Z', '2025-01-07T08:00:00.000Z']);
  });

  test('moves a time skipped by the switch to summer time forward by the gap, and fires a repeated time once', () => {
    const s = StartStopSchedule.cron({ action: 'Stop', expression: '30 2 * * *', timeZone: WEST_EUROPE });
    expect(iso(s.nextRuns(3, new Date('2025-03-28T12:00:00Z')))).toEqual([
      '2025-03-29T01:30:00.000Z',
      '2025-03-30T01:30:00.000Z',
      '2025-03-31T00:30:00.000Z',
    ]);
    expect(iso(s.nextRuns(3, new Date('2025-10-24T12:00:00Z')))).toEqual([
      '2025-10-25T00:30:00.000Z',
      '2025-10-26T00:30:00.000Z',
      '2025-10-27T01:30:00.000Z',
    ]);
  });

  test('needs both day-of-month and day-of-week when both are restricted (NCrontab)', () => {
    expect(
      iso(
        StartStopSchedule.cron({ action: 'Stop', expression: '0 0 13 * 5' }).nextRuns(
          3,
          new Date('2025-01-01T00:00:00Z'),
        ),
      ),
    ).toEqual(['2025-06-13T00:00:00.000Z', '2026-02-13T00:00:00.000Z', '2026-03-13T00:00:00.000Z']);
  });

  test('a disabled schedule never fires', () => {
    expect(
      StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *', enabled: false }).nextRuns(
        3,
        new Date('2025-01-01T00:00:00Z'),
      ),
    ).toEqual([]);
  });

  test("counts a weekly interval in weeks (Monday to Sunday) from the startTime's week", () => {
    const s = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Week',
      interval: 2,
      hours: [9],
      minutes: [0, 30],
      weekDays: ['Monday', 'Friday'],
      startTime: '2025-03-26T00:00:00',
      timeZone: WEST_EUROPE,
    });
    expect(iso(s.nextRuns(6, MONDAY_BEFORE_SWITCH))).toEqual([
      '2025-03-28T08:00:00.000Z',
      '2025-03-28T08:30:00.000Z',
      '2025-04-07T07:00:00.000Z',
      '2025-04-07T07:30:00.000Z',
      '2025-04-11T07:00:00.000Z',
      '2025-04-11T07:30:00.000Z',
    ]);
  });

  test("fires a weekly recurrence without weekDays on the startTime's weekday, not before the startTime", () => {
    const s = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Week',
      hours: [9],
      minutes: [0],
      startTime: '2025-03-26T10:00:00',
    });
    expect(iso(s.nextRuns(3, new Date('2025-03-20T00:00:00Z')))).toEqual([
      '2025-04-02T09:00:00.000Z',
      '2025-04-09T09:00:00.000Z',
      '2025-04-16T09:00:00.000Z',
    ]);
  });

  test("counts a daily interval in days from the startTime's date", () => {
    const s = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Day',
      interval: 3,
      hours: [9],
      minutes: [0],
      startTime: '2025-01-01T00:00:00',
    });
    expect(iso(s.nextRuns(3, new Date('2025-01-02T00:00:00Z')))).toEqual([
      '2025-01-04T09:00:00.000Z',
      '2025-01-07T09:00:00.000Z',
      '2025-01-10T09:00:00.000Z',
    ]);
  });

  test("repeats a monthly recurrence on the startTime's day and time, skipping months without that day", () => {
    const s = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Month',
      hours: [],
      minutes: [],
      startTime: '2025-01-31T20:00:00',
      timeZone: 'Pacific Standard Time',
    });
    expect(iso(s.nextRuns(4, new Date('2025-01-01T00:00:00Z')))).toEqual([
      '2025-02-01T04:00:00.000Z',
      '2025-04-01T03:00:00.000Z',
      '2025-06-01T03:00:00.000Z',
      '2025-08-01T03:00:00.000Z',
    ]);
  });

  test('repeats an hourly recurrence in elapsed time, across the switch', () => {
    const s = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Hour',
      interval: 5,
      hours: [],
      minutes: [],
      startTime: '2025-03-29T20:00:00',
      timeZone: WEST_EUROPE,
    });
    expect(iso(s.nextRuns(4, MONDAY_BEFORE_SWITCH))).toEqual([
      '2025-03-29T19:00:00.000Z',
      '2025-03-30T00:00:00.000Z',
      '2025-03-30T05:00:00.000Z',
      '2025-03-30T10:00:00.000Z',
    ]);
  });

  test('counts a recurrence without startTime from `from`, as Azure counts it from creation', () => {
    const s = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Minute',
      interval: 90,
      hours: [],
      minutes: [],
    });
    expect(iso(s.nextRuns(3, MONDAY_BEFORE_SWITCH))).toEqual([
      '2025-03-23T23:00:00.000Z',
      '2025-03-24T00:30:00.000Z',
      '2025-03-24T02:00:00.000Z',
    ]);
  });

  test.each([
    [0, '0'],
    [1.5, '1.5'],
    [10_001, '10001'],
    ['5', '"5"'],
    [null, 'null'],
    [undefined, 'nothing'],
  ])('fails on count %j', (count, shown) => {
    expect(
      thrown(() => StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *' }).nextRuns(count as number))
        .message,
    ).toBe(
      `Invalid input in StartStopSchedule.nextRuns (1 problem):\n  - StartStopSchedule.nextRuns: count: received ${shown}; allowed: an integer from 1 to 10000`,
    );
  });

  test.each([
    ['2025-01-06', '"2025-01-06"'],
    [0, '0'],
    [null, 'null'],
    [{}, '{}'],
    [new Date(8.64e15), '"+275760-09-13T00:00:00.000Z"'],
    [new Date('-000001-12-31T00:00:00Z'), '"-000001-12-31T00:00:00.000Z"'],
  ])('fails on from %j, which is not a Date from 0001 to 9999', (from, shown) => {
    expect(
      thrown(() => StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *' }).nextRuns(2, from as never))
        .message,
    ).toBe(
      `Invalid input in StartStopSchedule.nextRuns (1 problem):\n  - StartStopSchedule.nextRuns: from: received ${shown}; allowed: a valid Date from 0001-01-01 to 9999-12-31 (UTC)`,
    );
  });

  test('lists a bad count and a bad from in one error', () => {
    expect(
      thrown(() =>
        StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *' }).nextRuns('2' as never, 'today' as never),
      ).message,
    ).toBe(
      [
        'Invalid input in StartStopSchedule.nextRuns (2 problems):',
        '  - StartStopSchedule.nextRuns: count: received "2"; allowed: an integer from 1 to 10000',
        '  - StartStopSchedule.nextRuns: from: received "today"; allowed: a valid Date from 0001-01-01 to 9999-12-31 (UTC)',
      ].join('\n'),
    );
  });

  test('previews from the first and up to the last day a .NET DateTime holds', () => {
    const s = StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' });
    expect(iso(s.nextRuns(2, new Date('0001-01-01T00:00:00Z')))).toEqual([
      '0001-01-01T18:00:00.000Z',
      '0001-01-02T18:00:00.000Z',
    ]);
    expect(iso(s.nextRuns(3, new Date('9999-12-30T19:00:00Z')))).toEqual(['9999-12-31T18:00:00.000Z']);
  });

  test('counts intervals from a startTime in the years 0001 to 0099 as in those years (not 1901 to 1999)', () => {
    const everySeventhDay = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Day',
      interval: 7,
      hours: [18],
      minutes: [0],
      startTime: '0050-03-01T12:00:00',
    });
    // 721,660 days from 0050-03-01 to 2026-01-01, 2 past a multiple of 7 (from 1950-03-01, where Date.UTC puts it, 27,700: 1 past).
    expect(iso(everySeventhDay.nextRuns(2, new Date('2026-01-01T00:00:00Z')))).toEqual([
      '2026-01-06T18:00:00.000Z',
      '2026-01-13T18:00:00.000Z',
    ]);
    // 0050-03-01 was a Tuesday (1950-03-01 a Wednesday).
    const weekly = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Week',
      hours: [18],
      minutes: [0],
      startTime: '0050-03-01T12:00:00',
    });
    expect(iso(weekly.nextRuns(2, new Date('2026-01-01T00:00:00Z')))).toEqual([
      '2026-01-06T18:00:00.000Z',
      '2026-01-13T18:00:00.000Z',
    ]);
  });

  test('fails on an invalid date', () => {
    expect(
      thrown(() => StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *' }).nextRuns(1, new Date('x')))
        .message,
    ).toBe(
      'Invalid input in StartStopSchedule.nextRuns (1 problem):\n  - StartStopSchedule.nextRuns: from: received "Invalid Date"; allowed: a valid Date from 0001-01-01 to 9999-12-31 (UTC)',
    );
  });
});

describe('nextRuns of a cron restricting both day fields', () => {
  test('passes over wrong weekdays a day at a time, so a rare every-minute schedule is still found years ahead', () => {
    // The 1st of January or October that is a Tuesday: first in 2030. Each wrong day used to cost 1,440 candidates.
    const s = StartStopSchedule.cron({ action: 'Stop', expression: '* * 1 1,10 2', timeZone: 'UTC' });
    expect(s.nextRuns(2, new Date('2026-03-20T00:00:00Z'))).toEqual([
      new Date('2030-01-01T00:00:00Z'),
      new Date('2030-01-01T00:01:00Z'),
    ]);
  });
});
