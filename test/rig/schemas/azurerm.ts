import {
  computed,
  forceNew,
  optional,
  optionalComputed,
  required,
  STRING_MAP,
  STRING_SET,
  STRINGS,
} from './attributes';
import type { NestedBlock, ProviderSchemas, ResourceSchema, SchemaAttribute, SchemaBlock } from './schema-types';

/**
 * azurerm v4.55.0 (tag v4.55.0, commit 37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df), the release
 * `@cdktf/provider-azurerm` 14.23.1 was generated from: the provider block and every azurerm resource the
 * library writes (src/azurerm/*.ts, src/access/role-assignment.ts). Resources are terraform-plugin-sdk/v2
 * schemas, lowered to Terraform's schema as the SDK's `CoreConfigSchema` does (core_schema.go, cited as SDK):
 * an optional block's MinItems is dropped, a required block gets min_items 1, TypeInt/TypeFloat are 'number',
 * an implicit `id` is optional and computed, and `Timeouts` become a 'single' `timeouts` block of optional
 * strings, one per declared operation. Typed resources (internal/sdk) combine `Arguments()` and
 * `Attributes()` (every attribute computed, wrapper_helpers.go) and declare timeouts per operation
 * (wrapper_resource.go: create, read, delete, and update where the resource has an Update).
 */
const REF = 'hashicorp/terraform-provider-azurerm@v4.55.0';
const SDK = `${REF} vendor/github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema/core_schema.go`;
const TYPED_WRAPPER = `${REF} internal/sdk/wrapper_resource.go`;
const FRAMEWORK_PROVIDER = `${REF} internal/provider/framework/provider.go`;
const SDK_PROVIDER = `${REF} internal/provider/provider.go`;
const FEATURES = `${REF} internal/provider/features.go`;
const ROLE_ASSIGNMENT = `${REF} internal/services/authorization/role_assignment_resource.go`;
const ROLE_DEFINITION = `${REF} internal/services/authorization/role_definition_resource.go`;
const POLICY_DEFINITION = `${REF} internal/services/policy/policy_definition_resource.go`;
const POLICY_METADATA = `${REF} internal/services/policy/metadata.go`;
const POLICY_SET_DEFINITION = `${REF} internal/services/policy/policy_set_definition_resource.go`;
const POLICY_SET_SHARED = `${REF} internal/services/policy/policy_set_definition.go`;
const MG_POLICY_SET_DEFINITION = `${REF} internal/services/policy/management_group_policy_set_definition_resource.go`;
const ASSIGNMENT_BASE = `${REF} internal/services/policy/assignment_resource_base.go`;
const COMMONSCHEMA = `${REF} vendor/github.com/hashicorp/go-azure-helpers/resourcemanager/commonschema`;
const COMPUTE_INSTANCE = `${REF} internal/services/machinelearning/machine_learning_compute_instance_resource.go`;

const DURATION = 'A Go duration ("30m", "1h")';

/** The SDK's implicit `id` (core_schema.go `Resource.CoreConfigSchema`): optional and computed, not computed only. */
const id: SchemaAttribute = optionalComputed('string', SDK, 'Added by the SDK when the schema has no `id`.');

/**
 * The SDK's `timeouts` block (core_schema.go): one optional string per operation the resource declares; the
 * description names the file that declares the operation's default.
 */
function timeouts(
  declaredIn: string,
  defaults: { create: string; read: string; update?: string; delete: string },
): NestedBlock {
  const attributes: Record<string, SchemaAttribute> = {};
  for (const [operation, fallback] of Object.entries(defaults)) {
    if (fallback !== undefined) {
      attributes[operation] = optional(
        'string',
        SDK,
        `${DURATION}; unset means ${fallback} (${declaredIn.replaceAll(`${REF} `, '')}).`,
      );
    }
  }
  return { nesting_mode: 'single', block: { attributes }, source: SDK };
}

