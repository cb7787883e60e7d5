import { TerraformMetaArguments } from '../../core/framework';
import { TemplateSafeResource } from '../template-safe-resource';
import { Construct } from 'constructs';
import {
  Attribute,
  blockList,
  booleanArgument,
  jsonObjectArgument,
  singleBlock,
  stringArgument,
  stringListArgument,
  stringMapArgument,
} from '../attributes';
import { azapiResourceConfig } from './provider';

interface AzapiIdentity {
  /** `SystemAssigned`, `UserAssigned` or `SystemAssigned, UserAssigned` (azapi's spelling). */
  readonly type: string;
  /**
   * ARM ids of user-assigned identities.
   * @default - none
   */
  readonly identityIds?: string[];
}

interface AzapiResourceConfig extends TerraformMetaArguments {
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

  protected attributes(): readonly Attribute[] {
    const c = this.config;
    return [
      stringArgument('type', c.type),
      stringArgument('name', c.name),
      stringArgument('parent_id', c.parentId),
      stringArgument('location', c.location),
      blockList(
        'identity',
        undefined,
        c.identity && [
          [stringArgument('type', c.identity.type), stringListArgument('identity_ids', c.identity.identityIds, 'list')],
        ],
      ),
      stringMapArgument('tags', c.tags),
      jsonObjectArgument('body', c.body),
      stringListArgument('replace_triggers_refs', c.replaceTriggersRefs, 'list'),
      jsonObjectArgument('replace_triggers_external_values', c.replaceTriggersExternalValues),
      booleanArgument('ignore_casing', c.ignoreCasing),
      azapiTimeouts(c.timeouts),
    ];
  }

  /** HCL output has always left azapi's arguments out (no generated azapi binding to match); the recorded HCL holds that. */
  protected writesHcl(): boolean {
    return false;
  }
}

/** azapi's `timeouts`, one object of Go durations. */
export function azapiTimeouts(timeouts: AzapiTimeouts | undefined): Attribute {
  return singleBlock(
    'timeouts',
    undefined,
    timeouts && [
      stringArgument('create', timeouts.create),
      stringArgument('read', timeouts.read),
      stringArgument('update', timeouts.update),
      stringArgument('delete', timeouts.delete),
    ],
  );
}
