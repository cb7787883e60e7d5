import * as fs from 'node:fs';
import type { TerraformStack } from 'cdktf';
import { adopt, applyAndRefreshAdopted, AzureAnswers } from './support/adoption-life';
import type { Json } from './support/azapi-update-object';
import { compileModules, fixture, runImport, synthesize } from './support/import-harness';
import { deploymentOf, Deployment, secondPlan } from './support/instance-life';
import { ED25519_KEY, SUBNET_ID } from './support/stack';
import { flattenBody } from './support/terraform-import-model';
import { PlannedChange, updateRequestBody } from './support/terraform-plan-model';

/**
 * The first plans after adopting instances (`existing: true`, a Terraform import block), on the plan model
 * (test/support/terraform-plan-model.ts and terraform-import-model.ts): Azure answers each GET with the
 * fixture's instance, unchanged by the apply. The README's "Adopting existing instances" states these rows.
 */
type Obj = { [key: string]: Json };

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

const ANSWERS = new Map<string, Obj>([...LIST, SPEC_ANSWER].map((a) => [String(a.id).toLowerCase(), a]));
const answerFor: AzureAnswers = (armId) => {
  const answer = ANSWERS.get(armId.toLowerCase());
  if (!answer) throw new Error(`no answer for ${armId}`);
  return answer;
};

function stackOf(module: string, lifecycle?: (config: any) => void): { json: any; deployment: Deployment } {
  const json = synthesize(compiled.modules[module] as (scope: TerraformStack) => void);
  if (lifecycle) for (const config of Object.values<any>(json.resource.azapi_resource)) lifecycle(config);
  return { json, deployment: deploymentOf(json) };
}

function byName(
  changes: Map<string, PlannedChange>,
  deployment: Deployment,
): Record<string, { compute?: PlannedChange; actions: string[] }> {
  const out: Record<string, { compute?: PlannedChange; actions: string[] }> = {};
  for (const [address, change] of changes) {
    const config = deployment.get(address)!.config.attributes;
    const computeAddress = address.startsWith('azapi_resource.')
      ? address
      : String(config.resource_id).replace(/^\$\{(.*)\.id\}$/, '$1');
    const name = String(deployment.get(computeAddress)!.config.attributes.name);
    out[name] ??= { actions: [] };
    if (address === computeAddress) out[name].compute = change;
    else out[name].actions.push(`${config.action}: ${change.action}${change.request ? ' (POST)' : ''}`);
  }
  return out;
}

const TRIGGERS_AND_TIMEOUTS = ['ignore_casing', 'replace_triggers_external_values', 'timeouts'];

describe('the generated modules compile (the premise of the rows below)', () => {
  test('aml-compute import wrote both without errors, and tsc accepts them', () => {
    expect(listRun.code).toBe(0);
    expect(compiled.diagnostics).toEqual([]);
  });
});

describe.each([
  ['import/rest-list-compute-instances.json', 'list', ['ci-alice', 'ci-bob']],
  ['cli/rest-get-compute-instance.json (REST spec GET example)', 'spec', ['compute123']],
])('adopting %s with the current rendering', (_file, module, names) => {
  const { json, deployment } = stackOf(module);
  const adoption = adopt(json, deployment, answerFor);
  const first = byName(adoption.firstPlan, deployment);

  test('every instance has an import block', () => {
    expect(Object.keys(first).sort()).toEqual(names);
    expect(adoption.states.size).toBe(names.length);
  });

  test.each(names)(
    '%s: the first plan imports it and updates it in place, sending a PUT: ignore_casing, replace_triggers_external_values and timeouts go from their import values to the configured ones',
    (name) => {
      const compute = first[name].compute!;
      expect(compute.action).toBe('update');
      expect(compute.replaceBecause).toEqual([]);
      expect(compute.error).toBeUndefined();
      expect(compute.changed).toEqual(TRIGGERS_AND_TIMEOUTS);
      expect(compute.request).toBe(true);
    },
  );

  test.each(names)(
    '%s: the PUT sends the writable part of the GET answer back (schedules included), not the configured body',
    (name) => {
      const compute = first[name].compute!;
      const answer = answerFor(String(compute.planned!.id));
      const sent = updateRequestBody(compute.planned!);
      const { location: _l, tags: _t, identity: _i, ...bodySent } = sent;
      void _l;
      void _t;
      void _i;
      expect(bodySent).toEqual(flattenBody(answer));
      expect(sent.location).toBe(answer.location);
      expect(sent.tags ?? null).toEqual(answer.tags ?? null);
      expect((sent.identity as Obj | undefined)?.type ?? null).toEqual(
        (answer.identity as Obj | undefined)?.type ?? null,
      );
    },
  );

  test.each(names)('%s: what the PUT carries that the configuration does not say', (name) => {
    const sent = (updateRequestBody(first[name].compute!.planned!).properties as Obj).properties as Obj;
    const expected: Record<string, { schedules: number; customServices: boolean }> = {
      'ci-alice': { schedules: 3, customServices: false },
      'ci-bob': { schedules: 2, customServices: false },
      compute123: { schedules: 0, customServices: true },
    };
    const entries = ((sent.schedules as Obj | undefined)?.computeStartStop ?? []) as Obj[];
    expect(entries.length).toBe(expected[name].schedules);
    for (const entry of entries) expect(Object.keys(entry)).not.toContain('id');
    expect('customServices' in sent).toBe(expected[name].customServices);
  });

  test('the second plan (after apply and a refresh) is a no-op for every resource', () => {
    const states = applyAndRefreshAdopted(adoption, deployment, answerFor);
    const second = secondPlan(states, deployment);
    expect([...second.values()].map((c) => c.action)).toEqual([...second.keys()].map(() => 'no-op'));
  });
});

