import type { CtyType, NestedBlock, ProviderSchemas, SchemaAttribute, SchemaBlock } from './schema-types';

/**
 * azapi v2.12.0, the newest release inside the library's `~> 2.9` whose source the tools here can read
 * (tags v2.9.0 to v2.12.0 are all readable; v2.12.0 is the last). Every attribute and block below is
 * transcribed from the terraform-plugin-framework `Schema` method of the file its `source` names.
 * Framework types map as: StringAttribute 'string', BoolAttribute 'bool', Int32/Int64/Float64Attribute 'number',
 * DynamicAttribute 'dynamic', ListAttribute/MapAttribute of T ['list'|'map', T]. A nested *attribute*
 * (SingleNestedAttribute, ListNestedAttribute) has no place of its own in this shape, so it is written as its
 * object type; its description says so (README.md, "Nested attributes").
 */
const REF = 'Azure/terraform-provider-azapi@v2.12.0';
const PROVIDER_GO = `${REF} internal/provider/provider.go`;
const RESOURCE_GO = `${REF} internal/services/azapi_resource.go`;
const ACTION_GO = `${REF} internal/services/azapi_resource_action_resource.go`;
const DATA_SOURCE_GO = `${REF} internal/services/azapi_resource_data_source.go`;
const RETRY_GO = `${REF} internal/retry/schema.go`;
const RESOURCE_TIMEOUTS_GO = `${REF} vendor/github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts/schema.go`;
const DATA_SOURCE_TIMEOUTS_GO = `${REF} vendor/github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts/schema.go`;

const STRINGS: CtyType = ['list', 'string'];
const STRING_MAP: CtyType = ['map', 'string'];
const QUERY_PARAMETERS: CtyType = ['map', ['list', 'string']];

const optional = (type: CtyType, source: string, description?: string): SchemaAttribute => ({
  type,
  optional: true,
  source,
  ...(description === undefined ? {} : { description }),
});
const optionalComputed = (type: CtyType, source: string, description?: string): SchemaAttribute => ({
  ...optional(type, source, description),
  computed: true,
});
const computed = (type: CtyType, source: string, description?: string): SchemaAttribute => ({
  type,
  computed: true,
  source,
  ...(description === undefined ? {} : { description }),
});
const required = (type: CtyType, source: string, description?: string): SchemaAttribute => ({
  type,
  required: true,
  source,
  ...(description === undefined ? {} : { description }),
});

/**
 * `retry` (internal/retry/schema.go `RetrySchema`, and `RetryDsSchema` for the data source, which declares no
 * defaults): a SingleNestedAttribute, written as its object type.
 */
function retryAttribute(withDefaults: boolean): SchemaAttribute {
  const defaults = withDefaults
    ? ' defaults (internal/retry/retryable_errors.go): interval_seconds 10, max_interval_seconds 180, multiplier 1.5, randomization_factor 0.5.'
    : ' no defaults in the data source schema.'; // RetryDsSchema sets none
  return optional(
    [
      'object',
      {
        error_message_regex: STRINGS,
        interval_seconds: 'number',
        max_interval_seconds: 'number',
        multiplier: 'number',
        randomization_factor: 'number',
      },
    ],
    RETRY_GO,
    'Nested attribute (SingleNestedAttribute), not a block: error_message_regex required (list of regular expressions, ' +
      'at least 1, unique); interval_seconds (1..120), max_interval_seconds (1..300), multiplier and ' +
      'randomization_factor (both deprecated) optional and computed;' +
      defaults,
  );
}

/** terraform-plugin-framework-timeouts `timeouts.Block`: a SingleNestedBlock of optional Go duration strings. */
function timeoutsBlock(
  source: string,
  defaults: { create?: string; read?: string; update?: string; delete?: string },
  operations: readonly ('create' | 'read' | 'update' | 'delete')[],
): NestedBlock {
  const attributes: Record<string, SchemaAttribute> = {};
  for (const operation of operations) {
    const fallback = defaults[operation];
    attributes[operation] = optional(
      'string',
      source,
      `A Go duration ("30s", "2h45m"); ${fallback === undefined ? 'declared but not read by the resource' : `unset means ${fallback}`}.`,
    );
  }
  return { nesting_mode: 'single', block: { attributes }, source };
}

