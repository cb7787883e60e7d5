import { ArmTemplate, ComputeInstance, ComputeInstanceProps, Duration, StartStopSchedule } from '../../src';
import { DOCS_POLICY_SCHEDULE, QUICKSTART_SCHEDULES } from '../support/azure-samples';
import { newStack, onlyResource, REQUIRED, synthJson, thrown, warningsOf } from '../support/stack';

const WEST_EUROPE = 'W. Europe Standard Time';

function render(schedules: StartStopSchedule[], extra: Partial<ComputeInstanceProps> = {}) {
  const { stack } = newStack();
  const ci = new ComputeInstance(stack, 'alice', { ...REQUIRED, schedules, ...extra });
  const body = onlyResource(synthJson(stack), 'azapi_resource').body;
  return { ci, stack, schedules: body.properties.properties.schedules };
}

function errorFor(schedules: StartStopSchedule[]): string {
  const { stack } = newStack();
  return thrown(() => new ComputeInstance(stack, 'alice', { ...REQUIRED, schedules })).message;
}

describe("ComputeInstance renders each schedule factory's output into its ARM body", () => {
  const { stack, schedules } = render([
    StartStopSchedule.cron({
      action: 'Stop',
      expression: '0 19 * * *',
      timeZone: WEST_EUROPE,
      startTime: '2025-01-06T00:00:00',
    }),
    StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Week',
      hours: [17],
      minutes: [30],
      weekDays: ['Friday'],
      timeZone: WEST_EUROPE,
      enabled: false,
    }),
    ...StartStopSchedule.workingHours({
      days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'],
      start: '08:00',
      stop: '18:30',
      timeZone: WEST_EUROPE,
    }),
  ]);
  const expected = {
    computeStartStop: [
      {
        action: 'Stop',
        triggerType: 'Cron',
        status: 'Enabled',
        cron: { expression: '0 19 * * *', timeZone: WEST_EUROPE, startTime: '2025-01-06T00:00:00' },
      },
      {
        action: 'Stop',
        triggerType: 'Recurrence',
        status: 'Disabled',
        recurrence: {
          frequency: 'Week',
          interval: 1,
          timeZone: WEST_EUROPE,
          schedule: { hours: [17], minutes: [30], weekDays: ['Friday'] },
        },
      },
      {
        action: 'Start',
        triggerType: 'Cron',
        status: 'Enabled',
        cron: { expression: '0 8 * * 1-4', timeZone: WEST_EUROPE },
      },
      {
        action: 'Stop',
        triggerType: 'Cron',
        status: 'Enabled',
        cron: { expression: '30 18 * * 1-4', timeZone: WEST_EUROPE },
      },
    ],
  };

  test('in the azapi body', () => {
    expect(schedules).toEqual(expected);
  });

  test('in the ARM template', () => {
    expect((ArmTemplate.synth(stack).resources[0] as any).properties.properties.schedules).toEqual(expected);
  });
});

describe('ComputeInstance renders schedules read from ARM', () => {
  test("the quickstart's schedules, unchanged", () => {
    expect(render(StartStopSchedule.fromArmList(QUICKSTART_SCHEDULES)).schedules).toEqual({
      computeStartStop: QUICKSTART_SCHEDULES,
    });
  });

  test("the docs' Azure Policy sample, unchanged", () => {
    expect(render([StartStopSchedule.fromArm(DOCS_POLICY_SCHEDULE)]).schedules).toEqual({
      computeStartStop: [DOCS_POLICY_SCHEDULE],
    });
  });
});

