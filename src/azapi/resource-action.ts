import { TerraformMetaArguments, TerraformResource } from '../framework';
import { Construct } from 'constructs';
import { azapiResourceConfig } from './provider';

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
}

/**
 * `azapi_resource_action`: a request to an existing resource, made when the action is created and again
 * whenever its arguments change.
 */
export class AzapiResourceAction extends TerraformResource {
  static readonly tfResourceType = 'azapi_resource_action';

  constructor(scope: Construct, id: string, private readonly config: AzapiResourceActionConfig) {
    super(scope, id, azapiResourceConfig(scope, AzapiResourceAction.tfResourceType, config));
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    const c = this.config;
    return {
      type: c.type,
      resource_id: c.resourceId,
      action: c.action,
      method: c.method ?? 'POST',
      body: c.body,
      when: c.when,
    };
  }
}