const identityBlock: NestedBlock = {
  nesting_mode: 'list',
  source: RESOURCE_GO,
  block: {
    attributes: {
      type: required(
        'string',
        RESOURCE_GO,
        'One of "SystemAssigned, UserAssigned", "UserAssigned", "SystemAssigned", "None".',
      ),
      identity_ids: optional(STRINGS, RESOURCE_GO, 'User-assigned identity ids.'),
      principal_id: computed('string', RESOURCE_GO),
      tenant_id: computed('string', RESOURCE_GO),
    },
  },
};

const providerBlock: SchemaBlock = {
  attributes: {
    subscription_id: optional('string', PROVIDER_GO, 'Env ARM_SUBSCRIPTION_ID.'),
    client_id: optional('string', PROVIDER_GO, 'Env ARM_CLIENT_ID, AZURE_CLIENT_ID.'),
    client_id_file_path: optional('string', PROVIDER_GO, 'Env ARM_CLIENT_ID_FILE_PATH.'),
    tenant_id: optional('string', PROVIDER_GO, 'Env ARM_TENANT_ID.'),
    auxiliary_tenant_ids: optional(STRINGS, PROVIDER_GO, 'At most 3. Env ARM_AUXILIARY_TENANT_IDS.'),
    endpoint: optional(
      [
        'list',
        [
          'object',
          {
            active_directory_authority_host: 'string',
            resource_manager_endpoint: 'string',
            resource_manager_audience: 'string',
          },
        ],
      ],
      PROVIDER_GO,
      'Nested attribute (ListNestedAttribute), not a block: at most 1 element, each inner attribute optional.',
    ),
    environment: optional(
      'string',
      PROVIDER_GO,
      'One of public, usgovernment, china, custom (case-insensitive); unset means public. Env ARM_ENVIRONMENT.',
    ),
    client_certificate_path: optional('string', PROVIDER_GO, 'Env ARM_CLIENT_CERTIFICATE_PATH.'),
    client_certificate: optional('string', PROVIDER_GO, 'Base64 PKCS#12 bundle. Env ARM_CLIENT_CERTIFICATE.'),
    client_certificate_password: optional('string', PROVIDER_GO, 'Env ARM_CLIENT_CERTIFICATE_PASSWORD.'),
    client_secret: optional('string', PROVIDER_GO, 'Env ARM_CLIENT_SECRET.'),
    client_secret_file_path: optional('string', PROVIDER_GO, 'Env ARM_CLIENT_SECRET_FILE_PATH.'),
    skip_provider_registration: optional('bool', PROVIDER_GO, 'unset means false. Env ARM_SKIP_PROVIDER_REGISTRATION.'),
    oidc_request_token: optional('string', PROVIDER_GO, 'Env ARM_OIDC_REQUEST_TOKEN.'),
    oidc_request_url: optional('string', PROVIDER_GO, 'Env ARM_OIDC_REQUEST_URL.'),
    oidc_token: optional('string', PROVIDER_GO, 'Env ARM_OIDC_TOKEN.'),
    oidc_token_file_path: optional('string', PROVIDER_GO, 'Env ARM_OIDC_TOKEN_FILE_PATH.'),
    oidc_azure_service_connection_id: optional('string', PROVIDER_GO, 'Env ARM_OIDC_AZURE_SERVICE_CONNECTION_ID.'),
    use_oidc: optional('bool', PROVIDER_GO, 'unset means false. Env ARM_USE_OIDC.'),
    use_cli: optional('bool', PROVIDER_GO, 'unset means true. Env ARM_USE_CLI.'),
    use_msi: optional('bool', PROVIDER_GO, 'unset means false. Env ARM_USE_MSI.'),
    use_aks_workload_identity: optional('bool', PROVIDER_GO, 'unset means false. Env ARM_USE_AKS_WORKLOAD_IDENTITY.'),
    partner_id: optional('string', PROVIDER_GO, 'A UUID or empty. Env ARM_PARTNER_ID.'),
    custom_correlation_request_id: optional('string', PROVIDER_GO, 'Env ARM_CORRELATION_REQUEST_ID.'),
    disable_correlation_request_id: optional('bool', PROVIDER_GO),
    disable_instance_discovery: optional('bool', PROVIDER_GO, 'unset means false.'),
    disable_terraform_partner_id: optional('bool', PROVIDER_GO, 'unset means false.'),
    default_name: optional('string', PROVIDER_GO),
    default_location: optional('string', PROVIDER_GO),
    default_tags: optional(STRING_MAP, PROVIDER_GO),
    enable_preflight: optional('bool', PROVIDER_GO, 'unset means false. Env ARM_ENABLE_PREFLIGHT.'),
    ignore_no_op_changes: optional('bool', PROVIDER_GO, 'unset means true. Env ARM_IGNORE_NO_OP_CHANGES.'),
    disable_default_output: optional('bool', PROVIDER_GO, 'unset means false. Env ARM_DISABLE_DEFAULT_OUTPUT.'),
    always_acquire_policy_token: optional('bool', PROVIDER_GO, 'unset means false.'),
    preserve_resource_id_casing: optional('bool', PROVIDER_GO, 'unset means false. New in v2.12.0.'),
    maximum_busy_retry_attempts: optional('number', PROVIDER_GO, 'Int32; deprecated; unset means 32767.'),
  },
};

