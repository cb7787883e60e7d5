import Ajv from 'ajv';
import { Testing } from 'cdktf';
import { ArmTemplate, Duration, SetupScript, ShutdownPolicy } from '../../../src';
import { requireStopScheduleRule } from '../../../src/policy/rules/require-stop-schedule';
import { fixture, readFixture, runCli } from '../../support/cli';
import { newStack, SUBSCRIPTION } from '../../support/stack';
import { STOP_AT_22 } from '../../support/policy-rules';

const DOCS_POLICY = fixture('docs-default-schedule-policy.json');
const AZ_ML = fixture('az-ml-compute-list.json');
const REST_GET = fixture('rest-get-compute-instance.json');

/** Our own policy, synthesized as Terraform JSON and as an ARM template. */
function ourPolicy(): { terraform: string; arm: string } {
  const { stack } = newStack('governance');
  new ShutdownPolicy(stack, 'shutdown', {
    name: 'ml-shutdown',
    scope: { subscriptionId: SUBSCRIPTION },
    defaultSchedules: [STOP_AT_22],
    requireSchedules: 'Deny',
    idleShutdown: { effect: 'Append', default: Duration.hours(1), max: Duration.hours(4) },
    defaultSetupScript: SetupScript.inline('#!/bin/bash\necho hi\n'),
  });
  return { terraform: Testing.synth(stack), arm: JSON.stringify(ArmTemplate.synth(stack)) };
}

const EXPECTED_OURS = [
  'rules: DefaultSchedules (Append), RequireStopSchedule (Deny), IdleShutdown (Append), DefaultSetupScript (Append)',
  'ci-alice (test/fixtures/cli/az-ml-compute-list.json):',
  `  appended DefaultSetupScript: adds setupScripts.scripts.creationScript = {"scriptSource":"inline","scriptData":"${Buffer.from('#!/bin/bash\necho hi\n').toString('base64')}"}`,
  'ci-nightowl (test/fixtures/cli/az-ml-compute-list.json):',
  '  denied   IdleShutdown: idleTimeBeforeShutdown: received "PT6H"; allowed: an idle shutdown of at most 4 hours (PT4H); an Append rule denies a request whose idleTimeBeforeShutdown it would replace with another value',
  '  denied   RequireStopSchedule: schedules: received ["Start Enabled"]; allowed: at least one schedule with action "Stop" and status "Enabled"',
  '2 instances: 1 denied, 0 audited, 1 appended',
  '',
].join('\n');

