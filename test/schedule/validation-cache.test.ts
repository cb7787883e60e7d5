import * as fc from 'fast-check';
import type { TerraformStack } from 'cdktf';
import { ComputeInstance, StartStopSchedule } from '../../src';
import type { ArmComputeStartStopSchedule } from '../../src';
import { uncachedSameMinuteProblems } from '../../src/schedule/schedule-set-checks';
import { newStack, REQUIRED } from '../support/stack';
import { armEntryProblems, cronEntryKey, uncachedArmEntryProblems } from '../../src/schedule/entry-validation';
import { jsonDataKey } from '../../src/validation/json-data-key';

const VALID_CRON: ArmComputeStartStopSchedule = {
  action: 'Stop',
  triggerType: 'Cron',
  status: 'Enabled',
  cron: { expression: '0 18 * * *', timeZone: 'UTC' },
};
const VALID_RECURRENCE: ArmComputeStartStopSchedule = {
  action: 'Start',
  triggerType: 'Recurrence',
  status: 'Enabled',
  recurrence: {
    frequency: 'Week',
    interval: 1,
    timeZone: 'W. Europe Standard Time',
    schedule: { hours: [8], minutes: [30], weekDays: ['Monday'] },
  },
};
const BOGUS_MESSAGE =
  'Invalid input in StartStopSchedule.fromArm (1 problem):\n' +
  '  - StartStopSchedule.fromArm: bogus: received nothing; allowed: only the fields action, triggerType, status, cron, recurrence';