const list = (block: SchemaBlock, source: string, extra: Partial<NestedBlock> = {}): NestedBlock => ({
  nesting_mode: 'list',
  block,
  source,
  ...extra,
});
const set = (block: SchemaBlock, source: string, extra: Partial<NestedBlock> = {}): NestedBlock => ({
  nesting_mode: 'set',
  block,
  source,
  ...extra,
});

// ---------------------------------------------------------------------------------------------------------------
// Provider. The provider is muxed (internal/provider/framework/factory_builder.go `ProtoV5ProviderServerFactory`:
// the SDK provider, then the framework one). tf5muxserver's GetProviderSchema (vendor/.../tf5muxserver/
// mux_server_GetProviderSchema.go) keeps the last of schemas that are equal ignoring MinItems/MaxItems
// (schema_equality.go), so Terraform gets the framework provider's schema: `features` and its blocks carry no
// min/max items. The provider itself then insists on exactly one `features` block (SDK provider.go
// `schemaFeatures`: Required, MinItems 1, MaxItems 1; framework provider: listvalidator.SizeBetween(1, 1)).
// @cdktf/provider-azurerm 14.23.1, generated from what Terraform reports, agrees: `features?` is optional there.

const bool = (source: string, fallback: boolean, description?: string) =>
  optional('bool', source, `${description ? `${description} ` : ''}unset means ${fallback}.`);

/** One `features` sub-block: a list block (MaxItems 1 in the SDK, no maximum as Terraform sees it). */
function feature(attributes: Record<string, SchemaAttribute>): NestedBlock {
  return list({ attributes }, FRAMEWORK_PROVIDER);
}

const featuresBlock: NestedBlock = list(
  {
    attributes: {},
    block_types: {
      api_management: feature({
        purge_soft_delete_on_destroy: bool(FEATURES, true),
        recover_soft_deleted: bool(FEATURES, true),
      }),
      app_configuration: feature({
        purge_soft_delete_on_destroy: bool(FEATURES, true),
        recover_soft_deleted: bool(FEATURES, true),
      }),
      application_insights: feature({ disable_generated_rule: bool(FEATURES, false) }),
      cognitive_account: feature({ purge_soft_delete_on_destroy: bool(FEATURES, true) }),
      key_vault: feature({
        purge_soft_delete_on_destroy: bool(FEATURES, true),
        purge_soft_deleted_certificates_on_destroy: bool(FEATURES, true),
        purge_soft_deleted_keys_on_destroy: bool(FEATURES, true),
        purge_soft_deleted_secrets_on_destroy: bool(FEATURES, true),
        purge_soft_deleted_hardware_security_modules_on_destroy: bool(FEATURES, true),
        purge_soft_deleted_hardware_security_module_keys_on_destroy: bool(FEATURES, true),
        recover_soft_deleted_certificates: bool(FEATURES, true),
        recover_soft_deleted_key_vaults: bool(FEATURES, true),
        recover_soft_deleted_keys: bool(FEATURES, true),
        recover_soft_deleted_secrets: bool(FEATURES, true),
        recover_soft_deleted_hardware_security_module_keys: bool(FEATURES, true),
      }),
      log_analytics_workspace: feature({ permanently_delete_on_destroy: bool(FEATURES, false) }),
      template_deployment: feature({ delete_nested_items_during_deletion: required('bool', FEATURES) }),
      virtual_machine: feature({
        detach_implicit_data_disk_on_deletion: bool(FEATURES, false),
        delete_os_disk_on_deletion: bool(FEATURES, false),
        skip_shutdown_and_force_delete: bool(FEATURES, false),
        graceful_shutdown: bool(FEATURES, false, 'Deprecated; present while not in 5.0 mode.'),
      }),
      virtual_machine_scale_set: feature({
        force_delete: bool(FEATURES, false),
        reimage_on_manual_upgrade: bool(FEATURES, true),
        roll_instances_when_required: bool(FEATURES, true),
        scale_to_zero_before_deletion: bool(FEATURES, false),
      }),
      resource_group: feature({
        prevent_deletion_if_contains_resources: bool(FEATURES, true, 'false when TF_ACC is set;'),
      }),
      recovery_services_vaults: feature({ recover_soft_deleted_backup_protected_vm: bool(FEATURES, false) }),
      managed_disk: feature({ expand_without_downtime: bool(FEATURES, true) }),
      storage: feature({ data_plane_available: bool(FEATURES, true) }),
      subscription: feature({ prevent_cancellation_on_destroy: bool(FEATURES, false) }),
      postgresql_flexible_server: feature({ restart_server_on_configuration_value_change: bool(FEATURES, true) }),
      machine_learning: feature({ purge_soft_deleted_workspace_on_destroy: bool(FEATURES, false) }),
      recovery_service: feature({
        vm_backup_stop_protection_and_retain_data_on_destroy: bool(FEATURES, false),
        vm_backup_suspend_protection_and_retain_data_on_destroy: bool(FEATURES, false),
        purge_protected_items_from_vault_on_destroy: bool(FEATURES, false),
      }),
      netapp: feature({
        delete_backups_on_backup_vault_destroy: bool(FEATURES, false),
        prevent_volume_destruction: bool(FEATURES, true),
      }),
      databricks_workspace: feature({ force_delete: bool(FEATURES, false) }),
    },
  },
  FRAMEWORK_PROVIDER,
);

