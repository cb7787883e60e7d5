import { Problems } from './errors';
import { SealedValue } from './sealed-value';

const SECONDS_PER = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;
type Unit = keyof typeof SECONDS_PER;

const SEALED = new SealedValue<Duration>(
  'Duration',
  'a Duration from Duration.seconds, .minutes, .hours, .days or .parseIso (the class cannot be extended)',
);

/**
 * A length of time, kept in whole seconds. Idle shutdown and script timeouts take one instead of a bare
 * number, so the unit is never a guess. Made by the static factories; the class cannot be extended.
 */
export class Duration {
  /**
   * True for a Duration, made by this copy of the library or another one in the same program (where
   * `instanceof` is false). A value that only claims to be one is checked again where it is used.
   */
  static isDuration(x: unknown): x is Duration {
    return SEALED.isBranded(x);
  }

  /**
   * The Duration `value` stands for, made by this copy: itself when this copy made it; another copy's
   * Duration (or anything else that says it is one) made again from its `toSeconds()`; otherwise
   * undefined, with the problem added under `field`.
   * @internal
   */
  static fromAnyCopy(problems: Problems, field: string, value: unknown, allowed: string): Duration | undefined {
    return SEALED.fromAnyCopy(problems, field, value, allowed, (claimed) => {
      const seconds: unknown = typeof claimed.toSeconds === 'function' ? claimed.toSeconds() : undefined;
      if (typeof seconds !== 'number') {
        problems.add(field, value, allowed);
        return undefined;
      }
      return problems.collect(field, () => Duration.seconds(seconds));
    });
  }

  /** `amount` seconds: a whole number, 0 or more. */
  static seconds(amount: number): Duration {
    return new Duration(amount, 'seconds');
  }

  /** `amount` minutes: 0 or more, a whole number of seconds (`1.5` is 90 seconds). */
  static minutes(amount: number): Duration {
    return new Duration(amount, 'minutes');
  }

  /** `amount` hours: 0 or more, a whole number of seconds. */
  static hours(amount: number): Duration {
    return new Duration(amount, 'hours');
  }

  /** `amount` days of 24 hours: 0 or more, a whole number of seconds. */
  static days(amount: number): Duration {
    return new Duration(amount, 'days');
  }

  /** Parses an ISO 8601 duration of days, hours, minutes and seconds (`PT30M`, `P3D`, `P1DT2H`). */
  static parseIso(text: string): Duration {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
    if (!m || text === 'P' || text.endsWith('T')) {
      const problems = new Problems('Duration.parseIso');
      problems.add('text', text, 'an ISO 8601 duration of days, hours, minutes and seconds, like PT30M or P1DT12H');
      problems.throwIfAny();
    }
    const [, d, h, min, s] = m!.map((x) => Number(x ?? 0));
    return Duration.seconds(d * 86400 + h * 3600 + min * 60 + s);
  }

  readonly #seconds: number;

  private constructor(amount: number, unit: Unit) {
    SEALED.admit(new.target, Duration);
    const seconds = amount * SECONDS_PER[unit];
    if (!Number.isFinite(amount) || amount < 0 || !Number.isInteger(seconds)) {
      const problems = new Problems(`Duration.${unit}`);
      problems.add('amount', amount, 'a finite number >= 0 that makes a whole number of seconds');
      problems.throwIfAny();
    }
    this.#seconds = seconds;
    SEALED.seal(this);
  }

  /** The length in seconds, a whole number. */
  toSeconds(): number {
    return this.#seconds;
  }

  /** The length in minutes, fractional where it is not a whole number of minutes (90 seconds is 1.5). */
  toMinutes(): number {
    return this.#seconds / 60;
  }

  /** ISO 8601, largest units first: `PT30M`, `PT1H30M`, `P3D`, `PT0S`. */
  toIsoString(): string {
    if (this.#seconds === 0) return 'PT0S';
    let rest = this.#seconds;
    const days = Math.floor(rest / 86400);
    rest -= days * 86400;
    const hours = Math.floor(rest / 3600);
    rest -= hours * 3600;
    const minutes = Math.floor(rest / 60);
    const seconds = rest - minutes * 60;
    const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
    return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  }

  /**
   * The DURATION that GNU `timeout` reads (Azure passes a script's timeout to it): a whole number with the
   * largest suffix that divides it exactly (`15m`, `90s`, `2h`, `1d`).
   */
  toGnuTimeout(): string {
    const s = this.#seconds;
    if (s > 0 && s % 86400 === 0) return `${s / 86400}d`;
    if (s > 0 && s % 3600 === 0) return `${s / 3600}h`;
    if (s > 0 && s % 60 === 0) return `${s / 60}m`;
    return `${s}s`;
  }

  /** Readable for messages: `30 minutes`, `3 days`, `90 seconds`. */
  toHumanString(): string {
    const s = this.#seconds;
    const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
    if (s > 0 && s % 86400 === 0) return unit(s / 86400, 'day');
    if (s > 0 && s % 3600 === 0) return unit(s / 3600, 'hour');
    if (s > 0 && s % 60 === 0) return unit(s / 60, 'minute');
    return unit(s, 'second');
  }
}