/** A copy of the library with nothing validated yet (module state, the cache included, starts empty). */
function freshStartStopSchedule(): typeof StartStopSchedule {
  let loaded: typeof StartStopSchedule | undefined;
  jest.isolateModules(() => {
    loaded = (require('../../src') as typeof import('../../src')).StartStopSchedule;
  });
  return loaded!;
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

describe('the schedule validation cache', () => {
  test('fails an entry with an undefined extra field when nothing was validated before', () => {
    const StartStopSchedule = freshStartStopSchedule();
    expect(
      messageOf(() => StartStopSchedule.fromArm({ ...VALID_CRON, bogus: undefined } as ArmComputeStartStopSchedule)),
    ).toBe(BOGUS_MESSAGE);
    expect(messageOf(() => StartStopSchedule.fromArm(VALID_CRON))).toBe('accepted');
    expect(
      messageOf(() => StartStopSchedule.fromArm({ ...VALID_CRON, bogus: undefined } as ArmComputeStartStopSchedule)),
    ).toBe(BOGUS_MESSAGE);
  });

  test('fails an entry with an undefined extra field after the same entry without it was accepted', () => {
    const StartStopSchedule = freshStartStopSchedule();
    expect(messageOf(() => StartStopSchedule.fromArm(VALID_CRON))).toBe('accepted');
    expect(
      messageOf(() => StartStopSchedule.fromArm({ ...VALID_CRON, bogus: undefined } as ArmComputeStartStopSchedule)),
    ).toBe(BOGUS_MESSAGE);
  });

  test('judges a nested undefined and a toJSON object alike before and after their JSON twins were accepted', () => {
    const StartStopSchedule = freshStartStopSchedule();
    const twins: [unknown, string][] = [
      [{ ...VALID_CRON, cron: { ...VALID_CRON.cron, startTime: undefined } }, 'accepted'],
      [
        { ...VALID_CRON, cron: { ...VALID_CRON.cron, timeZone: { toJSON: () => 'UTC' } } },
        'cron.timeZone: received "UTC"',
      ],
    ];
    const before = twins.map(([twin]) =>
      messageOf(() => StartStopSchedule.fromArm(twin as ArmComputeStartStopSchedule)),
    );
    for (const [twin] of twins)
      expect(messageOf(() => StartStopSchedule.fromArm(JSON.parse(JSON.stringify(twin))))).toBe('accepted');
    const after = twins.map(([twin]) =>
      messageOf(() => StartStopSchedule.fromArm(twin as ArmComputeStartStopSchedule)),
    );
    expect(after).toEqual(before);
    for (const [i, [, problem]] of twins.entries()) expect(before[i]).toContain(problem);
  });
});

describe('jsonDataKey', () => {
  test('keys plain data, keeping field order', () => {
    expect(jsonDataKey({ b: [1, 'x', null, true], a: { c: -1.5 } })).toBe('{"b":[1,"x",null,true],"a":{"c":-1.5}}');
    expect(jsonDataKey(Object.assign(Object.create(null), { a: 1 }))).toBe('{"a":1}');
  });

  test.each([
    ['an undefined field', { a: undefined }],
    ['a function', { a: () => 1 }],
    ['NaN', [NaN]],
    ['Infinity', [Infinity]],
    ['-0', [-0]],
    ['a Date', { a: new Date(0) }],
    ['an object with toJSON', { a: { toJSON: () => 1 } }],
    ['a getter', Object.defineProperty({}, 'a', { get: () => 1, enumerable: true })],
    ['a non-enumerable field', Object.defineProperty({}, 'a', { value: 1, enumerable: false })],
    ['a symbol-named field', { [Symbol('a')]: 1 }],
    ['an inherited field', Object.create({ a: 1 })],
    [
      'a class instance',
      new (class Entry {
        a = 1;
      })(),
    ],
    ['a hole', [1, , 2]], // a sparse array, on purpose
    ['an array with an extra field', Object.assign([1], { extra: 2 })],
    ['a proxy', new Proxy({ a: 1 }, {})],
    ['a bigint', { a: BigInt(1) }],
  ])('gives no key for %s', (_, value) => {
    expect(jsonDataKey(value)).toBeUndefined();
  });
});

/** Values that JSON.stringify cannot tell from others. */
const slippery = fc.constantFrom<unknown>(
  undefined,
  () => 1,
  Symbol('s'),
  NaN,
  Infinity,
  -0,
  new Date(0),
  { toJSON: () => 'Stop' },
  BigInt(1),
);

/** A valid entry, changed where a JSON key would not see it. */
const nearlyValid = fc
  .tuple(fc.constantFrom(VALID_CRON, VALID_RECURRENCE), fc.nat(5), slippery, fc.string({ maxLength: 6 }))
  .map(([base, how, value, name]): unknown => {
    const entry = JSON.parse(JSON.stringify(base)) as Record<string, any>;
    const trigger = entry.cron ?? entry.recurrence;
    switch (how) {
      case 0:
        return { ...entry, [name || 'bogus']: value };
      case 1:
        return { ...entry, [Object.keys(entry)[name.length % 4]]: value };
      case 2:
        return {
          ...entry,
          [entry.cron ? 'cron' : 'recurrence']: { ...trigger, [Object.keys(trigger)[name.length % 2]]: value },
        };
      case 3:
        return Object.create(entry);
      case 4:
        return {
          ...entry,
          [entry.cron ? 'cron' : 'recurrence']: Object.defineProperty({ ...trigger }, 'timeZone', {
            get: () => 'UTC',
            enumerable: true,
          }),
        };
      default:
        return entry.recurrence
          ? { ...entry, recurrence: { ...trigger, schedule: { ...trigger.schedule, hours: [-0] } } }
          : [entry];
    }
  });

const anyEntry = fc.oneof(
  fc.constantFrom<unknown>(VALID_CRON, VALID_RECURRENCE),
  nearlyValid,
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withDate: true }),
);

test('property: the verdict on an entry does not depend on the entries validated before it', () => {
  fc.assert(
    fc.property(fc.array(anyEntry, { maxLength: 6 }), anyEntry, (before, entry) => {
      for (const earlier of before) armEntryProblems(earlier);
      expect(armEntryProblems(entry)).toEqual(uncachedArmEntryProblems(entry));
    }),
    { numRuns: 500 },
  );
});