const env = (source: string, names: string, fallback?: string) =>
  optional('string', source, `Env ${names}${fallback === undefined ? '' : `; unset means ${fallback}`}.`);

const providerBlock: SchemaBlock = {
  attributes: {
    subscription_id: env(SDK_PROVIDER, 'ARM_SUBSCRIPTION_ID'),
    client_id: env(SDK_PROVIDER, 'ARM_CLIENT_ID'),
    client_id_file_path: env(SDK_PROVIDER, 'ARM_CLIENT_ID_FILE_PATH'),
    tenant_id: env(SDK_PROVIDER, 'ARM_TENANT_ID'),
    auxiliary_tenant_ids: optional(STRINGS, SDK_PROVIDER, 'At most 3.'),
    environment: env(SDK_PROVIDER, 'ARM_ENVIRONMENT', 'public'),
    metadata_host: env(SDK_PROVIDER, 'ARM_METADATA_HOSTNAME'),
    client_certificate: env(SDK_PROVIDER, 'ARM_CLIENT_CERTIFICATE'),
    client_certificate_path: env(SDK_PROVIDER, 'ARM_CLIENT_CERTIFICATE_PATH'),
    client_certificate_password: env(SDK_PROVIDER, 'ARM_CLIENT_CERTIFICATE_PASSWORD'),
    client_secret: env(SDK_PROVIDER, 'ARM_CLIENT_SECRET'),
    client_secret_file_path: env(SDK_PROVIDER, 'ARM_CLIENT_SECRET_FILE_PATH'),
    ado_pipeline_service_connection_id: env(
      SDK_PROVIDER,
      'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID, ARM_OIDC_AZURE_SERVICE_CONNECTION_ID',
    ),
    oidc_request_token: env(SDK_PROVIDER, 'ARM_OIDC_REQUEST_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, SYSTEM_ACCESSTOKEN'),
    oidc_request_url: env(SDK_PROVIDER, 'ARM_OIDC_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_URL, SYSTEM_OIDCREQUESTURI'),
    oidc_token: env(SDK_PROVIDER, 'ARM_OIDC_TOKEN'),
    oidc_token_file_path: env(SDK_PROVIDER, 'ARM_OIDC_TOKEN_FILE_PATH'),
    use_oidc: bool(SDK_PROVIDER, false, 'Env ARM_USE_OIDC;'),
    use_msi: bool(SDK_PROVIDER, false, 'Env ARM_USE_MSI;'),
    msi_endpoint: env(SDK_PROVIDER, 'ARM_MSI_ENDPOINT'),
    msi_api_version: env(SDK_PROVIDER, 'ARM_MSI_API_VERSION'),
    use_cli: bool(SDK_PROVIDER, true, 'Env ARM_USE_CLI;'),
    use_aks_workload_identity: bool(SDK_PROVIDER, false, 'Env ARM_USE_AKS_WORKLOAD_IDENTITY;'),
    partner_id: env(SDK_PROVIDER, 'ARM_PARTNER_ID (a UUID, or empty)'),
    disable_correlation_request_id: bool(SDK_PROVIDER, false, 'Env ARM_DISABLE_CORRELATION_REQUEST_ID;'),
    disable_terraform_partner_id: bool(SDK_PROVIDER, false, 'Env ARM_DISABLE_TERRAFORM_PARTNER_ID;'),
    resource_provider_registrations: env(
      SDK_PROVIDER,
      'ARM_RESOURCE_PROVIDER_REGISTRATIONS (none, legacy, core, extended, all)',
      'legacy',
    ),
    resource_providers_to_register: optional(STRINGS, SDK_PROVIDER),
    skip_provider_registration: optional('bool', SDK_PROVIDER, 'Deprecated. Env ARM_SKIP_PROVIDER_REGISTRATION.'),
    storage_use_azuread: bool(SDK_PROVIDER, false, 'Env ARM_STORAGE_USE_AZUREAD;'),
  },
  block_types: {
    // Terraform is told 0..unbounded; the provider itself refuses anything but exactly one (see above).
    features: featuresBlock,
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Resources.

const roleAssignment: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      id,
      name: forceNew(optionalComputed('string', ROLE_ASSIGNMENT, 'A UUID; generated when unset.')),
      scope: forceNew(required('string', ROLE_ASSIGNMENT)),
      role_definition_id: forceNew(
        optionalComputed('string', ROLE_ASSIGNMENT, 'Exactly one of role_definition_id, role_definition_name.'),
      ),
      role_definition_name: forceNew(optionalComputed('string', ROLE_ASSIGNMENT)),
      principal_id: forceNew(required('string', ROLE_ASSIGNMENT)),
      principal_type: forceNew(optionalComputed('string', ROLE_ASSIGNMENT, 'User, Group or ServicePrincipal.')),
      skip_service_principal_aad_check: optionalComputed('bool', ROLE_ASSIGNMENT),
      delegated_managed_identity_resource_id: forceNew(optional('string', ROLE_ASSIGNMENT)),
      description: forceNew(optional('string', ROLE_ASSIGNMENT)),
      condition: forceNew(optional('string', ROLE_ASSIGNMENT)),
      condition_version: forceNew(optionalComputed('string', ROLE_ASSIGNMENT, '1.0 or 2.0.')),
    },
    block_types: {
      timeouts: timeouts(ROLE_ASSIGNMENT, { create: '30m', read: '5m', delete: '30m' }),
    },
  },
};

