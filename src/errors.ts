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
  const head = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((p) => `  - ${p.path}: ${p.field}: received ${p.received}; allowed: ${p.allowed}`);
  return `Invalid input in ${paths.join(', ')} (${head}):\n${lines.join('\n')}`;
}

const MAX_SHOWN = 80;

/** Renders a received value for a message: JSON, shortened when long unless `whole` (ids, where the mistake may be at the end). */
export function show(value: unknown, whole = false): string {
  if (value === undefined) return 'nothing';
  // JSON has no NaN or Infinity: it would print them as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = shownAsText(value);
  }
  return !whole && text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
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

  constructor(public readonly path: string) {}

  /** Records a problem with `value` shown as received (in full with `whole`, else shortened when long). */
  add(field: string, value: unknown, allowed: string, options: { readonly whole?: boolean } = {}): void {
    this.found.push({ path: this.path, field, received: show(value, options.whole), allowed });
  }

  /** Records a problem whose value must never be repeated (keys, passwords): only `description` is shown. */
  addSecret(field: string, description: string, allowed: string): void {
    this.found.push({ path: this.path, field, received: `<redacted: ${description}>`, allowed });
  }

  /** Takes over the problems of a nested validation, with their fields prefixed by `fieldPrefix`. */
  adopt(fieldPrefix: string, error: ValidationError): void {
    for (const p of error.problems) {
      this.found.push({ ...p, path: this.path, field: `${fieldPrefix}${p.field === '' ? '' : `.${p.field}`}` });
    }
  }

  /** Runs `fn`; a ValidationError it throws becomes problems of this subject under `fieldPrefix`. */
  collect<T>(fieldPrefix: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (ValidationError.isValidationError(e)) {
        this.adopt(fieldPrefix, e);
        return undefined;
      }
      throw e;
    }
  }

  get count(): number {
    return this.found.length;
  }

  throwIfAny(): void {
    if (this.found.length > 0) throw new ValidationError(this.found);
  }
}
