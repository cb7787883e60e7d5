import { Problems } from './errors';

/**
 * What makes a value class of this library trustworthy, decided once for all of them (Duration,
 * StartStopSchedule, SetupScript):
 * - made only validated: the constructor runs for the class itself, never a subclass, and (where the class
 *   asks for one) only with a token its module keeps private;
 * - frozen once made;
 * - branded with a `Symbol.for` mark, which another copy of the library in the same program sees too, so
 *   that copy's values are recognized and checked again (`fromAnyCopy`) instead of refused.
 */
export class SealedValue<T extends object> {
  /** Only the module that owns the class holds it; its constructor takes it to know a factory called. */
  readonly token: symbol;
  readonly #brand: symbol;
  /** The values this copy made: they need no second check. */
  readonly #made = new WeakSet<object>();

  /**
   * `className` names the brand and the problem a refused construction reports; `made` is that problem's
   * `allowed:` text (the factories to use instead).
   */
  constructor(
    private readonly className: string,
    private readonly made: string,
  ) {
    this.#brand = Symbol.for(`cdktf-azureml-compute.${className}`);
    this.token = Symbol(`validated ${className}`);
  }

  /**
   * First in the constructor: throws unless `newTarget` is the class itself and, where the class takes a
   * token, `token` is this one. TypeScript keeps a private constructor private; JavaScript does not.
   */
  admit(newTarget: { readonly name: string }, expected: object, ...token: [] | [unknown]): void {
    if (newTarget === expected && (token.length === 0 || token[0] === this.token)) return;
    const problems = new Problems(this.className);
    problems.add('constructor', newTarget.name, this.made);
    problems.throwIfAny();
  }

  /** Last in the constructor: brands and freezes the new value. */
  seal(value: T): void {
    Object.defineProperty(value, this.#brand, { value: true });
    this.#made.add(value);
    Object.freeze(value);
  }

  /** True for a value of the class, made by this copy of the library or another one in the same program. */
  isBranded(x: unknown): x is T {
    return x !== null && typeof x === 'object' && this.#brand in x;
  }

  /**
   * The value `value` stands for, made by this copy: itself when this copy made it; for another copy's
   * value (or anything else with the brand), what `again` makes of it, `again` adding its own problems;
   * otherwise undefined, with the problem added under `field`.
   */
  fromAnyCopy(
    problems: Problems,
    field: string,
    value: unknown,
    allowed: string,
    again: (claimed: T) => T | undefined,
  ): T | undefined {
    if (typeof value === 'object' && value !== null && this.#made.has(value)) return value as T;
    if (!this.isBranded(value)) {
      problems.add(field, value, allowed);
      return undefined;
    }
    return again(value);
  }
}
