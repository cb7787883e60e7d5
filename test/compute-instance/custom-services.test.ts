import { ComputeInstance, ComputeInstanceProps, CustomService } from '../../src';
import { runCli } from '../support/cli';
import { newStack, onlyResource, REQUIRED, synthJson, thrown } from '../support/stack';

/** RStudio as the REST spec's example runs it (get/ComputeInstance.json, 2025-12-01). */
const RSTUDIO: CustomService = {
  name: 'rstudio',
  image: { type: 'docker', reference: 'ghcr.io/azure/rocker-rstudio-ml-verse:latest' },
  environmentVariables: { TEST_VAR: 'test_val' },
  privileged: true,
  volumes: [{ type: 'bind', source: '/home/azureuser/cloudfiles', target: '/home/azureuser/cloudfiles' }],
  endpoints: [{ name: 'connect', protocol: 'http', target: 8787, published: 8787 }],
};

function synth(props: Partial<ComputeInstanceProps>): any {
  const { stack } = newStack();
  new ComputeInstance(stack, 'alice', { ...REQUIRED, ...props });
  return onlyResource(synthJson(stack), 'azapi_resource');
}

function refusal(props: Partial<ComputeInstanceProps>): string {
  const { stack } = newStack();
  return thrown(() => new ComputeInstance(stack, 'alice', { ...REQUIRED, ...props })).message;
}

describe('customServices: custom applications on the instance', () => {
  test('are written to the body as the spec shapes them, field by field', () => {
    const r = synth({ customServices: [RSTUDIO] });
    expect(r.body.properties.properties.customServices).toEqual([
      {
        name: 'rstudio',
        image: { type: 'docker', reference: 'ghcr.io/azure/rocker-rstudio-ml-verse:latest' },
        environmentVariables: { TEST_VAR: { type: 'local', value: 'test_val' } },
        docker: { privileged: true },
        volumes: [{ type: 'bind', source: '/home/azureuser/cloudfiles', target: '/home/azureuser/cloudfiles' }],
        endpoints: [{ name: 'connect', protocol: 'http', target: 8787, published: 8787 }],
      },
    ]);
  });

  test('only what is given: an image alone is an image alone', () => {
    const r = synth({ customServices: [{ name: 'app', image: { reference: 'example.azurecr.io/app:1' } }] });
    expect(r.body.properties.properties.customServices).toEqual([
      { name: 'app', image: { reference: 'example.azurecr.io/app:1' } },
    ]);
  });

  test('are create-only: among the replacement triggers', () => {
    const triggers = synth({ customServices: [RSTUDIO] }).replace_triggers_external_values;
    expect(Object.keys(triggers)).toContain('customServices');
    expect(triggers.customServices).toEqual(
      synth({ customServices: [RSTUDIO] }).body.properties.properties.customServices,
    );
  });

  test('none given: no field in the body and none in the triggers', () => {
    const r = synth({});
    expect(r.body.properties.properties.customServices).toBeUndefined();
    expect(Object.keys(r.replace_triggers_external_values)).not.toContain('customServices');
  });

  test('azurerm cannot render them', () => {
    expect(refusal({ terraformResource: 'azurerm', customServices: [RSTUDIO] })).toContain(
      'test/alice: terraformResource: received "azurerm"; allowed: "azapi" (the default) for an instance with customServices, which the azurerm resource cannot express',
    );
  });

  test.each<[string, unknown, string]>([
    [
      'not a list',
      { name: 'x' },
      'customServices: received {"name":"x"}; allowed: a list of { name, image: { reference, type?, version? }, endpoints?, environmentVariables?, privileged?, volumes? }',
    ],
    [
      'no name',
      [{ image: { reference: 'r' } }],
      'customServices[0].name: received nothing; allowed: a non-empty string',
    ],
    [
      'two of one name',
      [RSTUDIO, RSTUDIO],
      'customServices[1].name: received "rstudio"; allowed: a name no other custom service of the instance has',
    ],
    [
      'no image',
      [{ name: 'x' }],
      'customServices[0].image: received nothing; allowed: an object { reference, type?, version? }',
    ],
    [
      'an unknown image type',
      [{ name: 'x', image: { reference: 'r', type: 'oci' } }],
      'customServices[0].image.type: received "oci"; allowed: "docker" or "azureml"',
    ],
    [
      'port 0',
      [{ ...RSTUDIO, endpoints: [{ name: 'c', target: 0, published: 8787 }] }],
      'customServices[0].endpoints[0].target: received 0; allowed: a port number, a whole number from 1 to 65535',
    ],
    [
      'port 70000',
      [{ ...RSTUDIO, endpoints: [{ name: 'c', target: 80, published: 70000 }] }],
      'customServices[0].endpoints[0].published: received 70000; allowed: a port number, a whole number from 1 to 65535',
    ],
    [
      'an unknown protocol',
      [{ ...RSTUDIO, endpoints: [{ name: 'c', target: 80, published: 80, protocol: 'sctp' }] }],
      'customServices[0].endpoints[0].protocol: received "sctp"; allowed: "tcp", "udp" or "http"',
    ],
    [
      'a variable name with a dash',
      [{ ...RSTUDIO, environmentVariables: { 'MY-VAR': 'x' } }],
      'customServices[0].environmentVariables: received "MY-VAR"; allowed: variable names of letters, digits and _, not starting with a digit',
    ],
    [
      'a volume of no type',
      [{ ...RSTUDIO, volumes: [{ source: '/a', target: '/b' }] }],
      'customServices[0].volumes[0].type: received nothing; allowed: "bind", "volume", "tmpfs" or "npipe"',
    ],
  ])('refuses %s, naming the field, the value and what is allowed', (_what, customServices, line) => {
    expect(refusal({ customServices: customServices as CustomService[] })).toContain(`test/alice: ${line}`);
  });

  test('refuses a secret in an environment variable without showing it', () => {
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const message = refusal({ customServices: [{ ...RSTUDIO, environmentVariables: { GITHUB_TOKEN: token } }] });
    expect(message).toContain('test/alice: customServices[0].environmentVariables.GITHUB_TOKEN: received <redacted: ');
    expect(message).not.toContain(token);
  });

  test('aml-compute lint reads them from ARM with the same check and message, at the ARM path', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.MachineLearningServices/workspaces/computes',
          apiVersion: '2025-12-01',
          name: 'mlw/ci-one',
          location: 'westeurope',
          properties: {
            computeType: 'ComputeInstance',
            properties: {
              vmSize: 'Standard_DS3_v2',
              customServices: [
                { name: 'rstudio', image: { reference: 'r' }, endpoints: [{ name: 'c', target: 8787, published: 0 }] },
              ],
            },
          },
        },
      ],
    };
    const r = await runCli(['lint', 't.json'], { files: { 't.json': JSON.stringify(template, null, 2) } });
    expect(r.out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^t\.json:\d+: resources\[0\]\.properties\.properties\.customServices\[0\]\.endpoints\[0\]\.published: ci-one: received 0; allowed: a port number, a whole number from 1 to 65535$/,
      ),
      '1 problem in 1 instance',
    ]);
    const json = await runCli(['lint', 't.json', '--format', 'json'], {
      files: { 't.json': JSON.stringify(template, null, 2) },
    });
    expect(JSON.parse(json.out).problems.map((p: { rule: string; path: string }) => [p.rule, p.path])).toEqual([
      ['custom-service', 'resources[0].properties.properties.customServices[0].endpoints[0].published'],
    ]);
  });
});
