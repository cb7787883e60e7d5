import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Arm } from './azure/arm';
import { AzureStore } from './azure/store';
import { parseArgs } from './cli';

/** The emulated Azure control plane (test/rig/azure) and the rig command's arguments, without terraform. */
describe('the emulated Azure', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rig-azure-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const WS = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces';
  const body = (vmSize: string, extra: object = {}) => ({
    location: 'westeurope',
    properties: {
      computeType: 'ComputeInstance',
      properties: {
        vmSize,
        subnet: { id: '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/c' },
        sshSettings: { sshPublicAccess: 'Enabled', adminPublicKey: 'ssh-ed25519 AAAA' },
        ...extra,
      },
    },
  });

  test("a created instance is stored as Azure's GET answers it, keyed by lower-cased id", () => {
    const store = new AzureStore(join(dir, 'a.json'));
    const arm = new Arm(store);
    expect(arm.put(`${WS}/w1/computes/ci-a`, body('Standard_DS3_v2')).status).toBe(201);
    const stored: any = JSON.parse(readFileSync(store.file, 'utf8'))[`${WS}/w1/computes/ci-a`.toLowerCase()];
    const ci = stored.properties.properties;
    expect([ci.vmSize, ci.subnet.id, ci.sshSettings, ci.state, stored.properties.provisioningState]).toEqual([
      'STANDARD_DS3_V2',
      '/subscriptions/s/resourcegroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/c',
      { sshPublicAccess: 'Enabled', adminUserName: 'azureuser', sshPort: 22 },
      'Running',
      'Succeeded',
    ]);
  });

  test('a second compute of the same name in the same region is a 409; in another region it is created', () => {
    const arm = new Arm(new AzureStore(join(dir, 'b.json')));
    arm.put(`${WS}/w1/computes/ci-a`, body('Standard_DS3_v2'));
    const again = arm.put(`${WS}/w2/computes/ci-a`, body('Standard_DS3_v2'));
    expect([again.status, again.error]).toEqual([409, expect.stringContaining('"ci-a" already exists in this region')]);
    expect(arm.put(`${WS}/w2/computes/ci-a`, { ...body('Standard_DS3_v2'), location: 'eastus' }).status).toBe(201);
  });

  test('a PUT on an existing instance keeps its schedules and idle time; the POST action changes the idle time', () => {
    const store = new AzureStore(join(dir, 'c.json'));
    const arm = new Arm(store);
    const id = `${WS}/w1/computes/ci-a`;
    arm.put(id, body('Standard_DS3_v2', { idleTimeBeforeShutdown: 'PT30M' }));
    arm.put(id, body('Standard_DS3_v2', { idleTimeBeforeShutdown: 'PT2H', schedules: { computeStartStop: [] } }));
    const ci = () => (arm.get(id).body as any).properties.properties;
    expect([ci().idleTimeBeforeShutdown, ci().schedules]).toEqual(['PT30M', undefined]);
    arm.post(id, 'updateIdleShutdownSetting', { idleTimeBeforeShutdown: 'PT1H' });
    expect(ci().idleTimeBeforeShutdown).toBe('PT1H');
    expect(store.requests().map((r) => r.method)).toEqual(['PUT', 'PUT', 'GET', 'GET', 'POST', 'GET']);
  });
});

describe('npm run rig arguments', () => {
  test('command, stack dir, --azure and --json are read; other arguments go to terraform', () => {
    expect(parseArgs(['plan', 'stacks/a', '--azure', 'az.json', '-var', 'x=1', '--json', 'p.json'])).toEqual({
      command: 'plan',
      dir: expect.stringMatching(/\/stacks\/a$/),
      azure: expect.stringMatching(/\/az\.json$/),
      json: expect.stringMatching(/\/p\.json$/),
      rest: ['-var', 'x=1'],
    });
  });

  test('an unknown command, a missing directory or a missing --azure is refused with the usage', () => {
    expect(parseArgs(['destroy', 'x', '--azure', 'a'])).toMatch(/^unknown command "destroy"\nusage: /);
    expect(parseArgs(['plan'])).toMatch(/^missing the stack directory\nusage: /);
    expect(parseArgs(['apply', 'dir'])).toMatch(/^missing --azure <file>/);
  });
});
