import { TerraformMetaArguments } from '../../core/framework';
import { TemplateSafeResource } from '../template-safe-resource';
import { attributeReference } from '../attribute-reference';
import { Construct } from 'constructs';
import { azapiResourceConfig } from './provider';

export interface AzapiIdentity {
  /** `SystemAssigned`, `UserAssigned` or `SystemAssigned, UserAssigned` (azapi's spelling). */
  readonly type: string;
  /**
   * ARM ids of user-assigned identities.
   * @default - none
   */
  readonly identityIds?: string[];
}

export interface AzapiResourceConfig extends TerraformMetaArguments {
  /** `<resource type>@<api version>`. */
  readonly type: string;
  readonly name: string;
  readonly parentId: string;
  /**
   * @default - azapi's default: the parent's location, where the resource type has one
   */
  readonly location?: string;
  /**
   * @default - no managed identity
   */
  readonly identity?: AzapiIdentity;
  /**
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
  /** The request body; a JSON object in `.tf.json` (not a string). */
  readonly body: object;
  /**
   * Paths of this configuration whose change replaces the resource (for fields Azure cannot update).
   * @default - none: changes are sent as updates
   */
  readonly replaceTriggersRefs?: string[];
  /**
   * A value whose change replaces the resource, unless it or the prior value is null (azapi's
   * `RequiresReplaceIfNotNull`, internal/services/myplanmodifier/planmodifierdynamic/dynamic_requires_replace.go).
   * @default - none
   */
  readonly replaceTriggersExternalValues?: object;
  /**
   * Keep the configured casing in state when Azure answers a string that differs only in case
   * (azapi utils/json.go `UpdateObject`, option `IgnoreCasing`).
   * @default false - azapi's default
   */
  readonly ignoreCasing?: boolean;
  /**
   * Go duration strings (`90m`) per operation.
   * @default - azapi's defaults: 30 minutes for create, update and delete, 5 for read
   */
  readonly timeouts?: AzapiTimeouts;
}

/** azapi's `timeouts` block (terraform-plugin-framework-timeouts `timeouts.Block`): Go duration strings. */
export interface AzapiTimeouts {
  /** @default '30m' */
  readonly create?: string;
  /** @default '5m' */
  readonly read?: string;
  /** @default '30m' */
  readonly update?: string;
  /** @default '30m' */
  readonly delete?: string;
}

/** `azapi_resource`: any ARM resource, its body sent as given. */
export class AzapiResource extends TemplateSafeResource {
  static readonly tfResourceType = 'azapi_resource';

  constructor(
    scope: Construct,
    id: string,
    private readonly config: AzapiResourceConfig,
  ) {
    super(scope, id, azapiResourceConfig(scope, AzapiResource.tfResourceType, config));
  }

  private idToken?: string;

  /** The resource's ARM id. One token, made once: each new reference token costs a stack trace. */
  get id(): string {
    this.idToken ??= attributeReference(this, 'id');
    return this.idToken;
  }

  protected terraformArguments(): Record<string, unknown> {
    const c = this.config;
    return {
      type: c.type,
      name: c.name,
      parent_id: c.parentId,
      location: c.location,
      identity: c.identity ? [{ type: c.identity.type, identity_ids: c.identity.identityIds }] : undefined,
      tags: c.tags,
      body: c.body,
      replace_triggers_refs: c.replaceTriggersRefs,
      replace_triggers_external_values: c.replaceTriggersExternalValues,
      ignore_casing: c.ignoreCasing,
      timeouts: c.timeouts,
    };
  }
}
