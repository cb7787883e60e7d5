import { Problems } from '../../src/core/errors';
import { SealedValue } from '../../src/core/sealed-value';
import { thrown } from '../support/stack';

const ALLOWED = 'a Thing from Thing.of';
const SEALED = new SealedValue<Thing>('Thing', ALLOWED);

class Thing {
  static of(n: number): Thing {
    return new Thing(n, SEALED.token);
  }
  readonly n: number;
  private constructor(n: number, token: symbol) {
    SEALED.admit(new.target, Thing, token);
    this.n = n;
    SEALED.seal(this);
  }
}

describe('SealedValue', () => {
  test('admits the class with its token only, naming the refused constructor', () => {
    const Ctor = Thing as unknown as new (...args: unknown[]) => object;
    expect(thrown(() => new Ctor(1, Symbol('validated Thing'))).message).toBe(
      'Invalid input in Thing (1 problem):\n  - Thing: constructor: received "Thing"; allowed: a Thing from Thing.of',
    );
    class Sub extends Ctor {
      constructor() {
        super(1, SEALED.token);
      }
    }
    expect(thrown(() => new Sub()).message).toBe(
      'Invalid input in Thing (1 problem):\n  - Thing: constructor: received "Sub"; allowed: a Thing from Thing.of',
    );
  });

  test('brands with Symbol.for (seen by any copy) and freezes', () => {
    const t = Thing.of(1);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.getOwnPropertySymbols(t).map(String)).toEqual(['Symbol(cdktf-azureml-compute.Thing)']);
    expect(SEALED.isBranded(t)).toBe(true);
    expect(SEALED.isBranded({ [Symbol.for('cdktf-azureml-compute.Thing')]: true })).toBe(true);
    expect(SEALED.isBranded({ n: 1 })).toBe(false);
    expect(SEALED.isBranded(null)).toBe(false);
  });

  test('fromAnyCopy: its own value as it is, a branded one through `again`, anything else a problem', () => {
    const problems = new Problems('test');
    const again = jest.fn((claimed: Thing) => Thing.of(claimed.n + 1));
    const own = Thing.of(1);
    expect(SEALED.fromAnyCopy(problems, 'own', own, ALLOWED, again)).toBe(own);
    expect(again).not.toHaveBeenCalled();
    const other = { [Symbol.for('cdktf-azureml-compute.Thing')]: true, n: 5 };
    expect(SEALED.fromAnyCopy(problems, 'other', other, ALLOWED, again)?.n).toBe(6);
    expect(again).toHaveBeenCalledWith(other);
    expect(SEALED.fromAnyCopy(problems, 'fake', { n: 7 }, ALLOWED, again)).toBeUndefined();
    expect(thrown(() => problems.throwIfAny()).message).toBe(
      'Invalid input in test (1 problem):\n  - test: fake: received {"n":7}; allowed: a Thing from Thing.of',
    );
  });
});
