import { TemplateSafeResource } from '../template-safe-resource';
import { Construct } from 'constructs';
import { hclAttributes, hclString } from './hcl';
import { azurermResourceConfig } from './provider';

export interface ComputeRoleAssignmentConfig {
  readonly scope: string;
  readonly roleDefinitionId: string;
  readonly principalId: string;
  readonly principalType: 'User';
}

/**
 * `azurerm_role_assignment` with the four arguments the access grant sets. Written by hand instead of the
 * generated binding (`@cdktf/provider-azurerm/lib/role-assignment`): that one builds a `timeouts` complex
 * object for every assignment, which cdktf then resolves at every synth, the larger part of an assignment's
 * synth time in `npm run bench`. The synthesized JSON is the same.
 */
export class ComputeRoleAssignment extends TemplateSafeResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: ComputeRoleAssignmentConfig,
  ) {
    super(scope, id, azurermResourceConfig('azurerm_role_assignment'));
  }

  protected terraformArguments(): Record<string, unknown> {
    return {
      scope: this.config.scope,
      role_definition_id: this.config.roleDefinitionId,
      principal_id: this.config.principalId,
      principal_type: this.config.principalType,
    };
  }

  protected hclArguments(): Record<string, unknown> {
    return hclAttributes({
      principal_id: hclString(this.config.principalId),
      principal_type: hclString(this.config.principalType),
      role_definition_id: hclString(this.config.roleDefinitionId),
      scope: hclString(this.config.scope),
    });
  }
}
