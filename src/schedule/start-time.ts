import { LocalDateTime, daysInMonth } from './zoned-time';

/** `yyyy-MM-ddTHH:mm:ss`, a wall-clock time in the schedule's time zone (no offset). */
export const START_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$';
const START_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

export const START_TIME_ALLOWED =
  'a date and time "yyyy-MM-ddTHH:mm:ss" in the schedule\'s time zone, without offset, such as "2025-01-06T08:00:00"';

/** The same moment written the way Azure takes it, when `value` is a common near miss. */
function rewritten(value: string): string | undefined {
  let v = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  v = v.replace(/(Z|[+-]\d{2}:?\d{2})$/i, '').replace(/(T\d{2}:\d{2}:\d{2})\.\d+$/, '$1');
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) v += 'T00:00:00';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) v += ':00';
  return v !== value && START_TIME.test(v) && parseStartTime(v) ? v : undefined;
}

/** The wall-clock time a valid startTime names, or undefined when it is not a real date and time. */
export function parseStartTime(value: string): LocalDateTime | undefined {
  const m = START_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  // Azure reads startTime as a .NET DateTime, whose years run from 0001.
  if (
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return { year, month, day, hour, minute, second };
}

/** The `allowed:` text when `value` is not a valid startTime, with the rewrite to use when there is one. */
export function startTimeRefused(value: unknown): string | undefined {
  if (typeof value !== 'string') return START_TIME_ALLOWED;
  if (parseStartTime(value)) return undefined;
  if (/^0000-/.test(value) && START_TIME.test(value))
    return `${START_TIME_ALLOWED}; there is no year 0000 (years start at 0001)`;
  if (START_TIME.test(value))
    return `${START_TIME_ALLOWED}; ${value.slice(0, 10)} ${value.slice(11)} is not a real date and time`;
  const fix = rewritten(value);
  if (!fix) return START_TIME_ALLOWED;
  const offset = /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())
    ? "; the time is read in the schedule's time zone, so leave the offset out"
    : '';
  return `${START_TIME_ALLOWED}${offset}; write "${fix}" instead`;
}
