import { firstSecretKind } from './secrets';

/**
 * One problem found while validating input: where, which field, what was received and what is allowed.
 */
export interface Problem {
  /** The construct path, or the factory call, that received the value. */
  readonly path: string;
  /** The field, as the user wrote it (`schedules[1].expression`). */
  readonly field: string;
  /** The value received, already rendered for the message (and redacted where it may be secret). */
  readonly received: string;
  /** What the field allows, without a leading "allowed:" (the message adds it once). */
  readonly allowed: string;
}

/**
 * Thrown when input breaks Azure's rules. It lists every problem found in one go, so a user fixes them
 * all in one edit instead of one synth at a time.
 */
export class ValidationError extends Error {
  /**
   * True for a ValidationError, thrown by this copy of the library or another one in the same program
   * (where `instanceof` is false).
   */
  static isValidationError(x: unknown): x is ValidationError {
    return x !== null && typeof x === 'object' && VALIDATION_ERROR_BRAND in x;
  }

  /** Every problem found, in the order found; the message lists them all. */
  public readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    Object.defineProperty(this, VALIDATION_ERROR_BRAND, { value: true });
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** Marks every ValidationError, of this copy of the library or another one in the same program. */
const VALIDATION_ERROR_BRAND = Symbol.for('cdktf-azureml-compute.ValidationError');

function formatProblems(problems: readonly Problem[]): string {
  const paths = [...new Set(problems.map((p) => p.path))];
  const total = problems.reduce((sum, p) => sum + (unlistedIn(p) ?? 1), 0);
  const head = total === 1 ? '1 problem' : `${total} problems`;
  const lines = problems.map((p) => `  - ${p.path}: ${p.field}: received ${p.received}; allowed: ${p.allowed}`);
  return `Invalid input in ${paths.join(', ')} (${head}):\n${lines.join('\n')}`;
}

/**
 * An error lists at most this many problems of one field, counting the items of a list as one field
 * (`weekDays[0]`, `weekDays[1]`: `weekDays`) and the lines of a script as one (`text line 3`: `text`), and
 * at most MAX_LISTED in all; the rest are counted on a summary line per field. Without them a million bad weekDays
 * made a message of a million lines.
 */
export const MAX_LISTED_PER_FIELD = 10;
const MAX_LISTED = 100;
/** At most this many fields get a summary line of their own; the rest share one. */
const MAX_SUMMARIZED_FIELDS = 10;

/** Marks a summary line: how many problems it stands for. */
const UNLISTED = Symbol('cdktf-azureml-compute.unlistedProblems');

function unlistedIn(p: Problem): number | undefined {
  return (p as { [UNLISTED]?: number })[UNLISTED];
}

/** The field a problem counts under for the cap: a list's items and a script's lines are one field. */
function fieldGroup(field: string): string {
  return field.replace(/(?:\[\d+\]| line \d+)$/, '');
}

const MAX_SHOWN = 80;

/**
 * How much of a shortened value is scanned for secrets. A secret that starts in the part shown ends
 * within a few kB (the longest match of the scan is a JSON web token of at most about 9 kB), so this
 * covers every secret the message could show the start of, at a bounded cost for huge values.
 */
const SCANNED_WHEN_SHORTENED = 16 * 1024;

/**
 * Renders a received value for a message: JSON, shortened when long unless `whole` (ids, where the mistake
 * may be at the end). A value that looks like it holds a credential (a key=value secret, a token, a URL
 * with a password, a SAS signature) is described instead: `<redacted: SAS token, 120 characters>`.
 */
export function show(value: unknown, whole = false): string {
  if (value === undefined) return 'nothing';
  // JSON has no NaN or Infinity: it would print them as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const kind = secretKindIn(value, { left: whole ? Infinity : SCANNED_WHEN_SHORTENED }, new Set());
  if (kind !== undefined) return `<redacted: ${describeSecret(kind, value)}>`;
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = shownAsText(value);
  }
  return !whole && text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}

/**
 * The kind of the first secret in `value`: a string, or any string (keys too) in a list or object, however
 * deep, until `budget.left` characters have been scanned.
 */
