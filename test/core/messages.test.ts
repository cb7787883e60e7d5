import { ComputeInstance, ShutdownPolicy, StartStopSchedule, ValidationError } from '../../src';
import { newStack, REQUIRED, SUBSCRIPTION, SUBNET_ID, WORKSPACE_ID } from '../support/stack';

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('no ValidationError thrown');
}

const ZONES_ALLOWED = 'a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"';
const cronWithZone = (timeZone: string) => () =>
  StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', timeZone });
const GROUP = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml`;

describe('a time zone that is almost right', () => {
  test.each([
    ['Tokyo Standrd Time', 'Tokyo Standard Time'],
    ['W Europe Standard Time', 'W. Europe Standard Time'],
    ['Pacfic Standard Time', 'Pacific Standard Time'],
    ['Eastern Standard  Tme', 'Eastern Standard Time'],
  ])('names the nearest id for %s', (given, nearest) => {
    expect(errorOf(cronWithZone(given)).problems).toEqual([
      {
        path: 'StartStopSchedule.cron',
        field: 'timeZone',
        received: JSON.stringify(given),
        allowed: `${ZONES_ALLOWED}; write "${nearest}" instead`,
      },
    ]);
  });

  test.each([
    ['CET', 'W. Europe Standard Time'],
    ['cest', 'W. Europe Standard Time'],
    ['EET', 'GTB Standard Time'],
    ['PST', 'Pacific Standard Time'],
    ['JST', 'Tokyo Standard Time'],
    ['MSK', 'Russian Standard Time'],
  ])('maps the abbreviation %s to the one id it stands for', (given, id) => {
    expect(errorOf(cronWithZone(given)).problems[0].allowed).toBe(
      `${ZONES_ALLOWED}; Azure does not take abbreviations: write "${id}" instead`,
    );
  });

  test.each(['CST', 'IST', 'BST', 'Pacific Time', 'UTC+1', 'Mars Time'])(
    'suggests nothing for %s (ambiguous or not close)',
    (given) => {
      expect(errorOf(cronWithZone(given)).problems[0].allowed).toBe(ZONES_ALLOWED);
    },
  );
});

describe('a name that is too long or too short', () => {
  test('says how long the compute name is', () => {
    const { stack } = newStack();
    const name = 'ci-alice-experiments-gpu-a';
    const [problem] = errorOf(() => new ComputeInstance(stack, 'ci', { ...REQUIRED, name })).problems;
    expect(problem.received).toBe(JSON.stringify(name));
    expect(problem.allowed).toMatch(/; this one has 26 characters$/);
  });

  test('says how long a two-letter name is, and nothing about length for a name of the right length', () => {
    expect(
      errorOf(() => new ComputeInstance(newStack().stack, 'ci', { ...REQUIRED, name: 'ci' })).problems[0].allowed,
    ).toMatch(/; this one has 2 characters$/);
    expect(
      errorOf(() => new ComputeInstance(newStack().stack, 'ci', { ...REQUIRED, name: 'ci-1' })).problems[0].allowed,
    ).not.toContain('this one has');
  });

  test('says how long the policy name is', () => {
    const { stack } = newStack();
    const e = errorOf(
      () =>
        new ShutdownPolicy(stack, 'p', {
          name: 'a'.repeat(30),
          scope: { subscriptionId: SUBSCRIPTION },
          requireSchedules: 'Audit',
        }),
    );
    expect(e.problems[0].allowed).toMatch(/; this one has 30 characters$/);
  });
});

describe('an ARM id that is wrong', () => {
  const SHAPE =
    'an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>';
  const SUBNET_SHAPE =
    'an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>';
  const problem = (props: object, field: string) =>
    errorOf(() => new ComputeInstance(newStack().stack, 'ci', { ...REQUIRED, ...props })).problems.find(
      (p) => p.field === field,
    )!;

  test('names "workspace" where "workspaces" belongs, and shows the id whole', () => {
    const id = `${GROUP}/providers/Microsoft.MachineLearningServices/workspace/mlw-team-analytics-westeurope`;
    expect(id.length).toBeGreaterThan(100);
    expect(problem({ workspaceId: id }, 'workspaceId')).toEqual({
      path: 'test/ci',
      field: 'workspaceId',
      received: JSON.stringify(id),
      allowed: `${SHAPE}; segment 7 is "workspace" where "workspaces" belongs`,
    });
  });

  test('says a VNet id is not a subnet id, and what a subnet id adds', () => {
    const vnet = SUBNET_ID.replace(/\/subnets\/compute$/, '');
    expect(problem({ subnetId: vnet }, 'subnetId')).toEqual({
      path: 'test/ci',
      field: 'subnetId',
      received: JSON.stringify(vnet),
      allowed: `${SUBNET_SHAPE}; this is the id of a virtual network, not of a subnet; a subnet's id continues with /subnets/<subnet>`,
    });
  });

  test.each([
    [`${WORKSPACE_ID}/computes/ci-alice`, 'this is the id of a compute of a workspace, not of an Azure ML workspace'],
    [SUBNET_ID, 'this is the id of a subnet, not of an Azure ML workspace'],
    [
      WORKSPACE_ID.replace(SUBSCRIPTION, 'my-subscription'),
      'segment 2 is "my-subscription" where the subscription GUID belongs',
    ],
    [WORKSPACE_ID.slice(1), 'it lacks the leading "/"'],
    ['mlw', 'it does not start with /subscriptions/'],
    [
      `${GROUP}/providers/Microsoft.MachineLearningServices/workspaces`,
      'it stops where segment 8, the workspace, belongs',
    ],
    [
      `${GROUP}/providers/Microsoft.MachineLearningServices/workspaces//`,
      'segment 8 is empty where the workspace belongs',
    ],
    [
      `${GROUP}/providers/Microsoft.Storage/storageAccounts/sa`,
      'segment 6 is "Microsoft.Storage" where "Microsoft.MachineLearningServices" belongs',
    ],
  ])('workspaceId %s: the message names the wrong segment', (id, why) => {
    expect(problem({ workspaceId: id }, 'workspaceId')).toEqual({
      path: 'test/ci',
      field: 'workspaceId',
      received: JSON.stringify(id),
      allowed: `${SHAPE}; ${why}`,
    });
  });

  test('a resource group scope that is not one names its segment too', () => {
    const { stack } = newStack();
    const id = `/subscriptions/${SUBSCRIPTION}/resourcegroup/rg-ml`;
    expect(
      errorOf(() => new ShutdownPolicy(stack, 'p', { scope: { resourceGroupId: id }, requireSchedules: 'Audit' }))
        .problems,
    ).toEqual([
      {
        path: 'test/p',
        field: 'scope.resourceGroupId',
        received: JSON.stringify(id),
        allowed:
          'an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>; segment 3 is "resourcegroup" where "resourceGroups" belongs',
      },
    ]);
  });
});
