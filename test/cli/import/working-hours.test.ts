import { StartStopSchedule, WorkingHoursProps } from '../../../src';
import { workingHoursFor } from '../../../src/cli/import/working-hours-from-entries';

const entriesOf = (shifts: WorkingHoursProps[]) => StartStopSchedule.workingHours(shifts).map((s) => s.toArm());

describe('aml-compute import reads working hours back from cron entries', () => {
  test.each([
    [
      'an overnight shift',
      [
        {
          days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
          start: '22:00',
          stop: '06:00',
          timeZone: 'UTC',
        },
      ],
    ],
    [
      'two shifts with other days and minutes',
      [
        { days: ['Monday', 'Wednesday'], start: '09:15', stop: '17:45', timeZone: 'Pacific Standard Time' },
        { days: ['Saturday'], start: '10:00', stop: '12:00', timeZone: 'Pacific Standard Time' },
      ],
    ],
    [
      'a shift that crosses from Sunday into Monday',
      [{ days: ['Sunday'], start: '23:00', stop: '01:00', timeZone: 'UTC' }],
    ],
  ] as [string, WorkingHoursProps[]][])('%s: the same shifts', (_name, shifts) => {
    expect(workingHoursFor(entriesOf(shifts))).toEqual(shifts);
  });

  test('a Stop without a Start is not working hours', () => {
    expect(
      workingHoursFor([
        { action: 'Stop', triggerType: 'Cron', status: 'Enabled', cron: { expression: '0 18 * * *', timeZone: 'UTC' } },
      ]),
    ).toBeUndefined();
  });

  test('entries in another order than workingHours writes them are not working hours (the code must give them back unchanged)', () => {
    const entries = entriesOf([{ days: ['Monday'], start: '09:00', stop: '17:00', timeZone: 'UTC' }]);
    expect(workingHoursFor([...entries].reverse())).toBeUndefined();
  });

  test('a disabled entry or a startTime is not working hours', () => {
    const [start, stop] = entriesOf([{ days: ['Monday'], start: '09:00', stop: '17:00', timeZone: 'UTC' }]);
    expect(workingHoursFor([start, { ...stop, status: 'Disabled' }])).toBeUndefined();
    expect(
      workingHoursFor([start, { ...stop, cron: { ...stop.cron!, startTime: '2026-01-01T00:00:00' } }]),
    ).toBeUndefined();
  });
});
