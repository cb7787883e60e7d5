import type { ArmTemplateBuilder } from '../arm/template-builder';
import { isToken } from '../core/tokens';
import { COMPUTE_API_VERSION, COMPUTE_RESOURCE_TYPE, ComputeInstanceSpec } from '../model/compute-arm';
import type { TerraformOnlyPart } from '../model/terraform-only';
import { armIdName } from '../validation/field-checks';
import { propPathOf } from '../arm/parameter-names';

/** The ARM resource for one compute instance's spec. */
export function computeInstanceArmResource(
  spec: ComputeInstanceSpec,
  builder: ArmTemplateBuilder,
  prefix: string,
): object {
  // A child resource's full name is `<workspace>/<compute>`; written as an expression because the
  // template schema holds a literal name to the compute name pattern alone.
  const workspaceName = isToken(spec.workspaceId)
    ? `last(split(${builder.expressionFor(spec.workspaceId, `${prefix}.workspaceId`)}, '/'))`
    : builder.expressionFor(armIdName(spec.workspaceId), `${prefix}.workspaceName`);
  const name = `[concat(${workspaceName}, '/', ${builder.expressionFor(spec.name, `${prefix}.name`)})]`;
  const { workspaceId: _parent, name: _name, ...rest } = spec;
  void _parent;
  void _name;
  return {
    type: COMPUTE_RESOURCE_TYPE,
    apiVersion: COMPUTE_API_VERSION,
    name,
    ...builder.translate(rest, prefix, propPathOf),
  };
}

/** How the template's `metadata.notInThisTemplate` names what only Terraform does for an instance. */
export function describeTerraformOnly(part: TerraformOnlyPart): string {
  switch (part.kind) {
    case 'accessGrant':
      return `the access grant of ${part.instanceName} (custom role and role assignment)`;
    case 'stopAfterCreation':
      return `the stop of ${part.instanceName} after creation (initialState "Stopped"): run az ml compute stop`;
  }
}
