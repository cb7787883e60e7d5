import { ArmComputeStartStopSchedule, RecurrenceFrequency, ScheduleAction, WeekDay } from '../model/compute-arm';
import { MAX_SCHEDULES } from '../model/limits';
import { Problems } from '../core/errors';
import { SealedValue } from '../core/sealed-value';
import { isPlainObject, jsonObjectCopy, onlyPlainObjects, plainSnapshot } from '../core/plain-object';
import { armEntryProblems, cronEntryKey } from './entry-validation';
import { fireTimes } from './firing';
import { containsToken, describeEntry, sameMinuteProblemsOfSet, type ScheduleSetProblem } from './schedule-set-checks';
import { scheduleListValidator } from './schemas';
import { WorkingHoursProps, workingHoursEntries } from './working-hours';

/** A start or stop schedule given as a cron expression (`StartStopSchedule.cron`). */
export interface CronScheduleProps {
  /** What the schedule does to the instance. */
  readonly action: ScheduleAction;
  /**
   * Five fields, minute hour day-of-month month day-of-week (Sunday = 0), each `*` or a comma list of
   * numbers and `a-b` ranges: the grammar Azure documents. Written the one way: fields separated by one
   * space, nothing around them, numbers without leading zeros (`0 18 * * *`).
   */
  readonly expression: string;
  /**
   * A Windows time zone id (`'W. Europe Standard Time'`, not `'Europe/Berlin'`); the schedule follows its
   * daylight-saving changes.
   * @default 'UTC'
   */
  readonly timeZone?: string;
  /**
   * Whether the schedule fires; `false` keeps it on the instance, disabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * When the schedule begins to apply, `yyyy-MM-ddTHH:mm:ss` in `timeZone`.
   * @default - it applies from creation
   */
  readonly startTime?: string;
}

/** A start or stop schedule given as a recurrence (`StartStopSchedule.recurrence`). */
export interface RecurrenceScheduleProps {
  /** What the schedule does to the instance. */
  readonly action: ScheduleAction;
  /** `'Day'` or `'Week'` fire at set times; `'Minute'`, `'Hour'` and `'Month'` repeat from `startTime`. */
  readonly frequency: RecurrenceFrequency;
  /**
   * Fire every `interval` minutes, hours, days, weeks or months: at most 72,000 minutes, 12,000 hours,
   * 500 days, 71 weeks or 16 months (the Logic Apps recurrence limits).
   * @default 1
   */
  readonly interval?: number;
  /** Hours (0-23) to fire at, each listed once, with frequency `'Day'` or `'Week'`; `[]` with the other frequencies. */
  readonly hours: number[];
  /** Minutes (0-59) to fire at within each of `hours`, each listed once; `[]` with frequencies other than `'Day'` and `'Week'`. */
  readonly minutes: number[];
  /**
   * The days to fire on, each listed once, with frequency `'Week'`.
   * @default - with frequency 'Week', the weekday of `startTime` (or of creation)
   */
  readonly weekDays?: WeekDay[];
  /**
   * Rejected: Azure ML ignores monthDays on compute schedules. Use `StartStopSchedule.cron` with a
   * day-of-month field.
   * @default - none (the only accepted value)
   */
  readonly monthDays?: number[];
  /**
   * A Windows time zone id.
   * @default 'UTC'
   */
  readonly timeZone?: string;
  /**
   * Whether the schedule fires; `false` keeps it on the instance, disabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * When the schedule begins, `yyyy-MM-ddTHH:mm:ss` in `timeZone`; intervals count from it.
   * @default - from creation
   */
  readonly startTime?: string;
}

export type { WorkingHoursProps } from './working-hours';

/** Options of `StartStopSchedule.weeklyUptime`. */
export interface WeeklyUptimeOptions {
  /**
   * The start of the week to measure; the instance is taken to be stopped then.
   * @default - now
   */
  readonly from?: Date;
}

