import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import { synthExamples } from '../../examples/main';
import {
  AzapiProvider,
  AzapiProviderProps,
  ComputeInstance,
  Duration,
  SetupScript,
  ShutdownPolicy,
  ShutdownPolicyScope,
  StartStopSchedule,
} from '../../src';
import { ED25519_KEY, OBJECT_ID, REQUIRED, SUBNET_ID, SUBSCRIPTION, TENANT_ID } from '../support/stack';
import { BindingShape, bindingShape } from './azurerm-binding';
import { configProblems } from './config-check';
import { azapiSchemas } from './schemas/azapi';
import { azurermSchemas } from './schemas/azurerm';
import type { NestedBlock, ProviderSchemas, SchemaBlock } from './schemas/schema-types';

const SCHEMAS = [azapiSchemas, azurermSchemas];

/** A schema block as the generated bindings can show it (azurerm-binding.ts says what they cannot). */
function shapeOf(block: SchemaBlock): BindingShape {
  const attributes: BindingShape['attributes'] = {};
  for (const [name, a] of Object.entries(block.attributes)) {
    const kind = a.required ? 'required' : a.optional ? 'optional' : 'computed';
    (attributes as any)[name] = kind === 'computed' ? { kind } : { kind, type: a.type };
  }
  const blocks: BindingShape['blocks'] = {};
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    (blocks as any)[name] = {
      nesting: b.nesting_mode,
      required: (b.min_items ?? 0) >= 1,
      maxOne: b.nesting_mode === 'single' || b.max_items === 1,
      shape: shapeOf(b.block),
    };
  }
  return { attributes, blocks };
}

/** `azurerm_role_assignment` → `lib/role-assignment`, class `RoleAssignment`. */
function bindingOf(type: string): { dir: string; className: string } {
  const dir = type.replace(/^azurerm_/, '').replace(/_/g, '-');
  return { dir, className: dir.replace(/(^|-)(\w)/g, (_m, _dash, c: string) => c.toUpperCase()) };
}

/** Every attribute and block of a schema, with its path. */
function* entries(s: ProviderSchemas): Generator<[string, { source: string }]> {
  function* walk(block: SchemaBlock, path: string): Generator<[string, { source: string }]> {
    for (const [name, a] of Object.entries(block.attributes)) yield [`${path}.${name}`, a];
    for (const [name, b] of Object.entries<NestedBlock>(block.block_types ?? {})) {
      yield [`${path}.${name}`, b];
      yield* walk(b.block, `${path}.${name}`);
    }
  }
  yield* walk(s.provider.block, `${s.address} provider`);
  for (const [type, r] of Object.entries(s.resource_schemas)) yield* walk(r.block, `${s.address} ${type}`);
  for (const [type, r] of Object.entries(s.data_source_schemas)) yield* walk(r.block, `${s.address} data.${type}`);
}

const EVERY_AZAPI_PROVIDER_PROP: Required<AzapiProviderProps> = {
  subscriptionId: SUBSCRIPTION,
  tenantId: TENANT_ID,
  auxiliaryTenantIds: ['22222222-2222-2222-2222-222222222222'],
  environment: 'custom',
  endpoint: {
    activeDirectoryAuthorityHost: 'https://login.example.test/',
    resourceManagerEndpoint: 'https://management.example.test/',
    resourceManagerAudience: 'https://management.core.example.test/',
  },
  clientId: '33333333-3333-3333-3333-333333333333',
  clientIdFilePath: '/run/secrets/client-id',
  clientCertificate: 'placeholder-not-a-certificate',
  clientCertificatePath: '/run/secrets/cert.pfx',
  clientCertificatePassword: 'placeholder-not-a-password',
  clientSecret: 'placeholder-not-a-secret',
  clientSecretFilePath: '/run/secrets/client-secret',
  useOidc: true,
  oidcRequestToken: 'placeholder-not-a-token',
  oidcRequestUrl: 'https://token.example.test/',
  oidcToken: 'placeholder-not-a-token',
  oidcTokenFilePath: '/run/secrets/oidc-token',
  oidcAzureServiceConnectionId: 'service-connection',
  useCli: false,
  useMsi: false,
  useAksWorkloadIdentity: false,
  skipProviderRegistration: true,
  partnerId: '44444444-4444-4444-4444-444444444444',
  customCorrelationRequestId: 'correlation',
  disableCorrelationRequestId: false,
  disableInstanceDiscovery: true,
  disableTerraformPartnerId: true,
  defaultName: 'default-name',
  defaultLocation: 'westeurope',
  defaultTags: { team: 'ml' },
  enablePreflight: true,
  ignoreNoOpChanges: false,
  disableDefaultOutput: true,
  alwaysAcquirePolicyToken: true,
  preserveResourceIdCasing: true,
  maximumBusyRetryAttempts: 3,
  alias: 'everything',
};