const roleDefinition: ResourceSchema = {
  // StateUpgraders: SchemaVersion 1.
  version: 1,
  block: {
    attributes: {
      id,
      role_definition_id: forceNew(optionalComputed('string', ROLE_DEFINITION, 'A UUID.')),
      name: required('string', ROLE_DEFINITION),
      scope: forceNew(required('string', ROLE_DEFINITION)),
      description: optional('string', ROLE_DEFINITION),
      assignable_scopes: optionalComputed(STRINGS, ROLE_DEFINITION),
      role_definition_resource_id: computed('string', ROLE_DEFINITION),
    },
    block_types: {
      permissions: list(
        {
          attributes: {
            actions: optional(STRINGS, ROLE_DEFINITION),
            not_actions: optional(STRINGS, ROLE_DEFINITION),
            data_actions: optional(STRING_SET, ROLE_DEFINITION),
            not_data_actions: optional(STRING_SET, ROLE_DEFINITION),
          },
        },
        ROLE_DEFINITION,
      ),
      timeouts: timeouts(`${ROLE_DEFINITION} via ${TYPED_WRAPPER}`, {
        create: '30m',
        read: '5m',
        update: '60m',
        delete: '30m',
      }),
    },
  },
};

const policyDefinition: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      id,
      name: forceNew(required('string', POLICY_DEFINITION)),
      policy_type: forceNew(required('string', POLICY_DEFINITION, 'BuiltIn, Custom, NotSpecified or Static.')),
      mode: required('string', POLICY_DEFINITION, 'All, Indexed or a data-plane mode.'),
      management_group_id: forceNew(optional('string', POLICY_DEFINITION)),
      display_name: required('string', POLICY_DEFINITION),
      description: optional('string', POLICY_DEFINITION),
      policy_rule: optional('string', POLICY_DEFINITION, 'JSON.'),
      parameters: optional(
        'string',
        POLICY_DEFINITION,
        'JSON; CustomizeDiff replaces the resource when parameters are removed.',
      ),
      role_definition_ids: computed(STRINGS, POLICY_DEFINITION),
      metadata: optionalComputed('string', POLICY_METADATA, 'JSON (metadataSchema).'),
    },
    block_types: {
      timeouts: timeouts(POLICY_DEFINITION, { create: '30m', read: '5m', update: '30m', delete: '30m' }),
    },
  },
};

