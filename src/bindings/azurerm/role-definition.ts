import { TemplateSafeResource } from '../template-safe-resource';
import { attributeReference } from '../attribute-reference';
import { Construct } from 'constructs';
import { hclAttributes, hclBlock, hclString, hclStringList } from './hcl';
import { azurermResourceConfig } from './provider';

export interface RoleDefinitionPermissions {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
}

export interface RoleDefinitionConfig {
  readonly name: string;
  readonly scope: string;
  readonly description: string;
  readonly permissions: readonly RoleDefinitionPermissions[];
  readonly assignableScopes: readonly string[];
}

/** `azurerm_role_definition`: a custom role. */
export class RoleDefinition extends TemplateSafeResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: RoleDefinitionConfig,
  ) {
    super(scope, id, azurermResourceConfig('azurerm_role_definition'));
  }

  private roleDefinitionResourceIdToken?: string;

  /** The role's ARM id, the one an assignment takes (`id` is `<role id>|<scope>`). Made once: each token costs a stack trace. */
  get roleDefinitionResourceId(): string {
    this.roleDefinitionResourceIdToken ??= attributeReference(this, 'role_definition_resource_id');
    return this.roleDefinitionResourceIdToken;
  }

  protected terraformArguments(): Record<string, unknown> {
    const c = this.config;
    return {
      assignable_scopes: c.assignableScopes,
      description: c.description,
      name: c.name,
      scope: c.scope,
      permissions: c.permissions.map((p) => ({ actions: p.actions, not_actions: p.notActions })),
    };
  }

  protected hclArguments(): Record<string, unknown> {
    const c = this.config;
    return hclAttributes({
      assignable_scopes: hclStringList(c.assignableScopes, 'list'),
      description: hclString(c.description),
      name: hclString(c.name),
      scope: hclString(c.scope),
      permissions: hclBlock(
        c.permissions.map((p) =>
          hclAttributes({
            actions: hclStringList(p.actions, 'list'),
            not_actions: hclStringList(p.notActions, 'list'),
          }),
        ),
        'RoleDefinitionPermissionsList',
      ),
    });
  }
}