const USER_IDENTITY = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ci`;

/**
 * Stacks that use what the examples leave out: every azapi provider argument, an instance with every
 * option, an adopted one, the azurerm rendering with every block, and the policy at each kind of scope.
 */
function surfaceStacks(): TerraformStack[] {
  surfaceCache ??= buildSurfaceStacks();
  return surfaceCache;
}
let surfaceCache: TerraformStack[] | undefined;

function buildSurfaceStacks(): TerraformStack[] {
  const app = Testing.app();
  const azapi = new TerraformStack(app, 'azapi-surface');
  new AzapiProvider(azapi, 'configured', EVERY_AZAPI_PROVIDER_PROP);
  new ComputeInstance(azapi, 'full', {
    ...REQUIRED,
    description: 'every option',
    ssh: { publicKey: ED25519_KEY },
    subnetId: SUBNET_ID,
    nodePublicIp: false,
    assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true },
    schedules: [StartStopSchedule.cron({ action: 'Stop', expression: '0 19 * * *', timeZone: 'UTC' })],
    idleShutdown: Duration.minutes(45),
    setupScripts: { creation: SetupScript.inline('echo created'), startup: SetupScript.inline('echo started') },
    localAuth: false,
    applicationSharingPolicy: 'Personal',
    identity: { type: 'SystemAssigned,UserAssigned', userAssignedIdentityIds: [USER_IDENTITY] },
    tags: { team: 'ml' },
    deletionProtection: false,
    initialState: 'Stopped',
  });
  new ComputeInstance(azapi, 'adopted', { ...REQUIRED, name: 'ci-adopted', existing: true });
  const azurerm = new TerraformStack(app, 'azurerm-surface');
  new ComputeInstance(azurerm, 'rendered', {
    ...REQUIRED,
    name: 'ci-rendered',
    terraformResource: 'azurerm',
    description: 'd',
    ssh: { publicKey: ED25519_KEY },
    subnetId: SUBNET_ID,
    assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true },
    identity: { type: 'UserAssigned', userAssignedIdentityIds: [USER_IDENTITY] },
    tags: { team: 'ml' },
    initialState: 'Stopped',
  });
  const scopes: [string, ShutdownPolicyScope][] = [
    ['policy-subscription', { subscriptionId: SUBSCRIPTION }],
    ['policy-resource-group', { resourceGroupId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml` }],
    ['policy-management-group', { managementGroupId: 'mg-ml' }],
  ];
  const policies = scopes.map(([id, scope]) => {
    const stack = new TerraformStack(app, id);
    new ShutdownPolicy(stack, 'shutdown', {
      name: id,
      scope,
      defaultSchedules: [StartStopSchedule.cron({ action: 'Stop', expression: '0 20 * * *', timeZone: 'UTC' })],
      requireSchedules: 'Audit',
      idleShutdown: { effect: 'Audit', max: Duration.hours(4) },
      defaultSetupScript: SetupScript.inline('echo policy'),
      requireSetupScript: 'Audit',
    });
    return stack;
  });
  return [azapi, azurerm, ...policies];
}

