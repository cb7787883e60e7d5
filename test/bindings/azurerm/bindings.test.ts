// The generated classes, by deep path: tests only (src must not depend on @cdktf/provider-azurerm).
import * as generatedMgAssignment from '@cdktf/provider-azurerm/lib/management-group-policy-assignment';
import * as generatedMgSet from '@cdktf/provider-azurerm/lib/management-group-policy-set-definition';
import * as generatedCompute from '@cdktf/provider-azurerm/lib/machine-learning-compute-instance';
import * as generatedDefinition from '@cdktf/provider-azurerm/lib/policy-definition';
import * as generatedSet from '@cdktf/provider-azurerm/lib/policy-set-definition';
import * as generatedProvider from '@cdktf/provider-azurerm/lib/provider';
import * as generatedRgAssignment from '@cdktf/provider-azurerm/lib/resource-group-policy-assignment';
import * as generatedRoleAssignment from '@cdktf/provider-azurerm/lib/role-assignment';
import * as generatedRole from '@cdktf/provider-azurerm/lib/role-definition';
import * as generatedSubAssignment from '@cdktf/provider-azurerm/lib/subscription-policy-assignment';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App, TerraformStack, Testing } from 'cdktf';
import { ComputeRoleAssignment } from '../../../src/bindings/azurerm/role-assignment';
import { AzapiProvider } from '../../../src/bindings/azapi/provider';
import { MachineLearningComputeInstance } from '../../../src/bindings/azurerm/machine-learning-compute-instance';
import { PolicyAssignment } from '../../../src/bindings/azurerm/policy-assignment';
import { PolicyDefinition } from '../../../src/bindings/azurerm/policy-definition';
import { PolicySetDefinition } from '../../../src/bindings/azurerm/policy-set-definition';
import { AzurermProvider, isAzurermProvider } from '../../../src/bindings/azurerm/provider';
import { RoleDefinition } from '../../../src/bindings/azurerm/role-definition';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const RG = `${SUB}/resourceGroups/rg-ml`;
const WS = `${RG}/providers/Microsoft.MachineLearningServices/workspaces/ws`;
const MG = '/providers/Microsoft.Management/managementGroups/mg-data-science';

interface Synthesized {
  readonly json: any;
  readonly hcl: string;
}

/** One stack, in an app of its own, with the same id each time, so that both sides get the same paths. */
function synth(build: (stack: TerraformStack) => void): Synthesized {
  const stack = new TerraformStack(Testing.app(), 'test');
  build(stack);
  return { json: JSON.parse(Testing.synth(stack)), hcl: Testing.synthHcl(stack) };
}

/**
 * Synthesizes the generated class and ours for the same input, checks that the whole stacks are the same
 * (JSON: every resource, provider and `required_providers`; HCL: the text), and returns our stack's JSON
 * for the field-by-field assertions.
 */
function sameAsGenerated(generated: (stack: TerraformStack) => void, ours: (stack: TerraformStack) => void): any {
  const expected = synth(generated);
  const actual = synth(ours);
  expect(actual.json).toEqual(expected.json);
  expect(JSON.stringify(actual.json)).toBe(JSON.stringify(expected.json));
  expect(actual.hcl).toBe(expected.hcl);
  // Not two empty texts: every resource of the JSON is in the HCL.
  for (const [type, blocks] of Object.entries<object>(actual.json.resource ?? {})) {
    for (const name of Object.keys(blocks)) expect(actual.hcl).toContain(`resource "${type}" "${name}" {`);
  }
  return actual.json;
}

const only = (json: any, type: string): any => {
  const blocks = Object.values(json.resource[type] ?? {});
  expect(blocks).toHaveLength(1);
  return blocks[0];
};

/** The arguments written, without cdktf's construct metadata. */
const args = (block: any): string[] =>
  Object.keys(block)
    .filter((k) => k !== '//')
    .sort();

