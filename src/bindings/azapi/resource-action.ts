import { TerraformMetaArguments } from '../../core/framework';
import { TemplateSafeResource } from '../template-safe-resource';
import { Construct } from 'constructs';
import { Attribute, jsonObjectArgument, stringArgument } from '../attributes';
import { azapiResourceConfig } from './provider';
import { AzapiTimeouts, azapiTimeouts } from './resource';

export interface AzapiResourceActionConfig extends TerraformMetaArguments {
  /** `<resource type>@<api version>`. */
  readonly type: string;
  readonly resourceId: string;
  /** The action's path segment (`stop`, `updateIdleShutdownSetting`). */
  readonly action: string;
  /** @default 'POST' */
  readonly method?: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** @default - no body */
  readonly body?: object;
  /** @default 'apply' */
  readonly when?: 'apply' | 'destroy';
  /**
   * An action runs under both its update timeout and (inside it) its create timeout
   * (azapi internal/services/azapi_resource_action_resource.go, `Update` and `Action`).
   * @default - azapi's defaults, 30 minutes
   */
  readonly timeouts?: Pick<AzapiTimeouts, 'create' | 'update'>;
}

/**
 * `azapi_resource_action`: a request to an existing resource, made when the action is created and again
 * whenever its arguments change.
 */
export class AzapiResourceAction extends TemplateSafeResource {
  static readonly tfResourceType = 'azapi_resource_action';

  constructor(
    scope: Construct,
    id: string,
    private readonly config: AzapiResourceActionConfig,
  ) {
    super(scope, id, azapiResourceConfig(scope, AzapiResourceAction.tfResourceType, config));
  }

  protected attributes(): readonly Attribute[] {
    const c = this.config;
    return [
      stringArgument('type', c.type),
      stringArgument('resource_id', c.resourceId),
      stringArgument('action', c.action),
      stringArgument('method', c.method ?? 'POST'),
      jsonObjectArgument('body', c.body),
      stringArgument('when', c.when),
      azapiTimeouts(c.timeouts),
    ];
  }

  /** As `AzapiResource`'s: HCL output has always left azapi's arguments out; the recorded HCL holds that. */
  protected writesHcl(): boolean {
    return false;
  }
}
