import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthExamples } from '../examples/main';
import { applyAndRefresh, deploymentOf, secondPlan } from './support/instance-life';
import { applyIgnoreChanges, create, plan, refresh } from './support/terraform-plan-model';
import { azureGetAnswer } from './support/azure-compute-model';

describe('a second plan of every example is a no-op on the plan model', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'day-two-'));
  synthExamples(outdir);
  const stacks = readdirSync(join(outdir, 'stacks')).sort();
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('the examples have azapi resources to plan', () => {
    expect(stacks).toContain('workstations');
  });

  test.each(stacks)('stack %s', (stack) => {
    const deployment = deploymentOf(JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')));
    const changes = secondPlan(applyAndRefresh(deployment), deployment);
    const notNoOp = [...changes].filter(([, c]) => c.action !== 'no-op').map(([a, c]) => `${a}: ${c.action}`);
    expect(notNoOp).toEqual([]);
  });
});

describe('the plan model rules', () => {
  test('ignore_changes skips a path absent from the prior state (Terraform processIgnoreChangesIndividual)', () => {
    const prior = { body: { properties: { vmSize: 'a' } } };
    const config = { body: { properties: { vmSize: 'a', schedules: { computeStartStop: [] } } } };
    expect(applyIgnoreChanges(prior, config, ['body.properties.schedules'])).toEqual(config);
    expect(applyIgnoreChanges(prior, config, ['body'])).toEqual(prior);
  });

  test('the rendering of 0.1 (body paths ignored, replace_triggers_refs, no ignore_casing) fails its second plans', () => {
    const body = {
      properties: {
        computeType: 'ComputeInstance',
        disableLocalAuth: true,
        properties: { vmSize: 'Standard_DS3_v2', sshSettings: { sshPublicAccess: 'Disabled' } },
      },
    };
    const lifecycle = {
      prevent_destroy: true,
      ignore_changes: ['body.properties.properties.schedules', 'body.properties.properties.idleTimeBeforeShutdown'],
    };
    const attributes = {
      type: 't',
      name: 'ci-alice',
      parent_id: 'w',
      location: 'westeurope',
      body,
      replace_triggers_refs: ['properties.properties.vmSize'],
    };
    const state = refresh(create('azapi_resource', { attributes, lifecycle }), azureGetAnswer(body));
    // Azure's upper-case vmSize reaches state, and the unchanged configuration now asks for a replacement.
    expect(plan('azapi_resource', state, { attributes, lifecycle }).error).toContain('lifecycle.prevent_destroy');
    // Schedules added later are not ignored (absent from the state): an update, a PUT of the compute.
    const withSchedules = {
      ...body,
      properties: {
        ...body.properties,
        properties: { ...body.properties.properties, schedules: { computeStartStop: [] } },
      },
    };
    const fixedCase = refresh(
      create('azapi_resource', { attributes: { ...attributes, ignore_casing: true }, lifecycle }),
      azureGetAnswer(body),
    );
    const change = plan('azapi_resource', fixedCase, {
      attributes: { ...attributes, ignore_casing: true, body: withSchedules },
      lifecycle,
    });
    expect([change.action, change.request]).toEqual(['update', true]);
  });

  test('ignore_body_changes takes the state value only where the state has the path (azapi OverrideWithPaths)', () => {
    const body = { properties: { properties: { vmSize: 'x' } } };
    const attributes = {
      type: 't',
      name: 'n',
      parent_id: 'w',
      location: 'l',
      body,
      ignore_casing: true,
      ignore_body_changes: ['properties.properties.schedules'],
    };
    const state = refresh(create('azapi_resource', { attributes }), azureGetAnswer(body));
    const later = {
      ...attributes,
      body: { properties: { properties: { vmSize: 'x', schedules: { computeStartStop: [] } } } },
    };
    expect(plan('azapi_resource', state, { attributes: later }).action).toBe('update');
  });
});