/** An entry that passed the schema through objects whose fields JSON would not write (inherited ones). */
const PLAIN_OBJECTS_ALLOWED =
  'an entry of plain objects (object literals or parsed JSON), not class instances or objects that inherit their fields';

/** The most fire times one preview returns. */
const MAX_RUNS = 10_000;
const WEEK_MS = 7 * 86_400_000;

/** A factory's props name fields without the ARM entry's nesting (`expression`, not `cron.expression`). */
function propField(field: string): string {
  return field
    .replace(/^cron\./, '')
    .replace(/^recurrence\.schedule\./, '')
    .replace(/^recurrence\./, '');
}

/** A deep copy of a valid entry (whose shape the schema has fixed), keeping its key order. */
function copyEntry(e: ArmComputeStartStopSchedule): ArmComputeStartStopSchedule {
  const copy: Record<string, unknown> = { ...e };
  if (e.cron) copy.cron = { ...e.cron };
  if (e.recurrence) {
    const schedule: Record<string, unknown> = { ...e.recurrence.schedule };
    for (const [key, list] of Object.entries(schedule)) if (Array.isArray(list)) schedule[key] = [...list];
    copy.recurrence = { ...e.recurrence, schedule };
  }
  return copy as unknown as ArmComputeStartStopSchedule;
}

/** An invalid Date shows as "Invalid Date" (its JSON is null), a valid one in ISO form whatever the machine's zone. */
function shownDate(d: unknown): unknown {
  if (!(d instanceof Date)) return d;
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString();
}

/**
 * A factory's props as an object. Missing props (undefined or null) read as empty, so that the error lists
 * each required field; anything else that is not an object is one problem.
 */
function propsOf<T>(problems: Problems, props: unknown, shape: string): Partial<T> {
  if (props === undefined || props === null) return {};
  if (!isPlainObject(props)) {
    problems.add('props', props, `an object ${shape}`);
    problems.throwIfAny();
  }
  return props as Partial<T>;
}

/** The years a .NET DateTime (Azure's) holds: previews outside them mean nothing. */
const EARLIEST_MS = new Date('0001-01-01T00:00:00Z').getTime();
const LATEST_MS = new Date('9999-12-31T23:59:59Z').getTime();
const DATE_ALLOWED = 'a valid Date from 0001-01-01 to 9999-12-31 (UTC)';

function isValidDate(d: unknown): d is Date {
  return d instanceof Date && d.getTime() >= EARLIEST_MS && d.getTime() <= LATEST_MS;
}

const SEALED = new SealedValue<StartStopSchedule>(
  'StartStopSchedule',
  'a schedule from StartStopSchedule.cron, .recurrence, .workingHours, .fromArm or .fromArmList (the class cannot be constructed or extended)',
);
/** Only the factories of this module hold it: the constructor refuses to run without it. */
const VALIDATED = SEALED.token;

/**
 * A start or stop schedule of a compute instance: one entry of its `schedules.computeStartStop`.
 * Made by the static factories, which validate what they are given. The constructor is private and the
 * class cannot be extended: a schedule exists only once validated.
 */
export class StartStopSchedule {
  /**
   * True for a StartStopSchedule, made by this copy of the library or another one in the same program
   * (where `instanceof` is false). A value that only claims to be one is checked again where it is used.
   */
  static isStartStopSchedule(x: unknown): x is StartStopSchedule {
    return SEALED.isBranded(x);
  }

  /**
   * The schedule `value` stands for, made by this copy: itself when this copy made it; another copy's
   * schedule (or anything else that says it is one) validated again from its `toArm()`; otherwise
   * undefined, with the problem added under `field`.
   * @internal
   */
  static fromAnyCopy(
    problems: Problems,
    field: string,
    value: unknown,
    allowed = 'a StartStopSchedule made by its factories',
  ): StartStopSchedule | undefined {
    return SEALED.fromAnyCopy(problems, field, value, allowed, (claimed) => {
      const copy = jsonObjectCopy(() => claimed.toArm());
      if (copy === undefined) {
        problems.add(field, value, allowed);
        return undefined;
      }
      return problems.collect(field, () => StartStopSchedule.fromArm(copy as unknown as ArmComputeStartStopSchedule));
    });
  }