describe('RoleDefinition writes what the generated azurerm_role_definition writes', () => {
  const config = {
    name: 'AzureML compute instance user (rg-ml, test)',
    scope: RG,
    description: 'Start and stop.',
    permissions: [{ actions: ['a/read', 'a/start/action'], notActions: [] }],
    assignableScopes: [RG],
  };

  test('one permissions block, empty not_actions kept', () => {
    const json = sameAsGenerated(
      (s) =>
        new generatedRole.RoleDefinition(s, 'Role', {
          ...config,
          permissions: [{ actions: ['a/read', 'a/start/action'], notActions: [] }],
        }),
      (s) => new RoleDefinition(s, 'Role', config),
    );
    const role = only(json, 'azurerm_role_definition');
    expect(args(role)).toEqual(['assignable_scopes', 'description', 'name', 'permissions', 'scope']);
    expect(role.name).toBe('AzureML compute instance user (rg-ml, test)');
    expect(role.scope).toBe(RG);
    expect(role.description).toBe('Start and stop.');
    expect(role.assignable_scopes).toEqual([RG]);
    expect(role.permissions).toEqual([{ actions: ['a/read', 'a/start/action'], not_actions: [] }]);
  });

  test('two permissions blocks, in order', () => {
    const permissions = [
      { actions: ['x'], notActions: ['y'] },
      { actions: ['z'], notActions: [] },
    ];
    const json = sameAsGenerated(
      (s) => new generatedRole.RoleDefinition(s, 'Role', { ...config, permissions }),
      (s) => new RoleDefinition(s, 'Role', { ...config, permissions }),
    );
    expect(only(json, 'azurerm_role_definition').permissions).toEqual([
      { actions: ['x'], not_actions: ['y'] },
      { actions: ['z'], not_actions: [] },
    ]);
  });

  test('roleDefinitionResourceId references role_definition_resource_id, as the generated attribute does', () => {
    const assignment = { scope: `${WS}/computes/ci`, principalId: 'p', principalType: 'User' } as const;
    const json = sameAsGenerated(
      (s) => {
        const role = new generatedRole.RoleDefinition(s, 'Role', config);
        new generatedRoleAssignment.RoleAssignment(s, 'Access', {
          ...assignment,
          roleDefinitionId: role.roleDefinitionResourceId,
        });
      },
      (s) => {
        const role = new RoleDefinition(s, 'Role', config);
        new ComputeRoleAssignment(s, 'Access', { ...assignment, roleDefinitionId: role.roleDefinitionResourceId });
      },
    );
    expect(only(json, 'azurerm_role_assignment').role_definition_id).toBe(
      '${azurerm_role_definition.Role.role_definition_resource_id}',
    );
  });
});

