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

/** The lifecycle of an instance Terraform created (day two's), put on the adopted ones: what `existing` avoids. */
const createdLifecycle = (config: any) => {
  config.lifecycle.ignore_changes = ['body', 'tags', 'identity'];
};

describe('the generated modules compile (the premise of the rows below)', () => {
  test('aml-compute import wrote both without errors, and tsc accepts them', () => {
    expect(listRun.code).toBe(0);
    expect(compiled.diagnostics).toEqual([]);
  });
});

describe.each([
  ['import/rest-list-compute-instances.json', 'list', ['ci-alice', 'ci-bob']],
  ['cli/rest-get-compute-instance.json (REST spec GET example)', 'spec', ['compute123']],
])('adopting %s', (_file, module, names) => {
  const { json, deployment } = stackOf(module);
  const adoption = adopt(json, deployment, answerFor);
  const first = byName(adoption.firstPlan, deployment);

  test("every instance has an import block, and ignores what the import leaves at azapi's defaults", () => {
    expect(Object.keys(first).sort()).toEqual(names);
    expect(adoption.states.size).toBe(names.length);
    for (const config of Object.values<any>(json.resource.azapi_resource)) {
      expect(config.lifecycle.ignore_changes).toEqual([
        'body',
        'tags',
        'identity',
        'ignore_casing',
        'replace_triggers_external_values',
        'timeouts',
      ]);
    }
  });

  test.each(names)('%s: the first plan imports it and changes nothing: no request reaches the instance', (name) => {
    const compute = first[name].compute!;
    expect(compute.action).toBe('no-op');
    expect(compute.request).toBe(false);
    expect(compute.replaceBecause).toEqual([]);
    expect(compute.error).toBeUndefined();
  });

  test('the second plan (after apply and a refresh) is a no-op for every resource', () => {
    const states = applyAndRefreshAdopted(adoption, deployment, answerFor);
    const second = secondPlan(states, deployment);
    expect([...second.values()].map((c) => c.action)).toEqual([...second.keys()].map(() => 'no-op'));
  });
});

describe.each([
  ['import/rest-list-compute-instances.json', 'list', ['ci-alice', 'ci-bob']],
  ['cli/rest-get-compute-instance.json (REST spec GET example)', 'spec', ['compute123']],
])('what existing avoids: %s adopted with the lifecycle of a created instance', (_file, module, names) => {
  const { json, deployment } = stackOf(module, createdLifecycle);
  const first = byName(adopt(json, deployment, answerFor).firstPlan, deployment);

  test.each(names)(
    '%s: the first plan would update it in place, sending a PUT: ignore_casing, replace_triggers_external_values and timeouts go from their import values to the configured ones',
    (name) => {
      const compute = first[name].compute!;
      expect(compute.action).toBe('update');
      expect(compute.replaceBecause).toEqual([]);
      expect(compute.changed).toEqual(TRIGGERS_AND_TIMEOUTS);
      expect(compute.request).toBe(true);
    },
  );

  test.each(names)(
    '%s: that PUT would send the writable part of the GET answer back (schedules included), not the configured body',
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
      const entries = (((sent.properties as Obj).properties as Obj).schedules as Obj | undefined)?.computeStartStop;
      expect(((entries ?? []) as Obj[]).length).toBe({ 'ci-alice': 3, 'ci-bob': 2, compute123: 0 }[name as string]);
    },
  );
});

describe('what an adopted instance cannot see', () => {
  test('a create-only value the adopted code states differently from Azure (vmSize) plans nothing: the triggers are ignored and the body is ignored', () => {
    const { json, deployment } = stackOf('list', (config) => {
      if (config.name !== 'ci-bob') return;
      config.body.properties.properties.vmSize = 'Standard_DS4_v2';
      config.replace_triggers_external_values = {
        ...config.replace_triggers_external_values,
        vmSize: 'standard_ds4_v2',
      };
    });
    const adoption = adopt(json, deployment, answerFor);
    const compute = byName(adoption.firstPlan, deployment)['ci-bob'].compute!;
    expect(compute).toMatchObject({ action: 'no-op', request: false });
    const second = secondPlan(applyAndRefreshAdopted(adoption, deployment, answerFor), deployment);
    expect([...second.values()].map((c) => c.action)).toEqual([...second.keys()].map(() => 'no-op'));
  });

  test('a later vmSize change plans nothing either (the state keeps no triggers): the warning says to replace it by hand', () => {
    const { json, deployment } = stackOf('list');
    const states = applyAndRefreshAdopted(adopt(json, deployment, answerFor), deployment, answerFor);
    const changed = stackOf('list', (config) => {
      config.replace_triggers_external_values = {
        ...config.replace_triggers_external_values,
        vmSize: 'standard_ds4_v2',
      };
    });
    const plan = byName(secondPlan(states, changed.deployment), changed.deployment);
    expect(plan['ci-alice'].compute!.action).toBe('no-op');
  });

  test('with the lifecycle of a created instance the same change, after the adoption apply, is a replacement that deletionProtection refuses', () => {
    const { json, deployment } = stackOf('list', createdLifecycle);
    const states = applyAndRefreshAdopted(adopt(json, deployment, answerFor), deployment, answerFor);
    const changed = stackOf('list', (config) => {
      createdLifecycle(config);
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

describe('the idle shutdown action on adoption', () => {
  test('the first plan creates it for ci-alice (PT30M), which POSTs the value the instance already has; ci-bob has none', () => {
    const { json, deployment } = stackOf('list');
    const first = byName(adopt(json, deployment, answerFor).firstPlan, deployment);
    expect(first['ci-alice'].actions).toEqual(['updateIdleShutdownSetting: create (POST)']);
    expect(first['ci-bob'].actions).toEqual([]);
  });
});
