import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack } from 'cdktf';
import { AzapiProvider, AzapiProviderProps, ComputeInstance } from '../../src';
import {
  newStack,
  OBJECT_ID,
  REQUIRED,
  SUBSCRIPTION,
  synthJson,
  thrown,
  TENANT_ID,
  warningsOf,
  WORKSPACE_ID,
} from '../support/stack';

/** An instance that needs both providers: azapi for the compute, azurerm for the access grant. */
const BOTH = { ...REQUIRED, assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true } };

type Declare = (stack: TerraformStack) => void;
const userAzapi =
  (id: string, alias?: string): Declare =>
  (s) => {
    new AzapiProvider(s, id, { subscriptionId: 'user-sub', useOidc: true, alias });
  };
const userAzurerm =
  (id: string, alias?: string): Declare =>
  (s) => {
    new AzurermProvider(s, id, { features: [{}], subscriptionId: 'user-sub', alias });
  };

describe("providers: the user's, found anywhere in the stack at synth; a default only where none exists", () => {
  test.each([
    ['azapi, declared before the instance, id azapi', userAzapi('azapi'), 'before'],
    ['azapi, declared after the instance, id azapi', userAzapi('azapi'), 'after'],
    ['azapi, under another id', userAzapi('main'), 'after'],
    ['azurerm, declared before, id azurerm', userAzurerm('azurerm'), 'before'],
    ['azurerm, declared after, id azurerm', userAzurerm('azurerm'), 'after'],
    ['azurerm, under another id', userAzurerm('main'), 'after'],
  ] as const)("%s: exactly one default block, the user's", (_case, declare, when) => {
    const { stack } = newStack();
    if (when === 'before') declare(stack);
    new ComputeInstance(stack, 'alice', BOTH);
    if (when === 'after') declare(stack);
    const json = synthJson(stack);
    const type = _case.startsWith('azapi') ? 'azapi' : 'azurerm';
    expect(json.provider[type]).toHaveLength(1);
    expect(json.provider[type][0].subscription_id).toBe('user-sub');
  });

  test('an aliased user provider is not the default: the library adds one', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', BOTH);
    userAzapi('west', 'west')(stack);
    userAzurerm('west-rm', 'west')(stack);
    const json = synthJson(stack);
    expect(json.provider.azapi).toEqual([{}, { alias: 'west', subscription_id: 'user-sub', use_oidc: true }]);
    expect(json.provider.azurerm).toEqual([
      { features: [{}], subscription_id: SUBSCRIPTION },
      { alias: 'west', features: [{}], subscription_id: 'user-sub' },
    ]);
    expect(json.resource.azapi_resource[Object.keys(json.resource.azapi_resource)[0]].provider).toBe('azapi');
  });

  test('AzapiProvider refuses a prop azapi has no argument for, naming it and never showing its value', () => {
    const { stack } = newStack();
    const secret = 'Zq8~hunter2-not-for-logs';
    const message = thrown(
      () =>
        new AzapiProvider(stack, 'azapi', { clientSecrett: secret, useCli: false } as unknown as AzapiProviderProps),
    ).message;
    expect(message).toBe(
      'Invalid input in test/azapi (1 problem):\n  - test/azapi: clientSecrett: received <redacted: a value of type string>; allowed: no such argument: one of the AzapiProviderProps (subscriptionId, tenantId, useCli, ...)',
    );
    expect(message).not.toContain(secret);
  });

  test("AzapiProvider renders azapi's own arguments in snake case", () => {
    const { stack } = newStack();
    new AzapiProvider(stack, 'azapi', {
      subscriptionId: SUBSCRIPTION,
      tenantId: TENANT_ID,
      environment: 'public',
      useOidc: true,
      useCli: false,
      useMsi: false,
      oidcAzureServiceConnectionId: 'sc',
      endpoint: { resourceManagerEndpoint: 'https://management.azure.com/' },
      defaultTags: { team: 'ml' },
      enablePreflight: true,
    });
    new ComputeInstance(stack, 'alice', REQUIRED);
    expect(synthJson(stack).provider.azapi).toEqual([
      {
        subscription_id: SUBSCRIPTION,
        tenant_id: TENANT_ID,
        environment: 'public',
        use_oidc: true,
        use_cli: false,
        use_msi: false,
        oidc_azure_service_connection_id: 'sc',
        endpoint: [{ resource_manager_endpoint: 'https://management.azure.com/' }],
        default_tags: { team: 'ml' },
        enable_preflight: true,
      },
    ]);
  });

  test("the default azurerm provider names the one subscription of the stack's literal ids", () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', BOTH);
    expect(synthJson(stack).provider.azurerm).toEqual([{ features: [{}], subscription_id: SUBSCRIPTION }]);
  });

  test('with workspaces in two subscriptions, no subscription_id and a warning naming the ways out', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', BOTH);
    const other = '00000000-0000-0000-0000-000000000002';
    new ComputeInstance(stack, 'bob', {
      ...BOTH,
      name: 'ci-bob',
      workspaceId: WORKSPACE_ID.replace(SUBSCRIPTION, other),
    });
    expect(synthJson(stack).provider.azurerm).toEqual([{ features: [{}] }]);
    expect(warningsOf(stack)).toEqual([
      `The azurerm provider the library declares for this stack names no subscription (the stack acts on 2 subscriptions: ${SUBSCRIPTION}, ${other}), and azurerm 4 needs one: declare your own azurerm provider with subscriptionId, or set ARM_SUBSCRIPTION_ID in the pipeline.`,
    ]);
  });

  test.each(['before', 'after'] as const)(
    "with the user's azurerm provider declared %s instances in two subscriptions: the user's block, no warning",
    (when) => {
      const { stack } = newStack();
      if (when === 'before') userAzurerm('azurerm')(stack);
      new ComputeInstance(stack, 'alice', BOTH);
      new ComputeInstance(stack, 'bob', {
        ...BOTH,
        name: 'ci-bob',
        workspaceId: WORKSPACE_ID.replace(SUBSCRIPTION, '00000000-0000-0000-0000-000000000002'),
      });
      if (when === 'after') userAzurerm('azurerm')(stack);
      // Nothing is decided at construction: the warning comes, or not, when the stack renders.
      expect(warningsOf(stack)).toEqual([]);
      expect(synthJson(stack).provider.azurerm).toEqual([{ features: [{}], subscription_id: 'user-sub' }]);
      expect(warningsOf(stack)).toEqual([]);
    },
  );

  test('the warning is added once, however often the stack renders', () => {
    const { app, stack } = newStack();
    new ComputeInstance(stack, 'alice', BOTH);
    new ComputeInstance(stack, 'bob', {
      ...BOTH,
      name: 'ci-bob',
      workspaceId: WORKSPACE_ID.replace(SUBSCRIPTION, '00000000-0000-0000-0000-000000000002'),
    });
    synthJson(stack);
    app.synth();
    expect(warningsOf(stack)).toHaveLength(1);
  });
});
