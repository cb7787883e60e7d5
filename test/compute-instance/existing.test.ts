import { Testing } from 'cdktf';
import { ComputeInstance, Duration } from '../../src';
import { newStack, REQUIRED, synthJson, thrown, WORKSPACE_ID } from '../support/stack';
import { ADOPTED_IGNORE_CHANGES } from '../support/azapi-compute';

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

  test("ignores, besides body, tags and identity, what an import leaves at azapi's defaults: no request on the first apply", () => {
    expect(json.resource.azapi_resource[keys[0]].lifecycle.ignore_changes).toEqual(ADOPTED_IGNORE_CHANGES);
  });

  test('warns that a create-only change plans nothing for an adopted instance, and how to replace it', () => {
    const warnings = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === '@cdktf/warn')
      .map((m) => String(m.data));
    expect(warnings).toContainEqual(
      expect.stringContaining('existing: Terraform adopts this instance and never sends it a request'),
    );
    expect(warnings.join('\n')).toContain('terraform apply -replace=<address> after turning deletionProtection off');
  });

  test("passes cdktf's synth validations, among them the import block's Terraform >= 1.5 check", () => {
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('ComputeInstance existing flag', () => {
  test('without it, the lifecycle ignores only body, tags and identity (create-only changes replace)', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', REQUIRED);
    const r = Object.values<any>(synthJson(stack).resource.azapi_resource)[0];
    expect(r.lifecycle.ignore_changes).toEqual(['body', 'tags', 'identity']);
  });

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
