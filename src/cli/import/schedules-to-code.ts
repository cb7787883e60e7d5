import type { ArmComputeStartStopSchedule } from '../../model/compute-arm';
import { StartStopSchedule } from '../../schedule/start-stop-schedule';
import { show } from '../../core/errors';
import { isPlainObject } from '../../core/plain-object';
import { arr, call, Expr, Item, jsonToCode, lit, obj, Prop, prop } from './code';
import { refusalComments, refusalsOf } from './findings';
import { workingHoursFor } from './working-hours-from-entries';

/** The schedules prop: its code, the schedules it builds (those the library accepts), and what it found. */
interface SchedulesCode {
  readonly code: Expr;
  readonly schedules: StartStopSchedule[];
  readonly refusals: string[];
  readonly unsupported: string[];
}

const ENTRY_KEYS = ['action', 'triggerType', 'status', 'cron', 'recurrence'];
const CRON_KEYS = ['expression', 'timeZone', 'startTime'];
const RECURRENCE_KEYS = ['frequency', 'interval', 'timeZone', 'startTime', 'schedule'];
const PATTERN_KEYS = ['hours', 'minutes', 'weekDays', 'monthDays'];
const ENUMS: Record<string, readonly string[]> = {
  action: ['Start', 'Stop'],
  triggerType: ['Cron', 'Recurrence'],
  status: ['Enabled', 'Disabled'],
  frequency: ['Minute', 'Hour', 'Day', 'Week', 'Month'],
};
const WEEK_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function unknownKeys(value: Record<string, unknown>, known: readonly string[], where: string): string[] {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .sort()
    .map((k) => `${where}.${k} (${show(value[k])})`);
}

/** The fields of `value` that hold something else than text: a list there would not compile as a string. */
function notText(value: Record<string, unknown>, keys: readonly string[], where: string): string[] {
  return keys
    .filter((k) => value[k] !== undefined && typeof value[k] !== 'string')
    .map((k) => `${where}.${k} (${show(value[k])}): not text`);
}

/**
 * Why `entry` cannot be written as TypeScript that compiles against the library's types, or what in it the
 * library has no field for; empty when it can be written.
 */
function entryUnsupported(entry: unknown, where: string): string[] {
  if (!isPlainObject(entry)) return [`${where} (${show(entry)}): not a schedule entry`];
  const found = unknownKeys(entry, ENTRY_KEYS, where);
  for (const [key, allowed] of Object.entries(ENUMS)) {
    const holder = key === 'frequency' ? entry.recurrence : entry;
    if (!isPlainObject(holder) || holder[key] === undefined) continue;
    if (!allowed.includes(holder[key] as string))
      found.push(
        `${where}.${key === 'frequency' ? 'recurrence.' : ''}${key} ${show(holder[key])}, not one of ${allowed.join(', ')}`,
      );
  }
  if (isPlainObject(entry.cron)) {
    found.push(...unknownKeys(entry.cron, CRON_KEYS, `${where}.cron`));
    found.push(...notText(entry.cron, ['expression', 'timeZone', 'startTime'], `${where}.cron`));
  }
  if (isPlainObject(entry.recurrence)) {
    found.push(...unknownKeys(entry.recurrence, RECURRENCE_KEYS, `${where}.recurrence`));
    found.push(...notText(entry.recurrence, ['timeZone', 'startTime'], `${where}.recurrence`));
    const pattern = entry.recurrence.schedule;
    if (isPlainObject(pattern)) {
      found.push(...unknownKeys(pattern, PATTERN_KEYS, `${where}.recurrence.schedule`));
      const days = pattern.weekDays;
      if (Array.isArray(days)) {
        for (const d of days)
          if (!WEEK_DAYS.includes(d))
            found.push(`${where}.recurrence.schedule.weekDays ${show(d)}, not a day's full name`);
      }
    }
  }
  return found;
}

