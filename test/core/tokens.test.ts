import { Fn, TerraformVariable, Token } from 'cdktf';
import * as fc from 'fast-check';
import { isToken } from '../../src/core/tokens';
import { newStack } from '../support/stack';

describe('isToken without the framework module loaded (the aml-compute command loads none)', () => {
  test('a cdktf reference is text: only src/core/framework hands over the framework test', () => {
    const { stack } = newStack();
    const reference = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    jest.isolateModules(() => {
      const isolated = require('../../src/core/tokens') as typeof import('../../src/core/tokens');
      expect(isolated.isToken(reference)).toBe(false);
      isolated.useFrameworkTokenTest((value) => Token.isUnresolved(value));
      expect(isolated.isToken(reference)).toBe(true);
    });
  });
});

describe('isToken', () => {
  const { stack } = newStack();
  const variable = new TerraformVariable(stack, 'v', { type: 'string' });
  const stringToken = variable.stringValue;
  const numberToken = variable.numberValue;
  const listToken = variable.listValue;

  test('is true for string and number references, alone or inside text, and false for literals', () => {
    expect(isToken(stringToken)).toBe(true);
    expect(isToken(`prefix-${stringToken}-suffix`)).toBe(true);
    expect(isToken(Fn.lower(stringToken))).toBe(true);
    expect(isToken(numberToken)).toBe(true);
    expect(isToken('Standard_DS3_v2')).toBe(false);
    expect(isToken('${var.x}')).toBe(false);
    expect(isToken(42)).toBe(false);
    expect(isToken(undefined)).toBe(false);
    expect(isToken(listToken)).toBe(false);
  });

  test("property: agrees with cdktf's Token.isUnresolved for any string, references and markers mixed in", () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        stringToken,
        listToken[0],
        '${TfToken[',
        '${TfToken[TOKEN.1]}',
        '#{TfToken[TOKEN.2]}',
        ']}',
        '${',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
        const text = pieces.join('');
        expect(isToken(text)).toBe(Token.isUnresolved(text));
      }),
      { numRuns: 2000 },
    );
  });
});
