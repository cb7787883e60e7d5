import { TemplateSafeResource } from '../template-safe-resource';
import { Construct } from 'constructs';
import { Attribute, stringArgument } from '../attributes';
import { azurermResourceConfig } from './provider';

interface ComputeRoleAssignmentConfig {
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

  protected attributes(): readonly Attribute[] {
    const c = this.config;
    return [
      stringArgument('principal_id', c.principalId),
      stringArgument('principal_type', c.principalType),
      stringArgument('role_definition_id', c.roleDefinitionId),
      stringArgument('scope', c.scope),
    ];
  }
}
