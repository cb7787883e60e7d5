import { TerraformVariable } from 'cdktf';
import * as fc from 'fast-check';
import { escapeTerraformTemplates, mayNeedTemplateEscapes } from '../../src/core/terraform-template';
import { newStack } from '../support/stack';

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

describe('mayNeedTemplateEscapes', () => {
  test('finds ${ and %{ in a string, a key or a nested value, and nothing in text without them', () => {
    expect(mayNeedTemplateEscapes({ a: ['x', { b: 'cost $5 at 50% {ok}' }], n: 1, z: null })).toBe(false);
    expect(mayNeedTemplateEscapes({ a: ['x', { b: 'run ${HOME}' }] })).toBe(true);
    expect(mayNeedTemplateEscapes({ a: [{ 'k%{x}': 1 }] })).toBe(true);
    expect(mayNeedTemplateEscapes('%{if c}')).toBe(true);
  });

  test('passes over cdktf references, but not text around them or a marker that opens no token', () => {
    const { stack } = newStack();
    const v = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    expect(mayNeedTemplateEscapes({ tags: { owner: v, both: `${v}/${v}` } })).toBe(false);
    expect(mayNeedTemplateEscapes({ tags: { owner: `${v} in \${HOME}` } })).toBe(true);
    expect(mayNeedTemplateEscapes({ tags: { owner: `${v}%{x}` } })).toBe(true);
    expect(mayNeedTemplateEscapes('${TfToken[TOKEN.1')).toBe(true);
    expect(mayNeedTemplateEscapes('${TfToken[]}')).toBe(true);
  });

  test('agrees with a search of the JSON text, cdktf tokens taken out, for any JSON data', () => {
    const text = fc.string({
      unit: fc.constantFrom('$', '%', '{', '}', 'a', ' ', '${TfToken[TOKEN.1]}', '${TfToken['),
    });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(text, text), (value, extra) => {
        const data = { value, extra };
        // A token is replaced, not removed: `%` + token + `{` is no directive.
        const json = JSON.stringify(data).replace(/\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g, '_');
        expect(mayNeedTemplateEscapes(data)).toBe(/[$%]\{/.test(json));
      }),
    );
  });
});