  /** A schedule from a cron expression in Azure's documented grammar. */
  static cron(props: CronScheduleProps): StartStopSchedule {
    const problems = new Problems('StartStopSchedule.cron');
    const p = propsOf<CronScheduleProps>(problems, props, '{ action, expression, timeZone?, enabled?, startTime? }');
    // The entry is built first and the key read from it: the props are read once, even a getter.
    const entry: ArmComputeStartStopSchedule = {
      action: p.action as ScheduleAction,
      triggerType: 'Cron',
      status: p.enabled === false ? 'Disabled' : 'Enabled',
      cron: {
        expression: p.expression as string,
        timeZone: p.timeZone ?? 'UTC',
        ...(p.startTime !== undefined ? { startTime: p.startTime } : {}),
      },
    };
    return StartStopSchedule.validated(problems, entry, p.enabled, propField, cronEntryKey(entry));
  }

  /** A schedule from a recurrence (the Logic Apps recurrence shape). */
  static recurrence(props: RecurrenceScheduleProps): StartStopSchedule {
    const problems = new Problems('StartStopSchedule.recurrence');
    const p = propsOf<RecurrenceScheduleProps>(
      problems,
      props,
      '{ action, frequency, interval?, hours, minutes, weekDays?, timeZone?, enabled?, startTime? }',
    );
    const copy = <T>(v: T): T => (Array.isArray(v) ? ([...v] as T) : v);
    return StartStopSchedule.validated(
      problems,
      {
        action: p.action as ScheduleAction,
        triggerType: 'Recurrence',
        status: p.enabled === false ? 'Disabled' : 'Enabled',
        recurrence: {
          frequency: p.frequency as RecurrenceFrequency,
          interval: p.interval ?? 1,
          timeZone: p.timeZone ?? 'UTC',
          ...(p.startTime !== undefined ? { startTime: p.startTime } : {}),
          schedule: {
            hours: copy(p.hours) as number[],
            minutes: copy(p.minutes) as number[],
            ...(p.weekDays !== undefined ? { weekDays: copy(p.weekDays) } : {}),
            ...(p.monthDays !== undefined ? { monthDays: copy(p.monthDays) } : {}),
          },
        },
      },
      p.enabled,
      propField,
    );
  }

  /**
   * The fewest cron schedules that start the instance at the start of each shift and stop it at its end.
   * A shift whose stop is earlier than its start runs past midnight. Several shifts (Monday to Thursday
   * 09:00-18:00 and Friday 09:00-16:00) merge where they share times or days: that example takes 3.
   */
  static workingHours(shifts: WorkingHoursProps | WorkingHoursProps[]): StartStopSchedule[] {
    const problems = new Problems('StartStopSchedule.workingHours');
    const entries = workingHoursEntries(shifts, problems);
    problems.throwIfAny();
    return entries.map((e) => StartStopSchedule.validated(problems, e, undefined, propField));
  }

  /**
   * Parses and validates one ARM `computeStartStop` entry, such as one from an ARM parameter file;
   * `toArm()` gives it back unchanged.
   */
  static fromArm(entry: ArmComputeStartStopSchedule): StartStopSchedule {
    const problems = new Problems('StartStopSchedule.fromArm');
    // What is validated is what is kept: a copy, each field read once.
    const copy = plainSnapshot(entry) as ArmComputeStartStopSchedule;
    const valid = StartStopSchedule.validated(problems, copy, undefined, (f) => f || 'entry');
    if (!onlyPlainObjects(copy)) {
      problems.add('entry', entry, PLAIN_OBJECTS_ALLOWED);
      problems.throwIfAny();
    }
    return valid;
  }

