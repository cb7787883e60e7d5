import { Testing, TerraformStack } from 'cdktf';
import { ComputeInstance, Duration } from '../../src';
import { Scenario } from '../rig/scenario';
import { OBJECT_ID, REQUIRED, SUBNET_ID, TENANT_ID } from '../support/stack';

/**
 * Mutation proof: the rig's terraform is the real one. Each test corrupts the library's synthesized JSON
 * one way and shows terraform failing on it with its own message (the schemas the emulated providers serve
 * decide what is an argument; terraform core decides the rest).
 */
jest.setTimeout(600_000);

function synthesized(): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'mutations');
  new ComputeInstance(stack, 'alice', {
    ...REQUIRED,
    subnetId: SUBNET_ID,
    assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID },
    idleShutdown: Duration.minutes(30),
  });
  return JSON.parse(Testing.synth(stack));
}

const computeKey = (json: any) => Object.keys(json.resource.azapi_resource)[0];
const actionKey = (json: any) => Object.keys(json.resource.azapi_resource_action)[0];
/** Terraform's diagnostics with its line wrapping undone. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function run(json: any, commands: ('validate' | 'plan')[]): { code: number; text: string } {
  const s = new Scenario(json);
  try {
    const init = s.init();
    if (init.code !== 0) return { code: init.code, text: flat(init.stdout + init.stderr) };
    let last = { code: 0, text: '' };
    for (const c of commands) {
      const r = c === 'validate' ? s.validate() : s.plan();
      last = { code: r.code, text: flat(r.stdout + r.stderr) };
      if (r.code === 1) break;
    }
    return last;
  } finally {
    s.cleanup();
  }
}

test('the uncorrupted stack validates and plans (the baseline each corruption departs from)', () => {
  const r = run(synthesized(), ['validate', 'plan']);
  expect([r.code, r.text]).toEqual([2, expect.stringContaining('Plan: 2 to add, 0 to change, 0 to destroy.')]);
});

test('an attribute the provider lacks: terraform validate fails, "Extraneous JSON object property"', () => {
  const json = synthesized();
  json.resource.azapi_resource[computeKey(json)].vm_size = 'Standard_DS3_v2';
  const r = run(json, ['validate']);
  expect(r.code).toBe(1);
  expect(r.text).toContain('Error: Extraneous JSON object property');
  expect(r.text).toContain('No argument or block type is named "vm_size".');
});

test('a block written as an attribute (timeouts as a string): terraform validate fails', () => {
  const json = synthesized();
  json.resource.azapi_resource[computeKey(json)].timeouts = '75m';
  const r = run(json, ['validate']);
  expect(r.code).toBe(1);
  expect(r.text).toContain('Error: Incorrect JSON value type');
  expect(r.text).toContain(
    'Either a JSON object or a JSON array is required, representing the contents of one or more "timeouts" blocks.',
  );
});

test('a block nested one level too deep (timeouts inside timeouts): "Extraneous JSON object property"', () => {
  const json = synthesized();
  const config = json.resource.azapi_resource[computeKey(json)];
  config.timeouts = { timeouts: config.timeouts };
  const r = run(json, ['validate']);
  expect(r.code).toBe(1);
  expect(r.text).toContain('Error: Extraneous JSON object property');
  expect(r.text).toContain('No argument or block type is named "timeouts".');
});

test('a broken reference: "Reference to undeclared resource"', () => {
  const json = synthesized();
  json.resource.azapi_resource_action[actionKey(json)].resource_id = '${azapi_resource.nowhere.id}';
  const r = run(json, ['validate']);
  expect(r.code).toBe(1);
  expect(r.text).toContain('Error: Reference to undeclared resource');
  expect(r.text).toContain('A managed resource "azapi_resource" "nowhere" has not been declared in the root module.');
});

test('an import block with the id of no instance: the plan fails (azapi answers the 404 with an empty import, which its framework reports)', () => {
  const json = synthesized();
  json.import = [
    {
      to: `azapi_resource.${computeKey(json)}`,
      id: `${REQUIRED.workspaceId}/computes/ci-nobody?api-version=2025-12-01`,
    },
  ];
  const r = run(json, ['validate', 'plan']);
  expect(r.code).toBe(1);
  expect(r.text).toContain('Error: Missing Resource Import State');
  expect(r.text).toContain('Resource ImportState method returned no State in response.');
  expect(r.text).toContain('Planning failed. Terraform encountered an error while generating this plan.');
});

test('an import block to an address the configuration lacks: the plan fails', () => {
  const json = synthesized();
  json.import = [
    { to: 'azapi_resource.nobody', id: `${REQUIRED.workspaceId}/computes/ci-alice?api-version=2025-12-01` },
  ];
  const r = run(json, ['validate', 'plan']);
  expect(r.code).toBe(1);
  expect(r.text).toContain('Configuration for import target does not exist');
});