/** `policy_definition_reference`: Required, so min_items 1 (SDK core_schema.go). */
function policyDefinitionReference(source: string): NestedBlock {
  return list(
    {
      attributes: {
        policy_definition_id: required('string', source),
        parameter_values: optional('string', source, 'JSON.'),
        reference_id: optionalComputed('string', source),
        policy_group_names: optional(STRING_SET, source),
        version: optionalComputed('string', source, '{major}.{minor}[.*][-preview].'),
      },
    },
    source,
    { min_items: 1 },
  );
}

function policyDefinitionGroup(source: string): NestedBlock {
  return set(
    {
      attributes: {
        name: required('string', source),
        display_name: optional('string', source),
        category: optional('string', source),
        description: optional('string', source),
        additional_metadata_resource_id: optional('string', source),
      },
    },
    source,
  );
}

const policySetAttributes = (source: string): Record<string, SchemaAttribute> => ({
  id,
  name: forceNew(required('string', source)),
  policy_type: forceNew(required('string', source, 'BuiltIn, Custom, NotSpecified or Static.')),
  display_name: required('string', source),
  description: optional('string', source),
  metadata: optionalComputed('string', source, 'JSON.'),
  parameters: optional('string', source, 'JSON; CustomizeDiff replaces the resource when parameters are removed.'),
});

const policySetDefinition: ResourceSchema = {
  // 4.x registers the untyped resourceArmPolicySetDefinition (registration.go, unless ARM_FIVEPOINTZERO_BETA):
  // no SchemaVersion.
  version: 0,
  block: {
    attributes: {
      ...policySetAttributes(POLICY_SET_DEFINITION),
      management_group_id: forceNew(
        optional('string', POLICY_SET_DEFINITION, 'Deprecated in favour of the management-group resource.'),
      ),
    },
    block_types: {
      policy_definition_reference: policyDefinitionReference(POLICY_SET_DEFINITION),
      policy_definition_group: policyDefinitionGroup(POLICY_SET_DEFINITION),
      timeouts: timeouts(POLICY_SET_DEFINITION, { create: '30m', read: '5m', update: '30m', delete: '30m' }),
    },
  },
};

const managementGroupPolicySetDefinition: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      ...policySetAttributes(MG_POLICY_SET_DEFINITION),
      management_group_id: forceNew(required('string', MG_POLICY_SET_DEFINITION)),
    },
    block_types: {
      policy_definition_reference: policyDefinitionReference(POLICY_SET_SHARED),
      policy_definition_group: policyDefinitionGroup(POLICY_SET_SHARED),
      timeouts: timeouts(`${MG_POLICY_SET_DEFINITION} via ${TYPED_WRAPPER}`, {
        create: '30m',
        read: '5m',
        update: '30m',
        delete: '30m',
      }),
    },
  },
};

