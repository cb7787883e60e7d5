import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { ArmTemplate, ComputeInstance, ComputeInstanceProps, Duration } from '../src';
import { newStack, OBJECT_ID, onlyResource, SUBNET_ID, synthJson, TENANT_ID, WORKSPACE_ID } from './support/stack';

/** Terraform's template escaping, undone: what Terraform hands to the provider. */
function terraformValue(s: string): string {
  return s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** ARM's expression escaping, undone: what ARM hands to the resource provider. */
function armValue(s: string): string {
  return s.startsWith('[[') ? s.slice(1) : s;
}

function deepMap(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), deepMap(v, f)]));
  return value;
}

// Written from Azure's rule, not from the library's code: the pattern of the REST spec, plus the docs'
// "a dash must be followed by a letter".
const validName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{2,23}$/)
  .filter((n) => !n.includes('-') || /[a-zA-Z]/.test(n.slice(n.lastIndexOf('-'))));

/** Text users type: template syntax, ARM brackets, quotes, newlines and non-ASCII. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('${var.x}', '%{ if x }', '$${x}', '[concat()]', '[[x]', '"quoted"', "it's", 'ünïcødé ✓', 'a\nb\tc', '$', '%', '{', '}'),
  fc.array(fc.constantFrom('${', '%{', '}', '[', ']', '"', "'", '\n', 'é', '$', '%', 'x'), { maxLength: 12 }).map((a) => a.join('')),
);

const tagKey = text.filter((k) => k.length > 0 && k.length <= 512 && !/[<>%&\\?/]/.test(k));
const tagValue = text.filter((v) => v.length <= 256);

const validProps: fc.Arbitrary<ComputeInstanceProps> = fc.record({
  name: validName,
  vmSize: fc.constantFrom('Standard_DS3_v2', 'STANDARD_D3_V2', 'Standard_NC24ads_A100_v4', 'Standard_E4ds_v4', 'Standard_M128-64ms'),
  description: fc.option(text, { nil: undefined }),
  subnet: fc.boolean(),
  assigned: fc.boolean(),
  idleMinutes: fc.option(fc.integer({ min: 15, max: 3 * 1440 }), { nil: undefined }),
  localAuth: fc.option(fc.boolean(), { nil: undefined }),
  sso: fc.option(fc.boolean(), { nil: undefined }),
  tags: fc.option(fc.dictionary(tagKey, tagValue, { maxKeys: 5 }), { nil: undefined }),
}).map((r) => ({
  name: r.name,
  workspaceId: WORKSPACE_ID,
  location: 'westeurope',
  vmSize: r.vmSize,
  ...(r.description !== undefined ? { description: r.description } : {}),
  ...(r.subnet ? { subnetId: SUBNET_ID } : {}),
  ...(r.assigned ? { assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID } } : {}),
  ...(r.idleMinutes !== undefined ? { idleShutdown: Duration.minutes(r.idleMinutes) } : {}),
  ...(r.localAuth !== undefined ? { localAuth: r.localAuth } : {}),
  ...(r.sso !== undefined ? { sso: r.sso } : {}),
  ...(r.tags !== undefined ? { tags: r.tags } : {}),
}));

describe('random valid props', () => {
  test('synthesize, and the ARM template carries what the azapi body carries', () => {
    fc.assert(fc.property(validProps, (props) => {
      const { stack } = newStack();
      new ComputeInstance(stack, 'ci', props);
      const azapi = onlyResource(synthJson(stack), 'azapi_resource');
      const [arm] = ArmTemplate.synth(stack).resources as any[];
      expect(deepMap(arm.properties, armValue)).toEqual(deepMap(azapi.body.properties, terraformValue));
      expect(deepMap(arm.tags, armValue)).toEqual(deepMap(azapi.tags, terraformValue));
    }), { numRuns: 150 });
  });

  test('synthesize to the same bytes twice in one process', () => {
    fc.assert(fc.property(validProps, (props) => {
      const once = () => {
        const { stack } = newStack();
        new ComputeInstance(stack, 'ci', props);
        return Testing.synth(stack);
      };
      expect(once()).toBe(once());
    }), { numRuns: 50 });
  });

  test('bring description and tags back unchanged once Terraform\'s escaping is undone', () => {
    fc.assert(fc.property(text, fc.dictionary(tagKey, tagValue, { maxKeys: 4 }), (description, tags) => {
      const { stack } = newStack();
      new ComputeInstance(stack, 'ci', { name: 'ci-alice', workspaceId: WORKSPACE_ID, location: 'westeurope', vmSize: 'Standard_DS3_v2', description, tags });
      const r = onlyResource(synthJson(stack), 'azapi_resource');
      expect(terraformValue(r.body.properties.description)).toBe(description);
      expect(deepMap(r.tags ?? {}, terraformValue)).toEqual(tags);
    }), { numRuns: 200 });
  });
});