/** One entry through the factory that writes it back unchanged: `cron` or `recurrence`, else `fromArm`. */
function entryCode(e: ArmComputeStartStopSchedule): { code: Expr; build: () => StartStopSchedule } {
  const enabled: Prop[] = e.status === 'Disabled' ? [prop('enabled', lit(false))] : [];
  const startTime = (t: string | undefined): Prop[] => (t !== undefined ? [prop('startTime', lit(t))] : []);
  if (
    e.status !== undefined &&
    e.triggerType === 'Cron' &&
    e.cron &&
    e.recurrence === undefined &&
    e.cron.timeZone !== undefined
  ) {
    const props = {
      action: e.action,
      expression: e.cron.expression,
      timeZone: e.cron.timeZone,
      ...(e.status === 'Disabled' ? { enabled: false } : {}),
      ...(e.cron.startTime !== undefined ? { startTime: e.cron.startTime } : {}),
    };
    return {
      code: call(
        'StartStopSchedule.cron',
        obj([
          prop('action', lit(e.action)),
          prop('expression', lit(e.cron.expression)),
          prop('timeZone', lit(e.cron.timeZone)),
          ...enabled,
          ...startTime(e.cron.startTime),
        ]),
      ),
      build: () => StartStopSchedule.cron(props),
    };
  }
  const r = e.recurrence;
  if (
    e.status !== undefined &&
    e.triggerType === 'Recurrence' &&
    r &&
    e.cron === undefined &&
    r.timeZone !== undefined &&
    r.interval !== undefined &&
    isPlainObject(r.schedule)
  ) {
    const s = r.schedule;
    const props = {
      action: e.action,
      frequency: r.frequency,
      interval: r.interval,
      hours: s.hours,
      minutes: s.minutes,
      ...(s.weekDays !== undefined ? { weekDays: s.weekDays } : {}),
      ...(s.monthDays !== undefined ? { monthDays: s.monthDays } : {}),
      timeZone: r.timeZone,
      ...(e.status === 'Disabled' ? { enabled: false } : {}),
      ...(r.startTime !== undefined ? { startTime: r.startTime } : {}),
    };
    return {
      code: call('StartStopSchedule.recurrence', obj(Object.entries(props).map(([k, v]) => prop(k, jsonToCode(v))))),
      build: () => StartStopSchedule.recurrence(props),
    };
  }
  // No status, no time zone or no interval: the factories would add them, fromArm keeps the entry as it is.
  return { code: call('StartStopSchedule.fromArm', jsonToCode(e)), build: () => StartStopSchedule.fromArm(e) };
}

/** The `schedules` prop for Azure's `computeStartStop` list; undefined when the list is empty. */
export function schedulesToCode(list: unknown): SchedulesCode | undefined {
  if (!Array.isArray(list)) {
    return list === undefined
      ? undefined
      : {
          code: arr([]),
          schedules: [],
          refusals: [],
          unsupported: [`schedules.computeStartStop (${show(list)}): not a list`],
        };
  }
  if (list.length === 0) return undefined;
  const unsupported = list.flatMap((e, i) => entryUnsupported(e, `schedules.computeStartStop[${i}]`));
  const writable = list.filter(
    (e, i) => entryUnsupported(e, `schedules.computeStartStop[${i}]`).length === 0,
  ) as ArmComputeStartStopSchedule[];
  const shifts = unsupported.length === 0 ? workingHoursFor(writable) : undefined;
  if (shifts) {
    const shiftCode = shifts.map((s) => obj(Object.entries(s).map(([k, v]) => prop(k, jsonToCode(v)))));
    return {
      code: call('StartStopSchedule.workingHours', shiftCode.length === 1 ? shiftCode[0] : arr(shiftCode)),
      schedules: StartStopSchedule.workingHours(shifts),
      refusals: [],
      unsupported: [],
    };
  }
  const items: Item[] = [];
  const schedules: StartStopSchedule[] = [];
  const refusals: string[] = [];
  writable.forEach((e) => {
    const { code, build } = entryCode(e);
    const index = list.indexOf(e);
    const found = refusalsOf(build, `schedules[${index}].`);
    if (found.length === 0) schedules.push(build());
    refusals.push(...found);
    items.push({ value: code, comments: refusalComments(found) });
  });
  return { code: arr(items), schedules, refusals, unsupported };
}
