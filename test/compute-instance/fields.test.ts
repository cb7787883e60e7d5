import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { INSTANCE_FIELDS } from '../../src/compute-instance/fields';
import { COMPUTE_RESOURCE_TYPE } from '../../src';
import { LINT_RULES } from '../../src/cli/lint/command';

/** The members of ComputeInstanceProps, read from its source. */
function propsOfInterface(): string[] {
  const file = join(__dirname, '..', '..', '..', 'src', 'compute-instance', 'props.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const props = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'ComputeInstanceProps',
  )!;
  return props.members.map((m) => (m.name as ts.Identifier).text);
}

describe('the field table', () => {
  test('has one entry for every prop of ComputeInstanceProps, and no other', () => {
    const props = propsOfInterface();
    expect(props.length).toBeGreaterThan(20);
    expect(INSTANCE_FIELDS.map((f) => f.prop).sort()).toEqual([...props].sort());
  });

  test('every Azure setting is written to the ARM body and says what azurerm does with it', () => {
    for (const f of INSTANCE_FIELDS.filter((f) => f.arm !== undefined)) {
      expect([f.prop, typeof f.toArm, f.azurerm !== undefined]).toEqual([f.prop, 'function', true]);
    }
  });

  test('every create-only setting inside the resource body is among the replacement triggers', () => {
    const body = INSTANCE_FIELDS.filter((f) => f.arm?.startsWith('properties.') && f.change === 'replaces');
    expect(body.filter((f) => f.trigger === undefined).map((f) => f.prop)).toEqual([]);
    // The resource's own arguments replace it themselves.
    expect(
      INSTANCE_FIELDS.filter((f) => f.trigger === undefined && f.change === 'replaces').map((f) => f.prop),
    ).toEqual(['name', 'workspaceId', 'location']);
  });

  test('Terraform-only props have no ARM path, no azurerm argument and no policy alias', () => {
    for (const f of INSTANCE_FIELDS.filter((f) => f.change === 'terraform')) {
      expect([f.prop, f.arm, f.azurerm, f.policyAlias]).toEqual([f.prop, undefined, undefined, undefined]);
    }
  });

  test('policy aliases name the compute resource type', () => {
    const aliased = INSTANCE_FIELDS.filter((f) => f.policyAlias !== undefined);
    expect(aliased.map((f) => f.prop)).toEqual(['setupScripts', 'schedules', 'idleShutdown']);
    for (const f of aliased) expect(f.policyAlias!.startsWith(`${COMPUTE_RESOURCE_TYPE}/`)).toBe(true);
  });

  test("every field's lint rule is one aml-compute lint describes (SARIF)", () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(INSTANCE_FIELDS.filter((f) => !ids.includes(f.rule)).map((f) => [f.prop, f.rule])).toEqual([]);
    expect(new Set(INSTANCE_FIELDS.map((f) => f.rule)).size).toBe(ids.length);
  });
});