describe('aml-compute audit', () => {
  test("the docs' default-schedule sample on the REST spec GET example: Append adds the schedule", async () => {
    const r = await runCli(['audit', '--policy', DOCS_POLICY, REST_GET]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'rules: docs-default-schedule-policy (Append)',
        'compute123 (test/fixtures/cli/rest-get-compute-instance.json):',
        '  appended docs-default-schedule-policy: adds schedules = {"computeStartStop":[{"triggerType":"Cron","cron":{"startTime":"2021-03-10T21:21:07","timeZone":"Pacific Standard Time","expression":"0 22 * * *"},"action":"Stop","status":"Enabled"}]}',
        '1 instance: 0 denied, 0 audited, 1 appended',
        '',
      ].join('\n'),
    );
  });

  test('an instance with schedules of its own is left alone by the sample', async () => {
    const r = await runCli(['audit', '--policy', DOCS_POLICY, AZ_ML]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ci-alice (test/fixtures/cli/az-ml-compute-list.json):\n  compliant\n');
  });

  test("our synthesized Terraform policy stack: Append, then Deny, in Azure's order; exit 1 when one is denied", async () => {
    const { terraform } = ourPolicy();
    const r = await runCli(['audit', '--policy', 'governance.tf.json', AZ_ML], {
      files: { 'governance.tf.json': terraform },
    });
    expect(r.code).toBe(1);
    expect(r.out).toBe(EXPECTED_OURS);
  });

  test('the same policy as an ARM template (its escapes undone) gives the same verdicts', async () => {
    const { arm } = ourPolicy();
    const r = await runCli(['audit', '--policy', 'governance.json', AZ_ML], { files: { 'governance.json': arm } });
    expect(r.code).toBe(1);
    expect(r.out).toBe(EXPECTED_OURS);
  });

  describe('as Azure exports definitions and assignments', () => {
    const rule = requireStopScheduleRule('Deny').policyRule;
    const definition = (mode: string, defaultValue: string) =>
      JSON.stringify({
        id: '/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/policyDefinitions/require-stop',
        name: 'require-stop',
        type: 'Microsoft.Authorization/policyDefinitions',
        properties: {
          mode,
          policyType: 'Custom',
          parameters: { effect: { type: 'String', allowedValues: ['Audit', 'Deny', 'Disabled'], defaultValue } },
          policyRule: rule,
        },
      });
    const assignment = (effect: string) =>
      JSON.stringify({
        name: 'require-stop-assignment',
        properties: {
          policyDefinitionId:
            '/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/policyDefinitions/require-stop',
          parameters: { effect: { value: effect } },
        },
      });

    test("the parameter's default applies when nothing is assigned", async () => {
      const r = await runCli(['audit', '--policy', 'def.json', AZ_ML], {
        files: { 'def.json': definition('Indexed', 'Deny') },
      });
      expect(r.code).toBe(1);
      expect(r.out).toContain('rules: require-stop (Deny)\n');
      expect(r.out).toContain('  denied   require-stop: schedules: received ["Start Enabled"]');
    });

    test("the assignment's value wins over the default", async () => {
      const r = await runCli(['audit', '--policy', 'def.json', '--policy', 'assignment.json', AZ_ML], {
        files: { 'def.json': definition('All', 'Deny'), 'assignment.json': assignment('Audit') },
      });
      expect(r.code).toBe(0);
      expect(r.out).toContain('  audited  require-stop: schedules: received ["Start Enabled"]');
      expect(r.out).toMatch(/2 instances: 0 denied, 1 audited, 0 appended\n$/);
    });

    test('Disabled turns the rule off; a resource provider mode does not evaluate compute instances', async () => {
      const disabled = await runCli(['audit', '--policy', 'def.json', '--policy', 'assignment.json', AZ_ML], {
        files: { 'def.json': definition('All', 'Deny'), 'assignment.json': assignment('Disabled') },
      });
      // Nothing left to judge: exit 2, saying so and why (the README's exit codes).
      expect(disabled.err).toBe(
        'aml-compute audit: def.json, assignment.json: nothing judged: no rule in them is one this audit knows (require-stop: skipped: its effect is Disabled)\n',
      );
      expect(disabled.out).toBe('');
      expect(disabled.code).toBe(2);
      const keyVault = await runCli(['audit', '--policy', 'def.json', AZ_ML], {
        files: { 'def.json': definition('Microsoft.KeyVault.Data', 'Deny') },
      });
      expect(keyVault.err).toBe(
        'aml-compute audit: def.json: nothing judged: no rule in it is one this audit knows (require-stop: skipped: mode "Microsoft.KeyVault.Data" is a resource provider mode, which does not evaluate compute instances (only All and Indexed do))\n',
      );
      expect(keyVault.code).toBe(2);
    });

    test("a definition that is none of the library's rules is named, not guessed", async () => {
      const other = JSON.stringify({
        name: 'tags',
        properties: {
          mode: 'Indexed',
          policyRule: { if: { field: 'tags.team', exists: 'false' }, then: { effect: 'deny' } },
        },
      });
      const r = await runCli(['audit', '--policy', 'other.json', AZ_ML], { files: { 'other.json': other } });
      // Not "rules: none recognized" and every instance "compliant", exit 0: nothing was judged, and it says so.
      expect(r.err).toBe(
        "aml-compute audit: other.json: nothing judged: no rule in it is one this audit knows (tags: skipped: not a rule this audit knows (the ShutdownPolicy rules and the docs' default-schedule sample))\n",
      );
      expect(r.out).toBe('');
      expect(r.code).toBe(2);
      // With one rule it knows beside it, the other is named in a note and the instances are judged.
      const both = await runCli(['audit', '--policy', 'other.json', '--policy', DOCS_POLICY, AZ_ML], {
        files: { 'other.json': other },
      });
      expect(both.out).toContain(
        "note: tags: skipped: not a rule this audit knows (the ShutdownPolicy rules and the docs' default-schedule sample)\n",
      );
      expect(both.code).toBe(0);
    });

    test("an initiative referencing Azure's built-in idle-shutdown definition", async () => {
      const initiative = JSON.stringify({
        name: 'ml',
        properties: {
          parameters: { idleEffect: { type: 'String', defaultValue: 'Deny' } },
          policyDefinitions: [
            {
              policyDefinitionReferenceId: 'IdleBuiltIn',
              policyDefinitionId:
                '/providers/Microsoft.Authorization/policyDefinitions/679ddf89-ab8f-48a5-9029-e76054077449',
              parameters: { effect: { value: "[parameters('idleEffect')]" } },
            },
          ],
        },
      });
      const r = await runCli(['audit', '--policy', 'init.json', REST_GET], { files: { 'init.json': initiative } });
      expect(r.code).toBe(1);
      expect(r.out).toContain(
        '  denied   IdleBuiltIn: idleTimeBeforeShutdown: received no idle shutdown; allowed: an idle shutdown (idleTimeBeforeShutdown)\n',
      );
    });
  });

  test('with an assignment among the files, a definition nothing assigns is not judged, and is named', async () => {
    const { terraform } = ourPolicy();
    const r = await runCli(['audit', '--policy', DOCS_POLICY, '--policy', 'governance.tf.json', REST_GET], {
      files: { 'governance.tf.json': terraform },
    });
    expect(r.out).toContain(
      'rules: DefaultSchedules (Append), RequireStopSchedule (Deny), IdleShutdown (Append), DefaultSetupScript (Append)\n',
    );
    expect(r.out).toContain(
      'note: docs-default-schedule-policy: skipped: no assignment in the policy files assigns it\n',
    );
  });

  test('--format json and sarif', async () => {
    const { terraform } = ourPolicy();
    const files = { 'governance.tf.json': terraform };
    const json = JSON.parse(
      (await runCli(['audit', '--policy', 'governance.tf.json', AZ_ML, '--format', 'json'], { files })).out,
    );
    expect(json.rules).toEqual([
      { source: 'DefaultSchedules', rule: 'DefaultSchedules', effect: 'Append' },
      { source: 'RequireStopSchedule', rule: 'RequireStopSchedule', effect: 'Deny' },
      { source: 'IdleShutdown', rule: 'IdleShutdown', effect: 'Append' },
      { source: 'DefaultSetupScript', rule: 'DefaultSetupScript', effect: 'Append' },
    ]);
    expect(json.instances[1].findings.map((f: any) => [f.outcome, f.source, f.path])).toEqual([
      ['denied', 'IdleShutdown', '[1].idle_time_before_shutdown'],
      ['denied', 'RequireStopSchedule', '[1].schedules'],
    ]);
    const sarif = await runCli(['audit', '--policy', 'governance.tf.json', AZ_ML, '--format', 'sarif'], { files });
    expect(sarif.code).toBe(1);
    const schema = JSON.parse(readFixture('sarif-schema-2.1.0.json'));
    const { $schema, id, ...rest } = schema;
    void $schema;
    const validate = new Ajv({ strict: false, validateFormats: false }).compile({ ...rest, $id: id });
    const log = JSON.parse(sarif.out);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results.map((x: any) => [x.level, x.ruleId])).toEqual([
      ['note', 'DefaultSetupScript'],
      ['error', 'IdleShutdown'],
      ['error', 'RequireStopSchedule'],
    ]);
  });

  test.each([
    [['audit', AZ_ML], /^aml-compute audit: no --policy FILE given/],
    [['audit', '--policy', DOCS_POLICY], /^aml-compute audit: no INSTANCES file given/],
    [
      ['audit', '--policy', REST_GET, AZ_ML],
      /^aml-compute audit: test\/fixtures\/cli\/rest-get-compute-instance.json: no policy definition, initiative or assignment in it\n$/,
    ],
    [
      ['audit', '--policy', DOCS_POLICY, fixture('quickstart.azuredeploy.parameters.json')],
      /no compute instance to audit \(parameter files hold only schedules\)/,
    ],
    [['audit', '--policy', 'nope.json', AZ_ML], /^aml-compute audit: nope.json: cannot read it \(ENOENT\)\n$/],
  ])('exit 2: %j', async (argv, err) => {
    const r = await runCli(argv);
    expect(r.err).toMatch(err);
    expect(r.code).toBe(2);
  });
});
