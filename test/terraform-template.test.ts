import { TerraformVariable } from 'cdktf';
import { escapeTerraformTemplates } from '../src/terraform-template';
import { newStack } from './support/stack';

describe('escapeTerraformTemplates', () => {
  test('doubles the opening of ${ and %{ in strings, keys and nested values', () => {
    expect(escapeTerraformTemplates({ 'a${b}': ['x %{if c}', { d: '${e}' }], n: 1, t: true, z: null })).toEqual({
      'a$${b}': ['x %%{if c}', { d: '$${e}' }],
      n: 1,
      t: true,
      z: null,
    });
  });

  test('leaves a lone $ or % and already harmless text alone', () => {
    expect(escapeTerraformTemplates('cost $5 at 50% {ok}')).toBe('cost $5 at 50% {ok}');
  });

  test('leaves cdktf references as they are', () => {
    const { stack } = newStack();
    const v = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    expect(escapeTerraformTemplates(v)).toBe(v);
  });
});