const resourceBlock: SchemaBlock = {
  attributes: {
    id: computed('string', RESOURCE_GO),
    name: optionalComputed('string', RESOURCE_GO, 'RequiresReplace.'),
    parent_id: optionalComputed('string', RESOURCE_GO, 'An ARM id; RequiresReplace.'),
    type: required('string', RESOURCE_GO, '<resource type>@<api version>.'),
    location: optionalComputed('string', RESOURCE_GO, 'Keeps the state value when equal after normalizing.'),
    body: optionalComputed('dynamic', RESOURCE_GO, 'Not a string; default: {} (empty object).'),
    sensitive_body: { ...optional('dynamic', RESOURCE_GO), writeOnly: true },
    sensitive_body_version: optional(STRING_MAP, RESOURCE_GO),
    ignore_body_changes: { ...optional(STRINGS, RESOURCE_GO, 'Non-empty strings.'), writeOnly: true },
    replace_triggers_external_values: optional('dynamic', RESOURCE_GO, 'RequiresReplaceIfNotNull.'),
    replace_triggers_refs: optional(STRINGS, RESOURCE_GO),
    ignore_casing: optionalComputed('bool', RESOURCE_GO, 'default: false.'),
    ignore_missing_property: optionalComputed('bool', RESOURCE_GO, 'default: true.'),
    ignore_null_property: optionalComputed('bool', RESOURCE_GO, 'default: false.'),
    list_unique_id_property: optional(STRING_MAP, RESOURCE_GO),
    ignore_other_items_in_list: optional(STRINGS, RESOURCE_GO, 'Non-empty strings.'),
    response_export_values: optional('dynamic', RESOURCE_GO),
    locks: optional(STRINGS, RESOURCE_GO, 'Non-empty strings.'),
    schema_validation_enabled: optionalComputed('bool', RESOURCE_GO, 'default: true.'),
    output: computed('dynamic', RESOURCE_GO),
    tags: optionalComputed(STRING_MAP, RESOURCE_GO),
    retry: retryAttribute(true),
    create_headers: optional(STRING_MAP, RESOURCE_GO),
    create_query_parameters: optional(QUERY_PARAMETERS, RESOURCE_GO),
    update_headers: optional(STRING_MAP, RESOURCE_GO),
    update_query_parameters: optional(QUERY_PARAMETERS, RESOURCE_GO),
    delete_headers: optional(STRING_MAP, RESOURCE_GO),
    delete_query_parameters: optional(QUERY_PARAMETERS, RESOURCE_GO),
    read_headers: optional(STRING_MAP, RESOURCE_GO),
    read_query_parameters: optional(QUERY_PARAMETERS, RESOURCE_GO),
  },
  block_types: {
    identity: identityBlock,
    timeouts: timeoutsBlock(RESOURCE_TIMEOUTS_GO, { create: '30m', read: '5m', update: '30m', delete: '30m' }, [
      'create',
      'update',
      'read',
      'delete',
    ]),
  },
};

