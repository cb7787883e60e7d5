import type { CtyType, NestedBlock, ResourceSchema, SchemaBlock } from './schemas/schema-types';

/**
 * The schemas as tfplugin6 `Schema` messages (hashicorp/terraform docs/plugin-protocol/tfplugin6.proto,
 * message Schema: an attribute's `type` is its cty type in JSON, a nested block's `nesting` the mode) and the
 * object type a block implies (hashicorp/terraform internal/configs/configschema/implied_type.go: a single or
 * group block is an object, list/set/map blocks a list/set/map of objects).
 */
const NESTING = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP', group: 'GROUP' } as const;

export function schemaMessage(schema: ResourceSchema): object {
  return { version: schema.version, block: blockMessage(schema.block) };
}

function blockMessage(block: SchemaBlock): object {
  return {
    version: 0,
    attributes: Object.keys(block.attributes)
      .sort()
      .map((name) => {
        const a = block.attributes[name];
        return {
          name,
          type: Buffer.from(JSON.stringify(a.type), 'utf8'),
          description: a.description ?? '',
          required: a.required === true,
          optional: a.optional === true,
          computed: a.computed === true,
          sensitive: a.sensitive === true,
          write_only: a.writeOnly === true,
        };
      }),
    block_types: Object.keys(block.block_types ?? {})
      .sort()
      .map((name) => {
        const b: NestedBlock = block.block_types![name];
        return {
          type_name: name,
          block: blockMessage(b.block),
          nesting: NESTING[b.nesting_mode],
          min_items: b.min_items ?? 0,
          max_items: b.max_items ?? 0,
        };
      }),
  };
}

export function impliedType(block: SchemaBlock): CtyType {
  const members: { [name: string]: CtyType } = {};
  for (const [name, a] of Object.entries(block.attributes)) members[name] = a.type;
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    const object = impliedType(b.block);
    members[name] =
      b.nesting_mode === 'single' || b.nesting_mode === 'group' ? object : ([b.nesting_mode, object] as const);
  }
  return ['object', members];
}
