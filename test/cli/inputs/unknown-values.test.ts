import { Testing } from 'cdktf';
import { Duration, ShutdownPolicy } from '../../../src';
import { runCli } from '../../support/cli';
import { newStack, SUBSCRIPTION } from '../../support/stack';

/**
 * A value the command cannot know (an ARM parameter without a value or default) is skipped: named once in a
 * note, and nothing is judged on it. Every value of this template comes from one such parameter.
 */
const UNKNOWN = "[parameters('secret')]";
const TEMPLATE = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { secret: { type: 'securestring' } },
    resources: [
      {
        type: 'Microsoft.MachineLearningServices/workspaces/computes',
        apiVersion: '2025-12-01',
        name: 'ws/ci-one',
        location: 'westeurope',
        properties: {
          computeType: 'ComputeInstance',
          properties: {
            vmSize: 'Standard_DS3_v2',
            idleTimeBeforeShutdown: UNKNOWN,
            setupScripts: {
              scripts: {
                creationScript: { scriptSource: 'inline', scriptData: UNKNOWN, timeout: 'ten minutes' },
                startupScript: { scriptSource: 'workspaceStorage', scriptData: UNKNOWN },
              },
            },
            schedules: {
              computeStartStop: [
                {
                  action: 'Stop',
                  triggerType: 'Cron',
                  status: 'Enabled',
                  cron: { expression: UNKNOWN, timeZone: 'UTC' },
                },
              ],
            },
            personalComputeInstanceSettings: { assignedUser: { objectId: UNKNOWN, tenantId: 'not-a-guid' } },
          },
        },
      },
    ],
  },
  null,
  2,
);
const FIELDS = [
  'properties.properties.idleTimeBeforeShutdown',
  'properties.properties.setupScripts.scripts.creationScript.scriptData',
  'properties.properties.setupScripts.scripts.startupScript.scriptData',
  'properties.properties.schedules.computeStartStop[0].cron.expression',
  'properties.properties.personalComputeInstanceSettings.assignedUser.objectId',
];
const WHY = 'skipped: parameter secret has no value (give one with --parameters FILE) and no default';

describe('a value only the deployment knows is skipped, never a problem', () => {
  test('lint: each skipped value named once, in a note; only the real problems reported', async () => {
    const r = await runCli(['lint', 't.json'], { files: { 't.json': TEMPLATE } });
    const lines = r.out.trimEnd().split('\n');
    expect(lines.filter((l) => !l.startsWith('note: '))).toEqual([
      't.json:49: resources[0].properties.properties.personalComputeInstanceSettings.assignedUser.tenantId: ci-one: received "not-a-guid"; allowed: a GUID like 00000000-0000-0000-0000-000000000000',
      't.json:25: resources[0].properties.properties.setupScripts.scripts.creationScript.timeout: ci-one: received "ten minutes"; allowed: a duration as GNU timeout reads it (30m, 900s, 1h), from 1 second to 1 day',
      '2 problems in 1 instance',
    ]);
    expect(lines.filter((l) => l.startsWith('note: '))).toEqual(
      FIELDS.map((f) => `note: t.json: ci-one: ${f}: ${WHY}`),
    );
    for (const f of FIELDS) expect(r.out.split(f).length - 1).toBe(1);
    expect(r.out).not.toContain('a value of type undefined');
    expect(r.out).not.toContain('received nothing');
    expect(r.code).toBe(1);
  });

  test('lint --format json: no problem on a skipped field', async () => {
    const r = await runCli(['lint', 't.json', '--format', 'json'], { files: { 't.json': TEMPLATE } });
    const json = JSON.parse(r.out);
    expect(json.problems.map((p: { path: string }) => p.path.replace(/^resources\[0\]\./, ''))).toEqual([
      'properties.properties.personalComputeInstanceSettings.assignedUser.tenantId',
      'properties.properties.setupScripts.scripts.creationScript.timeout',
    ]);
    expect(json.notes).toHaveLength(FIELDS.length);
  });

  test('preview: not charted, naming the unknown schedule value; not "invalid" and not "runs all week"', async () => {
    const r = await runCli(['preview', 't.json', '--from', '2026-03-23'], { files: { 't.json': TEMPLATE } });
    expect(r.out).toBe(
      'ci-one (t.json): not charted: properties.properties.schedules.computeStartStop[0].cron.expression is known only at deployment (see aml-compute lint t.json for why)\n\n',
    );
    expect(r.code).toBe(0);
  });

  test('audit: the idle-shutdown rule does not deny a value it cannot see', async () => {
    const { stack } = newStack('governance');
    new ShutdownPolicy(stack, 'shutdown', {
      name: 'ml-shutdown',
      scope: { subscriptionId: SUBSCRIPTION },
      idleShutdown: { effect: 'Deny', max: Duration.hours(4) },
    });
    const r = await runCli(['audit', '--policy', 'p.json', 't.json'], {
      files: { 't.json': TEMPLATE, 'p.json': Testing.synth(stack) },
    });
    expect(r.out).toBe(
      [
        'rules: IdleShutdown (Deny)',
        'ci-one (t.json):',
        '  unknown  IdleShutdown: not judged: properties.properties.idleTimeBeforeShutdown is known only at deployment',
        '1 instance: 0 denied, 0 audited, 0 appended, 1 not fully judged',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
  });
});