const actionBlock: SchemaBlock = {
  attributes: {
    id: computed('string', ACTION_GO),
    type: required('string', ACTION_GO, 'RequiresReplace when the resource type (not the API version) changes.'),
    resource_id: required('string', ACTION_GO, 'An ARM id; RequiresReplace.'),
    action: optional('string', ACTION_GO, 'RequiresReplace.'),
    method: optionalComputed('string', ACTION_GO, 'One of POST, PATCH, PUT, DELETE, GET, HEAD; default: POST.'),
    body: optional('dynamic', ACTION_GO, 'Not a string; no default.'),
    sensitive_body: { ...optional('dynamic', ACTION_GO), writeOnly: true },
    sensitive_body_version: optional(STRING_MAP, ACTION_GO),
    when: optionalComputed('string', ACTION_GO, 'One of apply, destroy; default: apply.'),
    locks: optional(STRINGS, ACTION_GO, 'Non-empty strings.'),
    ignore_not_found: optional(
      'bool',
      ACTION_GO,
      'Unset means false (documented); no schema default, so the plan keeps null.',
    ),
    response_export_values: optional('dynamic', ACTION_GO),
    sensitive_response_export_values: optional('dynamic', ACTION_GO),
    exist: computed('bool', ACTION_GO),
    output: computed('dynamic', ACTION_GO),
    sensitive_output: { ...computed('dynamic', ACTION_GO), sensitive: true },
    retry: retryAttribute(true),
    headers: optional(STRING_MAP, ACTION_GO),
    query_parameters: optional(QUERY_PARAMETERS, ACTION_GO),
  },
  block_types: {
    // The action reads only its create and update timeouts (Create, Update and Action in the same file).
    timeouts: timeoutsBlock(RESOURCE_TIMEOUTS_GO, { create: '30m', update: '30m' }, [
      'create',
      'update',
      'read',
      'delete',
    ]),
  },
};

const dataSourceBlock: SchemaBlock = {
  attributes: {
    id: computed('string', DATA_SOURCE_GO),
    type: required('string', DATA_SOURCE_GO, '<resource type>@<api version>.'),
    name: optionalComputed('string', DATA_SOURCE_GO, 'Non-empty; exactly one of name or resource_id.'),
    parent_id: optionalComputed('string', DATA_SOURCE_GO, 'An ARM id.'),
    resource_id: optionalComputed('string', DATA_SOURCE_GO, 'An ARM id; exactly one of name or resource_id.'),
    location: computed('string', DATA_SOURCE_GO),
    identity: computed(
      ['list', ['object', { type: 'string', principal_id: 'string', tenant_id: 'string', identity_ids: STRINGS }]],
      DATA_SOURCE_GO,
      'Nested attribute (ListNestedAttribute), computed only.',
    ),
    response_export_values: optional('dynamic', DATA_SOURCE_GO),
    ignore_not_found: optional(
      'bool',
      DATA_SOURCE_GO,
      'Unset means false (documented); no schema default, so the plan keeps null.',
    ),
    exists: computed('bool', DATA_SOURCE_GO),
    output: computed('dynamic', DATA_SOURCE_GO),
    tags: computed(STRING_MAP, DATA_SOURCE_GO),
    retry: retryAttribute(false),
    headers: optional(STRING_MAP, DATA_SOURCE_GO),
    query_parameters: optional(QUERY_PARAMETERS, DATA_SOURCE_GO),
  },
  block_types: {
    timeouts: timeoutsBlock(DATA_SOURCE_TIMEOUTS_GO, { read: '5m' }, ['read']),
  },
};

export const azapiSchemas: ProviderSchemas = {
  address: 'registry.terraform.io/azure/azapi',
  version: '2.12.0',
  provider: { version: 0, block: providerBlock },
  resource_schemas: {
    azapi_resource: { version: 2, block: resourceBlock },
    azapi_resource_action: { version: 3, block: actionBlock },
  },
  data_source_schemas: {
    azapi_resource: { version: 0, block: dataSourceBlock },
  },
};
