import { ValidationError } from '../../src';
import { Problems, show } from '../../src/core/errors';

describe('Problems and ValidationError', () => {
  test('throw nothing when there are no problems', () => {
    expect(() => new Problems('a').throwIfAny()).not.toThrow();
  });

  test('list every problem with its path, field, value and rule', () => {
    const p = new Problems('stack/ci');
    p.add('name', 'x', 'three letters');
    p.add('tags', { a: 1 }, 'strings');
    const e = (() => {
      try {
        p.throwIfAny();
      } catch (err) {
        return err as ValidationError;
      }
      throw new Error('no throw');
    })();
    expect(e.name).toBe('ValidationError');
    expect(e.message).toBe(
      'Invalid input in stack/ci (2 problems):\n' +
        '  - stack/ci: name: received "x"; allowed: three letters\n' +
        '  - stack/ci: tags: received {"a":1}; allowed: strings',
    );
    expect(e.problems).toEqual([
      { path: 'stack/ci', field: 'name', received: '"x"', allowed: 'three letters' },
      { path: 'stack/ci', field: 'tags', received: '{"a":1}', allowed: 'strings' },
    ]);
  });

  test('redact secrets to a description', () => {
    const p = new Problems('ci');
    p.addSecret('ssh.publicKey', 'a private key', 'a public key');
    expect(() => p.throwIfAny()).toThrow(
      'ci: ssh.publicKey: received <redacted: a private key>; allowed: a public key',
    );
  });

  test('adopt nested problems under a field prefix', () => {
    const p = new Problems('stack/ci');
    const value = p.collect('schedules[2]', () => {
      const inner = new Problems('StartStopSchedule.cron');
      inner.add('expression', '* * *', '5 fields');
      inner.throwIfAny();
      return 1;
    });
    expect(value).toBeUndefined();
    expect(() => p.throwIfAny()).toThrow('stack/ci: schedules[2].expression: received "* * *"; allowed: 5 fields');
  });

  test('pass other errors through', () => {
    expect(() =>
      new Problems('x').collect('f', () => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
  });

  test('show long values shortened and undefined as nothing', () => {
    expect(show('a'.repeat(200))).toBe(`"${'a'.repeat(76)}...`);
    expect(show(undefined)).toBe('nothing');
    expect(show(12)).toBe('12');
  });
});