function exampleConfigs(): Map<string, any> {
  const dir = mkdtempSync(join(tmpdir(), 'rig-schemas-'));
  try {
    synthExamples(dir);
    const out = new Map<string, any>();
    const walk = (d: string) => {
      for (const f of readdirSync(d).sort()) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f === 'cdk.tf.json') out.set(p.slice(dir.length + 1), JSON.parse(readFileSync(p, 'utf8')));
      }
    };
    walk(dir);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the rig schemas', () => {
  test('name, for every attribute and block, the release file it was read from', () => {
    const all = [...entries(azapiSchemas), ...entries(azurermSchemas)];
    const release =
      /^(Azure\/terraform-provider-azapi@v2\.12\.0|hashicorp\/terraform-provider-azurerm@v4\.55\.0) [\w./-]+\.go$/;
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter(([, e]) => !release.test(e.source)).map(([path, e]) => `${path}: ${e.source}`)).toEqual([]);
  });

  test('are for the releases the library writes', () => {
    expect([azapiSchemas.address, azapiSchemas.version]).toEqual(['registry.terraform.io/azure/azapi', '2.12.0']);
    expect([azurermSchemas.address, azurermSchemas.version]).toEqual([
      'registry.terraform.io/hashicorp/azurerm',
      '4.55.0',
    ]);
  });
});

describe('the azurerm schemas against @cdktf/provider-azurerm 14.23.1 (generated from azurerm 4.55.0)', () => {
  test.each(Object.keys(azurermSchemas.resource_schemas))('%s', (type) => {
    const { dir, className } = bindingOf(type);
    expect(require(`@cdktf/provider-azurerm/lib/${dir}`)[className].tfResourceType).toBe(type);
    expect(shapeOf(azurermSchemas.resource_schemas[type].block)).toEqual(bindingShape(dir, className));
  });

  test('the provider block, features and its blocks without min or max items, as Terraform is told', () => {
    expect(shapeOf(azurermSchemas.provider.block)).toEqual(bindingShape('provider', 'AzurermProvider', ['alias']));
    const features = azurermSchemas.provider.block.block_types!.features;
    expect([features.nesting_mode, features.min_items, features.max_items]).toEqual(['list', undefined, undefined]);
  });

  test('a difference is found: a dropped attribute, a max_items, a computed-only flag', () => {
    const compute = azurermSchemas.resource_schemas.azurerm_machine_learning_compute_instance.block;
    const { tags: _tags, ...withoutTags } = compute.attributes;
    void _tags;
    const mutant: SchemaBlock = {
      attributes: withoutTags,
      block_types: {
        ...compute.block_types,
        ssh: { ...compute.block_types!.ssh, max_items: undefined },
        identity: {
          ...compute.block_types!.identity,
          block: {
            attributes: {
              ...compute.block_types!.identity.block.attributes,
              principal_id: { type: 'string', optional: true, source: 'x' },
            },
          },
        },
      },
    };
    const binding = bindingShape('machine-learning-compute-instance', 'MachineLearningComputeInstance');
    const actual = shapeOf(mutant);
    expect(actual.attributes.tags).toBeUndefined();
    expect(binding.attributes.tags).toEqual({ kind: 'optional', type: ['map', 'string'] });
    expect([actual.blocks.ssh.maxOne, binding.blocks.ssh.maxOne]).toEqual([false, true]);
    expect([
      actual.blocks.identity.shape.attributes.principal_id,
      binding.blocks.identity.shape.attributes.principal_id,
    ]).toEqual([{ kind: 'optional', type: 'string' }, { kind: 'computed' }]);
  });
});