/** `in`, `kind`, `not_in` of an override's or a resource selector's `selectors`. */
function selectors(kind: SchemaAttribute, extra: Partial<NestedBlock> = {}): NestedBlock {
  return list(
    {
      attributes: {
        in: optional(STRINGS, ASSIGNMENT_BASE),
        kind,
        not_in: optional(STRINGS, ASSIGNMENT_BASE),
      },
    },
    ASSIGNMENT_BASE,
    extra,
  );
}

/** The three assignment resources share `assignmentBaseResource.arguments` and add their scope and name. */
function policyAssignment(scope: string, scopeSource: string, nameLength: number): ResourceSchema {
  return {
    version: 0,
    block: {
      attributes: {
        id,
        name: forceNew(required('string', scopeSource, `1 to ${nameLength} characters.`)),
        [scope]: forceNew(required('string', scopeSource)),
        policy_definition_id: forceNew(required('string', ASSIGNMENT_BASE)),
        description: optional('string', ASSIGNMENT_BASE),
        display_name: optional('string', ASSIGNMENT_BASE),
        location: forceNew(
          optional(
            'string',
            `${COMMONSCHEMA}/location.go`,
            'LocationOptional: stored normalized (location.StateFunc).',
          ),
        ),
        enforce: optionalWithDefault('bool', ASSIGNMENT_BASE, 'true'),
        metadata: optionalComputed('string', POLICY_METADATA, 'JSON (metadataSchema).'),
        not_scopes: optional(STRINGS, ASSIGNMENT_BASE),
        parameters: optional('string', ASSIGNMENT_BASE, 'JSON.'),
      },
      block_types: {
        identity: list(
          {
            attributes: {
              type: required('string', `${COMMONSCHEMA}/identity_system_or_user.go`, 'UserAssigned or SystemAssigned.'),
              identity_ids: optional(STRING_SET, `${COMMONSCHEMA}/identity_system_or_user.go`),
              principal_id: computed('string', `${COMMONSCHEMA}/identity_system_or_user.go`),
              tenant_id: computed('string', `${COMMONSCHEMA}/identity_system_or_user.go`),
            },
          },
          `${COMMONSCHEMA}/identity_system_or_user.go`,
          { max_items: 1 },
        ),
        non_compliance_message: list(
          {
            attributes: {
              content: required('string', ASSIGNMENT_BASE),
              policy_definition_reference_id: optional('string', ASSIGNMENT_BASE),
            },
          },
          ASSIGNMENT_BASE,
        ),
        overrides: list(
          {
            attributes: { value: required('string', ASSIGNMENT_BASE) },
            block_types: {
              selectors: selectors(
                optionalWithDefault('string', ASSIGNMENT_BASE, 'policyDefinitionReferenceId', 'or resourceLocation'),
              ),
            },
          },
          ASSIGNMENT_BASE,
        ),
        resource_selectors: list(
          {
            attributes: { name: optional('string', ASSIGNMENT_BASE) },
            block_types: {
              selectors: selectors(
                required('string', ASSIGNMENT_BASE, 'resourceLocation, resourceType or resourceWithoutLocation.'),
                { min_items: 1 },
              ),
            },
          },
          ASSIGNMENT_BASE,
        ),
        timeouts: timeouts(`${ASSIGNMENT_BASE} via ${TYPED_WRAPPER}`, {
          create: '30m',
          read: '5m',
          update: '30m',
          delete: '30m',
        }),
      },
    },
  };
}

/**
 * An SDK attribute with `Default` is Optional only in Terraform's schema (core_schema.go copies Optional and
 * Computed as declared), yet the SDK plans the default when the argument is unset.
 */
