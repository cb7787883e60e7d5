import type { NestedBlock, ProviderSchemas, SchemaAttribute, SchemaBlock } from './schema-types';

/**
 * STAND-IN until the full transcription (issue 21, part 2) is merged: the azurerm 4.55.0 arguments the
 * library writes, with ForceNew as the resources' files at v4.55.0 declare it. Only what the rig needs.
 */
const REF = 'hashicorp/terraform-provider-azurerm@v4.55.0';
const ROLE = `${REF} internal/services/authorization`;
const POLICY = `${REF} internal/services/policy`;
const ML = `${REF} internal/services/machinelearning/machine_learning_compute_instance_resource.go`;

const a = (
  type: SchemaAttribute['type'],
  source: string,
  flags: { required?: boolean; computed?: boolean; forceNew?: boolean } = {},
): SchemaAttribute => ({ type, source, ...(flags.required ? { required: true } : { optional: true }), ...flags });
const computedOnly = (type: SchemaAttribute['type'], source: string): SchemaAttribute => ({
  type,
  computed: true,
  source,
});
const timeouts = (source: string): NestedBlock => ({
  nesting_mode: 'single',
  source,
  block: {
    attributes: {
      create: a('string', source),
      read: a('string', source),
      update: a('string', source),
      delete: a('string', source),
    },
  },
});
const resource = (block: SchemaBlock, source: string) => ({
  version: 0,
  block: {
    attributes: { id: computedOnly('string', source), ...block.attributes },
    block_types: { ...(block.block_types ?? {}), timeouts: timeouts(source) },
  },
});

const policyAssignment = (scopeArgument: string, source: string) =>
  resource(
    {
      attributes: {
        name: a('string', source, { required: true, forceNew: true }),
        [scopeArgument]: a('string', source, { required: true, forceNew: true }),
        policy_definition_id: a('string', source, { required: true, forceNew: true }),
        description: a('string', source),
        display_name: a('string', source),
        enforce: a('bool', source),
        location: a('string', source, { forceNew: true }),
        metadata: a('string', source, { computed: true }),
        not_scopes: a(['list', 'string'], source),
        parameters: a('string', source),
      },
      block_types: {
        non_compliance_message: {
          nesting_mode: 'list',
          source,
          block: {
            attributes: {
              content: a('string', source, { required: true }),
              policy_definition_reference_id: a('string', source),
            },
          },
        },
      },
    },
    source,
  );

const policySetDefinition = (source: string, scoped: boolean) =>
  resource(
    {
      attributes: {
        name: a('string', source, { required: true, forceNew: true }),
        policy_type: a('string', source, { required: true, forceNew: true }),
        display_name: a('string', source, { required: true }),
        description: a('string', source),
        metadata: a('string', source, { computed: true }),
        parameters: a('string', source),
        ...(scoped ? { management_group_id: a('string', source, { required: true, forceNew: true }) } : {}),
      },
      block_types: {
        policy_definition_reference: {
          nesting_mode: 'list',
          min_items: 1,
          source,
          block: {
            attributes: {
              policy_definition_id: a('string', source, { required: true }),
              parameter_values: a('string', source),
              reference_id: a('string', source, { computed: true }),
              policy_group_names: a(['set', 'string'], source),
            },
          },
        },
      },
    },
    source,
  );