describe("the schemas cover the library's output", () => {
  const examples = exampleConfigs();
  const surfaces = new Map(surfaceStacks().map((s) => [s.node.id, JSON.parse(Testing.synth(s))]));
  const all = [...examples, ...surfaces];

  test.each([...examples.keys()])('example %s: every argument and block is declared, none missing', (file) => {
    expect(configProblems(examples.get(file), SCHEMAS)).toEqual([]);
  });

  test.each([...surfaces.keys()])('stack %s: every argument and block is declared, none missing', (id) => {
    expect(configProblems(surfaces.get(id), SCHEMAS)).toEqual([]);
  });

  test('every azurerm resource type of the schemas is one the library writes, and the reverse', () => {
    const written = new Set(all.flatMap(([, c]) => Object.keys(c.resource ?? {})));
    expect([...written].filter((t) => t.startsWith('azurerm_')).sort()).toEqual(
      Object.keys(azurermSchemas.resource_schemas).sort(),
    );
    expect([...written].filter((t) => t.startsWith('azapi_')).sort()).toEqual(
      Object.keys(azapiSchemas.resource_schemas).sort(),
    );
  });

  test('the surface stacks set every azapi provider argument and the azurerm blocks', () => {
    const provider = surfaces.get('azapi-surface').provider.azapi.find((p: any) => p.alias === 'everything');
    const declared = Object.keys(azapiSchemas.provider.block.attributes).sort();
    expect(
      Object.keys(provider)
        .filter((k) => k !== 'alias')
        .sort(),
    ).toEqual(declared);
    const rendered: any = Object.values(
      surfaces.get('azurerm-surface').resource.azurerm_machine_learning_compute_instance,
    )[0];
    expect(
      Object.keys(rendered)
        .filter((k) => k !== '//' && k !== 'lifecycle')
        .sort(),
    ).toEqual(
      Object.keys(azurermSchemas.resource_schemas.azurerm_machine_learning_compute_instance.block.attributes)
        .concat(['assign_to_user', 'identity', 'ssh'])
        .filter((k) => !['id', 'authorization_type', 'timeouts'].includes(k))
        .sort(),
    );
  });
});

describe('what the schemas make terraform validate refuse', () => {
  const base = JSON.parse(Testing.synth(surfaceStacks()[0]));
  const instanceKey = Object.keys(base.resource.azapi_resource).find((k) => base.resource.azapi_resource[k].body);
  const withChange = (change: (c: any) => void) => {
    const c = structuredClone(base);
    change(c);
    return configProblems(c, SCHEMAS);
  };
  const at = `resource.azapi_resource.${instanceKey}`;

  test('an argument the provider lacks', () => {
    expect(withChange((c) => (c.resource.azapi_resource[instanceKey!].identity_ids = ['x']))).toEqual([
      `${at}: Extraneous JSON object property "identity_ids"`,
    ]);
  });

  test('an azapi_resource argument given to azapi_resource_action, which lacks it', () => {
    const [action] = Object.keys(base.resource.azapi_resource_action);
    expect(withChange((c) => (c.resource.azapi_resource_action[action].ignore_casing = true))).toEqual([
      `resource.azapi_resource_action.${action}: Extraneous JSON object property "ignore_casing"`,
    ]);
  });

  test('a computed-only attribute, a missing required one, a value of the wrong kind', () => {
    expect(
      withChange((c) => {
        const r = c.resource.azapi_resource[instanceKey!];
        r.output = {};
        delete r.type;
        r.ignore_casing = 'sometimes';
      }),
    ).toEqual([
      `${at}.ignore_casing: Incorrect attribute value type: bool required`,
      `${at}.output: Value for unconfigurable attribute`,
      `${at}: Missing required argument "type"`,
    ]);
  });

  test('a second single-nested timeouts block; a provider argument of the other provider', () => {
    expect(
      withChange((c) => {
        c.resource.azapi_resource[instanceKey!].timeouts = [{ create: '1h' }, { create: '2h' }];
        c.provider.azapi[0].features = [{}];
      }),
    ).toEqual([
      'provider.azapi[0]: Extraneous JSON object property "features"',
      `${at}.timeouts: Too many timeouts blocks`,
    ]);
  });

  test('an azurerm block over its max_items, and a missing required block', () => {
    const rm = JSON.parse(Testing.synth(surfaceStacks()[1]));
    const [key] = Object.keys(rm.resource.azurerm_machine_learning_compute_instance);
    const set = JSON.parse(Testing.synth(surfaceStacks()[2]));
    const [setKey] = Object.keys(set.resource.azurerm_policy_set_definition);
    rm.resource.azurerm_machine_learning_compute_instance[key].ssh = [{ public_key: 'a' }, { public_key: 'b' }];
    rm.resource.azurerm_policy_set_definition = set.resource.azurerm_policy_set_definition;
    delete rm.resource.azurerm_policy_set_definition[setKey].policy_definition_reference;
    expect(configProblems(rm, SCHEMAS)).toEqual([
      `resource.azurerm_machine_learning_compute_instance.${key}.ssh: Too many ssh blocks`,
      `resource.azurerm_policy_set_definition.${setKey}: Insufficient policy_definition_reference blocks`,
    ]);
  });
});

