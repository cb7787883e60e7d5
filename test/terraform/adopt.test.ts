import * as fs from 'node:fs';
import type { TerraformStack } from 'cdktf';
import { flattenBody } from '../rig/azapi/import';
import type { AzureRequest, Resources } from '../rig/azure/store';
import { actionsOf, Scenario } from '../rig/scenario';
import { compileModules, fixture, runImport, synthesize } from '../support/import-harness';
import { ED25519_KEY, SUBNET_ID } from '../support/stack';
import { ADOPTED_IGNORE_CHANGES } from '../support/azapi-compute';

/**
 * Adopting instances (`existing: true`: a Terraform `import` block) with the modules `aml-compute import`
 * writes, on the real terraform 1.11 with the emulated azapi and Azure. The emulated Azure starts with the
 * instances the fixtures describe, as their GET answers; its request log shows what reached them. The README's
 * "Adopting existing instances" states these results.
 */
jest.setTimeout(900_000);

type Obj = { [key: string]: any };

const LIST = JSON.parse(fs.readFileSync(fixture('import/rest-list-compute-instances.json'), 'utf8')).value as Obj[];
// The REST spec's GET example, with the two values `aml-compute import` refuses changed as its comments ask:
// a subnet ARM id (the example's "test-subnet-resource-id" is not one) and the instance's SSH key (not returned).
const SPEC = JSON.parse(fs.readFileSync(fixture('cli/rest-get-compute-instance.json'), 'utf8'));
const SPEC_ANSWER = JSON.parse(
  JSON.stringify(SPEC.responses['200'].body).replace('test-subnet-resource-id', SUBNET_ID),
) as Obj;
const specCode = runImport(fixture('cli/rest-get-compute-instance.json'))
  .out.replace("subnetId: 'test-subnet-resource-id'", `subnetId: '${SUBNET_ID}'`)
  .replace("publicKey: ''", `publicKey: '${ED25519_KEY}'`);
const listRun = runImport(fixture('import/rest-list-compute-instances.json'));
const compiled = compileModules({ list: listRun.out, spec: specCode });
const ANSWERS = [...LIST, SPEC_ANSWER];
const NAMES = ['ci-alice', 'ci-bob', 'compute123'];

function seedAzure(resources: Resources): void {
  for (const answer of ANSWERS) resources[String(answer.id).toLowerCase()] = JSON.parse(JSON.stringify(answer));
}

/** Both generated modules in one stack, each compute's config passed through `edit`. */
function adoptedStack(edit: (config: any) => void = () => undefined): any {
  const json = synthesize((stack: TerraformStack) => {
    compiled.modules.list(stack);
    compiled.modules.spec(stack);
  });
  for (const config of Object.values<any>(json.resource.azapi_resource)) edit(config);
  return json;
}

const computeAddress = (json: any, name: string) =>
  `azapi_resource.${Object.keys(json.resource.azapi_resource).find((k) => json.resource.azapi_resource[k].name === name)}`;
const computeIds = () => ANSWERS.map((a) => String(a.id).toLowerCase());
const toComputes = (requests: AzureRequest[]) =>
  requests.filter((r) => r.method !== 'GET' && computeIds().includes(r.id.toLowerCase()));

/** The lifecycle of an instance Terraform created (day two's), put on the adopted ones: what `existing` avoids. */
const createdLifecycle = (config: any) => {
  config.lifecycle.ignore_changes = ['body', 'tags', 'identity'];
};
/** A create-only value the code states differently from Azure: ci-bob's VM size. */
const bobBigger = (config: any) => {
  if (config.name !== 'ci-bob') return;
  config.body.properties.properties.vmSize = 'Standard_DS4_v2';
  config.replace_triggers_external_values = { ...config.replace_triggers_external_values, vmSize: 'standard_ds4_v2' };
};
const aliceBigger = (config: any) => {
  if (config.name !== 'ci-alice') return;
  config.replace_triggers_external_values = {
    ...config.replace_triggers_external_values,
    vmSize: 'standard_ds4_v2',
  };
};

test('the generated modules compile (the premise of what follows)', () => {
  expect(listRun.code).toBe(0);
  expect(compiled.diagnostics).toEqual([]);
});

