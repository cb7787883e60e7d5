import { TerraformMetaArguments, TerraformResource } from '../framework';
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
}

/** `azapi_resource`: any ARM resource, its body sent as given. */
export class AzapiResource extends TerraformResource {
  static readonly tfResourceType = 'azapi_resource';

  constructor(scope: Construct, id: string, private readonly config: AzapiResourceConfig) {
    super(scope, id, azapiResourceConfig(scope, AzapiResource.tfResourceType, config));
  }

  private idToken?: string;

  /** The resource's ARM id. One token, made once: each new reference token costs a stack trace. */
  get id(): string {
    this.idToken ??= this.getStringAttribute('id');
    return this.idToken;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
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
    };
  }
}
