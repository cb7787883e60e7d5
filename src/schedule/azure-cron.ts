import { Memo } from '../core/memo';

/**
 * The cron grammar Azure documents for compute schedules (how-to-create-compute-instance.md): five fields,
 * minute hour day-of-month month day-of-week (Sunday = 0), each `*` or a comma list of numbers and `a-b`
 * ranges. Anything else (steps, names, L, W, #, ?, seconds, macros) is rejected, with the expression to
 * write instead whenever one means the same. It must also be written the one canonical way (one space
 * between fields, nothing around them, numbers without leading zeros): the expression is emitted as typed,
 * and Azure documents no other spelling, so a stray tab, line break or `018` would reach a parser (NCrontab)
 * that nothing says accepts it.
 */

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Three-letter names, the first one meaning `min`. */
  readonly names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day-of-week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const NUMBER = '(0|[1-9]\\d*)';
const LIST = `(\\*|${NUMBER}(-${NUMBER})?(,${NUMBER}(-${NUMBER})?)*)`;
/** The documented grammar's shape, for the JSON Schema (ranges of values are checked in code). */
export const AZURE_CRON_PATTERN = `^${LIST}( ${LIST}){4}$`;

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
  '@weekdays': '0 0 * * 1-5',
  '@weekends': '0 0 * * 0,6',
};

/** A valid expression's fields as values; an absent day field is `*` (any day). */
interface AzureCron {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth?: readonly number[];
  readonly months: readonly number[];
  readonly daysOfWeek?: readonly number[];
}

/** Why an expression is outside the grammar, and the expression to write instead when one means the same. */
interface CronProblem {
  readonly issues: readonly string[];
  readonly fix?: string;
}

type Flaw =
  | 'step'
  | 'names'
  | 'sunday7'
  | 'question'
  | 'emptyItem'
  | 'starInList'
  | 'last'
  | 'nearestWeekday'
  | 'nth'
  | 'hash'
  | 'outOfRange'
  | 'backwards'
  | 'garbage'
  | 'repeats'
  | 'leadingZero';

const FIXABLE: ReadonlySet<Flaw> = new Set<Flaw>([
  'step',
  'names',
  'sunday7',
  'question',
  'emptyItem',
  'starInList',
  'repeats',
  'leadingZero',
]);

function flawText(flaw: Flaw, spec: FieldSpec): string {
  switch (flaw) {
    case 'step':
      return 'has a step (/)';
    case 'names':
      return 'uses names';
    case 'sunday7':
      return 'uses 7 for Sunday (Sunday is 0)';
    case 'question':
      return 'uses ?';
    case 'emptyItem':
      return 'has an empty list item';
    case 'starInList':
      return 'puts * in a list';
    case 'last':
      return 'uses L (last), which has no equivalent';
    case 'nearestWeekday':
      return 'uses W (nearest weekday), which has no equivalent';
    case 'nth':
      return 'uses # (nth weekday of the month), which has no equivalent';
    case 'hash':
      return 'uses H (hashed value), which has no equivalent';
    case 'outOfRange':
      return `has a value outside ${spec.min}-${spec.max}`;
    case 'backwards':
      return 'has a range that runs backwards (write the lower value first)';
    case 'garbage':
      return 'is not *, a number, an a-b range or a comma list of them';
    // Refused: NCrontab's handling of a repeated value is undocumented, and cron-parser (the tests' oracle) refuses it.
    case 'repeats':
      return 'repeats values (list each once)';
    case 'leadingZero':
      return 'writes numbers with leading zeros';
  }
}

interface FieldAnalysis {
  readonly values: Set<number>;
  readonly flaws: Set<Flaw>;
}

/** One value of an element: a number, or (a near miss) a name or 7 for Sunday. */
function valueOf(token: string, spec: FieldSpec, flaws: Set<Flaw>): number | undefined {
  if (/^\d+$/.test(token)) {
    if (token.length > 1 && token.startsWith('0')) flaws.add('leadingZero');
    const n = Number(token);
    if (spec.name === 'day-of-week' && n === 7) {
      flaws.add('sunday7');
      return 0;
    }
    if (n < spec.min || n > spec.max) {
      flaws.add('outOfRange');
      return undefined;
    }
    return n;
  }
  const upper = token.toUpperCase();
  if (spec.names && upper.length >= 3) {
    const index = spec.names.findIndex((n) => upper.startsWith(n));
    const full = index >= 0 && (upper.length === 3 || FULL_NAMES[spec.names[index]]?.startsWith(upper));
    if (full) {
      flaws.add('names');
      return spec.min + index;
    }
  }
  if (upper.includes('#')) flaws.add('nth');
  else if (upper.includes('L')) flaws.add('last');
  else if (upper.endsWith('W')) flaws.add('nearestWeekday');
  else if (upper.startsWith('H')) flaws.add('hash');
  else flaws.add('garbage');
  return undefined;
}

