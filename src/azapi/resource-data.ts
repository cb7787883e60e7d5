import { Construct } from 'constructs';
import { TerraformDataSource, TerraformMetaArguments } from '../framework';
import { escapeTerraformTemplates } from '../terraform-template';
import { azapiResourceConfig } from './provider';

export interface AzapiResourceDataConfig extends TerraformMetaArguments {
  /** `<resource type>@<api version>`. */
  readonly type: string;
  readonly parentId: string;
  readonly name: string;
  /** Paths of the GET answer kept in `output` (a list of dot paths). */
  readonly responseExportValues: readonly string[];
  /**
   * A resource that does not exist is no error: `exists` is false and `output` empty
   * (Azure/terraform-provider-azapi internal/services/azapi_resource_data_source.go, `Read`).
   * @default false
   */
  readonly ignoreNotFound?: boolean;
}

/** Data source `azapi_resource`: one GET of an ARM resource at each plan. */
export class AzapiResourceData extends TerraformDataSource {
  static readonly tfResourceType = 'azapi_resource';

  constructor(
    scope: Construct,
    id: string,
    private readonly config: AzapiResourceDataConfig,
  ) {
    super(scope, id, azapiResourceConfig(scope, AzapiResourceData.tfResourceType, config));
  }

  /** The data source's address, for expressions: `data.azapi_resource.<name>`. */
  get address(): string {
    return `data.${AzapiResourceData.tfResourceType}.${this.friendlyUniqueId}`;
  }

  // Every string reaches Terraform as text, as TemplateSafeResource does for resources.
  protected synthesizeAttributes(): Record<string, unknown> {
    const c = this.config;
    return escapeTerraformTemplates({
      type: c.type,
      parent_id: c.parentId,
      name: c.name,
      response_export_values: [...c.responseExportValues],
      ignore_not_found: c.ignoreNotFound,
    });
  }
}
