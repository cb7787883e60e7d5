import { TemplateSafeResource } from '../template-safe-resource';
import { attributeReference } from '../attribute-reference';
import { Construct } from 'constructs';
import { Attribute, blockList, stringArgument, stringListArgument } from '../attributes';
import { azurermResourceConfig } from './provider';

interface RoleDefinitionPermissions {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
}

interface RoleDefinitionConfig {
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

  protected attributes(): readonly Attribute[] {
    const c = this.config;
    return [
      stringListArgument('assignable_scopes', c.assignableScopes, 'list'),
      stringArgument('description', c.description),
      stringArgument('name', c.name),
      stringArgument('scope', c.scope),
      blockList(
        'permissions',
        'RoleDefinitionPermissionsList',
        c.permissions.map((p) => [
          stringListArgument('actions', p.actions, 'list'),
          stringListArgument('not_actions', p.notActions, 'list'),
        ]),
      ),
    ];
  }
}