const FULL_NAMES: Record<string, string> = {
  SUN: 'SUNDAY',
  MON: 'MONDAY',
  TUE: 'TUESDAY',
  WED: 'WEDNESDAY',
  THU: 'THURSDAY',
  FRI: 'FRIDAY',
  SAT: 'SATURDAY',
  JAN: 'JANUARY',
  FEB: 'FEBRUARY',
  MAR: 'MARCH',
  APR: 'APRIL',
  MAY: 'MAY',
  JUN: 'JUNE',
  JUL: 'JULY',
  AUG: 'AUGUST',
  SEP: 'SEPTEMBER',
  OCT: 'OCTOBER',
  NOV: 'NOVEMBER',
  DEC: 'DECEMBER',
};

function addRange(values: Set<number>, from: number, to: number, step: number): void {
  for (let v = from; v <= to; v += step) values.add(v);
}

/** Reads one field leniently, noting each way it leaves the documented grammar. */
function analyzeField(text: string, spec: FieldSpec): FieldAnalysis {
  const values = new Set<number>();
  const flaws = new Set<Flaw>();
  const addOnce = (v: number) => {
    if (values.has(v)) flaws.add('repeats');
    values.add(v);
  };
  const items = text.split(',');
  for (const item of items) {
    if (item === '') {
      flaws.add('emptyItem');
      continue;
    }
    if (item === '*' || item === '?') {
      if (item === '?') flaws.add('question');
      if (items.length > 1) flaws.add('starInList');
      addRange(values, spec.min, spec.max, 1);
      continue;
    }
    const stepped = /^(.+)\/(\d+)$/.exec(item);
    const base = stepped ? stepped[1] : item;
    const step = stepped ? Number(stepped[2]) : 1;
    if (stepped) flaws.add('step');
    if (step < 1) {
      flaws.add('garbage');
      continue;
    }
    if (base === '*' || base === '?') {
      addRange(values, spec.min, spec.max, step);
      continue;
    }
    const range = /^([^-]+)-([^-]+)$/.exec(base);
    if (range) {
      const from = valueOf(range[1], spec, flaws);
      // 7 is Sunday only on its own: as the end of a range (5-7) it closes the week.
      const closesWeek = spec.name === 'day-of-week' && /^0*7$/.test(range[2]);
      if (closesWeek && range[2] !== '7') flaws.add('leadingZero');
      const to = closesWeek ? 7 : valueOf(range[2], spec, flaws);
      if (to === 7) flaws.add('sunday7');
      if (from === undefined || to === undefined) continue;
      if (from > to) {
        flaws.add('backwards');
        continue;
      }
      for (let v = from; v <= to; v += step) addOnce(v % 7 === 0 && spec.name === 'day-of-week' ? 0 : v);
      continue;
    }
    const single = valueOf(base, spec, flaws);
    if (single === undefined) continue;
    // `a/n` means a, a+n, ... up to the field's end.
    if (stepped) addRange(values, single, spec.max, step);
    else addOnce(single);
  }
  return { values, flaws };
}

/** Writes values the documented way: `*` for all, runs of three or more as ranges. */
export function formatCronValues(values: Iterable<number>, min: number, max: number): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === max - min + 1) return '*';
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(',');
}

const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const STRICT_FIELD = new RegExp(`^${LIST}$`);

/** The values of a field in the documented grammar, or undefined when it is outside it. */
function strictValues(text: string, spec: FieldSpec): number[] | undefined {
  if (!STRICT_FIELD.test(text)) return undefined;
  if (text === '*') return [spec.min];
  const values: number[] = [];
  for (const item of text.split(',')) {
    const dash = item.indexOf('-');
    const from = Number(dash < 0 ? item : item.slice(0, dash));
    const to = dash < 0 ? from : Number(item.slice(dash + 1));
    if (from < spec.min || to > spec.max || from > to) return undefined;
    // Items that overlap repeat values: leave them to the full analysis, which says so.
    for (let k = 0; k < values.length; k += 2) if (from <= values[k + 1] && values[k] <= to) return undefined;
    values.push(from, to);
  }
  return values;
}

/** The common case, an expression already in the grammar, checked without building value sets. */
function inGrammarAndFires(fields: readonly string[]): boolean {
  if (fields.length !== 5) return false;
  let minDay = 1;
  let fires = false;
  for (let i = 0; i < 5; i++) {
    const values = strictValues(fields[i], FIELDS[i]);
    if (!values) return false;
    if (i === 2) minDay = Math.min(...values);
    if (i === 3) fires = fields[3] === '*' || fieldMonths(fields[3]).some((m) => LONGEST_MONTH[m - 1] >= minDay);
  }
  return fires;
}

function fieldMonths(text: string): number[] {
  return text.split(',').flatMap((item) => {
    const [from, to = from] = item.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, k) => from + k);
  });
}

const SEPARATOR_NAMES: Record<string, string> = { '\t': 'a tab', '\n': 'a line break', '\r': 'a carriage return' };

