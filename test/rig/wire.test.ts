import { decodeMsgpack, encodeMsgpack, fromJson, typeOf, Unknown } from './wire';

/** The rig's codec of Terraform values (hashicorp/terraform docs/plugin-protocol/object-wire-format.md). */
describe('msgpack DynamicValue codec', () => {
  test('an object carries every attribute of its type, nulls included, in msgpack map form', () => {
    const bytes = encodeMsgpack({ a: 'x' }, ['object', { a: 'string', b: 'number' }]);
    // fixmap of 2: "a" → "x", "b" → nil
    expect(Buffer.from(bytes).toString('hex')).toBe('82a161a178a162c0');
  });

  test('an unknown value is msgpack extension type 0 with empty data, and decodes to Unknown of its type', () => {
    const bytes = encodeMsgpack(new Unknown('string'), 'string');
    // ext 8 (0xc7), length 0, type 0
    expect(Buffer.from(bytes).toString('hex')).toBe('c70000');
    expect(decodeMsgpack(bytes, 'string')).toEqual(new Unknown('string'));
  });

  test('a dynamic value travels as [type JSON, value] and comes back as the value, its type inferred alike', () => {
    const value = { list: [1, 'two'], none: null, flag: true };
    const bytes = encodeMsgpack(value, 'dynamic');
    expect(decodeMsgpack(bytes, 'dynamic')).toEqual(value);
    expect(typeOf(value)).toEqual(['object', { list: ['tuple', ['number', 'string']], none: 'dynamic', flag: 'bool' }]);
  });

  test('a map key named __proto__ is written as an own key, and refused with an error when read (never dropped)', () => {
    const value = JSON.parse('{"__proto__": "x"}');
    // fixmap of 1: "__proto__" → "x"
    expect(Buffer.from(encodeMsgpack(value, ['map', 'string'])).toString('hex')).toBe('81a95f5f70726f746f5f5fa178');
    expect(() => decodeMsgpack(encodeMsgpack(value, ['map', 'string']), ['map', 'string'])).toThrow(
      'The key __proto__ is not allowed',
    );
  });

  test('raw state JSON: a dynamic attribute is {"value", "type"}', () => {
    expect(
      fromJson({ body: { value: { a: 1 }, type: ['object', { a: 'number' }] }, id: 'x' }, [
        'object',
        { body: 'dynamic', id: 'string' },
      ]),
    ).toEqual({ body: { a: 1 }, id: 'x' });
  });
});
