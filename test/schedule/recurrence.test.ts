import { RecurrenceScheduleProps, StartStopSchedule } from '../../src';
import { thrown } from '../support/stack';

const DAILY: RecurrenceScheduleProps = { action: 'Start', frequency: 'Day', hours: [9], minutes: [0] };
const DAYS = '"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" or "Sunday"';

function recurrenceError(props: Partial<RecurrenceScheduleProps> & Record<string, unknown>): string {
  return thrown(() => StartStopSchedule.recurrence({ ...DAILY, ...props } as RecurrenceScheduleProps)).message;
}

function problems(...lines: string[]): string {
  const head = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
  return [
    `Invalid input in StartStopSchedule.recurrence (${head}):`,
    ...lines.map((l) => `  - StartStopSchedule.recurrence: ${l}`),
  ].join('\n');
}

describe('StartStopSchedule.recurrence', () => {
  test("writes a daily recurrence with Azure's defaults spelled out", () => {
    expect(StartStopSchedule.recurrence(DAILY).toArm()).toEqual({
      action: 'Start',
      triggerType: 'Recurrence',
      status: 'Enabled',
      recurrence: { frequency: 'Day', interval: 1, timeZone: 'UTC', schedule: { hours: [9], minutes: [0] } },
    });
  });

  test('writes every prop it is given', () => {
    const s = StartStopSchedule.recurrence({
      action: 'Stop',
      frequency: 'Week',
      interval: 2,
      hours: [17, 18],
      minutes: [0, 30],
      weekDays: ['Monday', 'Friday'],
      timeZone: 'India Standard Time',
      enabled: false,
      startTime: '2023-06-21T11:47:00',
    });
    expect(s.toArm()).toEqual({
      action: 'Stop',
      triggerType: 'Recurrence',
      status: 'Disabled',
      recurrence: {
        frequency: 'Week',
        interval: 2,
        timeZone: 'India Standard Time',
        startTime: '2023-06-21T11:47:00',
        schedule: { hours: [17, 18], minutes: [0, 30], weekDays: ['Monday', 'Friday'] },
      },
    });
    expect(s.enabled).toBe(false);
    expect(s.action).toBe('Stop');
    expect(s.triggerType).toBe('Recurrence');
    expect(s.timeZone).toBe('India Standard Time');
  });

  test('keeps its own copy of the lists it is given', () => {
    const hours = [9];
    const s = StartStopSchedule.recurrence({ ...DAILY, hours });
    hours.push(10);
    expect(s.toArm().recurrence?.schedule.hours).toEqual([9]);
  });

  test('takes empty hours and minutes with frequencies that repeat from the start time', () => {
    expect(
      StartStopSchedule.recurrence({
        action: 'Stop',
        frequency: 'Hour',
        interval: 4,
        hours: [],
        minutes: [],
        startTime: '2025-01-06T20:00:00',
      }).toArm().recurrence,
    ).toEqual({
      frequency: 'Hour',
      interval: 4,
      timeZone: 'UTC',
      startTime: '2025-01-06T20:00:00',
      schedule: { hours: [], minutes: [] },
    });
  });

  test.each([
    ['Weekly', '; write "Week" instead'],
    ['daily', '; write "Day" instead'],
    ['Hourly', '; write "Hour" instead'],
    ['Fortnight', ''],
  ])("fails on frequency %j, suggesting Azure's spelling", (frequency, suggestion) => {
    expect(recurrenceError({ frequency: frequency as 'Day' })).toBe(
      problems(`frequency: received "${frequency}"; allowed: "Minute", "Hour", "Day", "Week" or "Month"${suggestion}`),
    );
  });

  test('fails on abbreviated or unknown week days, suggesting the full name', () => {
    expect(recurrenceError({ frequency: 'Week', weekDays: ['Mon', 'Tues', 'Thur', 'Sun', 'Funday'] as never })).toBe(
      problems(
        `weekDays[0]: received "Mon"; allowed: ${DAYS}; write "Monday" instead`,
        `weekDays[1]: received "Tues"; allowed: ${DAYS}; write "Tuesday" instead`,
        `weekDays[2]: received "Thur"; allowed: ${DAYS}; write "Thursday" instead`,
        `weekDays[3]: received "Sun"; allowed: ${DAYS}; write "Sunday" instead`,
        `weekDays[4]: received "Funday"; allowed: ${DAYS}`,
      ),
    );
  });

  test.each([[0], [1.5], ['2'], [1e9]])('fails on interval %j, naming the limit of the frequency', (interval) => {
    expect(recurrenceError({ interval: interval as number })).toBe(
      problems(
        `interval: received ${JSON.stringify(interval)}; allowed: an integer from 1 to 500 with frequency "Day" (the Logic Apps recurrence limit)`,
      ),
    );
  });

  test('fails on an interval of 0 with an unknown frequency, without a limit to name', () => {
    expect(recurrenceError({ frequency: 'Year' as 'Day', interval: 0 })).toBe(
      problems(
        'frequency: received "Year"; allowed: "Minute", "Hour", "Day", "Week" or "Month"',
        'interval: received 0; allowed: an integer of at least 1',
      ),
    );
  });

  const REPEATING: Array<[RecurrenceScheduleProps['frequency'], number, string, Partial<RecurrenceScheduleProps>]> = [
    ['Minute', 72_000, '72,000', { hours: [], minutes: [], startTime: '2026-01-01T00:00:00' }],
    ['Hour', 12_000, '12,000', { hours: [], minutes: [], startTime: '2026-01-01T00:00:00' }],
    ['Day', 500, '500', {}],
    ['Week', 71, '71', { weekDays: ['Monday'] }],
    ['Month', 16, '16', { hours: [], minutes: [], startTime: '2026-01-31T18:00:00' }],
  ];

  test.each(REPEATING)(
    'takes frequency %j up to the Logic Apps limit, interval %j',
    (frequency, max, _shown, props) => {
      expect(
        StartStopSchedule.recurrence({ ...DAILY, frequency, interval: max, ...props }).toArm().recurrence?.interval,
      ).toBe(max);
    },
  );

  test.each(REPEATING)(
    'fails on frequency %j with an interval past the Logic Apps limit of %j',
    (frequency, max, shown, props) => {
      expect(recurrenceError({ frequency, interval: max + 1, ...props })).toBe(
        problems(
          `interval: received ${max + 1}; allowed: an integer from 1 to ${shown} with frequency "${frequency}" (the Logic Apps recurrence limit)`,
        ),
      );
    },
  );

  test('fails on hours, minutes and week days listed more than once, with the list to write', () => {
    expect(
      recurrenceError({
        frequency: 'Week',
        hours: [17, 9, 17],
        minutes: [0, 0],
        weekDays: ['Monday', 'Friday', 'Monday', 'Friday'],
      }),
    ).toBe(
      problems(
        'hours: received [17,9,17]; allowed: a list of hours, integers from 0 to 23, each listed once; 17 is repeated; write [17,9] instead',
        'minutes: received [0,0]; allowed: a list of minutes, integers from 0 to 59, each listed once; 0 is repeated; write [0] instead',
        'weekDays: received ["Monday","Friday","Monday","Friday"]; allowed: a list of days, "Monday" to "Sunday", each listed once; "Monday", "Friday" are repeated; write ["Monday","Friday"] instead',
      ),
    );
  });

  test('does not also call a list repetitive when its repeated items are out of range', () => {
    expect(recurrenceError({ hours: [24, 24] })).toBe(
      problems(
        'hours[0]: received 24; allowed: an integer from 0 to 23',
        'hours[1]: received 24; allowed: an integer from 0 to 23',
      ),
    );
  });

  test.each([[5], ['Stop at 18:00'], [[]]])('fails on props %j, which are not an object', (props) => {
    expect(thrown(() => StartStopSchedule.recurrence(props as never)).message).toBe(
      problems(
        `props: received ${JSON.stringify(props)}; allowed: an object { action, frequency, interval?, hours, minutes, weekDays?, timeZone?, enabled?, startTime? }`,
      ),
    );
  });

  test('fails on hours and minutes out of range', () => {
    expect(recurrenceError({ hours: [24, -1], minutes: [60, 0.5] })).toBe(
      problems(
        'hours[0]: received 24; allowed: an integer from 0 to 23',
        'hours[1]: received -1; allowed: an integer from 0 to 23',
        'minutes[0]: received 60; allowed: an integer from 0 to 59',
        'minutes[1]: received 0.5; allowed: an integer from 0 to 59',
      ),
    );
  });

  test('fails when hours are missing or not a list', () => {
    expect(recurrenceError({ hours: undefined })).toBe(
      problems('hours: received nothing; allowed: a list of hours, integers from 0 to 23'),
    );
    expect(recurrenceError({ hours: 9 as never })).toBe(
      problems('hours: received 9; allowed: a list of hours, integers from 0 to 23'),
    );
  });

  test('fails on a daily or weekly recurrence without hours or minutes', () => {
    expect(recurrenceError({ hours: [] })).toBe(
      problems(
        'hours: received []; allowed: at least one hour from 0 to 23 with frequency "Day": the schedule fires at each of its hours at each of its minutes',
      ),
    );
    expect(recurrenceError({ frequency: 'Week', minutes: [] })).toBe(
      problems(
        'minutes: received []; allowed: at least one minute from 0 to 59 with frequency "Week": the schedule fires at each of its hours at each of its minutes',
      ),
    );
  });

  test('fails on hours and minutes with a frequency that does not read them', () => {
    expect(recurrenceError({ frequency: 'Hour', hours: [9], minutes: [30] })).toBe(
      problems(
        'hours: received [9]; allowed: [] with frequency "Hour" (a recurrence reads hours and minutes only with "Day" or "Week"); use frequency "Day" or "Week" to fire at set times',
        'minutes: received [30]; allowed: [] with frequency "Hour" (a recurrence reads hours and minutes only with "Day" or "Week"); use frequency "Day" or "Week" to fire at set times',
      ),
    );
  });

  test('fails on weekDays with a frequency other than Week', () => {
    expect(recurrenceError({ weekDays: ['Monday'] })).toBe(
      problems(
        'weekDays: received ["Monday"]; allowed: weekDays only with frequency "Week" (a recurrence reads them only then); set frequency "Week" or remove weekDays',
      ),
    );
  });

  test('fails on monthDays, which Azure ML ignores on compute schedules', () => {
    expect(recurrenceError({ frequency: 'Month', hours: [], minutes: [], monthDays: [1, 15] })).toBe(
      problems(
        'monthDays: received [1,15]; allowed: nothing: Azure ML ignores monthDays on compute schedules (its own SDK drops them: "\'month_days\' is ignored for not supported on compute recurrence schedule"); use triggerType "Cron" with a day-of-month field instead',
      ),
    );
  });
});
