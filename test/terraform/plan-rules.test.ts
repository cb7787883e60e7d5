import { Testing, TerraformStack } from 'cdktf';
import { ComputeInstance, StartStopSchedule } from '../../src';
import { actionsOf, Scenario } from '../rig/scenario';
import { REQUIRED, SUBNET_ID } from '../support/stack';

/**
 * The rules behind the README's "Why it works this way", each on the real terraform 1.11 with the emulated
 * azapi and Azure, on hand-written azapi resources (not the library's rendering, which avoids these traps):
 * - Terraform ignores an `ignore_changes` path only where it exists in both the prior state and the
 *   configuration (hashicorp/terraform internal/terraform/node_resource_abstract_instance.go,
 *   `processIgnoreChangesIndividual`): schedules added later are an update, a PUT of the compute.
 * - azapi's `ignore_body_changes` takes the state's value only where the state has the path
 *   (Azure/terraform-provider-azapi utils/json.go, `OverrideWithPaths`): the same update.
 * - 0.1's rendering (replace_triggers_refs on the VM size, no ignore_casing) asks for a replacement on the
 *   plan after its first apply, as Azure answers the size upper-cased: prevent_destroy refuses every plan.
 * - Out-of-band changes (the emulated Azure's file edited between runs) on the library's own rendering.
 */
jest.setTimeout(600_000);

const WORKSPACE =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw';
const TYPE = 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01';

function body(withSchedules: boolean): object {
  return {
    properties: {
      computeType: 'ComputeInstance',
      disableLocalAuth: true,
      properties: {
        vmSize: 'Standard_DS3_v2',
        sshSettings: { sshPublicAccess: 'Disabled' },
        ...(withSchedules
          ? {
              schedules: {
                computeStartStop: [
                  {
                    action: 'Stop',
                    triggerType: 'Cron',
                    status: 'Enabled',
                    cron: { expression: '0 18 * * *', timeZone: 'UTC' },
                  },
                ],
              },
            }
          : {}),
      },
    },
  };
}

function stack(resources: { [name: string]: object }): object {
  return {
    terraform: { required_providers: { azapi: { source: 'Azure/azapi', version: '~> 2.9' } } },
    provider: { azapi: [{}] },
    resource: { azapi_resource: resources },
  };
}

const compute = (name: string, withSchedules: boolean, extra: object) => ({
  type: TYPE,
  name,
  parent_id: WORKSPACE,
  location: 'westeurope',
  body: body(withSchedules),
  ...extra,
});

const STOP_AT_SIX = StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', timeZone: 'UTC' });

const PATHS = ['body.properties.properties.schedules', 'body.properties.properties.idleTimeBeforeShutdown'];
const growing = (withSchedules: boolean) =>
  stack({
    paths: compute('ci-paths', withSchedules, {
      ignore_casing: true,
      lifecycle: { prevent_destroy: true, ignore_changes: PATHS },
    }),
    azapi_paths: compute('ci-azapi-paths', withSchedules, {
      ignore_casing: true,
      ignore_body_changes: ['properties.properties.schedules'],
    }),
  });

describe('schedules added after the first apply', () => {
  const s = new Scenario(growing(false));
  let plan: { code: number; stdout: string; stderr: string };
  let changes: { [address: string]: any };
  let puts: string[];
  beforeAll(() => {
    expect(s.init().code).toBe(0);
    expect(s.apply().code).toBe(0);
    expect(s.plan().code).toBe(0);
    s.write(growing(true));
    plan = s.plan();
    changes = Object.fromEntries(s.showPlan().resource_changes.map((c: any) => [c.address, c.change]));
    const mark = s.mark();
    expect(s.apply().code).toBe(0);
    puts = s
      .requestsSince(mark)
      .filter((r) => r.method === 'PUT')
      .map((r) => r.id.slice(r.id.lastIndexOf('/') + 1))
      .sort();
  });
  afterAll(() => s.cleanup());

  test('lifecycle.ignore_changes on the schedules path does not ignore them: an in-place update', () => {
    expect([plan.code, changes['azapi_resource.paths'].actions]).toEqual([2, ['update']]);
  });

  test("azapi's ignore_body_changes on the schedules path does not either", () => {
    expect(changes['azapi_resource.azapi_paths'].actions).toEqual(['update']);
  });

  test('and each update PUTs the compute', () => {
    expect(puts).toEqual(['ci-azapi-paths', 'ci-paths']);
  });
});

describe("0.1's rendering: replace_triggers_refs on the VM size without ignore_casing", () => {
  const s = new Scenario(
    stack({
      old: compute('ci-old', false, {
        replace_triggers_refs: ['properties.properties.vmSize'],
        lifecycle: { prevent_destroy: true, ignore_changes: PATHS },
      }),
    }),
  );
  let apply: { code: number };
  let next: { code: number; stdout: string; stderr: string };
  beforeAll(() => {
    expect(s.init().code).toBe(0);
    apply = s.apply();
    next = s.plan();
  });
  afterAll(() => s.cleanup());

  test("applies, and the unchanged configuration's next plan is refused: Azure's STANDARD_DS3_V2 reached the state", () => {
    expect(apply.code).toBe(0);
    expect(next.code).toBe(1);
    expect(next.stderr.replace(/\s+/g, ' ')).toContain(
      'Resource azapi_resource.old has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed.',
    );
  });
});

describe('out-of-band changes: edits of the emulated Azure file between two runs', () => {
  const app = Testing.app();
  const stackScope = new TerraformStack(app, 'oob');
  new ComputeInstance(stackScope, 'alice', { ...REQUIRED, subnetId: SUBNET_ID, schedules: [STOP_AT_SIX] });
  const json = JSON.parse(Testing.synth(stackScope));
  const id = `${REQUIRED.workspaceId}/computes/${REQUIRED.name}`.toLowerCase();
  const s = new Scenario(json);
  let afterStudioEdit: { code: number; stdout: string };
  let afterDelete: { code: number; stdout: string };
  let planned: { [address: string]: string[] } = {};
  beforeAll(() => {
    expect(s.init().code).toBe(0);
    expect(s.apply().code).toBe(0);
    // Someone changes the schedules and the VM size's case in the studio.
    s.editAzure((resources: any) => {
      const ci = resources[id].properties.properties;
      ci.schedules.computeStartStop[0].cron.expression = '0 20 * * *';
      ci.vmSize = 'standard_ds3_v2';
    });
    afterStudioEdit = s.plan();
    // Someone deletes the instance.
    s.editAzure((resources) => {
      delete resources[id];
    });
    afterDelete = s.plan();
    planned = actionsOf(s.showPlan());
  });
  afterAll(() => s.cleanup());

  test('a schedule changed in the studio is not Terraform drift: No changes (the body is ignored)', () => {
    expect([afterStudioEdit.code, afterStudioEdit.stdout]).toEqual([0, expect.stringContaining('No changes.')]);
  });

  test('a deleted instance is created again: the refresh finds it gone, the plan creates it', () => {
    expect(afterDelete.code).toBe(2);
    const computes = Object.entries(planned).filter(([address]) => address.startsWith('azapi_resource.'));
    expect(computes.map(([, actions]) => actions)).toEqual([['create']]);
  });
});