  /** Parses and validates a whole `schedules.computeStartStop` list (at most MAX_SCHEDULES entries). */
  static fromArmList(given: ArmComputeStartStopSchedule[]): StartStopSchedule[] {
    const problems = new Problems('StartStopSchedule.fromArmList');
    const list = plainSnapshot(given) as ArmComputeStartStopSchedule[];
    const validateList = scheduleListValidator();
    if (!validateList(list)) {
      for (const error of validateList.errors ?? []) {
        if (error.instancePath !== '') continue;
        if (error.keyword === 'maxItems')
          problems.add(
            'list',
            `${(list as unknown[]).length} schedules`,
            `at most ${MAX_SCHEDULES} schedules per compute instance`,
          );
        else problems.add('list', list, 'a list of computeStartStop schedules');
      }
    }
    if (!Array.isArray(list)) problems.throwIfAny();
    list.forEach((entry, i) => {
      for (const p of armEntryProblems(entry))
        problems.add(p.field ? `[${i}].${p.field}` : `[${i}]`, p.value, p.allowed);
    });
    problems.throwIfAny();
    list.forEach((entry, i) => {
      if (!onlyPlainObjects(entry)) problems.add(`[${i}]`, entry, PLAIN_OBJECTS_ALLOWED);
    });
    problems.throwIfAny();
    return list.map((entry) => new StartStopSchedule(entry, VALIDATED));
  }

