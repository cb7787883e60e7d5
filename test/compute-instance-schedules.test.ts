import { ArmTemplate, ArmComputeStartStopSchedule, ComputeInstance, ComputeInstanceProps, Duration, StartStopSchedule } from '../src';
import { newStack, onlyResource, REQUIRED, synthJson, thrown, warningsOf } from './support/stack';

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

describe('ComputeInstance renders each schedule factory\'s output into its ARM body', () => {
  const { stack, schedules } = render([
    StartStopSchedule.cron({ action: 'Stop', expression: '0 19 * * *', timeZone: WEST_EUROPE, startTime: '2025-01-06T00:00:00' }),
    StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Week', hours: [17], minutes: [30], weekDays: ['Friday'], timeZone: WEST_EUROPE, enabled: false }),
    ...StartStopSchedule.workingHours({ days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'], start: '08:00', stop: '18:30', timeZone: WEST_EUROPE }),
  ]);
  const expected = {
    computeStartStop: [
      { action: 'Stop', triggerType: 'Cron', status: 'Enabled', cron: { expression: '0 19 * * *', timeZone: WEST_EUROPE, startTime: '2025-01-06T00:00:00' } },
      {
        action: 'Stop',
        triggerType: 'Recurrence',
        status: 'Disabled',
        recurrence: { frequency: 'Week', interval: 1, timeZone: WEST_EUROPE, schedule: { hours: [17], minutes: [30], weekDays: ['Friday'] } },
      },
      { action: 'Start', triggerType: 'Cron', status: 'Enabled', cron: { expression: '0 8 * * 1-4', timeZone: WEST_EUROPE } },
      { action: 'Stop', triggerType: 'Cron', status: 'Enabled', cron: { expression: '30 18 * * 1-4', timeZone: WEST_EUROPE } },
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
  const sample: ArmComputeStartStopSchedule[] = [
    { triggerType: 'Cron', cron: { timeZone: 'UTC', expression: '0 18 * * *' }, action: 'Stop', status: 'Enabled' },
    { triggerType: 'Cron', cron: { timeZone: 'UTC', expression: '0 8 * * *' }, action: 'Start', status: 'Enabled' },
    {
      triggerType: 'Recurrence',
      recurrence: { frequency: 'Day', interval: 1, timeZone: 'UTC', schedule: { hours: [17], minutes: [0] } },
      action: 'Stop',
      status: 'Enabled',
    },
  ];

  test('the docs\' Resource Manager sample, unchanged', () => {
    expect(render(StartStopSchedule.fromArmList(sample)).schedules).toEqual({
      computeStartStop: [
        { triggerType: 'Cron', cron: { timeZone: 'UTC', expression: '0 18 * * *' }, action: 'Stop', status: 'Enabled' },
        { triggerType: 'Cron', cron: { timeZone: 'UTC', expression: '0 8 * * *' }, action: 'Start', status: 'Enabled' },
        {
          triggerType: 'Recurrence',
          recurrence: { frequency: 'Day', interval: 1, timeZone: 'UTC', schedule: { hours: [17], minutes: [0] } },
          action: 'Stop',
          status: 'Enabled',
        },
      ],
    });
  });

  test('the docs\' Azure Policy sample, unchanged', () => {
    const policy = StartStopSchedule.fromArm({
      triggerType: 'Cron', cron: { startTime: '2021-03-10T21:21:07', timeZone: 'Pacific Standard Time', expression: '0 22 * * *' }, action: 'Stop', status: 'Enabled',
    });
    expect(render([policy]).schedules).toEqual({
      computeStartStop: [
        { triggerType: 'Cron', cron: { startTime: '2021-03-10T21:21:07', timeZone: 'Pacific Standard Time', expression: '0 22 * * *' }, action: 'Stop', status: 'Enabled' },
      ],
    });
  });
});

describe('ComputeInstance schedule rules', () => {
  test('fails when a Start and a Stop fire in the same minute (same time zone)', () => {
    expect(errorFor([
      StartStopSchedule.cron({ action: 'Start', expression: '0 18 * * 1-5' }),
      StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * 5,6' }),
    ])).toBe([
      'Invalid input in test/alice (1 problem):',
      '  - test/alice: schedules[1]: received "Stop cron 0 18 * * 5,6 (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start cron 0 18 * * 1-5 (UTC)) fires with it at 18:00 (UTC)',
    ].join('\n'));
  });

  test('fails when a recurrence and a cron meet in the same minute on some day', () => {
    expect(errorFor([
      StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Week', hours: [9], minutes: [0], weekDays: ['Sunday'] }),
      StartStopSchedule.cron({ action: 'Start', expression: '0 9 1 * *' }),
    ])).toBe([
      'Invalid input in test/alice (1 problem):',
      '  - test/alice: schedules[1]: received "Start cron 0 9 1 * * (UTC)"; allowed: a Start that never fires in the same minute as a Stop; schedules[0] (Stop every 1 Week at hours 9 minutes 0 on Sunday (UTC)) fires with it at 09:00 (UTC)',
    ].join('\n'));
  });

  test('fails when schedules in different time zones meet, naming the first such minute from 2026-01-01', () => {
    expect(errorFor([
      StartStopSchedule.cron({ action: 'Start', expression: '0 9 * * 1-5', timeZone: WEST_EUROPE }),
      StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Week', hours: [7], minutes: [0], weekDays: ['Monday'] }),
    ])).toBe([
      'Invalid input in test/alice (1 problem):',
      '  - test/alice: schedules[1]: received "Stop every 1 Week at hours 7 minutes 0 on Monday (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start cron 0 9 * * 1-5 (W. Europe Standard Time)) fires with it at 2026-03-30T07:00:00.000Z',
    ].join('\n'));
  });

  test('accepts a Start and a Stop at the same time of day on different days', () => {
    expect(() => render([
      StartStopSchedule.cron({ action: 'Start', expression: '0 18 * * 0' }),
      StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * 1-6' }),
    ])).not.toThrow();
  });

  test('accepts the same minute when one of the two is disabled', () => {
    expect(() => render([
      StartStopSchedule.cron({ action: 'Start', expression: '0 18 * * *' }),
      StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', enabled: false }),
    ])).not.toThrow();
  });

  test('does not compare a recurrence whose fire times depend on when Azure creates it', () => {
    expect(() => render([
      StartStopSchedule.recurrence({ action: 'Start', frequency: 'Hour', hours: [], minutes: [] }),
      StartStopSchedule.cron({ action: 'Stop', expression: '0 * * * *' }),
    ])).not.toThrow();
  });

  const NO_STOP = 'The schedules start the instance but none stops it, and there is no idle shutdown: it runs (and costs) until someone stops it. Add a Stop schedule or idleShutdown.';

  test('warns when schedules start the instance and nothing stops it', () => {
    expect(warningsOf(render([StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5' })]).ci)).toEqual([NO_STOP]);
  });

  test('warns when the only Stop schedule is disabled', () => {
    expect(warningsOf(render([
      StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5' }),
      StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * 1-5', enabled: false }),
    ]).ci)).toEqual([NO_STOP]);
  });

  test('does not warn with a Stop schedule, or with idle shutdown', () => {
    expect(warningsOf(render(StartStopSchedule.workingHours({ days: ['Monday'], start: '08:00', stop: '18:00' })).ci)).toEqual([]);
    expect(warningsOf(render([StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5' })], { idleShutdown: Duration.minutes(30) }).ci)).toEqual([]);
  });
});

describe('ComputeInstance compares schedules in different time zones where the previews place them', () => {
  const start = StartStopSchedule.cron({ action: 'Start', expression: '30 2 * * *', timeZone: WEST_EUROPE });

  function clashes(stop: StartStopSchedule): string {
    return errorFor([start, stop]);
  }

  test('at the first occurrence of a time repeated when summer time ends', () => {
    const stop = StartStopSchedule.cron({ action: 'Stop', expression: '30 0 25 10 *' });
    expect(clashes(stop)).toBe([
      'Invalid input in test/alice (1 problem):',
      '  - test/alice: schedules[1]: received "Stop cron 30 0 25 10 * (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start cron 30 2 * * * (W. Europe Standard Time)) fires with it at 2026-10-25T00:30:00.000Z',
    ].join('\n'));
    const instant = new Date('2026-10-25T00:30:00.000Z');
    expect(start.nextRuns(1, instant)).toEqual([instant]);
    expect(stop.nextRuns(1, instant)).toEqual([instant]);
  });

  test('not at the second occurrence, where the previews do not fire either', () => {
    const stop = StartStopSchedule.cron({ action: 'Stop', expression: '30 1 25 10 *' });
    expect(() => render([start, stop])).not.toThrow();
    expect(start.nextRuns(2, new Date('2026-10-25T00:31:00Z'))).toEqual([new Date('2026-10-26T01:30:00Z'), new Date('2026-10-27T01:30:00Z')]);
  });

  test('at a time skipped when summer time starts, moved forward by the gap', () => {
    const stop = StartStopSchedule.cron({ action: 'Stop', expression: '30 1 29 3 *' });
    expect(clashes(stop)).toBe([
      'Invalid input in test/alice (1 problem):',
      '  - test/alice: schedules[1]: received "Stop cron 30 1 29 3 * (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start cron 30 2 * * * (W. Europe Standard Time)) fires with it at 2026-03-29T01:30:00.000Z',
    ].join('\n'));
    expect(start.nextRuns(1, new Date('2026-03-29T00:00:00Z'))).toEqual([new Date('2026-03-29T01:30:00Z')]);
  });

  test('with a recurrence that repeats every other day from its startTime', () => {
    expect(errorFor([
      StartStopSchedule.recurrence({ action: 'Start', frequency: 'Day', interval: 2, hours: [9], minutes: [0], startTime: '2026-01-01T00:00:00', timeZone: WEST_EUROPE }),
      StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * 6' }),
    ])).toBe([
      'Invalid input in test/alice (1 problem):',
      '  - test/alice: schedules[1]: received "Stop cron 0 8 * * 6 (UTC)"; allowed: a Stop that never fires in the same minute as a Start; schedules[0] (Start every 2 Day at hours 9 minutes 0 (W. Europe Standard Time)) fires with it at 2026-01-03T08:00:00.000Z',
    ].join('\n'));
  });
});