/** How the whitespace of an expression differs from one space between fields and none around them. */
function whitespaceIssues(expression: string, trimmed: string): string[] {
  const issues: string[] = [];
  if (/^\s/.test(expression)) issues.push('it starts with whitespace');
  if (/\s$/.test(expression)) issues.push('it ends with whitespace');
  const kinds = new Set<string>();
  for (const separator of trimmed.match(/\s+/g) ?? []) {
    if (separator === ' ') continue;
    for (const c of separator) if (c !== ' ') kinds.add(SEPARATOR_NAMES[c] ?? 'other whitespace');
    if (/^ +$/.test(separator)) kinds.add('several spaces');
  }
  if (kinds.size > 0) issues.push(`it separates fields with ${[...kinds].join(' and ')} (use one space)`);
  return issues;
}

/** A field written without leading zeros, when that is its only flaw (keeps how the user listed values). */
function withoutLeadingZeros(field: string): string {
  return field.replace(/\d+/g, (n) => String(Number(n)));
}

/**
 * Why `expression` is outside the documented grammar, or undefined when it is inside it (and can fire:
 * `0 0 30 2 *` is grammatical but never happens).
 */
export function azureCronProblem(expression: string): CronProblem | undefined {
  if (inGrammarAndFires(expression.split(' '))) return undefined;
  const trimmed = expression.trim();
  if (trimmed === '')
    return { issues: [expression === '' ? 'the expression is empty' : 'the expression is only whitespace'] };
  const issues = whitespaceIssues(expression, trimmed);
  if (trimmed.startsWith('@')) {
    const equivalent = MACROS[trimmed.toLowerCase()];
    issues.push(`"${trimmed}" is a macro${equivalent ? '' : ' with no equivalent'}`);
    return equivalent ? { issues, fix: equivalent } : { issues };
  }
  let fields = trimmed.split(/\s+/);
  let fixable = true;
  if (fields.length === 6 || fields.length === 7) {
    issues.push(
      fields.length === 6
        ? 'it has 6 fields: a seconds field comes first'
        : 'it has 7 fields: seconds first and a year last',
    );
    if (fields.length === 7 && fields[6] !== '*' && fields[6] !== '?') {
      issues.push(`the year "${fields[6]}" has no equivalent`);
      fixable = false;
    }
    if (/\d/.test(fields[5])) {
      // Quartz numbers the week from Sunday = 1, other 6-field dialects from Sunday = 0: no safe translation.
      issues.push(
        `its day-of-week "${fields[5]}" means different days in different 6-field dialects: write the 5 fields yourself`,
      );
      fixable = false;
    }
    fields = fields.slice(1, 6);
  } else if (fields.length !== 5) {
    return { issues: [...issues, `it has ${fields.length} field${fields.length === 1 ? '' : 's'}`] };
  }

  const analyses = fields.map((f, i) => analyzeField(f, FIELDS[i]));
  analyses.forEach((a, i) => {
    if (a.flaws.size === 0) return;
    issues.push(`${FIELDS[i].name} "${fields[i]}" ${[...a.flaws].map((f) => flawText(f, FIELDS[i])).join(' and ')}`);
    if ([...a.flaws].some((f) => !FIXABLE.has(f))) fixable = false;
  });
  const days = analyses[2].values;
  const months = analyses[3].values;
  // A field with no values has other issues already; only a day that no chosen month has makes it silent.
  if (days.size > 0 && months.size > 0 && [...months].every((m) => LONGEST_MONTH[m - 1] < Math.min(...days))) {
    issues.push(`it never fires: day-of-month "${fields[2]}" never occurs in month "${fields[3]}"`);
    fixable = false;
  }
  if (issues.length === 0) return undefined;
  const fix = fields.map((f, i) => {
    const flaws = analyses[i].flaws;
    if (flaws.size === 0) return f;
    if (flaws.size === 1 && flaws.has('leadingZero')) return withoutLeadingZeros(f);
    return formatCronValues(analyses[i].values, FIELDS[i].min, FIELDS[i].max);
  });
  return fixable ? { issues, fix: fix.join(' ') } : { issues };
}

/**
 * Parsed expressions by text. A fleet repeats a handful of expressions thousands of times, and the
 * same-minute check parses each once per pair of schedules; the values are frozen, so sharing is safe.
 */
const parsed = new Memo<AzureCron>('parsed cron expressions', 1000);

/** The values of an expression that `azureCronProblem` accepts. */
export function parseAzureCron(expression: string): AzureCron {
  return parsed.through(expression, () => deepFreeze(parseFields(expression)));
}

function deepFreeze(cron: AzureCron): AzureCron {
  for (const v of Object.values(cron)) Object.freeze(v);
  return Object.freeze(cron);
}

function parseFields(expression: string): AzureCron {
  const fields = expression.split(' ');
  const values = fields.map((f, i) => [...analyzeField(f, FIELDS[i]).values].sort((a, b) => a - b));
  return {
    minutes: values[0],
    hours: values[1],
    ...(fields[2] === '*' ? {} : { daysOfMonth: values[2] }),
    months: values[3],
    ...(fields[4] === '*' ? {} : { daysOfWeek: values[4] }),
  };
}

/** The field list and meaning of the grammar, for messages. */
export const AZURE_CRON_ALLOWED =
  '5 fields, minute hour day-of-month month day-of-week (Sunday = 0), each * or a comma list of numbers and a-b ranges';
