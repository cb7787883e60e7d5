import type { ErrorObject } from 'ajv';
import type { ArmComputeStartStopSchedule } from '../model/compute-arm';
import { jsonDataKey } from '../validation/json-data-key';
import { pointerSegments } from '../validation/json-pointer';
import { Memo } from '../core/memo';
import { isToken } from '../core/tokens';
import type { FieldProblem } from './field-problem';
import { AZURE_CRON_ALLOWED, azureCronProblem } from './azure-cron';
import { intervalAllowed, recurrenceRuleProblems } from './recurrence-checks';
import { scheduleEntryValidator, WEEK_DAYS } from './schemas';
import { enumAllowed, nearMiss } from './spelling';
import { startTimeRefused } from './start-time';
import { TIME_ZONE_ALLOWED, timeZoneRefused } from './time-zones';

/** Fields Azure returns on a GET but that a deployment must not send. */
const READ_ONLY: Record<string, string> = {
  id: 'nothing: "id" is read-only (Azure assigns it); remove it',
  provisioningStatus: 'nothing: "provisioningStatus" is read-only (Azure reports it); remove it',
  schedule: 'nothing: "schedule" is deprecated and not used any more; remove it',
};

/** `allowed:` text for a cron expression outside Azure's grammar. */
function cronAllowed(expression: unknown): string {
  if (typeof expression !== 'string') return `a string of ${AZURE_CRON_ALLOWED}`;
  const problem = azureCronProblem(expression);
  const base = `${AZURE_CRON_ALLOWED}`;
  if (!problem) return base;
  return `${base}; ${problem.issues.join('; ')}${problem.fix ? `; write "${problem.fix}" instead` : ''}`;
}

function fieldOf(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (path, s) => (typeof s === 'number' ? `${path}[${s}]` : path === '' ? s : `${path}.${s}`),
    '',
  );
}

function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let v: any = root;
  for (const s of segments) v = v?.[s];
  return v;
}

/** `allowed:` text for a list that names a value twice, with the list to write instead. */
function repeatsAllowed(described: string | undefined, list: readonly unknown[]): string {
  const once = [...new Set(list)];
  const repeated = once.filter((v) => list.indexOf(v) !== list.lastIndexOf(v));
  return `${described}, each listed once; ${repeated.map((v) => JSON.stringify(v)).join(', ')} ${repeated.length === 1 ? 'is' : 'are'} repeated; write ${JSON.stringify(once)} instead`;
}

/** What the field allows, worded for the kind of field the schema error is about. */
function allowedFor(error: ErrorObject, field: string, value: unknown, entry: unknown): string {
  const described = (error.parentSchema as { description?: string } | undefined)?.description;
  if (error.keyword === 'enum') return enumAllowed(value, error.params.allowedValues as string[]);
  if (error.keyword === 'uniqueItems' && Array.isArray(value)) return repeatsAllowed(described, value);
  if (error.keyword === 'not') return `${described}`;
  const last = field.slice(field.lastIndexOf('.') + 1);
  if (last === 'timeZone') return timeZoneRefused(value) ?? TIME_ZONE_ALLOWED;
  if (last === 'startTime') return startTimeRefused(value) ?? `${described}`;
  if (last === 'expression') return cronAllowed(value);
  // One wording for every way an interval is wrong, naming the limit of the entry's frequency.
  if (field === 'recurrence.interval') return intervalAllowed(valueAt(entry, ['recurrence', 'frequency']));
  return `${described}`;
}

function schemaProblem(error: ErrorObject, entry: unknown): FieldProblem {
  const segments = pointerSegments(error.instancePath);
  if (error.keyword === 'required') {
    const missing = error.params.missingProperty as string;
    const schema = error.parentSchema as { properties?: Record<string, { description?: string }> };
    const described = schema.properties?.[missing]?.description;
    return {
      field: fieldOf([...segments, missing]),
      value: undefined,
      allowed: `${described ?? 'a value (required)'}`,
    };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = error.params.additionalProperty as string;
    const known = Object.keys((error.parentSchema as { properties: object }).properties);
    const field = fieldOf([...segments, extra]);
    const value = valueAt(entry, [...segments, extra]);
    if (segments.length === 0 && READ_ONLY[extra]) return { field, value, allowed: `${READ_ONLY[extra]}` };
    const meant = nearMiss(extra, known);
    return {
      field,
      value,
      allowed: `only the fields ${known.join(', ')}${meant ? `; write "${meant}" instead` : ''}`,
    };
  }
  const field = fieldOf(segments);
  const value = valueAt(entry, segments);
  return { field, value, allowed: allowedFor(error, field, value, entry) };
}

/**
 * Every problem of one ARM `computeStartStop` entry: its shape by the JSON Schema, then the rules a schema
 * cannot say. Values that are Terraform tokens (known only at apply) are left for Azure to judge.
 */
export function armEntryProblems(entry: unknown, builtEntryKey?: string): readonly FieldProblem[] {
  // A fleet declares the same few schedules thousands of times: an entry already found valid is valid.
  // Only plain data is remembered, under a key that tells any two different entries apart: the caller's,
  // where it built the entry itself (cronEntryKey), or one read from the entry (jsonDataKey).
  const judge = () => uncachedArmEntryProblems(entry);
  if (builtEntryKey !== undefined) return validBuiltEntries.through(builtEntryKey, judge, isValid);
  const key = entry !== null && typeof entry === 'object' ? jsonDataKey(entry) : undefined;
  return validEntryData.through(key, judge, isValid);
}

