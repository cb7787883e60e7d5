import { Memo } from '../../src/core/memo';

describe('Memo', () => {
  test('computes a value once per key and gives the kept one after', () => {
    const memo = new Memo<number[]>('test: once per key');
    let calls = 0;
    const first = memo.through('a', () => [++calls]);
    expect(memo.through('a', () => [++calls])).toBe(first);
    expect(memo.through('b', () => [++calls])).toEqual([2]);
    expect(calls).toBe(2);
    expect(memo.size).toBe(2);
  });

  test('keeps nothing without a key, or when keep refuses the value', () => {
    const memo = new Memo<string>('test: not kept');
    let calls = 0;
    expect(memo.through(undefined, () => `v${++calls}`)).toBe('v1');
    expect(memo.through(undefined, () => `v${++calls}`)).toBe('v2');
    const valid = (v: string) => v === 'ok';
    expect(memo.through('k', () => `bad${++calls}`, valid)).toBe('bad3');
    expect(memo.through('k', () => `bad${++calls}`, valid)).toBe('bad4');
    expect(memo.through('k', () => 'ok', valid)).toBe('ok');
    expect(memo.through('k', () => `bad${++calls}`, valid)).toBe('ok');
    expect(memo.size).toBe(1);
  });

  test('keeps nothing when the computation throws', () => {
    const memo = new Memo<string>('test: throws');
    expect(() =>
      memo.through('k', () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(memo.size).toBe(0);
  });

  test('starts over when full: at most `limit` values', () => {
    const memo = new Memo<number>('test: bounded', 2);
    memo.through('a', () => 1);
    memo.through('b', () => 2);
    expect(memo.size).toBe(2);
    memo.through('c', () => 3);
    expect(memo.size).toBe(1);
    expect(memo.through('a', () => 4)).toBe(4);
  });

  test('refuses a second memo under a namespace already taken, so two memos never share keys', () => {
    new Memo<number>('test: taken');
    expect(() => new Memo<number>('test: taken')).toThrow('a second memo named "test: taken"');
  });
});