  /**
   * Hours per week the instance runs when only these schedules act on it, for cost estimates: the week is
   * the 7 × 24 hours from `from`, when the instance is taken to be stopped. A Start and a Stop in the same
   * minute leave it stopped. Disabled schedules do nothing.
   */
  static weeklyUptime(schedules: StartStopSchedule[], options?: WeeklyUptimeOptions): number {
    const problems = new Problems('StartStopSchedule.weeklyUptime');
    const optionsValid = options === undefined || isPlainObject(options);
    if (!optionsValid) problems.add('options', options, 'an object { from?: Date }, or nothing');
    const given = optionsValid ? (options as WeeklyUptimeOptions | undefined)?.from : undefined;
    const from = given === undefined ? new Date() : given;
    if (!isValidDate(from)) problems.add('from', shownDate(from), DATE_ALLOWED);
    if (!Array.isArray(schedules)) {
      problems.add('schedules', schedules, 'a list of StartStopSchedule');
    } else {
      schedules = schedules.map((s, i) => {
        const own = StartStopSchedule.fromAnyCopy(problems, `schedules[${i}]`, s);
        own?.checkPreviewable(problems, `schedules[${i}]`);
        return own!;
      });
    }
    problems.throwIfAny();

    const start = from.getTime();
    const end = start + WEEK_MS;
    const events: { at: number; start: boolean }[] = [];
    for (const s of schedules) {
      if (!s.enabled) continue;
      for (const at of fireTimes(s.#entry, start)) {
        if (at >= end) break;
        events.push({ at, start: s.action === 'Start' });
      }
    }
    // Starts before stops in the same minute, so that the stop has the last word.
    events.sort((a, b) => a.at - b.at || Number(b.start) - Number(a.start));
    let runningSince: number | undefined;
    let runningMs = 0;
    for (const e of events) {
      if (e.start && runningSince === undefined) runningSince = e.at;
      if (!e.start && runningSince !== undefined) {
        runningMs += e.at - runningSince;
        runningSince = undefined;
      }
    }
    if (runningSince !== undefined) runningMs += end - runningSince;
    return runningMs / 3_600_000;
  }

  /** Validates an entry built by a factory (or given to fromArm), naming fields with `field`. */
  private static validated(
    problems: Problems,
    entry: ArmComputeStartStopSchedule,
    enabled: unknown,
    field: (armField: string) => string,
    cacheKey?: string,
  ): StartStopSchedule {
    if (enabled !== undefined && typeof enabled !== 'boolean') problems.add('enabled', enabled, 'true or false');
    for (const p of armEntryProblems(entry, cacheKey)) problems.add(field(p.field), p.value, p.allowed);
    problems.throwIfAny();
    return new StartStopSchedule(entry, VALIDATED, cacheKey);
  }

  readonly #entry: ArmComputeStartStopSchedule;
  /** See `entryKey`; the validation cache's key when the factory had one, made on first use otherwise. */
  #entryKey: string | undefined;

  private constructor(entry: ArmComputeStartStopSchedule, validated: typeof VALIDATED, entryKey?: string) {
    SEALED.admit(new.target, StartStopSchedule, validated);
    this.#entry = entry;
    this.#entryKey = entryKey;
    SEALED.seal(this);
  }

  /** Whether the schedule starts or stops the instance. */
  get action(): ScheduleAction {
    return this.#entry.action;
  }

  /** False when the entry's status is `Disabled`; an entry without status counts as enabled. */
  get enabled(): boolean {
    return this.#entry.status !== 'Disabled';
  }

  /** Whether the schedule is a cron expression or a recurrence. */
  get triggerType(): 'Cron' | 'Recurrence' {
    return this.#entry.triggerType;
  }

  /** The Windows time zone id the schedule runs in. */
  get timeZone(): string {
    return (this.#entry.cron ?? this.#entry.recurrence)?.timeZone ?? 'UTC';
  }

  /**
   * A string that differs whenever two schedules' entries differ, for caches over sets of schedules. The
   * entry is a validated one (strings, integers, lists), so its JSON is exact; a cron factory's key
   * (`cronEntryKey`, `cron[...]`) never starts as JSON does.
   * @internal
   */
  get entryKey(): string {
    // A private field, so it can be set on the frozen object.
    return (this.#entryKey ??= JSON.stringify(this.#entry));
  }

  /**
   * The same-minute problems of this copy's `schedules` taken together (a Start and a Stop that fire in the
   * same minute), judged once per set under the schedules' keys: a fleet gives thousands of instances the
   * same few sets.
   * @internal
   */
  static sameMinuteProblems(schedules: readonly StartStopSchedule[]): ScheduleSetProblem[] {
    const setKey = schedules.map((s) => s.entryKey).join('\n');
    return sameMinuteProblemsOfSet(setKey, () => schedules.map((s) => s.toArm()));
  }

  /** The ARM `computeStartStop` entry. */
  toArm(): ArmComputeStartStopSchedule {
    return copyEntry(this.#entry);
  }

  /** The ARM entry, so that `JSON.stringify` (and an error message showing a schedule) gives it. */
  toJSON(): ArmComputeStartStopSchedule {
    return this.toArm();
  }

  /**
   * The next `count` fire times at or after `from`, as UTC Dates, following the daylight-saving changes of
   * the schedule's time zone. A disabled schedule never fires. A recurrence without startTime counts its
   * interval from `from` (Azure counts it from when the schedule is created). Fewer than `count` when the
   * year 9999 ends first (the last a .NET DateTime holds).
   */
  nextRuns(count: number, from: Date = new Date()): Date[] {
    const problems = new Problems('StartStopSchedule.nextRuns');
    if (!Number.isInteger(count) || count < 1 || count > MAX_RUNS)
      problems.add('count', count, `an integer from 1 to ${MAX_RUNS}`);
    if (!isValidDate(from)) problems.add('from', shownDate(from), DATE_ALLOWED);
    this.checkPreviewable(problems, 'schedule');
    problems.throwIfAny();
    if (!this.enabled) return [];
    const runs: Date[] = [];
    for (const at of fireTimes(this.#entry, from.getTime())) {
      if (at > LATEST_MS) break;
      runs.push(new Date(at));
      if (runs.length === count) break;
    }
    return runs;
  }

  /** A short description: action, trigger and time zone. */
  toString(): string {
    return describeEntry(this.#entry);
  }

  private checkPreviewable(problems: Problems, field: string): void {
    if (containsToken(this.#entry)) {
      problems.add(
        field,
        this.toString(),
        'a schedule without Terraform references (values known only at apply), whose fire times can be previewed',
      );
    }
  }
}
