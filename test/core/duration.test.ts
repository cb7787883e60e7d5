import { Duration, ValidationError } from '../../src';
import { thrown } from '../support/stack';

describe('Duration', () => {
  test.each([
    [Duration.minutes(30), 'PT30M', '30m', '30 minutes'],
    [Duration.minutes(90), 'PT1H30M', '90m', '90 minutes'],
    [Duration.days(3), 'P3D', '3d', '3 days'],
    [Duration.hours(26), 'P1DT2H', '26h', '26 hours'],
    [Duration.seconds(90), 'PT1M30S', '90s', '90 seconds'],
    [Duration.seconds(0), 'PT0S', '0s', '0 seconds'],
    [Duration.minutes(0.5), 'PT30S', '30s', '30 seconds'],
  ])('%p renders as %p (ISO), %p (GNU timeout), %p', (d, iso, gnu, human) => {
    expect(d.toIsoString()).toBe(iso);
    expect(d.toGnuTimeout()).toBe(gnu);
    expect(d.toHumanString()).toBe(human);
  });

  test('parses what it renders', () => {
    for (const iso of ['PT30M', 'PT1H30M', 'P3D', 'P1DT2H', 'PT1M30S', 'PT0S']) {
      expect(Duration.parseIso(iso).toIsoString()).toBe(iso);
    }
    expect(Duration.parseIso('PT72H').toSeconds()).toBe(259200);
  });

  test.each(['30M', 'P', 'PT', 'P1W', 'PT1.5H', '', 'P1DT'])('fails to parse %p', (text) => {
    const e = thrown(() => Duration.parseIso(text));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe(
      `Invalid input in Duration.parseIso (1 problem):\n  - Duration.parseIso: text: received ${JSON.stringify(text)}; allowed: an ISO 8601 duration of days, hours, minutes and seconds, like PT30M or P1DT12H`,
    );
  });

  test.each([
    ['minutes', -1, '-1'],
    ['seconds', 1.5, '1.5'],
    ['hours', Number.NaN, 'NaN'],
    ['days', Number.POSITIVE_INFINITY, 'Infinity'],
  ] as const)('fails for %s(%p)', (unit, amount, shown) => {
    expect(() => Duration[unit](amount)).toThrow(
      `Duration.${unit}: amount: received ${shown}; allowed: a finite number >= 0 that makes a whole number of seconds`,
    );
  });
});
