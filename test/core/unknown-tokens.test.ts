import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { unknownTokens } from '../../src/core/unknown-tokens';

describe('unknownTokens', () => {
  test('names each unissued marker by its path: dotted fields, [i] for list items, keys too, in walk order', () => {
    const value = {
      a: ['x', 'y ${TfToken[NOPE.1]}'],
      b: { 'k${TfToken[NOPE.2]}': 'fine', c: [{ d: '${TfToken[NOPE.3]}' }] },
    };
    expect(unknownTokens(value)).toEqual([
      { path: 'a[1]', value: 'y ${TfToken[NOPE.1]}' },
      { path: 'b.k${TfToken[NOPE.2]}', value: 'k${TfToken[NOPE.2]}' },
      { path: 'b.c[0].d', value: '${TfToken[NOPE.3]}' },
    ]);
  });

  test('paths start from the given one; a list at the top is indexed from it', () => {
    expect(unknownTokens(['ok', '${TfToken[NOPE]}'], 'scripts')).toEqual([
      { path: 'scripts[1]', value: '${TfToken[NOPE]}' },
    ]);
    expect(unknownTokens(['${TfToken[NOPE]}'])).toEqual([{ path: '[0]', value: '${TfToken[NOPE]}' }]);
  });

  test('references the program made, text without the marker and other values are not reported', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const reference = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    expect(unknownTokens({ ref: `id ${reference}`, n: 1, t: true, none: null, list: [reference] })).toEqual([]);
  });
});
