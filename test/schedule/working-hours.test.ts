import { StartStopSchedule, WorkingHoursProps } from '../../src';
import { thrown } from '../support/stack';

const WEEKDAYS: WorkingHoursProps['days'] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const DAYS = '"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" or "Sunday"';

function cron(action: 'Start' | 'Stop', expression: string, timeZone = 'UTC') {
  return { action, triggerType: 'Cron', status: 'Enabled', cron: { expression, timeZone } };
}

function entries(shifts: WorkingHoursProps | WorkingHoursProps[]) {
  return StartStopSchedule.workingHours(shifts).map((s) => s.toArm());
}

function problems(...lines: string[]): string {
  const head = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
  return [
    `Invalid input in StartStopSchedule.workingHours (${head}):`,
    ...lines.map((l) => `  - StartStopSchedule.workingHours: ${l}`),
  ].join('\n');
}

describe('StartStopSchedule.workingHours', () => {
  test('expresses one shift on several days as one Start and one Stop', () => {
    expect(entries({ days: WEEKDAYS, start: '09:00', stop: '17:30', timeZone: 'W. Europe Standard Time' })).toEqual([
      cron('Start', '0 9 * * 1-5', 'W. Europe Standard Time'),
      cron('Stop', '30 17 * * 1-5', 'W. Europe Standard Time'),
    ]);
  });

  test("expresses the docs' example (Monday-Thursday 9-18, Friday 9-16) in 3 schedules", () => {
    expect(
      entries([
        { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'], start: '09:00', stop: '18:00' },
        { days: ['Friday'], start: '09:00', stop: '16:00' },
      ]),
    ).toEqual([cron('Start', '0 9 * * 1-5'), cron('Stop', '0 18 * * 1-4'), cron('Stop', '0 16 * * 5')]);
  });

  test('stops a night shift on the next day, Sunday night on Monday', () => {
    expect(entries({ days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'], start: '22:00', stop: '06:00' })).toEqual([
      cron('Start', '0 22 * * 1-4'),
      cron('Stop', '0 6 * * 2-5'),
    ]);
    expect(entries({ days: ['Sunday'], start: '22:00', stop: '06:00' })).toEqual([
      cron('Start', '0 22 * * 0'),
      cron('Stop', '0 6 * * 1'),
    ]);
    expect(entries({ days: ['Monday'], start: '13:00', stop: '12:59' })).toEqual([
      cron('Start', '0 13 * * 1'),
      cron('Stop', '59 12 * * 2'),
    ]);
  });

  test('merges times of one day into one cron where they form hours x minutes, and only there', () => {
    expect(
      entries([
        { days: ['Monday'], start: '09:00', stop: '12:00' },
        { days: ['Monday'], start: '13:00', stop: '17:00' },
      ]),
    ).toEqual([cron('Start', '0 9,13 * * 1'), cron('Stop', '0 12,17 * * 1')]);
    expect(
      entries([
        { days: ['Monday'], start: '09:00', stop: '12:30' },
        { days: ['Monday'], start: '13:00', stop: '17:00' },
      ]),
    ).toEqual([cron('Start', '0 9,13 * * 1'), cron('Stop', '30 12 * * 1'), cron('Stop', '0 17 * * 1')]);
  });

  test('runs the shifts it expresses: 5 x 8.5 hours', () => {
    const week = StartStopSchedule.workingHours({ days: WEEKDAYS, start: '09:00', stop: '17:30' });
    expect(StartStopSchedule.weeklyUptime(week, { from: new Date('2025-01-06T00:00:00Z') })).toBe(42.5);
  });

  test('fails on misspelt or repeated days and on times not written HH:mm, with what to write', () => {
    expect(
      thrown(() =>
        StartStopSchedule.workingHours({ days: ['Mon', 'Friday', 'Friday'] as never, start: '9:00', stop: '6pm' }),
      ).message,
    ).toBe(
      problems(
        `days[0]: received "Mon"; allowed: ${DAYS}; write "Monday" instead`,
        'days[2]: received "Friday"; allowed: each day once',
        'start: received "9:00"; allowed: a time "HH:mm" from "00:00" to "23:59"; write "09:00" instead',
        'stop: received "6pm"; allowed: a time "HH:mm" from "00:00" to "23:59"; write "18:00" instead',
      ),
    );
  });

  test('fails on no days and on a shift that stops when it starts', () => {
    expect(thrown(() => StartStopSchedule.workingHours({ days: [], start: '09:00', stop: '09:00' })).message).toBe(
      problems(
        `days: received []; allowed: a list of days, ${DAYS}`,
        'stop: received "09:00"; allowed: a time other than start ("09:00"): a shift that stops when it starts never runs',
      ),
    );
  });

  test('fails on shifts that meet (a stop and a start in the same minute)', () => {
    expect(
      thrown(() =>
        StartStopSchedule.workingHours([
          { days: ['Monday'], start: '09:00', stop: '12:00' },
          { days: ['Monday'], start: '12:00', stop: '17:00' },
        ]),
      ).message,
    ).toBe(
      problems(
        '[1].days: received ["Monday"]; allowed: shifts that neither overlap nor meet; on Monday this one overlaps or meets [0] (09:00-12:00 on Monday): merge them into one shift',
      ),
    );
  });

  test('fails on shifts that overlap, also across midnight and the end of the week', () => {
    expect(
      thrown(() =>
        StartStopSchedule.workingHours([
          { days: ['Monday'], start: '09:00', stop: '18:00' },
          { days: ['Monday', 'Tuesday'], start: '12:00', stop: '20:00' },
        ]),
      ).message,
    ).toBe(
      problems(
        '[1].days: received ["Monday","Tuesday"]; allowed: shifts that neither overlap nor meet; on Monday this one overlaps or meets [0] (09:00-18:00 on Monday): merge them into one shift',
      ),
    );
    expect(
      thrown(() =>
        StartStopSchedule.workingHours([
          { days: ['Sunday'], start: '22:00', stop: '06:00' },
          { days: ['Monday'], start: '05:00', stop: '10:00' },
        ]),
      ).message,
    ).toBe(
      problems(
        '[1].days: received ["Monday"]; allowed: shifts that neither overlap nor meet; on Monday this one overlaps or meets [0] (22:00-06:00 on Sunday): merge them into one shift',
      ),
    );
  });

  test('fails on shifts in different time zones, and on an IANA time zone', () => {
    expect(
      thrown(() =>
        StartStopSchedule.workingHours([
          { days: ['Monday'], start: '09:00', stop: '12:00', timeZone: 'UTC' },
          { days: ['Tuesday'], start: '09:00', stop: '12:00', timeZone: 'W. Europe Standard Time' },
        ]),
      ).message,
    ).toBe(
      problems(
        '[1].timeZone: received "W. Europe Standard Time"; allowed: "UTC", the time zone of the first shift (declare shifts of another time zone in another workingHours call)',
      ),
    );
    expect(
      thrown(() =>
        StartStopSchedule.workingHours({ days: ['Monday'], start: '09:00', stop: '12:00', timeZone: 'Europe/Paris' }),
      ).message,
    ).toBe(
      problems(
        'timeZone: received "Europe/Paris"; allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"; Azure does not take IANA names: write "Romance Standard Time" instead',
      ),
    );
  });

  test('fails on shifts that need more than the 4 schedules an instance takes', () => {
    expect(
      thrown(() =>
        StartStopSchedule.workingHours([
          { days: ['Monday'], start: '08:00', stop: '09:00' },
          { days: ['Tuesday'], start: '10:00', stop: '11:00' },
          { days: ['Wednesday'], start: '12:00', stop: '13:00' },
        ]),
      ).message,
    ).toBe(
      problems(
        'shifts: received "6 schedules"; allowed: shifts that fit in 4 schedules, the most a compute instance takes',
      ),
    );
  });

  test('fails on an empty list of shifts', () => {
    expect(thrown(() => StartStopSchedule.workingHours([])).message).toBe(
      problems('shifts: received []; allowed: at least one shift { days, start, stop }'),
    );
  });
});
