import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { synthExamples } from '../../examples/main';
import { ShutdownPolicyStack } from '../../examples/policy';
import { onlyResource, synthJson } from '../support/stack';

describe("the policy author's example", () => {
  const json = synthJson(new ShutdownPolicyStack(Testing.app(), 'shutdown-policy'));

  test('assigns one initiative at the management group, with the default schedule and idle shutdown', () => {
    const assignment = onlyResource(json, 'azurerm_management_group_policy_assignment');
    expect(assignment.name).toBe('ml-shutdown');
    expect(assignment.management_group_id).toBe('/providers/Microsoft.Management/managementGroups/mg-data-science');
    expect(JSON.parse(assignment.parameters)).toEqual({
      defaultSchedulesEffect: { value: 'Append' },
      requireStopScheduleEffect: { value: 'Deny' },
      idleShutdownEffect: { value: 'Append' },
    });
    expect(
      Object.values(json.resource.azurerm_policy_definition)
        .map((d: any) => d.name)
        .sort(),
    ).toEqual(['ml-shutdown-default-schedules', 'ml-shutdown-idle-shutdown', 'ml-shutdown-require-stop-schedule']);
  });
});

describe('npm run synth with the policy example', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'examples-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  synthExamples(outdir);
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));

  test('checks the workstations against the policy: the shared box gets the defaults, nothing is refused', () => {
    const notes = manifest.stacks.workstations.annotations.map((a: any) => [
      a.level,
      a.constructPath,
      a.message.slice(0, a.message.indexOf(':')),
    ]);
    expect(notes).toEqual([
      ['@cdktf/info', 'workstations/ci-shared', 'DefaultSchedules (Append, ShutdownPolicy shutdown-policy/shutdown)'],
      ['@cdktf/info', 'workstations/ci-shared', 'IdleShutdown (Append, ShutdownPolicy shutdown-policy/shutdown)'],
    ]);
    // A management-group policy names no subscription, and azurerm 4 needs one (the provider the library declares).
    expect(
      manifest.stacks['shutdown-policy'].annotations.map((a: any) => [a.level, a.constructPath, a.message]),
    ).toEqual([
      [
        '@cdktf/warn',
        'shutdown-policy',
        'The azurerm provider the library declares for this stack names no subscription (a management-group policy names none), and azurerm 4 needs one: declare your own azurerm provider with subscriptionId, or set ARM_SUBSCRIPTION_ID in the pipeline.',
      ],
    ]);
  });

  test('writes an ARM template for the policy stack', () => {
    const template = JSON.parse(readFileSync(join(outdir, 'arm', 'shutdown-policy.json'), 'utf8'));
    expect(template.resources.map((r: any) => r.type)).toEqual([
      'Microsoft.Authorization/policyDefinitions',
      'Microsoft.Authorization/policyDefinitions',
      'Microsoft.Authorization/policyDefinitions',
      'Microsoft.Authorization/policySetDefinitions',
      'Microsoft.Authorization/policyAssignments',
    ]);
  });
});
