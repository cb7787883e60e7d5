/**
 * A provider's schema in the shape `terraform providers schema -json` prints (hashicorp/terraform
 * `internal/command/jsonprovider/`: provider.go, schema.go, block.go, attribute.go), plus two fields of our own:
 * `source` (where each attribute or block was read, "repo path") and `forceNew` (the provider plans a replacement
 * when it changes). The emulated providers serve these through GetProviderSchema.
 */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }]
  | readonly ['tuple', readonly CtyType[]];

export interface SchemaAttribute {
  readonly type: CtyType;
  readonly description?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly writeOnly?: boolean;
  /** The provider plans a replacement when this attribute changes (azurerm `ForceNew: true`). */
  readonly forceNew?: boolean;
  /** Where it was read: "owner/repo@ref path/to/file.go". */
  readonly source: string;
}

export interface NestedBlock {
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  readonly min_items?: number;
  readonly max_items?: number;
  readonly block: SchemaBlock;
  readonly forceNew?: boolean;
  readonly source: string;
}

export interface SchemaBlock {
  readonly attributes: { readonly [name: string]: SchemaAttribute };
  readonly block_types?: { readonly [name: string]: NestedBlock };
}

export interface ResourceSchema {
  readonly version: number;
  readonly block: SchemaBlock;
}

export interface ProviderSchemas {
  /** e.g. "registry.terraform.io/azure/azapi" */
  readonly address: string;
  readonly version: string;
  readonly provider: ResourceSchema;
  readonly resource_schemas: { readonly [type: string]: ResourceSchema };
  readonly data_source_schemas: { readonly [type: string]: ResourceSchema };
}