describe('ComputeInstance schedule rules', () => {
  test('fails when a Start and a Stop fire in the same minute (same time zone)', () => {
    expect(
      errorFor([
        StartStopSchedule.cron({ action: 'Start', expression: '0 18 * * 1-5' }),
        StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * 5,6' }),
      ]),
    ).toBe(
      [
        'Invalid input in test/alice (1 problem):',
        '  - test/alice: schedules[1]: received "Stop cron 0 18 * * 5,6 (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start cron 0 18 * * 1-5 (UTC)) fires with it at 18:00 (UTC)',
      ].join('\n'),
    );
  });

  test('fails when a recurrence and a cron meet in the same minute on some day', () => {
    expect(
      errorFor([
        StartStopSchedule.recurrence({
          action: 'Stop',
          frequency: 'Week',
          hours: [9],
          minutes: [0],
          weekDays: ['Sunday'],
        }),
        StartStopSchedule.cron({ action: 'Start', expression: '0 9 1 * *' }),
      ]),
    ).toBe(
      [
        'Invalid input in test/alice (1 problem):',
        '  - test/alice: schedules[1]: received "Start cron 0 9 1 * * (UTC)"; allowed: a Start that never fires in the same minute as a Stop; schedules[0] (Stop every 1 Week at hours 9 minutes 0 on Sunday (UTC)) fires with it at 09:00 (UTC)',
      ].join('\n'),
    );
  });

  test('fails when schedules in different time zones meet, naming the first such minute from 2026-01-01', () => {
    expect(
      errorFor([
        StartStopSchedule.cron({ action: 'Start', expression: '0 9 * * 1-5', timeZone: WEST_EUROPE }),
        StartStopSchedule.recurrence({
          action: 'Stop',
          frequency: 'Week',
          hours: [7],
          minutes: [0],
          weekDays: ['Monday'],
        }),
      ]),
    ).toBe(
      [
        'Invalid input in test/alice (1 problem):',
        '  - test/alice: schedules[1]: received "Stop every 1 Week at hours 7 minutes 0 on Monday (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start cron 0 9 * * 1-5 (W. Europe Standard Time)) fires with it at 2026-03-30T07:00:00.000Z',
      ].join('\n'),
    );
  });

  test('accepts a Start and a Stop at the same time of day on different days', () => {
    expect(() =>
      render([
        StartStopSchedule.cron({ action: 'Start', expression: '0 18 * * 0' }),
        StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * 1-6' }),
      ]),
    ).not.toThrow();
  });

  test('accepts the same minute when one of the two is disabled', () => {
    expect(() =>
      render([
        StartStopSchedule.cron({ action: 'Start', expression: '0 18 * * *' }),
        StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', enabled: false }),
      ]),
    ).not.toThrow();
  });

  test('does not compare a recurrence whose fire times depend on when Azure creates it', () => {
    expect(() =>
      render([
        StartStopSchedule.recurrence({ action: 'Start', frequency: 'Hour', hours: [], minutes: [] }),
        StartStopSchedule.cron({ action: 'Stop', expression: '0 * * * *' }),
      ]),
    ).not.toThrow();
  });

  const NO_STOP =
    'The schedules start the instance but none stops it, and there is no idle shutdown: it runs (and costs) until someone stops it. Add a Stop schedule or idleShutdown.';

  test('warns when schedules start the instance and nothing stops it', () => {
    expect(warningsOf(render([StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5' })]).ci)).toEqual([
      NO_STOP,
    ]);
  });

  test('warns when the only Stop schedule is disabled', () => {
    expect(
      warningsOf(
        render([
          StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5' }),
          StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * 1-5', enabled: false }),
        ]).ci,
      ),
    ).toEqual([NO_STOP]);
  });

  test('does not warn with a Stop schedule, or with idle shutdown', () => {
    expect(
      warningsOf(render(StartStopSchedule.workingHours({ days: ['Monday'], start: '08:00', stop: '18:00' })).ci),
    ).toEqual([]);
    expect(
      warningsOf(
        render([StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5' })], {
          idleShutdown: Duration.minutes(30),
        }).ci,
      ),
    ).toEqual([]);
  });
});

describe('ComputeInstance compares recurrences that repeat from their startTime over the whole year', () => {
  const minutely = (startTime: string, interval = 1) =>
    StartStopSchedule.recurrence({ action: 'Start', frequency: 'Minute', interval, hours: [], minutes: [], startTime });

  function clash(later: string, laterAction: string, earlier: string, earlierAction: string, at: string): string {
    return [
      'Invalid input in test/alice (1 problem):',
      `  - test/alice: schedules[1]: received "${later}"; allowed: a ${laterAction} that never fires in the same minute as a ${earlierAction}; schedules[0] (${earlier}) fires with it at ${at}`,
    ].join('\n');
  }

  test('fails on a Start every minute and a Stop that fires only in June', () => {
    expect(
      errorFor([minutely('2026-01-01T00:00:00'), StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * 6 *' })]),
    ).toBe(
      clash(
        'Stop cron 0 18 * 6 * (UTC)',
        'Stop',
        'Start every 1 Minute at hours  minutes  (UTC)',
        'Start',
        '2026-06-01T18:00:00.000Z',
      ),
    );
  });

  test('fails on a Start every hour and a Stop that fires only in July', () => {
    expect(
      errorFor([
        StartStopSchedule.recurrence({
          action: 'Start',
          frequency: 'Hour',
          hours: [],
          minutes: [],
          startTime: '2026-01-01T00:00:00',
        }),
        StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * 7 *' }),
      ]),
    ).toBe(
      clash(
        'Stop cron 0 18 * 7 * (UTC)',
        'Stop',
        'Start every 1 Hour at hours  minutes  (UTC)',
        'Start',
        '2026-07-01T18:00:00.000Z',
      ),
    );
  });

  test('counts a recurrence that fires 30 seconds into each minute as firing in that minute', () => {
    expect(
      errorFor([minutely('2026-01-01T00:00:30'), StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * 6 *' })]),
    ).toBe(
      clash(
        'Stop cron 0 18 * 6 * (UTC)',
        'Stop',
        'Start every 1 Minute at hours  minutes  (UTC)',
        'Start',
        '2026-06-01T18:00:00.000Z',
      ),
    );
  });

  test('finds the first minute two recurrences every 7 and every 11 minutes share', () => {
    expect(
      errorFor([
        minutely('2026-01-01T00:03:00', 7),
        StartStopSchedule.recurrence({
          action: 'Stop',
          frequency: 'Minute',
          interval: 11,
          hours: [],
          minutes: [],
          startTime: '2026-02-01T00:05:00',
        }),
      ]),
    ).toBe(
      clash(
        'Stop every 11 Minute at hours  minutes  (UTC)',
        'Stop',
        'Start every 7 Minute at hours  minutes  (UTC)',
        'Start',
        '2026-02-01T00:16:00.000Z',
      ),
    );
  });

  test('accepts recurrences that never share a minute (odd minutes and every fourth even one)', () => {
    expect(() =>
      render([
        minutely('2026-01-01T00:01:00', 2),
        StartStopSchedule.recurrence({
          action: 'Stop',
          frequency: 'Minute',
          interval: 4,
          hours: [],
          minutes: [],
          startTime: '2026-02-01T00:00:00',
        }),
      ]),
    ).not.toThrow();
  });

  test('fails on an hourly recurrence that meets a monthly one on the seventh month that has a 31st', () => {
    expect(
      errorFor([
        StartStopSchedule.recurrence({
          action: 'Start',
          frequency: 'Month',
          hours: [],
          minutes: [],
          startTime: '2026-01-31T18:00:00',
        }),
        StartStopSchedule.recurrence({
          action: 'Stop',
          frequency: 'Hour',
          interval: 5,
          hours: [],
          minutes: [],
          startTime: '2026-01-01T00:00:00',
        }),
      ]),
    ).toBe(
      clash(
        'Stop every 5 Hour at hours  minutes  (UTC)',
        'Stop',
        'Start every 1 Month at hours  minutes  (UTC)',
        'Start',
        '2026-10-31T18:00:00.000Z',
      ),
    );
  });

  test('fails on an every-other-day recurrence at every minute and a Stop in June (more fire times than a walk of the previews takes)', () => {
    const everyMinute = Array.from({ length: 60 }, (_, m) => m);
    const everyHour = Array.from({ length: 24 }, (_, h) => h);
    const start = StartStopSchedule.recurrence({
      action: 'Start',
      frequency: 'Day',
      interval: 2,
      hours: everyHour,
      minutes: everyMinute,
      startTime: '2026-01-01T00:00:00',
    });
    expect(
      errorFor([start, StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * 6 *', timeZone: WEST_EUROPE })]),
    ).toBe(
      clash(
        'Stop cron 0 18 * 6 * (W. Europe Standard Time)',
        'Stop',
        start.toString(),
        'Start',
        '2026-06-02T16:00:00.000Z',
      ),
    );
  });

  test('meets a time moved over the gap when summer time starts, where the previews place it', () => {
    const monthly = StartStopSchedule.recurrence({
      action: 'Start',
      frequency: 'Month',
      hours: [],
      minutes: [],
      startTime: '2026-01-29T01:30:00',
    });
    const skipped = StartStopSchedule.cron({ action: 'Stop', expression: '30 2 29 3 *', timeZone: WEST_EUROPE });
    expect(errorFor([monthly, skipped])).toBe(
      clash(
        'Stop cron 30 2 29 3 * (W. Europe Standard Time)',
        'Stop',
        'Start every 1 Month at hours  minutes  (UTC)',
        'Start',
        '2026-03-29T01:30:00.000Z',
      ),
    );
    expect(skipped.nextRuns(1, new Date('2026-03-29T00:00:00Z'))).toEqual([new Date('2026-03-29T01:30:00Z')]);
  });

  test('meets a repeated time only at its first occurrence, where the previews place it', () => {
    const repeated = StartStopSchedule.cron({ action: 'Stop', expression: '30 2 25 10 *', timeZone: WEST_EUROPE });
    const atSecond = StartStopSchedule.recurrence({
      action: 'Start',
      frequency: 'Month',
      hours: [],
      minutes: [],
      startTime: '2026-01-25T01:30:00',
    });
    expect(() => render([atSecond, repeated])).not.toThrow();
    const atFirst = StartStopSchedule.recurrence({
      action: 'Start',
      frequency: 'Month',
      hours: [],
      minutes: [],
      startTime: '2026-01-25T00:30:00',
    });
    expect(errorFor([atFirst, repeated])).toBe(
      clash(
        'Stop cron 30 2 25 10 * (W. Europe Standard Time)',
        'Stop',
        'Start every 1 Month at hours  minutes  (UTC)',
        'Start',
        '2026-10-25T00:30:00.000Z',
      ),
    );
  });
});

describe('ComputeInstance compares schedules in different time zones where the previews place them', () => {
  const start = StartStopSchedule.cron({ action: 'Start', expression: '30 2 * * *', timeZone: WEST_EUROPE });

  function clashes(stop: StartStopSchedule): string {
    return errorFor([start, stop]);
  }

  test('at the first occurrence of a time repeated when summer time ends', () => {
    const stop = StartStopSchedule.cron({ action: 'Stop', expression: '30 0 25 10 *' });
    expect(clashes(stop)).toBe(
      [
        'Invalid input in test/alice (1 problem):',
        '  - test/alice: schedules[1]: received "Stop cron 30 0 25 10 * (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start cron 30 2 * * * (W. Europe Standard Time)) fires with it at 2026-10-25T00:30:00.000Z',
      ].join('\n'),
    );
    const instant = new Date('2026-10-25T00:30:00.000Z');
    expect(start.nextRuns(1, instant)).toEqual([instant]);
    expect(stop.nextRuns(1, instant)).toEqual([instant]);
  });

  test('not at the second occurrence, where the previews do not fire either', () => {
    const stop = StartStopSchedule.cron({ action: 'Stop', expression: '30 1 25 10 *' });
    expect(() => render([start, stop])).not.toThrow();
    expect(start.nextRuns(2, new Date('2026-10-25T00:31:00Z'))).toEqual([
      new Date('2026-10-26T01:30:00Z'),
      new Date('2026-10-27T01:30:00Z'),
    ]);
  });

  test('at a time skipped when summer time starts, moved forward by the gap', () => {
    const stop = StartStopSchedule.cron({ action: 'Stop', expression: '30 1 29 3 *' });
    expect(clashes(stop)).toBe(
      [
        'Invalid input in test/alice (1 problem):',
        '  - test/alice: schedules[1]: received "Stop cron 30 1 29 3 * (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start cron 30 2 * * * (W. Europe Standard Time)) fires with it at 2026-03-29T01:30:00.000Z',
      ].join('\n'),
    );
    expect(start.nextRuns(1, new Date('2026-03-29T00:00:00Z'))).toEqual([new Date('2026-03-29T01:30:00Z')]);
  });

  test('with a recurrence that repeats every other day from its startTime', () => {
    expect(
      errorFor([
        StartStopSchedule.recurrence({
          action: 'Start',
          frequency: 'Day',
          interval: 2,
          hours: [9],
          minutes: [0],
          startTime: '2026-01-01T00:00:00',
          timeZone: WEST_EUROPE,
        }),
        StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * 6' }),
      ]),
    ).toBe(
      [
        'Invalid input in test/alice (1 problem):',
        '  - test/alice: schedules[1]: received "Stop cron 0 8 * * 6 (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start every 2 Day at hours 9 minutes 0 (W. Europe Standard Time)) fires with it at 2026-01-03T08:00:00.000Z',
      ].join('\n'),
    );
  });
});
