import { join } from 'node:path';
import * as loader from '@grpc/proto-loader';
import { ProtoFile, serviceDefinition } from './proto';

/**
 * The rig's own protobuf codec against @grpc/proto-loader (protobufjs) on the same .proto files: what one
 * encodes, the other decodes to the same object, both ways, for the messages the providers exchange.
 */
const DIR = join(__dirname, '../../../../test/rig/protocol');
const OPTIONS = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: false };
const reference = loader.loadSync(join(DIR, 'tfplugin6.proto'), OPTIONS) as any;
const mine = ProtoFile.load(join(DIR, 'tfplugin6.proto'));
const ours = serviceDefinition(mine, 'tfplugin6.Provider') as any;
const theirs = reference['tfplugin6.Provider'];

const SCHEMA_RESPONSE = {
  provider: {
    version: 0,
    block: { version: 0, attributes: [{ name: 'subscription_id', type: Buffer.from('"string"'), optional: true }] },
  },
  resource_schemas: {
    azapi_resource: {
      version: 2,
      block: {
        attributes: [
          { name: 'body', type: Buffer.from('"dynamic"'), optional: true, computed: true, description: 'é ✓' },
        ],
        block_types: [{ type_name: 'timeouts', nesting: 'SINGLE', block: { attributes: [] }, max_items: 1 }],
      },
    },
  },
  diagnostics: [
    {
      severity: 'ERROR',
      summary: 's',
      detail: 'd',
      attribute: { steps: [{ attribute_name: 'a' }, { element_key_int: 3 }] },
    },
  ],
  server_capabilities: { plan_destroy: true },
};

describe('tfplugin6 messages through both codecs', () => {
  test.each([
    ['GetProviderSchema', 'response', SCHEMA_RESPONSE],
    [
      'PlanResourceChange',
      'request',
      { type_name: 't', prior_state: { msgpack: Buffer.from([0xc0]) }, prior_private: Buffer.from('{}') },
    ],
    [
      'PlanResourceChange',
      'response',
      { planned_state: { msgpack: Buffer.from([1, 2]) }, requires_replace: [{ steps: [{ attribute_name: 'name' }] }] },
    ],
    ['UpgradeResourceState', 'request', { type_name: 't', version: 2, raw_state: { json: Buffer.from('{"a":1}') } }],
    ['ImportResourceState', 'request', { type_name: 'azapi_resource', id: '/x?api-version=1' }],
  ])('%s %s', (method, side, value) => {
    const [serialize, deserialize] =
      side === 'request' ? ['requestSerialize', 'requestDeserialize'] : ['responseSerialize', 'responseDeserialize'];
    const viaReference = theirs[method][deserialize](ours[method][serialize](value));
    const viaOurs = ours[method][deserialize](theirs[method][serialize](value));
    expect(viaOurs).toEqual(viaReference);
    expect(ours[method][deserialize](ours[method][serialize](value))).toEqual(viaReference);
  });

  test('an unknown field is skipped, as protobuf requires', () => {
    // field 15 (varint 1), then type_name = "t"
    const bytes = Buffer.from([0x78, 0x01, 0x0a, 0x01, 0x74]);
    expect(ours.ImportResourceState.requestDeserialize(bytes)).toEqual({
      type_name: 't',
      id: '',
      client_capabilities: null,
    });
  });

  test('a truncated message is an error, not a hang', () => {
    expect(() => ours.ImportResourceState.requestDeserialize(Buffer.from([0x0a, 0x05, 0x74]))).toThrow(
      'proto: truncated field',
    );
  });
});