describe('the key of an entry StartStopSchedule.cron built (cronEntryKey)', () => {
  /** The entry as StartStopSchedule.cron builds it from its props. */
  const built = (action: unknown, expression: unknown, timeZone: unknown, startTime?: unknown, enabled = true) =>
    ({
      action,
      triggerType: 'Cron',
      status: enabled ? 'Enabled' : 'Disabled',
      cron: { expression, timeZone, ...(startTime !== undefined ? { startTime } : {}) },
    }) as ArmComputeStartStopSchedule;

  test('is undefined where a value is not a string, so such an entry is never cached', () => {
    expect(cronEntryKey(built('Stop', '0 18 * * *', 'UTC'))).toBe('cron["Stop","Enabled","0 18 * * *","UTC",null]');
    expect(cronEntryKey(built(1, '0 18 * * *', 'UTC'))).toBeUndefined();
    expect(cronEntryKey(built('Stop', ['0 18 * * *'], 'UTC'))).toBeUndefined();
    expect(cronEntryKey(built('Stop', '0 18 * * *', { id: 'UTC' }))).toBeUndefined();
    expect(cronEntryKey(built('Stop', '0 18 * * *', 'UTC', new Date(0)))).toBeUndefined();
  });

  const field = fc.constantFrom<unknown>(
    'Stop',
    'Start',
    'stop',
    '0 18 * * *',
    '0 25 * * *',
    'UTC',
    'utc',
    '',
    7,
    null,
  );
  const cronEntry = fc
    .tuple(
      field,
      field,
      field,
      fc.option(fc.constantFrom<unknown>('2026-01-01T08:00:00', 'soon', 3), { nil: undefined }),
      fc.boolean(),
    )
    .map(([a, e, z, s, on]) => built(a, e, z, s, on));

  test('property: two built entries share a key only when they are the same data', () => {
    fc.assert(
      fc.property(cronEntry, cronEntry, (a, b) => {
        const [ka, kb] = [cronEntryKey(a), cronEntryKey(b)];
        if (ka !== undefined && ka === kb) expect(a).toEqual(b);
        if (ka !== undefined && jsonDataKey(a) === jsonDataKey(b)) expect(ka).toBe(kb);
      }),
      { numRuns: 1000 },
    );
  });

  test('property: a verdict under the key is the uncached verdict, whatever was validated before', () => {
    fc.assert(
      fc.property(fc.array(cronEntry, { maxLength: 8 }), cronEntry, (before, entry) => {
        for (const earlier of before) armEntryProblems(earlier, cronEntryKey(earlier));
        expect(armEntryProblems(entry, cronEntryKey(entry))).toEqual(uncachedArmEntryProblems(entry));
      }),
      { numRuns: 500 },
    );
  });

  test('StartStopSchedule.cron refuses a wrong time zone after the right one was cached', () => {
    const StartStopSchedule = freshStartStopSchedule();
    expect(messageOf(() => StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', timeZone: 'UTC' }))).toBe(
      'accepted',
    );
    expect(
      messageOf(() => StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', timeZone: 'UTC ' })),
    ).toContain('timeZone: received "UTC "');
  });
});

describe('the schedule-set cache (a Start and a Stop in the same minute, judged once per set)', () => {
  const pool = [
    StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5', timeZone: 'UTC' }),
    StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * 1-5', timeZone: 'UTC' }),
    StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', timeZone: 'UTC' }),
    StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * *', timeZone: 'W. Europe Standard Time' }),
    StartStopSchedule.cron({ action: 'Stop', expression: '0 8 * * 1-5', timeZone: 'UTC', enabled: false }),
    StartStopSchedule.recurrence({ action: 'Stop', frequency: 'Week', hours: [8], minutes: [0], weekDays: ['Monday'] }),
    StartStopSchedule.fromArm({
      action: 'Stop',
      triggerType: 'Cron',
      status: 'Enabled',
      cron: { expression: '0 8 * * 1-5', timeZone: 'UTC' },
    }),
  ];

  test('entryKey tells entries apart: the same props give one key, any other field another', () => {
    const again = StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5', timeZone: 'UTC' });
    expect(again.entryKey).toBe(pool[0].entryKey);
    expect(new Set(pool.map((s) => s.entryKey)).size).toBe(pool.length);
    expect(pool[6].entryKey).toBe(JSON.stringify(pool[6].toArm()));
  });

  test("property: an instance's verdict is the uncached one, whatever sets were judged before", () => {
    const index = fc.nat(pool.length - 1);
    const set = fc.array(index, { minLength: 1, maxLength: 4 });
    const verdictOf = (stack: TerraformStack, name: string, picks: number[]) =>
      messageOf(() => new ComputeInstance(stack, name, { ...REQUIRED, name, schedules: picks.map((i) => pool[i]) }));
    fc.assert(
      fc.property(fc.array(set, { maxLength: 6 }), set, (before, picks) => {
        const { stack } = newStack();
        before.forEach((b, i) => verdictOf(stack, `ci-before-${i}`, b));
        const verdict = verdictOf(stack, 'ci-judged', picks);
        const uncached = uncachedSameMinuteProblems(picks.map((i) => pool[i].toArm()));
        if (uncached.length === 0) expect(verdict).toBe('accepted');
        for (const p of uncached) expect(verdict).toContain(`${p.field}: received "${p.value}"; allowed: ${p.allowed}`);
      }),
      { numRuns: 200 },
    );
  });
});
