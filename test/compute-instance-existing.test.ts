import { Testing } from 'cdktf';
import { ComputeInstance, Duration } from '../src';
import { newStack, REQUIRED, synthJson, thrown, WORKSPACE_ID } from './support/stack';

describe('ComputeInstance with existing: true', () => {
  const { stack } = newStack();
  new ComputeInstance(stack, 'alice', { ...REQUIRED, existing: true, idleShutdown: Duration.minutes(30) });
  const json = synthJson(stack);
  const keys = Object.keys(json.resource.azapi_resource);

  test('imports the azapi_resource with the ARM id and the api-version it is rendered with', () => {
    expect(keys).toHaveLength(1);
    expect(json.import).toEqual([
      {
        to: `azapi_resource.${keys[0]}`,
        id: `${WORKSPACE_ID}/computes/ci-alice?api-version=2025-12-01`,
      },
    ]);
  });

  test('the import block has exactly to and id (no provider)', () => {
    expect(Object.keys(json.import[0]).sort()).toEqual(['id', 'to']);
  });

  test('declares the resource as for a new instance (the import does not change the body)', () => {
    const r = json.resource.azapi_resource[keys[0]];
    expect(r.name).toBe('ci-alice');
    expect(r.parent_id).toBe(WORKSPACE_ID);
    expect(r.body.properties.properties.idleTimeBeforeShutdown).toBe('PT30M');
  });

  test('imports nothing else: the idle-shutdown action is not a resource of Azure to adopt', () => {
    expect(Object.keys(json.resource.azapi_resource_action)).toHaveLength(1);
    expect(json.import).toHaveLength(1);
  });

  test("passes cdktf's synth validations, among them the import block's Terraform >= 1.5 check", () => {
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('ComputeInstance existing flag', () => {
  test('without it (the default), the stack has no import block', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', REQUIRED);
    expect(synthJson(stack).import).toBeUndefined();
  });

  test('existing: false writes no import block', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', { ...REQUIRED, existing: false });
    expect(synthJson(stack).import).toBeUndefined();
  });

  test('with terraformResource azurerm, imports the azurerm resource by its bare ARM id', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', { ...REQUIRED, existing: true, terraformResource: 'azurerm' });
    const json = synthJson(stack);
    const key = Object.keys(json.resource.azurerm_machine_learning_compute_instance)[0];
    expect(json.import).toEqual([
      { to: `azurerm_machine_learning_compute_instance.${key}`, id: `${WORKSPACE_ID}/computes/ci-alice` },
    ]);
  });

  test('fails when existing is not a boolean', () => {
    const { stack } = newStack();
    const e = thrown(() => new ComputeInstance(stack, 'alice', { ...REQUIRED, existing: 'yes' as unknown as boolean }));
    expect(e.message).toBe(
      'Invalid input in test/alice (1 problem):\n  - test/alice: existing: received "yes"; allowed: true or false',
    );
  });

  test('fails with initialState Stopped: the stop would hit an instance in use', () => {
    const { stack } = newStack();
    const e = thrown(
      () => new ComputeInstance(stack, 'alice', { ...REQUIRED, existing: true, initialState: 'Stopped' }),
    );
    expect(e.message).toBe(
      'Invalid input in test/alice (1 problem):\n  - test/alice: initialState: received "Stopped"; allowed: "Running" (the default) with existing: true; the stop after creation is for new instances',
    );
  });
});
