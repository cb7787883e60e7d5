import { Testing, TerraformStack } from 'cdktf';
import { AzapiProvider, AzapiProviderProps, ComputeInstance } from '../../src';
import { Scenario } from '../rig/scenario';
import { OBJECT_ID, REQUIRED, SUBNET_ID, TENANT_ID } from '../support/stack';

/**
 * The README's "Providers" section on the real terraform 1.11: an AzapiProvider with the arguments the
 * library takes is accepted by azapi 2.12.0's provider schema, and the library's own provider blocks
 * initialize, validate and apply (the examples' stacks do that too). Also the data source `azapi_resource`
 * (a read of the applied compute, for drift checks), which the library does not write itself.
 */
jest.setTimeout(600_000);

const PROPS: AzapiProviderProps = {
  subscriptionId: '00000000-0000-0000-0000-000000000001',
  tenantId: '11111111-1111-1111-1111-111111111111',
  auxiliaryTenantIds: ['22222222-2222-2222-2222-222222222222'],
  environment: 'public',
  endpoint: {
    activeDirectoryAuthorityHost: 'https://login.microsoftonline.com',
    resourceManagerEndpoint: 'https://management.azure.com/',
    resourceManagerAudience: 'https://management.core.windows.net/',
  },
  clientId: 'app-id',
  clientIdFilePath: '/run/client-id',
  clientCertificatePath: '/run/cert.pfx',
  clientSecretFilePath: '/run/secret',
  useOidc: true,
  oidcRequestUrl: 'https://example.invalid/token',
  oidcTokenFilePath: '/run/oidc',
  oidcAzureServiceConnectionId: 'connection',
  useCli: false,
  useMsi: false,
  useAksWorkloadIdentity: false,
  skipProviderRegistration: true,
  partnerId: '00000000-0000-0000-0000-000000000000',
  customCorrelationRequestId: 'correlation',
  disableCorrelationRequestId: false,
  disableInstanceDiscovery: false,
  disableTerraformPartnerId: true,
  defaultLocation: 'westeurope',
  defaultTags: { team: 'ml' },
  enablePreflight: false,
  ignoreNoOpChanges: true,
  disableDefaultOutput: false,
  alwaysAcquirePolicyToken: false,
  preserveResourceIdCasing: false,
  maximumBusyRetryAttempts: 3,
};

function stackJson(): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'providers');
  new AzapiProvider(stack, 'azapi', PROPS);
  new ComputeInstance(stack, 'alice', { ...REQUIRED, subnetId: SUBNET_ID });
  const json = JSON.parse(Testing.synth(stack));
  const key = Object.keys(json.resource.azapi_resource)[0];
  // Beside the drift check's own data source.
  json.data = {
    azapi_resource: {
      ...json.data.azapi_resource,
      alice: {
        type: 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01',
        resource_id: `\${azapi_resource.${key}.id}`,
        response_export_values: ['properties.properties.vmSize', 'properties.properties.state'],
      },
    },
  };
  json.output = { alice: { value: '${data.azapi_resource.alice.output}' } };
  return json;
}

describe('an AzapiProvider with its arguments (all but the secret-bearing ones), a compute, and a data source reading it back', () => {
  const json = stackJson();
  const s = new Scenario(json);
  let validate: { code: number; stdout: string; stderr: string };
  let apply: { code: number; stdout: string; stderr: string };
  let output: { code: number; stdout: string };
  beforeAll(() => {
    expect(s.init().code).toBe(0);
    validate = s.validate();
    apply = s.apply();
    output = s.run('output', '-json', '-no-color');
  });
  afterAll(() => s.cleanup());

  test('the provider block the library writes holds each argument given, and terraform validate accepts it', () => {
    expect(Object.keys(json.provider.azapi[0]).length).toBe(Object.keys(PROPS).length);
    expect([validate.code, validate.stdout.trim(), validate.stderr]).toEqual([
      0,
      'Success! The configuration is valid.',
      '',
    ]);
  });

  test('applies; the data source reads the compute as Azure answers it (VM size upper-cased)', () => {
    expect([apply.code, apply.stderr]).toEqual([0, '']);
    expect(output.code).toBe(0);
    expect(JSON.parse(output.stdout).alice.value).toEqual({
      properties: { properties: { vmSize: 'STANDARD_DS3_V2', state: 'Running' } },
    });
  });
});

describe("a compute rendered for azurerm (terraformResource: 'azurerm')", () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'azurerm-compute');
  new ComputeInstance(stack, 'alice', {
    ...REQUIRED,
    subnetId: SUBNET_ID,
    assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID },
    terraformResource: 'azurerm',
  });
  const json = JSON.parse(Testing.synth(stack));
  const s = new Scenario(json);
  afterAll(() => s.cleanup());

  test('validates, applies (one PUT of the compute), and re-plans No changes', () => {
    expect(Object.keys(json.resource)).toEqual(['azurerm_machine_learning_compute_instance']);
    expect(s.init().code).toBe(0);
    const validate = s.validate();
    expect([validate.code, validate.stdout.trim()]).toEqual([0, 'Success! The configuration is valid.']);
    const apply = s.apply();
    expect([apply.code, apply.stdout]).toEqual([
      0,
      expect.stringContaining('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.'),
    ]);
    expect(
      s
        .requests()
        .filter((r) => r.method === 'PUT')
        .map((r) => r.id),
    ).toEqual([`${REQUIRED.workspaceId}/computes/${REQUIRED.name}`]);
    const plan = s.plan();
    expect([plan.code, plan.stdout]).toEqual([0, expect.stringContaining('No changes.')]);
  });
});
