import { StartStopSchedule, ValidationError } from '../../src';
import { Problems } from '../../src/core/errors';
import { thrown } from '../support/stack';

const LIMITS =
  'allowed: an error lists the first 10 problems of a field and 100 in all; fix these and run again to see the rest';

function errorOf(fn: () => unknown): ValidationError {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

describe('an error lists a bounded number of problems', () => {
  test('a list of a million weekDays is one problem, reported by its length, in a short message', () => {
    const weekDays = Array(1_000_000).fill('Mon');
    const before = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    const e = errorOf(() =>
      StartStopSchedule.recurrence({ action: 'Start', frequency: 'Week', hours: [8], minutes: [0], weekDays }),
    );
    expect(e.message).toBe(
      'Invalid input in StartStopSchedule.recurrence (1 problem):\n' +
        '  - StartStopSchedule.recurrence: weekDays: received "a list of 1000000 items"; allowed: a list of at most 7 days, "Monday" to "Sunday", each listed once',
    );
    // Guards, generous for a shared machine: the item-by-item check took a minute and 1.5 GB.
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  test('over-long hours and minutes too, and the rest of the entry is still judged', () => {
    const e = errorOf(() =>
      StartStopSchedule.recurrence({
        action: 'Start',
        frequency: 'Week',
        hours: Array.from({ length: 25 }, (_, i) => i),
        minutes: Array(61).fill(0),
        weekDays: ['Mon' as any],
      }),
    );
    expect(e.message).toBe(
      'Invalid input in StartStopSchedule.recurrence (3 problems):\n' +
        '  - StartStopSchedule.recurrence: hours: received "a list of 25 items"; allowed: a list of at most 24 hours, integers from 0 to 23, each listed once\n' +
        '  - StartStopSchedule.recurrence: minutes: received "a list of 61 items"; allowed: a list of at most 60 minutes, integers from 0 to 59, each listed once\n' +
        '  - StartStopSchedule.recurrence: weekDays[0]: received "Mon"; allowed: "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" or "Sunday"; write "Monday" instead',
    );
  });

  test('lists the first 10 problems of a field, then counts the rest', () => {
    const p = new Problems('ci');
    for (let i = 0; i < 1_000_000; i++) p.add(`weekDays[${i}]`, 'Mon', 'a day');
    p.add('name', 'x', 'a name');
    expect(p.count).toBe(1_000_001);
    const e = errorOf(() => p.throwIfAny());
    const listed = Array.from({ length: 10 }, (_, i) => `  - ci: weekDays[${i}]: received "Mon"; allowed: a day`);
    expect(e.message).toBe(
      [
        'Invalid input in ci (1000001 problems):',
        ...listed,
        '  - ci: name: received "x"; allowed: a name',
        `  - ci: weekDays: received 999990 more problems in this field, not listed; ${LIMITS}`,
      ].join('\n'),
    );
    expect(e.problems).toHaveLength(12);
  });

  test('lists at most 100 problems in all; fields beyond 10 with unlisted problems share a line', () => {
    const p = new Problems('ci');
    for (let i = 0; i < 1000; i++) p.add(`tags.k${i}`, 1, 'a string');
    const e = errorOf(() => p.throwIfAny());
    expect(e.problems).toHaveLength(100 + 10 + 1);
    expect(e.message.split('\n')[0]).toBe('Invalid input in ci (1000 problems):');
    expect(e.message.split('\n').slice(100, 103)).toEqual([
      '  - ci: tags.k99: received 1; allowed: a string',
      `  - ci: tags.k100: received 1 more problem in this field, not listed; ${LIMITS}`,
      `  - ci: tags.k101: received 1 more problem in this field, not listed; ${LIMITS}`,
    ]);
    expect(e.message.split('\n').pop()).toBe(
      `  - ci: other fields: received 890 more problems in other fields, not listed; ${LIMITS}`,
    );
  });

  test('a nested error keeps its count when adopted', () => {
    const inner = new Problems('StartStopSchedule.recurrence');
    for (let i = 0; i < 15; i++) inner.add(`weekDays[${i}]`, 'Mon', 'a day');
    const outer = new Problems('stack/ci');
    outer.collect('schedules[0]', () => inner.throwIfAny());
    const e = errorOf(() => outer.throwIfAny());
    expect(e.message.split('\n')[0]).toBe('Invalid input in stack/ci (15 problems):');
    expect(e.message.split('\n').pop()).toBe(
      `  - stack/ci: schedules[0].weekDays: received 5 more problems in this field, not listed; ${LIMITS}`,
    );
  });
});