export const azurermSchemas: ProviderSchemas = {
  address: 'registry.terraform.io/hashicorp/azurerm',
  version: '4.55.0',
  provider: {
    version: 0,
    block: {
      attributes: {
        subscription_id: a('string', `${REF} internal/provider/provider.go`),
        tenant_id: a('string', `${REF} internal/provider/provider.go`),
        client_id: a('string', `${REF} internal/provider/provider.go`),
        use_cli: a('bool', `${REF} internal/provider/provider.go`),
      },
      block_types: {
        features: {
          nesting_mode: 'list',
          min_items: 1,
          max_items: 1,
          source: `${REF} internal/provider/features.go`,
          block: { attributes: {} },
        },
      },
    },
  },
  resource_schemas: {
    azurerm_role_definition: resource(
      {
        attributes: {
          name: a('string', `${ROLE}/role_definition_resource.go`, { required: true }),
          scope: a('string', `${ROLE}/role_definition_resource.go`, { required: true, forceNew: true }),
          role_definition_id: a('string', `${ROLE}/role_definition_resource.go`, { computed: true, forceNew: true }),
          description: a('string', `${ROLE}/role_definition_resource.go`),
          assignable_scopes: a(['list', 'string'], `${ROLE}/role_definition_resource.go`, { computed: true }),
          role_definition_resource_id: computedOnly('string', `${ROLE}/role_definition_resource.go`),
        },
        block_types: {
          permissions: {
            nesting_mode: 'list',
            source: `${ROLE}/role_definition_resource.go`,
            block: {
              attributes: {
                actions: a(['list', 'string'], `${ROLE}/role_definition_resource.go`),
                not_actions: a(['list', 'string'], `${ROLE}/role_definition_resource.go`),
                data_actions: a(['set', 'string'], `${ROLE}/role_definition_resource.go`),
                not_data_actions: a(['set', 'string'], `${ROLE}/role_definition_resource.go`),
              },
            },
          },
        },
      },
      `${ROLE}/role_definition_resource.go`,
    ),
    azurerm_role_assignment: resource(
      {
        attributes: {
          name: a('string', `${ROLE}/role_assignment_resource.go`, { computed: true, forceNew: true }),
          scope: a('string', `${ROLE}/role_assignment_resource.go`, { required: true, forceNew: true }),
          role_definition_id: a('string', `${ROLE}/role_assignment_resource.go`, { computed: true, forceNew: true }),
          role_definition_name: a('string', `${ROLE}/role_assignment_resource.go`, {
            computed: true,
            forceNew: true,
          }),
          principal_id: a('string', `${ROLE}/role_assignment_resource.go`, { required: true, forceNew: true }),
          principal_type: a('string', `${ROLE}/role_assignment_resource.go`, { computed: true, forceNew: true }),
          description: a('string', `${ROLE}/role_assignment_resource.go`, { forceNew: true }),
          condition: a('string', `${ROLE}/role_assignment_resource.go`, { computed: true, forceNew: true }),
          condition_version: a('string', `${ROLE}/role_assignment_resource.go`, { computed: true, forceNew: true }),
          skip_service_principal_aad_check: a('bool', `${ROLE}/role_assignment_resource.go`, { computed: true }),
        },
      },
      `${ROLE}/role_assignment_resource.go`,
    ),
    azurerm_policy_definition: resource(
      {
        attributes: {
          name: a('string', `${POLICY}/definition_resource.go`, { required: true, forceNew: true }),
          policy_type: a('string', `${POLICY}/definition_resource.go`, { required: true, forceNew: true }),
          mode: a('string', `${POLICY}/definition_resource.go`, { required: true }),
          display_name: a('string', `${POLICY}/definition_resource.go`, { required: true }),
          description: a('string', `${POLICY}/definition_resource.go`),
          management_group_id: a('string', `${POLICY}/definition_resource.go`, { forceNew: true }),
          policy_rule: a('string', `${POLICY}/definition_resource.go`),
          metadata: a('string', `${POLICY}/definition_resource.go`, { computed: true }),
          parameters: a('string', `${POLICY}/definition_resource.go`),
          role_definition_ids: computedOnly(['list', 'string'], `${POLICY}/definition_resource.go`),
        },
      },
      `${POLICY}/definition_resource.go`,
    ),
    azurerm_policy_set_definition: policySetDefinition(`${POLICY}/policy_set_definition_resource.go`, false),
    azurerm_management_group_policy_set_definition: policySetDefinition(
      `${POLICY}/management_group_policy_set_definition_resource.go`,
      true,
    ),
    azurerm_management_group_policy_assignment: policyAssignment(
      'management_group_id',
      `${POLICY}/assignment_management_group.go`,
    ),
    azurerm_subscription_policy_assignment: policyAssignment('subscription_id', `${POLICY}/assignment_subscription.go`),
    azurerm_resource_group_policy_assignment: policyAssignment(
      'resource_group_id',
      `${POLICY}/assignment_resource_group.go`,
    ),
    azurerm_machine_learning_compute_instance: resource(
      {
        attributes: {
          name: a('string', ML, { required: true, forceNew: true }),
          machine_learning_workspace_id: a('string', ML, { required: true, forceNew: true }),
          virtual_machine_size: a('string', ML, { required: true, forceNew: true }),
          authorization_type: a('string', ML, { forceNew: true }),
          description: a('string', ML, { forceNew: true }),
          local_auth_enabled: a('bool', ML, { forceNew: true }),
          node_public_ip_enabled: a('bool', ML, { forceNew: true }),
          subnet_resource_id: a('string', ML, { forceNew: true }),
          tags: a(['map', 'string'], ML, { forceNew: true }),
        },
        block_types: {
          assign_to_user: {
            nesting_mode: 'list',
            max_items: 1,
            forceNew: true,
            source: ML,
            block: {
              attributes: {
                object_id: a('string', ML, { forceNew: true }),
                tenant_id: a('string', ML, { forceNew: true }),
              },
            },
          },
          identity: {
            nesting_mode: 'list',
            max_items: 1,
            forceNew: true,
            source: ML,
            block: {
              attributes: {
                type: a('string', ML, { required: true, forceNew: true }),
                identity_ids: a(['set', 'string'], ML, { forceNew: true }),
                principal_id: computedOnly('string', ML),
                tenant_id: computedOnly('string', ML),
              },
            },
          },
          ssh: {
            nesting_mode: 'list',
            max_items: 1,
            forceNew: true,
            source: ML,
            block: {
              attributes: {
                public_key: a('string', ML, { required: true, forceNew: true }),
                username: computedOnly('string', ML),
                port: computedOnly('number', ML),
              },
            },
          },
        },
      },
      ML,
    ),
  },
  data_source_schemas: {},
};