describe('what the first plan cannot see', () => {
  test('a create-only value the adopted code states differently from Azure (vmSize) plans no replacement: the triggers are null in the imported state, and the body is ignored', () => {
    const { json, deployment } = stackOf('list', (config) => {
      if (config.name !== 'ci-bob') return;
      config.body.properties.properties.vmSize = 'Standard_DS4_v2';
      config.replace_triggers_external_values = {
        ...config.replace_triggers_external_values,
        vmSize: 'standard_ds4_v2',
      };
    });
    const bob = [...deployment.values()].find((d) => d.config.attributes.name === 'ci-bob')!;
    expect((bob.config.attributes.replace_triggers_external_values as Obj).vmSize).toBe('standard_ds4_v2');
    const adoption = adopt(json, deployment, answerFor);
    const compute = byName(adoption.firstPlan, deployment)['ci-bob'].compute!;
    expect(compute).toMatchObject({ action: 'update', replaceBecause: [], changed: TRIGGERS_AND_TIMEOUTS });
    expect(((updateRequestBody(compute.planned!).properties as Obj).properties as Obj).vmSize).toBe(
      'STANDARD_NC4AS_T4_V3',
    );
    const second = secondPlan(applyAndRefreshAdopted(adoption, deployment, answerFor), deployment);
    expect([...second.values()].map((c) => c.action)).toEqual([...second.keys()].map(() => 'no-op'));
  });
});

describe('the idle shutdown action on adoption', () => {
  test('the first plan creates it for ci-alice (PT30M), which POSTs the value the instance already has; ci-bob has none', () => {
    const { json, deployment } = stackOf('list');
    const first = byName(adopt(json, deployment, answerFor).firstPlan, deployment);
    expect(first['ci-alice'].actions).toEqual(['updateIdleShutdownSetting: create (POST)']);
    expect(first['ci-bob'].actions).toEqual([]);
  });
});

describe('evaluated, not rendered: ignore_changes also on ignore_casing and replace_triggers_external_values', () => {
  const ignoreTriggers = (config: any) => {
    config.lifecycle.ignore_changes = [
      ...config.lifecycle.ignore_changes,
      'ignore_casing',
      'replace_triggers_external_values',
    ];
  };

  test('the first plan updates only timeouts, which azapi writes to state without a request (skip_on:"update")', () => {
    const { json, deployment } = stackOf('list', ignoreTriggers);
    const first = byName(adopt(json, deployment, answerFor).firstPlan, deployment);
    for (const name of ['ci-alice', 'ci-bob']) {
      expect(first[name].compute).toMatchObject({ action: 'update', changed: ['timeouts'], request: false });
    }
  });

  test('but the state keeps replace_triggers_external_values null for good: a later vmSize change plans nothing', () => {
    const { json, deployment } = stackOf('list', ignoreTriggers);
    const adoption = adopt(json, deployment, answerFor);
    const states = applyAndRefreshAdopted(adoption, deployment, answerFor);
    const changed = stackOf('list', (config) => {
      ignoreTriggers(config);
      config.replace_triggers_external_values = {
        ...config.replace_triggers_external_values,
        vmSize: 'standard_ds4_v2',
      };
    });
    const plan = byName(secondPlan(states, changed.deployment), changed.deployment);
    expect(plan['ci-alice'].compute!.action).toBe('no-op');
  });

  test('with the current rendering the same vmSize change, after the adoption apply, is a replacement that deletionProtection refuses', () => {
    const { json, deployment } = stackOf('list');
    const states = applyAndRefreshAdopted(adopt(json, deployment, answerFor), deployment, answerFor);
    const changed = stackOf('list', (config) => {
      config.replace_triggers_external_values = {
        ...config.replace_triggers_external_values,
        vmSize: 'standard_ds4_v2',
      };
    });
    const compute = byName(secondPlan(states, changed.deployment), changed.deployment)['ci-alice'].compute!;
    expect(compute.action).toBe('replace');
    expect(compute.replaceBecause).toEqual(['replace_triggers_external_values']);
    expect(compute.error).toContain('lifecycle.prevent_destroy');
  });
});