describe('transcription details the emulated providers rely on', () => {
  test('azapi_resource: identity a list block without maximum, timeouts single with four operations', () => {
    const r = azapiSchemas.resource_schemas.azapi_resource.block;
    const identity = r.block_types!.identity;
    expect([identity.nesting_mode, identity.max_items, Object.keys(identity.block.attributes)]).toEqual([
      'list',
      undefined,
      ['type', 'identity_ids', 'principal_id', 'tenant_id'],
    ]);
    expect(Object.keys(r.block_types!.timeouts.block.attributes)).toEqual(['create', 'update', 'read', 'delete']);
    expect([r.attributes.body.type, r.attributes.body.optional, r.attributes.body.computed]).toEqual([
      'dynamic',
      true,
      true,
    ]);
    expect(r.attributes.body.description).toMatch(/default: \{\}/);
  });

  test('azapi defaults the provider plans, and only those, read "default:"', () => {
    const planned = (s: ProviderSchemas) =>
      [...entries(s)]
        .filter(([, e]) => /default: /.test((e as any).description ?? ''))
        .map(([path]) => path.replace(`${s.address} `, ''));
    expect(planned(azapiSchemas)).toEqual([
      'azapi_resource.body',
      'azapi_resource.ignore_casing',
      'azapi_resource.ignore_missing_property',
      'azapi_resource.ignore_null_property',
      'azapi_resource.schema_validation_enabled',
      'azapi_resource_action.method',
      'azapi_resource_action.when',
    ]);
    for (const path of planned(azapiSchemas)) {
      const [type, name] = path.split('.');
      expect([path, azapiSchemas.resource_schemas[type].block.attributes[name].computed]).toEqual([path, true]);
    }
    expect(planned(azurermSchemas).filter((p) => !p.startsWith('provider'))).toEqual([
      'azurerm_management_group_policy_assignment.enforce',
      'azurerm_management_group_policy_assignment.overrides.selectors.kind',
      'azurerm_subscription_policy_assignment.enforce',
      'azurerm_subscription_policy_assignment.overrides.selectors.kind',
      'azurerm_resource_group_policy_assignment.enforce',
      'azurerm_resource_group_policy_assignment.overrides.selectors.kind',
      'azurerm_machine_learning_compute_instance.local_auth_enabled',
      'azurerm_machine_learning_compute_instance.node_public_ip_enabled',
    ]);
  });

  test('azurerm_machine_learning_compute_instance: every argument and block forces a replacement', () => {
    const r = azurermSchemas.resource_schemas.azurerm_machine_learning_compute_instance.block;
    const configurable = Object.entries(r.attributes).filter(([n, a]) => n !== 'id' && (a.required || a.optional));
    expect(configurable.filter(([, a]) => !a.forceNew).map(([n]) => n)).toEqual([]);
    expect(
      Object.entries(r.block_types!)
        .filter(([, b]) => !b.forceNew)
        .map(([n]) => n),
    ).toEqual(['timeouts']);
  });

  test('SDK resources: id optional and computed; timeouts per declared operation', () => {
    for (const [type, r] of Object.entries(azurermSchemas.resource_schemas)) {
      expect([type, r.block.attributes.id.optional, r.block.attributes.id.computed]).toEqual([type, true, true]);
    }
    const operations = (type: string) =>
      Object.keys(azurermSchemas.resource_schemas[type].block.block_types!.timeouts.block.attributes);
    expect(operations('azurerm_role_assignment')).toEqual(['create', 'read', 'delete']);
    expect(operations('azurerm_machine_learning_compute_instance')).toEqual(['create', 'read', 'delete']);
    expect(operations('azurerm_role_definition')).toEqual(['create', 'read', 'update', 'delete']);
  });
});