describe('adopting with existing: true (ci-bob stated with another vmSize than Azure has)', () => {
  const json = adoptedStack(bobBigger);
  const s = new Scenario(json);
  s.editAzure(seedAzure);
  let first: { code: number; stdout: string; stderr: string };
  let planned: any;
  let applyRequests: AzureRequest[] = [];
  let applied: { code: number; stdout: string; stderr: string };
  let second: { code: number; stdout: string; stderr: string };
  let later: { code: number; stdout: string; stderr: string };
  beforeAll(() => {
    expect(s.init().code).toBe(0);
    first = s.plan();
    planned = s.showPlan();
    const mark = s.mark();
    applied = s.apply();
    applyRequests = s.requestsSince(mark);
    second = s.plan();
    // A later change of a create-only value (ci-alice's VM size in its triggers).
    s.write(adoptedStack((c) => (bobBigger(c), aliceBigger(c))));
    later = s.plan();
  });
  afterAll(() => s.cleanup());

  test("every compute has an import block and ignores what the import leaves at azapi's defaults", () => {
    expect(json.import.map((b: any) => b.to).sort()).toEqual(NAMES.map((n) => computeAddress(json, n)).sort());
    for (const config of Object.values<any>(json.resource.azapi_resource))
      expect(config.lifecycle.ignore_changes).toEqual(ADOPTED_IGNORE_CHANGES);
  });

  test('the first plan imports the three computes and changes none: 3 to import, 0 to change', () => {
    expect([first.code, first.stderr]).toEqual([2, '']);
    expect(first.stdout).toContain('Plan: 3 to import, 1 to add, 0 to change, 0 to destroy.');
    const changes = Object.fromEntries(planned.resource_changes.map((c: any) => [c.address, c.change]));
    for (const name of NAMES) {
      const change = changes[computeAddress(json, name)];
      expect([name, change.actions, change.importing?.id]).toEqual([
        name,
        ['no-op'],
        expect.stringMatching(new RegExp(`/computes/${name}\\?api-version=2025-12-01$`)),
      ]);
    }
  });

  test("the one resource added is ci-alice's idle shutdown action (ci-bob has none, compute123 none)", () => {
    const added = Object.entries(actionsOf(planned)).filter(([, a]) => a.join() === 'create');
    expect(added.map(([address]) => address)).toEqual([
      expect.stringMatching(/^azapi_resource_action\.ci-alice_IdleShutdownSetting_/),
    ]);
  });

  test('the apply sends no PUT or DELETE to any compute; the action POSTs the idle time ci-alice already has', () => {
    expect([applied.code, applied.stderr]).toEqual([0, '']);
    expect(applied.stdout).toContain('Apply complete! Resources: 3 imported, 1 added, 0 changed, 0 destroyed.');
    expect(toComputes(applyRequests)).toEqual([]);
    const posts = applyRequests.filter((r) => r.method === 'POST');
    const alice = LIST.find((a) => a.name === 'ci-alice')!;
    expect(posts).toEqual([
      {
        method: 'POST',
        id: `${alice.id}/updateIdleShutdownSetting`,
        body: { idleTimeBeforeShutdown: alice.properties.properties.idleTimeBeforeShutdown },
      },
    ]);
  });

  test('the second plan, after that apply, is No changes', () => {
    expect([second.code, second.stdout]).toEqual([0, expect.stringContaining('No changes.')]);
  });

  test('a later change of a create-only value plans nothing either: the state holds no triggers', () => {
    expect([later.code, later.stdout]).toEqual([0, expect.stringContaining('No changes.')]);
  });
});

describe('what existing avoids: the same computes adopted with the lifecycle of a created instance', () => {
  const json = adoptedStack(createdLifecycle);
  const s = new Scenario(json);
  s.editAzure(seedAzure);
  let first: { code: number; stdout: string; stderr: string };
  let changes: { [address: string]: any } = {};
  let applyRequests: AzureRequest[] = [];
  let refused: { code: number; stdout: string; stderr: string };
  beforeAll(() => {
    expect(s.init().code).toBe(0);
    first = s.plan();
    changes = Object.fromEntries(s.showPlan().resource_changes.map((c: any) => [c.address, c.change]));
    const mark = s.mark();
    expect(s.apply().code).toBe(0);
    applyRequests = s.requestsSince(mark);
    s.write(adoptedStack((c) => (createdLifecycle(c), aliceBigger(c))));
    refused = s.plan();
  });
  afterAll(() => s.cleanup());

  test.each(NAMES)(
    '%s: the first plan imports and updates it in place: ignore_casing, replace_triggers_external_values and timeouts go from their import values to the configured ones',
    (name) => {
      expect(first.code).toBe(2);
      const change = changes[computeAddress(json, name)];
      expect([change.actions, change.importing?.id]).toEqual([['update'], expect.any(String)]);
      const differs = Object.keys(change.after)
        .filter((k) => JSON.stringify(change.before[k]) !== JSON.stringify(change.after[k]))
        .concat(Object.keys(change.after_unknown ?? {}).filter((k) => change.after_unknown[k] === true))
        .sort();
      expect(differs).toEqual(['ignore_casing', 'replace_triggers_external_values', 'timeouts']);
    },
  );

  test.each(NAMES)(
    '%s: its apply PUTs the writable part of the GET answer back (schedules included), not the configured body',
    (name) => {
      const answer = ANSWERS.find((a) => a.name === name)!;
      const puts = toComputes(applyRequests).filter((r) => r.id.toLowerCase() === String(answer.id).toLowerCase());
      expect(puts.map((r) => r.method)).toEqual(['PUT']);
      const { location, tags: _t, identity: _i, ...bodySent } = puts[0].body as Obj;
      void _t;
      void _i;
      expect(bodySent).toEqual(flattenBody(answer));
      // Azure's read-only fields are not sent back.
      expect(JSON.stringify(bodySent)).not.toMatch(/provisioningState|createdOn|osImageMetadata|"state"|sshPort/);
      expect(location).toBe(answer.location);
      const entries = bodySent.properties.properties.schedules?.computeStartStop ?? [];
      expect(entries.length).toBe({ 'ci-alice': 3, 'ci-bob': 2, compute123: 0 }[name]);
    },
  );

  test("a later create-only change is then a replacement, refused by terraform's prevent_destroy check", () => {
    expect(refused.code).toBe(1);
    expect(refused.stderr.replace(/\s+/g, ' ')).toContain(
      `Resource ${computeAddress(json, 'ci-alice')} has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed.`,
    );
  });
});