const isValid = (problems: readonly FieldProblem[]) => problems.length === 0;
const validBuiltEntries = new Memo<readonly FieldProblem[]>('valid schedule entries by cronEntryKey', 1000);
const validEntryData = new Memo<readonly FieldProblem[]>('valid schedule entries by jsonDataKey', 1000);

/**
 * The cache key of an entry that `StartStopSchedule.cron` built (a literal of its own, so no getter, no
 * proxy, no extra field), or undefined where one of its values is not a string. The builder fixes the
 * shape, so the strings alone tell two such entries apart. Cheaper than jsonDataKey's walk: a fleet builds
 * thousands. The `cron` prefix keeps it apart from a JSON entry in `StartStopSchedule.entryKey`.
 */
export function cronEntryKey(entry: ArmComputeStartStopSchedule): string | undefined {
  const { action, status, cron } = entry;
  const { expression, timeZone, startTime } = cron ?? {};
  const strings = [action, status, expression, timeZone];
  if (!strings.every((v) => typeof v === 'string')) return undefined;
  if (startTime !== undefined && typeof startTime !== 'string') return undefined;
  return `cron${JSON.stringify([...strings, startTime ?? null])}`;
}

/**
 * The longest list each recurrence schedule field can hold without repeating a value (the schema forbids
 * repeats): 7 days, 24 hours, 60 minutes. A longer list is wrong as a whole; it is reported by its length
 * before the schema looks at it item by item, so a list of a million items costs one problem, not a million.
 */
const LIST_LIMITS = {
  weekDays: { most: WEEK_DAYS.length, what: 'days, "Monday" to "Sunday"' },
  hours: { most: 24, what: 'hours, integers from 0 to 23' },
  minutes: { most: 60, what: 'minutes, integers from 0 to 59' },
} as const;

/**
 * The entry with each over-long recurrence list emptied (so the schema and the rules judge the rest), and
 * a problem for each such list.
 */
function withoutOverlongLists(entry: unknown): { entry: unknown; problems: FieldProblem[] } {
  const schedule = (entry as { recurrence?: { schedule?: unknown } } | null)?.recurrence?.schedule;
  if (schedule === null || typeof schedule !== 'object') return { entry, problems: [] };
  const problems: FieldProblem[] = [];
  const trimmed: Record<string, unknown> = { ...schedule };
  for (const [name, limit] of Object.entries(LIST_LIMITS)) {
    const list = trimmed[name];
    if (!Array.isArray(list) || list.length <= limit.most) continue;
    trimmed[name] = [];
    problems.push({
      field: `recurrence.schedule.${name}`,
      value: `a list of ${list.length} items`,
      allowed: `a list of at most ${limit.most} ${limit.what}, each listed once`,
    });
  }
  if (problems.length === 0) return { entry, problems };
  const e = entry as { recurrence: object };
  return { entry: { ...e, recurrence: { ...e.recurrence, schedule: trimmed } }, problems };
}

/** The same verdict without the cache: what the cache must always agree with. */
export function uncachedArmEntryProblems(given: unknown): FieldProblem[] {
  const validate = scheduleEntryValidator();
  const { entry, problems } = withoutOverlongLists(given);
  const inError = new Set<string>(problems.map((p) => p.field));
  if (!validate(entry)) {
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
    // Inside a field that must not be there, nothing else is worth saying.
    const forbidden = errors.filter((e) => e.keyword === 'not').map((e) => e.instancePath);
    // A list whose items are wrong is not also told that it repeats them.
    const itemsWrong = (path: string) => errors.some((e) => e.instancePath.startsWith(`${path}/`));
    for (const error of errors) {
      if (forbidden.some((f) => error.instancePath.startsWith(`${f}/`))) continue;
      if (error.keyword === 'uniqueItems' && itemsWrong(error.instancePath)) continue;
      const p = schemaProblem(error, entry);
      if (isToken(p.value) || inError.has(p.field)) continue;
      inError.add(p.field);
      problems.push(p);
    }
  }
  if (entry === null || typeof entry !== 'object') return problems;
  const e = entry as Record<string, any>;
  // A field is judged by the rules only when neither it nor what holds it broke the schema.
  const blocked = (field: string) => [...inError].some((f) => field === f || field.startsWith(`${f}.`));
  const check = (field: string, value: unknown, rule: (v: string) => string | undefined) => {
    if (typeof value !== 'string' || isToken(value) || blocked(field)) return;
    const allowed = rule(value);
    if (allowed) problems.push({ field, value, allowed });
  };
  for (const part of ['cron', 'recurrence'] as const) {
    const trigger = e[part];
    if (trigger === null || typeof trigger !== 'object') continue;
    check(`${part}.timeZone`, trigger.timeZone, timeZoneRefused);
    check(`${part}.startTime`, trigger.startTime, startTimeRefused);
  }
  if (e.cron && typeof e.cron === 'object') {
    check('cron.expression', e.cron.expression, (v) => (azureCronProblem(v) ? cronAllowed(v) : undefined));
  }
  if (e.recurrence && typeof e.recurrence === 'object') {
    for (const p of recurrenceRuleProblems(e.recurrence)) {
      if (!blocked(p.field)) problems.push(p);
    }
  }
  return problems;
}
