import {
  blockList,
  booleanArgument,
  hclArguments,
  jsonArguments,
  jsonObjectArgument,
  numberArgument,
  singleBlock,
  stringArgument,
  stringListArgument,
  stringMapArgument,
} from '../../src/bindings/attributes';

const declared = [
  singleBlock('zeta', 'ZetaList', [stringArgument('inner', 'i')]),
  stringArgument('name', 'n'),
  blockList('alpha', 'AlphaList', [[booleanArgument('on', true)], [numberArgument('count', 2)]]),
  stringListArgument('ids', ['a', 'b'], 'set'),
  stringMapArgument('tags', { team: 'ml' }),
  booleanArgument('enabled', false),
  numberArgument('retries', 3),
  stringArgument('absent', undefined),
  stringArgument('nothing', null as unknown as string),
];

describe('jsonArguments', () => {
  test('every argument with a value, in the declared order; a single block as one object, a block list as a list', () => {
    const json = jsonArguments(declared);
    expect(Object.keys(json)).toEqual(['zeta', 'name', 'alpha', 'ids', 'tags', 'enabled', 'retries', 'nothing']);
    expect(json.zeta).toEqual({ inner: 'i' });
    expect(json.name).toBe('n');
    expect(json.alpha).toEqual([{ on: true }, { count: 2 }]);
    expect(json.ids).toEqual(['a', 'b']);
    expect(json.tags).toEqual({ team: 'ml' });
    expect(json.enabled).toBe(false);
    expect(json.retries).toBe(3);
    expect(json.nothing).toBeNull();
  });

  test('an object argument is written as it is; an empty block list stays, an element without values is {}', () => {
    const body = { properties: { vmSize: 'x' } };
    const json = jsonArguments([
      jsonObjectArgument('body', body),
      blockList('empty', 'EmptyList', []),
      blockList('features', 'FeaturesList', [[]]),
      singleBlock('one', undefined, [stringArgument('unset', undefined)]),
    ]);
    expect(json.body).toBe(body);
    expect(json.empty).toEqual([]);
    expect(json.features).toEqual([{}]);
    expect(json.one).toEqual({});
  });
});

describe('hclArguments', () => {
  test('the plain arguments in alphabetical order, then the blocks in alphabetical order, as the generated classes', () => {
    expect(Object.keys(hclArguments(declared))).toEqual([
      'enabled',
      'ids',
      'name',
      'nothing',
      'retries',
      'tags',
      'alpha',
      'zeta',
    ]);
  });

  test('each record as the generated classes write it', () => {
    const hcl = hclArguments(declared);
    expect(hcl.name).toEqual({ value: 'n', isBlock: false, type: 'simple', storageClassType: 'string' });
    expect(hcl.enabled).toEqual({ value: false, isBlock: false, type: 'simple', storageClassType: 'boolean' });
    expect(hcl.retries).toEqual({ value: 3, isBlock: false, type: 'simple', storageClassType: 'number' });
    expect(hcl.ids).toEqual({ value: ['a', 'b'], isBlock: false, type: 'set', storageClassType: 'stringList' });
    expect(hcl.tags).toEqual({ value: { team: 'ml' }, isBlock: false, type: 'map', storageClassType: 'stringMap' });
    expect(hcl.zeta).toEqual({
      value: { inner: { value: 'i', isBlock: false, type: 'simple', storageClassType: 'string' } },
      isBlock: true,
      type: 'list',
      storageClassType: 'ZetaList',
    });
    expect(hcl.alpha).toEqual({
      value: [
        { on: { value: true, isBlock: false, type: 'simple', storageClassType: 'boolean' } },
        { count: { value: 2, isBlock: false, type: 'simple', storageClassType: 'number' } },
      ],
      isBlock: true,
      type: 'list',
      storageClassType: 'AlphaList',
    });
    expect(hcl).not.toHaveProperty('absent');
  });

  test('an object argument or a block without a generated class has no HCL declaration', () => {
    expect(() => hclArguments([jsonObjectArgument('body', {})])).toThrow(
      "The library has no HCL declaration for the argument 'body' (jsonObject): only the azapi bindings declare such arguments, and they write no HCL.",
    );
    expect(() => hclArguments([blockList('identity', undefined, [])])).toThrow(
      "The library has no HCL declaration for the argument 'identity' (block): only the azapi bindings declare such arguments, and they write no HCL.",
    );
  });
});