function optionalWithDefault(type: 'bool' | 'string', source: string, value: string, note?: string): SchemaAttribute {
  return optional(type, source, `default: ${value}${note ? ` (${note})` : ''}.`);
}

const computeInstance: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      id,
      name: forceNew(required('string', COMPUTE_INSTANCE, '^[a-zA-Z][a-zA-Z0-9-]{3,24}$.')),
      machine_learning_workspace_id: forceNew(required('string', COMPUTE_INSTANCE)),
      virtual_machine_size: forceNew(required('string', COMPUTE_INSTANCE, 'Case-insensitive diff.')),
      authorization_type: forceNew(optional('string', COMPUTE_INSTANCE, 'personal.')),
      description: forceNew(optional('string', COMPUTE_INSTANCE)),
      local_auth_enabled: forceNew(optionalWithDefault('bool', COMPUTE_INSTANCE, 'true')),
      subnet_resource_id: forceNew(optional('string', COMPUTE_INSTANCE)),
      node_public_ip_enabled: forceNew(optionalWithDefault('bool', COMPUTE_INSTANCE, 'true')),
      tags: forceNew(optional(STRING_MAP, `${COMMONSCHEMA}/tags.go`, 'TagsForceNew.')),
    },
    block_types: {
      assign_to_user: list(
        {
          attributes: {
            tenant_id: optional('string', COMPUTE_INSTANCE, 'A UUID.'),
            object_id: optional('string', COMPUTE_INSTANCE),
          },
        },
        COMPUTE_INSTANCE,
        { max_items: 1, forceNew: true },
      ),
      identity: list(
        {
          attributes: {
            type: forceNew(
              required(
                'string',
                `${COMMONSCHEMA}/identity_system_user.go`,
                'UserAssigned, SystemAssigned or "SystemAssigned, UserAssigned".',
              ),
            ),
            identity_ids: forceNew(optional(STRING_SET, `${COMMONSCHEMA}/identity_system_user.go`)),
            principal_id: computed('string', `${COMMONSCHEMA}/identity_system_user.go`),
            tenant_id: computed('string', `${COMMONSCHEMA}/identity_system_user.go`),
          },
        },
        `${COMMONSCHEMA}/identity_system_user.go`,
        { max_items: 1, forceNew: true },
      ),
      ssh: list(
        {
          attributes: {
            public_key: required('string', COMPUTE_INSTANCE),
            username: computed('string', COMPUTE_INSTANCE),
            port: computed('number', COMPUTE_INSTANCE),
          },
        },
        COMPUTE_INSTANCE,
        { max_items: 1, forceNew: true },
      ),
      timeouts: timeouts(COMPUTE_INSTANCE, { create: '30m', read: '5m', delete: '30m' }),
    },
  },
};

export const azurermSchemas: ProviderSchemas = {
  address: 'registry.terraform.io/hashicorp/azurerm',
  version: '4.55.0',
  provider: { version: 0, block: providerBlock },
  resource_schemas: {
    azurerm_role_assignment: roleAssignment,
    azurerm_role_definition: roleDefinition,
    azurerm_policy_definition: policyDefinition,
    azurerm_policy_set_definition: policySetDefinition,
    azurerm_management_group_policy_set_definition: managementGroupPolicySetDefinition,
    azurerm_management_group_policy_assignment: policyAssignment(
      'management_group_id',
      `${REF} internal/services/policy/management_group_policy_assignment_resource.go`,
      24,
    ),
    azurerm_subscription_policy_assignment: policyAssignment(
      'subscription_id',
      `${REF} internal/services/policy/subscription_policy_assignment_resource.go`,
      64,
    ),
    azurerm_resource_group_policy_assignment: policyAssignment(
      'resource_group_id',
      `${REF} internal/services/policy/resource_group_policy_assignment_resource.go`,
      64,
    ),
    azurerm_machine_learning_compute_instance: computeInstance,
  },
  data_source_schemas: {},
};
