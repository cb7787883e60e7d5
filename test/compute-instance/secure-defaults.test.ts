import { ComputeInstance, ComputeInstanceProps, Duration } from '../../src';
import { computeResource, ruleMatches } from '../support/policy-engine';
import { ED25519_KEY, newStack, onlyResource, REQUIRED, SUBNET_ID, synthJson, warningsOf } from '../support/stack';

const COMPUTES = 'Microsoft.MachineLearningServices/workspaces/computes';

/**
 * The `if` conditions of Azure's built-in compute policies (Azure/azure-policy,
 * built-in-policies/policyDefinitions/Machine Learning/). A resource for which the condition holds is
 * non-compliant (their effect is Audit or Deny).
 */
const BUILT_IN = {
  /** e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f: Machine Learning computes should have local authentication methods disabled. */
  localAuthDisabled: {
    if: {
      allOf: [
        { field: 'type', equals: COMPUTES },
        { field: `${COMPUTES}/disableLocalAuth`, notEquals: true },
      ],
    },
  },
  /** 7804b5c7-01dc-4723-969b-ae300cc07ff1: compute cluster and instance behind a virtual network. */
  inVirtualNetwork: {
    if: {
      allOf: [
        { field: 'type', equals: COMPUTES },
        { field: `${COMPUTES}/computeType`, in: ['AmlCompute', 'ComputeInstance'] },
        {
          anyOf: [
            { field: `${COMPUTES}/subnet.id`, exists: false },
            { value: `[empty(field('${COMPUTES}/subnet.id'))]`, equals: true },
          ],
        },
      ],
    },
  },
  /** 679ddf89-ab8f-48a5-9029-e76054077449: compute instance should have idle shutdown. */
  idleShutdown: {
    if: {
      allOf: [
        { field: 'type', equals: COMPUTES },
        { field: `${COMPUTES}/computeType`, equals: 'ComputeInstance' },
        {
          anyOf: [
            { field: `${COMPUTES}/idleTimeBeforeShutdown`, exists: false },
            { value: `[empty(field('${COMPUTES}/idleTimeBeforeShutdown'))]`, equals: true },
          ],
        },
      ],
    },
  },
};

/** The ARM body the instance sends, read back from the synthesized azapi resource. */
function rendered(props: Partial<ComputeInstanceProps>): {
  resource: ReturnType<typeof computeResource>;
  body: any;
  warnings: string[];
} {
  const { stack } = newStack();
  const ci = new ComputeInstance(stack, 'ci', { ...REQUIRED, ...props });
  const body = onlyResource(synthJson(stack), 'azapi_resource').body;
  return { resource: computeResource(body.properties), body, warnings: warningsOf(ci) };
}

const compliant = (rule: { if: unknown }, props: Partial<ComputeInstanceProps>) =>
  !ruleMatches(rule, rendered(props).resource);

describe('a ComputeInstance with only its required props', () => {
  const { body, warnings } = rendered({});

  test('renders SSH disabled and local auth disabled', () => {
    expect(body.properties.properties.sshSettings).toEqual({ sshPublicAccess: 'Disabled' });
    expect(body.properties.disableLocalAuth).toBe(true);
  });

  test('complies with the built-in local-authentication policy', () => {
    expect(compliant(BUILT_IN.localAuthDisabled, {})).toBe(true);
  });

  test('earns no warning', () => {
    expect(warnings).toEqual([]);
  });
});

describe('a ComputeInstance in a subnet', () => {
  test('renders no public IP', () => {
    expect(rendered({ subnetId: SUBNET_ID }).body.properties.properties.enableNodePublicIp).toBe(false);
  });

  test('complies with the built-in virtual-network policy; without a subnet it does not', () => {
    expect(compliant(BUILT_IN.inVirtualNetwork, { subnetId: SUBNET_ID })).toBe(true);
    expect(compliant(BUILT_IN.inVirtualNetwork, {})).toBe(false);
  });
});

describe('idle shutdown and the built-in idle-shutdown policy', () => {
  test('an instance with idleShutdown complies; one without does not (the library sets no idle default)', () => {
    expect(compliant(BUILT_IN.idleShutdown, { idleShutdown: Duration.minutes(30) })).toBe(true);
    expect(compliant(BUILT_IN.idleShutdown, {})).toBe(false);
  });
});

describe('turning a secure default off', () => {
  test.each([
    [
      'local auth on',
      { localAuth: true },
      "Local authentication is enabled (localAuth: true): Azure's built-in policy e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f reports it non-compliant.",
    ],
    [
      'SSH on',
      { ssh: { publicKey: ED25519_KEY } },
      'SSH is enabled (ssh.publicKey): the instance accepts SSH logins with that key.',
    ],
    [
      'a public IP in a subnet',
      { subnetId: SUBNET_ID, nodePublicIp: true },
      'The instance has a public IP inside your subnet (nodePublicIp: true).',
    ],
  ] as const)('%s is reported as a warning', (_what, props, warning) => {
    expect(rendered(props as Partial<ComputeInstanceProps>).warnings).toEqual([warning]);
  });

  test('local auth on breaks the built-in local-authentication policy', () => {
    expect(compliant(BUILT_IN.localAuthDisabled, { localAuth: true })).toBe(false);
  });
});