describe('ComputeRoleAssignment writes what the generated azurerm_role_assignment writes', () => {
  test('its four arguments, in JSON and HCL', () => {
    const config = {
      scope: `${WS}/computes/ci`,
      roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/r`,
      principalId: 'p',
      principalType: 'User',
    } as const;
    const json = sameAsGenerated(
      (s) => new generatedRoleAssignment.RoleAssignment(s, 'Access', config),
      (s) => new ComputeRoleAssignment(s, 'Access', config),
    );
    const assignment = only(json, 'azurerm_role_assignment');
    expect(args(assignment)).toEqual(['principal_id', 'principal_type', 'role_definition_id', 'scope']);
    expect(assignment.principal_type).toBe('User');
  });
});

describe('PolicyDefinition writes what the generated azurerm_policy_definition writes', () => {
  const config = {
    name: 'ml-shutdown-idle',
    policyType: 'Custom',
    mode: 'All',
    displayName: 'Idle shutdown',
    description: 'Needs idle shutdown.',
    metadata: '{"category":"Machine Learning"}',
    parameters: '{"effect":{"type":"String"}}',
    policyRule: '{"if":{"field":"type","equals":"x"},"then":{"effect":"[parameters(\'effect\')]"}}',
  };

  test('in the provider subscription: management_group_id omitted', () => {
    const json = sameAsGenerated(
      (s) => new generatedDefinition.PolicyDefinition(s, 'Def', config),
      (s) => new PolicyDefinition(s, 'Def', config),
    );
    const def = only(json, 'azurerm_policy_definition');
    expect(args(def)).toEqual([
      'description',
      'display_name',
      'metadata',
      'mode',
      'name',
      'parameters',
      'policy_rule',
      'policy_type',
    ]);
    expect(def).toMatchObject({
      name: 'ml-shutdown-idle',
      policy_type: 'Custom',
      mode: 'All',
      display_name: 'Idle shutdown',
      description: 'Needs idle shutdown.',
      metadata: config.metadata,
      parameters: config.parameters,
      policy_rule: config.policyRule,
    });
  });

  test('at a management group', () => {
    const json = sameAsGenerated(
      (s) => new generatedDefinition.PolicyDefinition(s, 'Def', { ...config, managementGroupId: MG }),
      (s) => new PolicyDefinition(s, 'Def', { ...config, managementGroupId: MG }),
    );
    expect(only(json, 'azurerm_policy_definition').management_group_id).toBe(MG);
  });
});

const initiative = {
  name: 'ml-shutdown',
  policyType: 'Custom',
  displayName: 'Compute instance shutdown',
  description: 'Shut down.',
  metadata: '{"category":"Machine Learning"}',
  parameters: '{"e":{"type":"String"}}',
};
const definitionConfig = {
  name: 'd',
  policyType: 'Custom',
  mode: 'All',
  displayName: 'D',
  description: 'D.',
  metadata: '{}',
  parameters: '{}',
  policyRule: '{}',
};
/** One custom definition (referenced by its id token) and one built-in (by its literal id). */
const references = (customId: string) => [
  { referenceId: 'Custom', policyDefinitionId: customId, parameterValues: '{"effect":{"value":"Deny"}}' },
  {
    referenceId: 'BuiltIn',
    policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/b',
    parameterValues: '{}',
  },
];
const expectedReferences = [
  {
    policy_definition_id: '${azurerm_policy_definition.Def.id}',
    reference_id: 'Custom',
    parameter_values: '{"effect":{"value":"Deny"}}',
  },
  {
    policy_definition_id: '/providers/Microsoft.Authorization/policyDefinitions/b',
    reference_id: 'BuiltIn',
    parameter_values: '{}',
  },
];

describe('PolicySetDefinition writes what the generated set definitions write', () => {
  test('azurerm_policy_set_definition: policy_definition_reference as a list of blocks, management_group_id omitted', () => {
    const json = sameAsGenerated(
      (s) =>
        new generatedSet.PolicySetDefinition(s, 'Initiative', {
          ...initiative,
          policyDefinitionReference: references(
            new generatedDefinition.PolicyDefinition(s, 'Def', definitionConfig).id,
          ),
        }),
      (s) =>
        new PolicySetDefinition(s, 'Initiative', {
          ...initiative,
          policyDefinitionReference: references(new PolicyDefinition(s, 'Def', definitionConfig).id),
        }),
    );
    const set = only(json, 'azurerm_policy_set_definition');
    expect(args(set)).toEqual([
      'description',
      'display_name',
      'metadata',
      'name',
      'parameters',
      'policy_definition_reference',
      'policy_type',
    ]);
    expect(set).toMatchObject({
      name: 'ml-shutdown',
      policy_type: 'Custom',
      display_name: 'Compute instance shutdown',
      description: 'Shut down.',
      metadata: initiative.metadata,
      parameters: initiative.parameters,
    });
    expect(set.policy_definition_reference).toEqual(expectedReferences);
  });

  test('azurerm_management_group_policy_set_definition: with management_group_id', () => {
    const json = sameAsGenerated(
      (s) =>
        new generatedMgSet.ManagementGroupPolicySetDefinition(s, 'Initiative', {
          ...initiative,
          managementGroupId: MG,
          policyDefinitionReference: references(
            new generatedDefinition.PolicyDefinition(s, 'Def', definitionConfig).id,
          ),
        }),
      (s) =>
        new PolicySetDefinition(s, 'Initiative', {
          ...initiative,
          managementGroupId: MG,
          policyDefinitionReference: references(new PolicyDefinition(s, 'Def', definitionConfig).id),
        }),
    );
    const set = only(json, 'azurerm_management_group_policy_set_definition');
    expect(args(set)).toEqual([
      'description',
      'display_name',
      'management_group_id',
      'metadata',
      'name',
      'parameters',
      'policy_definition_reference',
      'policy_type',
    ]);
    expect(set.management_group_id).toBe(MG);
    expect(set.policy_definition_reference).toEqual(expectedReferences);
  });
});

describe('the policy assignments write what the generated assignments write, at each scope', () => {
  const assignment = (policyDefinitionId: string) => ({
    name: 'ml-shutdown',
    policyDefinitionId,
    displayName: 'Compute instance shutdown',
    description: 'Assigns it.',
    parameters: '{"e":{"value":"Deny"}}',
    nonComplianceMessage: [
      { content: 'Needs a stop schedule.', policyDefinitionReferenceId: 'RequireStopSchedule' },
      { content: 'Needs idle shutdown.', policyDefinitionReferenceId: 'IdleShutdown' },
    ],
  });
  const plainArgs = [
    'description',
    'display_name',
    'name',
    'non_compliance_message',
    'parameters',
    'policy_definition_id',
  ];
  const expectFields = (block: any, policyDefinitionId: string) => {
    expect(block).toMatchObject({
      name: 'ml-shutdown',
      display_name: 'Compute instance shutdown',
      description: 'Assigns it.',
      parameters: '{"e":{"value":"Deny"}}',
      policy_definition_id: policyDefinitionId,
    });
    expect(block.non_compliance_message).toEqual([
      { content: 'Needs a stop schedule.', policy_definition_reference_id: 'RequireStopSchedule' },
      { content: 'Needs idle shutdown.', policy_definition_reference_id: 'IdleShutdown' },
    ]);
  };

  test('azurerm_management_group_policy_assignment, referencing the initiative by its id token', () => {
    const set = { ...initiative, managementGroupId: MG, policyDefinitionReference: [] };
    const json = sameAsGenerated(
      (s) =>
        new generatedMgAssignment.ManagementGroupPolicyAssignment(s, 'Assignment', {
          ...assignment(new generatedMgSet.ManagementGroupPolicySetDefinition(s, 'Initiative', set).id),
          managementGroupId: MG,
        }),
      (s) =>
        new PolicyAssignment(s, 'Assignment', {
          ...assignment(new PolicySetDefinition(s, 'Initiative', set).id),
          scopeKind: 'managementGroup',
          scopeId: MG,
        }),
    );
    const block = only(json, 'azurerm_management_group_policy_assignment');
    expect(args(block)).toEqual([...plainArgs, 'management_group_id'].sort());
    expect(block.management_group_id).toBe(MG);
    expectFields(block, '${azurerm_management_group_policy_set_definition.Initiative.id}');
    // An empty reference list is written as the generated class writes it.
    expect(only(json, 'azurerm_management_group_policy_set_definition').policy_definition_reference).toEqual([]);
  });

  test('azurerm_subscription_policy_assignment', () => {
    const id = `${SUB}/providers/Microsoft.Authorization/policySetDefinitions/ml-shutdown`;
    const json = sameAsGenerated(
      (s) =>
        new generatedSubAssignment.SubscriptionPolicyAssignment(s, 'Assignment', {
          ...assignment(id),
          subscriptionId: SUB,
        }),
      (s) => new PolicyAssignment(s, 'Assignment', { ...assignment(id), scopeKind: 'subscription', scopeId: SUB }),
    );
    const block = only(json, 'azurerm_subscription_policy_assignment');
    expect(args(block)).toEqual([...plainArgs, 'subscription_id'].sort());
    expect(block.subscription_id).toBe(SUB);
    expectFields(block, id);
  });

  test('azurerm_resource_group_policy_assignment', () => {
    const id = `${SUB}/providers/Microsoft.Authorization/policySetDefinitions/ml-shutdown`;
    const json = sameAsGenerated(
      (s) =>
        new generatedRgAssignment.ResourceGroupPolicyAssignment(s, 'Assignment', {
          ...assignment(id),
          resourceGroupId: RG,
        }),
      (s) => new PolicyAssignment(s, 'Assignment', { ...assignment(id), scopeKind: 'resourceGroup', scopeId: RG }),
    );
    const block = only(json, 'azurerm_resource_group_policy_assignment');
    expect(args(block)).toEqual([...plainArgs, 'resource_group_id'].sort());
    expect(block.resource_group_id).toBe(RG);
    expectFields(block, id);
  });
});

describe('MachineLearningComputeInstance writes what the generated azurerm_machine_learning_compute_instance writes', () => {
  const required = { name: 'ci-alice', machineLearningWorkspaceId: WS, virtualMachineSize: 'Standard_DS3_v2' };

  test('every argument the library sets: ssh, assign_to_user and identity as single objects', () => {
    // The generated class writes strings as given; ours escapes Terraform templates itself
    // (TemplateSafeResource), so it gets the raw text where the generated one gets it escaped by hand.
    const raw = { description: 'Alice (${HOME})', tags: { team: 'ml', note: '${literal}' } };
    const full = {
      ...required,
      description: 'Alice ($${HOME})',
      localAuthEnabled: false,
      nodePublicIpEnabled: false,
      subnetResourceId: `${RG}/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
      ssh: { publicKey: 'ssh-ed25519 AAAA alice' },
      assignToUser: { objectId: 'o-1', tenantId: 't-1' },
      identity: {
        type: 'SystemAssigned, UserAssigned',
        identityIds: [`${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u`],
      },
      tags: { team: 'ml', note: '$${literal}' },
      lifecycle: { preventDestroy: true },
    };
    const json = sameAsGenerated(
      (s) => new generatedCompute.MachineLearningComputeInstance(s, 'Resource', full),
      (s) => new MachineLearningComputeInstance(s, 'Resource', { ...full, ...raw }),
    );
    const ci = only(json, 'azurerm_machine_learning_compute_instance');
    expect(args(ci)).toEqual([
      'assign_to_user',
      'description',
      'identity',
      'lifecycle',
      'local_auth_enabled',
      'machine_learning_workspace_id',
      'name',
      'node_public_ip_enabled',
      'ssh',
      'subnet_resource_id',
      'tags',
      'virtual_machine_size',
    ]);
    expect(ci.name).toBe('ci-alice');
    expect(ci.machine_learning_workspace_id).toBe(WS);
    expect(ci.virtual_machine_size).toBe('Standard_DS3_v2');
    expect(ci.description).toBe('Alice ($${HOME})');
    expect(ci.local_auth_enabled).toBe(false);
    expect(ci.node_public_ip_enabled).toBe(false);
    expect(ci.subnet_resource_id).toBe(full.subnetResourceId);
    expect(ci.ssh).toEqual({ public_key: 'ssh-ed25519 AAAA alice' });
    expect(ci.assign_to_user).toEqual({ object_id: 'o-1', tenant_id: 't-1' });
    expect(ci.identity).toEqual({ type: 'SystemAssigned, UserAssigned', identity_ids: full.identity.identityIds });
    expect(ci.tags).toEqual({ team: 'ml', note: '$${literal}' });
    expect(ci.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('only the required arguments: the optional ones and the blocks are omitted', () => {
    const json = sameAsGenerated(
      (s) => new generatedCompute.MachineLearningComputeInstance(s, 'Resource', required),
      (s) => new MachineLearningComputeInstance(s, 'Resource', required),
    );
    const ci = only(json, 'azurerm_machine_learning_compute_instance');
    expect(args(ci)).toEqual(['machine_learning_workspace_id', 'name', 'virtual_machine_size']);
  });

  test('explicit undefined is omitted, an identity without ids has no identity_ids, and prevent_destroy false is written', () => {
    const config = {
      ...required,
      description: undefined,
      subnetResourceId: undefined,
      ssh: undefined,
      assignToUser: undefined,
      tags: undefined,
      localAuthEnabled: true,
      identity: { type: 'SystemAssigned', identityIds: undefined },
      lifecycle: { preventDestroy: false },
    };
    const json = sameAsGenerated(
      (s) => new generatedCompute.MachineLearningComputeInstance(s, 'Resource', config),
      (s) => new MachineLearningComputeInstance(s, 'Resource', config),
    );
    const ci = only(json, 'azurerm_machine_learning_compute_instance');
    expect(args(ci)).toEqual([
      'identity',
      'lifecycle',
      'local_auth_enabled',
      'machine_learning_workspace_id',
      'name',
      'virtual_machine_size',
    ]);
    expect(ci.identity).toEqual({ type: 'SystemAssigned' });
    expect(ci.local_auth_enabled).toBe(true);
    expect(ci.lifecycle).toEqual({ prevent_destroy: false });
  });

  test('id references the resource id', () => {
    const json = sameAsGenerated(
      (s) => {
        const ci = new generatedCompute.MachineLearningComputeInstance(s, 'Resource', required);
        new generatedRoleAssignment.RoleAssignment(s, 'Access', {
          scope: ci.id,
          roleDefinitionId: 'r',
          principalId: 'p',
          principalType: 'User',
        });
      },
      (s) => {
        const ci = new MachineLearningComputeInstance(s, 'Resource', required);
        new ComputeRoleAssignment(s, 'Access', {
          scope: ci.id,
          roleDefinitionId: 'r',
          principalId: 'p',
          principalType: 'User',
        });
      },
    );
    expect(only(json, 'azurerm_role_assignment').scope).toBe(
      '${azurerm_machine_learning_compute_instance.Resource.id}',
    );
  });
});

describe('AzurermProvider writes what the generated provider writes', () => {
  test('features {} only, and the same required_providers entry (source azurerm, version 4.55.0)', () => {
    const json = sameAsGenerated(
      (s) => new generatedProvider.AzurermProvider(s, 'azurerm', { features: [{}] }),
      (s) => new AzurermProvider(s, 'azurerm'),
    );
    expect(json.provider).toEqual({ azurerm: [{ features: [{}] }] });
    expect(json.terraform.required_providers).toEqual({ azurerm: { source: 'azurerm', version: '4.55.0' } });
  });

  test('with a subscription', () => {
    const subscriptionId = '00000000-0000-0000-0000-000000000001';
    const json = sameAsGenerated(
      (s) => new generatedProvider.AzurermProvider(s, 'azurerm', { features: [{}], subscriptionId }),
      (s) => new AzurermProvider(s, 'azurerm', { subscriptionId }),
    );
    expect(json.provider).toEqual({ azurerm: [{ features: [{}], subscription_id: subscriptionId }] });
  });

  test('a resource of ours is served by a generated provider as by ours, with no second provider block', () => {
    const json = sameAsGenerated(
      (s) => {
        new generatedProvider.AzurermProvider(s, 'azurerm', { features: [{}] });
        new generatedCompute.MachineLearningComputeInstance(s, 'Resource', {
          name: 'ci',
          machineLearningWorkspaceId: WS,
          virtualMachineSize: 'Standard_DS3_v2',
        });
      },
      (s) => {
        new generatedProvider.AzurermProvider(s, 'azurerm', { features: [{}] });
        new MachineLearningComputeInstance(s, 'Resource', {
          name: 'ci',
          machineLearningWorkspaceId: WS,
          virtualMachineSize: 'Standard_DS3_v2',
        });
      },
    );
    expect(json.provider.azurerm).toHaveLength(1);
  });
});

describe('isAzurermProvider', () => {
  test('recognizes ours and the generated class, by provider type, and exposes the subscription of either', () => {
    const stack = new TerraformStack(new App(), 'test');
    const generated = new generatedProvider.AzurermProvider(stack, 'generated', {
      features: [{}],
      subscriptionId: 'g',
    });
    const ours = new AzurermProvider(stack, 'ours', { subscriptionId: 'o' });
    const azapi = new AzapiProvider(stack, 'azapi');
    expect(isAzurermProvider(generated)).toBe(true);
    expect(isAzurermProvider(ours)).toBe(true);
    expect(isAzurermProvider(azapi)).toBe(false);
    expect(
      isAzurermProvider(
        new RoleDefinition(stack, 'Role', {
          name: 'n',
          scope: RG,
          description: 'd',
          permissions: [],
          assignableScopes: [RG],
        }),
      ),
    ).toBe(false);
    expect([generated, ours].filter(isAzurermProvider).map((p) => p.subscriptionId)).toEqual(['g', 'o']);
  });
});

describe('the library does without @cdktf/provider-azurerm at run time', () => {
  // Tests run from dist/test; the sources and package.json are two levels up.
  const root = resolve(__dirname, '..', '..', '..', '..');
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );

  test('no module of src imports it', () => {
    const files = sourceFiles(join(root, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const importing = files.filter((f) =>
      /(from|import|require\()\s*\(?['"]@cdktf\/provider-azurerm/.test(readFileSync(f, 'utf8')),
    );
    expect(importing).toEqual([]);
  });

  test('requiring the package loads none of its modules', () => {
    const script =
      `require(${JSON.stringify(join(root, 'dist', 'src'))});` +
      'console.log(JSON.stringify(Object.keys(require.cache).filter((m) => m.includes("provider-azurerm"))));';
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual([]);
  });

  test('package.json: a dev dependency only, pinned', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.peerDependencies['@cdktf/provider-azurerm']).toBeUndefined();
    expect(pkg.dependencies['@cdktf/provider-azurerm']).toBeUndefined();
    expect(pkg.devDependencies['@cdktf/provider-azurerm']).toBe('14.23.1');
  });
});