function secretKindIn(value: unknown, budget = { left: Infinity }, seen = new Set<object>()): string | undefined {
  if (budget.left <= 0) return undefined;
  if (typeof value === 'string') {
    const scanned = value.length > budget.left ? value.slice(0, budget.left) : value;
    budget.left -= scanned.length + 1;
    return firstSecretKind(scanned);
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  let entries: [string, unknown][];
  try {
    entries = Object.entries(value);
  } catch {
    return undefined; // a proxy that throws: show() renders it as text, which holds no user string
  }
  for (const [key, item] of entries) {
    const kind =
      (Array.isArray(value) ? undefined : secretKindIn(key, budget, seen)) ?? secretKindIn(item, budget, seen);
    if (kind !== undefined || budget.left <= 0) return kind;
  }
  return undefined;
}

/** What is said of a secret value instead of the value: its kind, and its length or shape. */
export function describeSecret(kind: string, value: unknown): string {
  if (typeof value === 'string') return `${kind}, ${value.length} characters`;
  if (Array.isArray(value)) return `${kind}, in a list of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (typeof value === 'object' && value !== null) return `${kind}, in an object`;
  return kind;
}

/** A field as shown: fields are user text too where they hold keys the user chose (tag names, variables). */
function shownField(field: string): string {
  const kind = firstSecretKind(field);
  return kind === undefined ? field : `<redacted name: ${kind}>`;
}

/** A value whose JSON failed (a cycle, a throwing toJSON), as text; its own toString may throw too. */
function shownAsText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Collects problems for one subject (a construct path or a factory call) and throws them together.
 */
export class Problems {
  private readonly found: Problem[] = [];
  /** Problems listed so far per field group. */
  private readonly listed = new Map<string, number>();
  /** Problems found but not listed, per field group (the first MAX_SUMMARIZED_FIELDS groups). */
  private readonly unlisted = new Map<string, number>();
  /** Problems found but not listed, in the other groups. */
  private unlistedElsewhere = 0;

  constructor(public readonly path: string) {}

  /** Records a problem with `value` shown as received (in full with `whole`, else shortened when long). */
  add(field: string, value: unknown, allowed: string, options: { readonly whole?: boolean } = {}): void {
    // Counted before the value is rendered: an unlisted problem costs no rendering.
    if (this.isFull(field, 1)) return;
    this.found.push({ path: this.path, field: shownField(field), received: show(value, options.whole), allowed });
  }

  /** Records a problem whose value must never be repeated (keys, passwords): only `description` is shown. */
  addSecret(field: string, description: string, allowed: string): void {
    if (this.isFull(field, 1)) return;
    this.found.push({ path: this.path, field: shownField(field), received: `<redacted: ${description}>`, allowed });
  }

  /** Takes over the problems of a nested validation, with their fields prefixed by `fieldPrefix`. */
  addAllFrom(fieldPrefix: string, error: ValidationError): void {
    for (const p of error.problems) {
      const field = `${fieldPrefix}${p.field === '' ? '' : `.${p.field}`}`;
      const unlisted = unlistedIn(p);
      if (unlisted !== undefined) this.countUnlisted(fieldGroup(field), unlisted);
      else if (!this.isFull(field, 1)) this.found.push({ ...p, path: this.path, field });
    }
  }

  /** Runs `fn`; a ValidationError it throws becomes problems of this subject under `fieldPrefix`. */
  collect<T>(fieldPrefix: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (ValidationError.isValidationError(e)) {
        this.addAllFrom(fieldPrefix, e);
        return undefined;
      }
      throw e;
    }
  }

  /** Every problem found, listed or not. */
  get count(): number {
    let unlisted = this.unlistedElsewhere;
    for (const n of this.unlisted.values()) unlisted += n;
    return this.found.length + unlisted;
  }

  throwIfAny(): void {
    if (this.count > 0) throw new ValidationError([...this.found, ...this.summaries()]);
  }

  /** Whether a problem of `field` goes unlisted (then it is counted); otherwise it is counted as listed. */
  private isFull(field: string, n: number): boolean {
    const group = fieldGroup(field);
    const listed = this.listed.get(group) ?? 0;
    if (listed >= MAX_LISTED_PER_FIELD || this.found.length >= MAX_LISTED) {
      this.countUnlisted(group, n);
      return true;
    }
    this.listed.set(group, listed + 1);
    return false;
  }

  private countUnlisted(group: string, n: number): void {
    const known = this.unlisted.get(group);
    if (known !== undefined) this.unlisted.set(group, known + n);
    else if (this.unlisted.size < MAX_SUMMARIZED_FIELDS) this.unlisted.set(group, n);
    else this.unlistedElsewhere += n;
  }

  /** One line per field with unlisted problems, and one for the rest. */
  private summaries(): Problem[] {
    const limits = `an error lists the first ${MAX_LISTED_PER_FIELD} problems of a field and ${MAX_LISTED} in all; fix these and run again to see the rest`;
    const line = (field: string, n: number, where: string): Problem =>
      ({
        path: this.path,
        field,
        received: `${n} more ${n === 1 ? 'problem' : 'problems'} ${where}, not listed`,
        allowed: limits,
        [UNLISTED]: n,
      }) as Problem;
    const lines = [...this.unlisted].map(([group, n]) => line(shownField(group), n, 'in this field'));
    if (this.unlistedElsewhere > 0) lines.push(line('other fields', this.unlistedElsewhere, 'in other fields'));
    return lines;
  }
}
