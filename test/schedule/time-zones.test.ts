import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { StartStopSchedule } from '../../src';
import { thrown } from '../support/stack';

const ZONE_ALLOWED =
  'allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"';
const START_ALLOWED =
  'allowed: a date and time "yyyy-MM-ddTHH:mm:ss" in the schedule\'s time zone, without offset, such as "2025-01-06T08:00:00"';

function cronWith(extra: { timeZone?: unknown; startTime?: unknown }): StartStopSchedule {
  return StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', ...extra } as never);
}

function oneProblem(field: string, received: string, allowed: string): string {
  return `Invalid input in StartStopSchedule.cron (1 problem):\n  - StartStopSchedule.cron: ${field}: received ${received}; ${allowed}`;
}

describe('schedule time zones', () => {
  const windowsIds = [...new Set(WINDOWS_TO_IANA_MAP.map((e) => e.windowsName))];

  test('the table has every Windows time zone id (139 in windows-iana 5.1.0)', () => {
    expect(windowsIds).toHaveLength(139);
    expect(windowsIds).toEqual(
      expect.arrayContaining([
        'UTC',
        'Pacific Standard Time',
        'W. Europe Standard Time',
        'India Standard Time',
        'UTC-11',
      ]),
    );
  });

  test('accepts every Windows id and previews it in the IANA zone it maps to', () => {
    const from = new Date('2025-01-15T00:00:00Z');
    for (const timeZone of windowsIds) {
      const runs = cronWith({ timeZone }).nextRuns(1, from);
      expect(runs).toHaveLength(1);
      expect(runs[0].getTime()).toBeGreaterThanOrEqual(from.getTime());
      expect(runs[0].getUTCMinutes() % 15).toBe(0);
    }
  });

  test('defaults to UTC', () => {
    expect(cronWith({}).toArm().cron?.timeZone).toBe('UTC');
    expect(cronWith({}).timeZone).toBe('UTC');
  });

  test.each([
    ['America/Los_Angeles', 'Pacific Standard Time'],
    ['Europe/Berlin', 'W. Europe Standard Time'],
    ['Europe/Amsterdam', 'W. Europe Standard Time'],
    ['Asia/Calcutta', 'India Standard Time'],
    ['US/Pacific', 'Pacific Standard Time'],
    ['Etc/UTC', 'UTC'],
    ['europe/london', 'GMT Standard Time'],
  ])('fails on the IANA name %j with the Windows id to use', (iana, windows) => {
    expect(thrown(() => cronWith({ timeZone: iana })).message).toBe(
      oneProblem(
        'timeZone',
        JSON.stringify(iana),
        `${ZONE_ALLOWED}; Azure does not take IANA names: write "${windows}" instead`,
      ),
    );
  });

  test.each([
    ['utc', 'UTC'],
    ['pacific standard time', 'Pacific Standard Time'],
    ['W. EUROPE STANDARD TIME', 'W. Europe Standard Time'],
  ])('fails on %j, a Windows id spelled in another case', (given, id) => {
    expect(thrown(() => cronWith({ timeZone: given })).message).toBe(
      oneProblem('timeZone', JSON.stringify(given), `${ZONE_ALLOWED}, spelled exactly; write "${id}" instead`),
    );
  });

  test.each([['CST'], ['UTC+01:00'], ['(UTC+01:00) Amsterdam, Berlin'], [5]])('fails on %j', (timeZone) => {
    expect(thrown(() => cronWith({ timeZone })).message).toBe(
      oneProblem('timeZone', JSON.stringify(timeZone), ZONE_ALLOWED),
    );
  });
});

describe('schedule start times', () => {
  test.each([
    ['2024-02-29T00:00:00'],
    ['2021-03-10T21:21:07'],
    ['1999-12-31T23:59:59'],
    ['0001-01-01T00:00:00'],
    ['9999-12-31T23:59:59'],
  ])('accepts %j', (startTime) => {
    expect(cronWith({ startTime }).toArm().cron?.startTime).toBe(startTime);
  });

  test.each([
    ['2023-02-29T00:00:00', '; 2023-02-29 00:00:00 is not a real date and time'],
    ['2025-13-01T00:00:00', '; 2025-13-01 00:00:00 is not a real date and time'],
    ['2025-01-06T24:00:00', '; 2025-01-06 24:00:00 is not a real date and time'],
    [
      '2025-01-06T08:00:00Z',
      '; the time is read in the schedule\'s time zone, so leave the offset out; write "2025-01-06T08:00:00" instead',
    ],
    [
      '2025-01-06T08:00:00+01:00',
      '; the time is read in the schedule\'s time zone, so leave the offset out; write "2025-01-06T08:00:00" instead',
    ],
    ['2025-01-06 08:00', '; write "2025-01-06T08:00:00" instead'],
    ['2025-01-06', '; write "2025-01-06T00:00:00" instead'],
    ['2025-01-06T08:00:00.000', '; write "2025-01-06T08:00:00" instead'],
    ['tomorrow', ''],
    ['0000-01-01T00:00:00', '; there is no year 0000 (years start at 0001)'],
    ['0000-02-29T12:00:00', '; there is no year 0000 (years start at 0001)'],
  ])('fails on %j', (startTime, rest) => {
    expect(thrown(() => cronWith({ startTime })).message).toBe(
      oneProblem('startTime', JSON.stringify(startTime), `${START_ALLOWED}${rest}`),
    );
  });

  test('fails on a start time that is not a string', () => {
    expect(thrown(() => cronWith({ startTime: 20250106 })).message).toBe(
      oneProblem('startTime', '20250106', START_ALLOWED),
    );
  });
});
