import { Lazy } from 'cdktf';
import { ArmComputeStartStopSchedule, Duration, SetupScript, StartStopSchedule } from '../../src';
import { ArmComputeInstanceProperties } from '../../src/model/compute-arm';
import { evaluateRules } from '../../src/policy/evaluate';
import { defaultSchedulesRule } from '../../src/policy/rules/default-schedules';
import { defaultSetupScriptRule } from '../../src/policy/rules/default-setup-script';
import { idleShutdownRule, IDLE_SHUTDOWN_BUILT_IN_DEFINITION_ID } from '../../src/policy/rules/idle-shutdown';
import { requireSetupScriptRule } from '../../src/policy/rules/require-setup-script';
import { requireStopScheduleRule } from '../../src/policy/rules/require-stop-schedule';
import { ShutdownRule } from '../../src/policy/shutdown-rule';
import { DOCS_POLICY_RULE } from '../support/azure-samples';
import { computeResource, ruleMatches } from '../support/policy-engine';
import { C, EXPECTED_RULES, IS_COMPUTE_INSTANCE } from '../support/policy-rules';

const BARE: ArmComputeInstanceProperties = { vmSize: 'Standard_DS3_v2', sshSettings: { sshPublicAccess: 'Disabled' } };
const stopAt = (hour: number, enabled = true) =>
  StartStopSchedule.cron({
    action: 'Stop',
    expression: `0 ${hour} * * *`,
    timeZone: 'Pacific Standard Time',
    enabled,
  }).toArm();
const startAt8 = StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * 1-5' }).toArm();
const withSchedules = (...entries: ArmComputeStartStopSchedule[]): ArmComputeInstanceProperties => ({
  ...BARE,
  schedules: { computeStartStop: entries },
});

/** The rule's JSON, run by the policy model, must agree with the rule's synth-time check. */
function expectAgreement(rule: ShutdownRule, ci: ArmComputeInstanceProperties): void {
  const matches = ruleMatches(
    rule.policyRule!,
    computeResource({ computeType: 'ComputeInstance', disableLocalAuth: true, properties: ci }),
  );
  expect(matches).toBe(rule.check(ci).status === 'non-compliant');
}

describe('DefaultSchedules rule', () => {
  const rule = defaultSchedulesRule([stopAt(22)]);

  test("is the docs' default-schedule sample, with the effect as a parameter and the type stated", () => {
    const same = defaultSchedulesRule([
      StartStopSchedule.cron({
        action: 'Stop',
        expression: '0 22 * * *',
        timeZone: 'Pacific Standard Time',
        startTime: '2021-03-10T21:21:07',
      }).toArm(),
    ]).policyRule!;
    expect(same.then).toEqual({ ...DOCS_POLICY_RULE.then, effect: "[parameters('effect')]" });
    expect(same.if).toEqual({ allOf: [IS_COMPUTE_INSTANCE[0], ...DOCS_POLICY_RULE.if.allOf] });
  });

  test('allows Append or Disabled, Append by default', () => {
    expect([rule.allowedEffects, rule.defaultEffect, rule.effect]).toEqual([
      ['Append', 'Disabled'],
      'Append',
      'Append',
    ]);
  });

  test('is compliant for an instance with schedules of its own', () => {
    const ci = withSchedules(startAt8);
    expect(rule.check(ci)).toEqual({ status: 'compliant' });
    expectAgreement(rule, ci);
  });

  test('is non-compliant for an instance without schedules, and adds the defaults to it', () => {
    expect(rule.check(BARE)).toEqual({
      status: 'non-compliant',
      field: 'schedules',
      received: 'no schedules',
      allowed: 'schedules of its own, or the default ones',
    });
    expectAgreement(rule, BARE);
    expect(rule.append!.apply(BARE)).toEqual({ ...BARE, schedules: { computeStartStop: [stopAt(22)] } });
    expect(rule.append!.description).toBe(
      'schedules = {"computeStartStop":[{"action":"Stop","triggerType":"Cron","status":"Enabled","cron":{"expression":"0 22 * * *","timeZone":"Pacific Standard Time"}}]}',
    );
  });
});

describe('RequireStopSchedule rule', () => {
  const rule = requireStopScheduleRule('Deny');

  test('counts the enabled Stop entries through the [*] alias, and matches when there are none', () => {
    expect(rule.policyRule).toEqual(EXPECTED_RULES.requireStopSchedule);
  });

  test('allows Audit, Deny or Disabled, Audit by default, and takes the effect given', () => {
    expect([rule.allowedEffects, rule.defaultEffect, rule.effect]).toEqual([
      ['Audit', 'Deny', 'Disabled'],
      'Audit',
      'Deny',
    ]);
    expect(requireStopScheduleRule('Audit').effect).toBe('Audit');
  });

  test('is compliant with an enabled Stop among other schedules', () => {
    const ci = withSchedules(startAt8, stopAt(19));
    expect(rule.check(ci)).toEqual({ status: 'compliant' });
    expectAgreement(rule, ci);
  });

  test('is non-compliant without schedules', () => {
    expect(rule.check(BARE)).toEqual({
      status: 'non-compliant',
      field: 'schedules',
      received: 'no schedules',
      allowed: 'at least one schedule with action "Stop" and status "Enabled"',
    });
    expectAgreement(rule, BARE);
  });

  test('is non-compliant when the only Stop schedule has no status, and says Azure Policy needs it written', () => {
    const noStatus: ArmComputeStartStopSchedule = {
      action: 'Stop',
      triggerType: 'Cron',
      cron: { expression: '0 19 * * *' },
    };
    const ci = withSchedules(startAt8, noStatus);
    expect(rule.check(ci)).toEqual({
      status: 'non-compliant',
      field: 'schedules',
      received: '["Start Enabled","Stop (status missing)"]',
      allowed:
        'at least one schedule with action "Stop" and status "Enabled"; schedules[1] is a Stop without status: Azure runs it, but Azure Policy\'s rule requires status "Enabled" written explicitly (a missing status does not equal "Enabled")',
    });
    expectAgreement(rule, ci);
  });

  test('names every Stop without status', () => {
    const noStatus: ArmComputeStartStopSchedule = {
      action: 'Stop',
      triggerType: 'Cron',
      cron: { expression: '0 19 * * *' },
    };
    const verdict = rule.check(withSchedules(noStatus, startAt8, { ...noStatus, cron: { expression: '0 20 * * *' } }));
    expect(verdict.status === 'non-compliant' && verdict.allowed).toBe(
      'at least one schedule with action "Stop" and status "Enabled"; schedules[0], schedules[2] are Stops without status: Azure runs them, but Azure Policy\'s rule requires status "Enabled" written explicitly (a missing status does not equal "Enabled")',
    );
  });

  test('is non-compliant when the only Stop schedule is disabled', () => {
    const ci = withSchedules(startAt8, stopAt(19, false));
    expect(rule.check(ci)).toEqual({
      status: 'non-compliant',
      field: 'schedules',
      received: '["Start Enabled","Stop Disabled"]',
      allowed: 'at least one schedule with action "Stop" and status "Enabled"',
    });
    expectAgreement(rule, ci);
  });
});

describe('IdleShutdown rule', () => {
  const idle = (value: string | undefined): ArmComputeInstanceProperties =>
    value === undefined ? BARE : { ...BARE, idleTimeBeforeShutdown: value };

  test('without max: matches an instance without idle shutdown, no details', () => {
    const rule = idleShutdownRule({ effect: 'Audit' });
    expect(rule.policyRule).toEqual({
      if: {
        allOf: [
          ...IS_COMPUTE_INSTANCE,
          {
            anyOf: [
              { field: `${C}/idleTimeBeforeShutdown`, exists: 'false' },
              { field: `${C}/idleTimeBeforeShutdown`, equals: '' },
            ],
          },
        ],
      },
      then: { effect: "[parameters('effect')]" },
    });
    expect([rule.allowedEffects, rule.defaultEffect, rule.effect]).toEqual([
      ['Audit', 'Deny', 'Disabled'],
      'Audit',
      'Audit',
    ]);
  });

  test('with max and default: also matches a longer idle time, and appends the default', () => {
    const rule = idleShutdownRule({ effect: 'Append', default: Duration.hours(1), max: Duration.hours(4) });
    const anyOf = ((rule.policyRule!.if.allOf as unknown[])[2] as { anyOf: Array<Record<string, unknown>> }).anyOf;
    expect(anyOf[2]).toEqual({ value: anyOf[2].value, greater: 14400 });
    expect(String(anyOf[2].value).startsWith('[add(')).toBe(true);
    expect(rule.policyRule!.then).toEqual({
      effect: "[parameters('effect')]",
      details: [{ field: `${C}/idleTimeBeforeShutdown`, value: 'PT1H' }],
    });
    expect([rule.allowedEffects, rule.defaultEffect, rule.effect]).toEqual([
      ['Append', 'Audit', 'Deny', 'Disabled'],
      'Audit',
      'Append',
    ]);
  });

  describe.each(['Audit', 'Deny', 'Append'] as const)('with effect %s and max 4 hours', (effect) => {
    const rule = idleShutdownRule({
      effect,
      max: Duration.hours(4),
      ...(effect === 'Append' ? { default: Duration.hours(1) } : {}),
    });

    test('is compliant at the maximum, and below it', () => {
      for (const value of ['PT4H', 'PT240M', 'PT30M']) {
        expect(rule.check(idle(value))).toEqual({ status: 'compliant' });
        expectAgreement(rule, idle(value));
      }
    });

    test('is non-compliant above the maximum', () => {
      expect(rule.check(idle('PT4H1M'))).toEqual({
        status: 'non-compliant',
        field: 'idleTimeBeforeShutdown',
        received: '"PT4H1M"',
        allowed: 'an idle shutdown of at most 4 hours (PT4H)',
      });
      expectAgreement(rule, idle('PT4H1M'));
      expectAgreement(rule, idle('P1D'));
    });

    test('is non-compliant without idle shutdown', () => {
      expect(rule.check(BARE)).toEqual({
        status: 'non-compliant',
        field: 'idleTimeBeforeShutdown',
        received: 'no idle shutdown',
        allowed: 'an idle shutdown of at most 4 hours (PT4H)',
      });
      expectAgreement(rule, BARE);
    });
  });

  test('Append adds the default to an instance without idle shutdown, and cannot replace one', () => {
    const rule = idleShutdownRule({ effect: 'Append', default: Duration.minutes(45) });
    expect(rule.append!.apply(BARE)).toEqual({ ...BARE, idleTimeBeforeShutdown: 'PT45M' });
    expect(rule.append!.apply(idle('P2D'))).toBeUndefined();
    expect(rule.append!.description).toBe('idleTimeBeforeShutdown = "PT45M"');
  });

  test("the built-in variant references Azure's definition and has no rule of its own", () => {
    const rule = idleShutdownRule({ effect: 'Deny', useBuiltInDefinition: true });
    expect(rule.builtInDefinitionId).toBe(IDLE_SHUTDOWN_BUILT_IN_DEFINITION_ID);
    expect(IDLE_SHUTDOWN_BUILT_IN_DEFINITION_ID).toBe(
      '/providers/Microsoft.Authorization/policyDefinitions/679ddf89-ab8f-48a5-9029-e76054077449',
    );
    expect(rule.policyRule).toBeUndefined();
    expect([rule.allowedEffects, rule.effect]).toEqual([['Audit', 'Deny', 'Disabled'], 'Deny']);
    expect(rule.check(idle('P3D'))).toEqual({ status: 'compliant' });
    expect(rule.check(BARE).status).toBe('non-compliant');
  });
});

describe('DefaultSetupScript rule', () => {
  const script = SetupScript.inline('echo hi', { arguments: '--fast', timeout: Duration.minutes(20) }).toArm();
  const rule = defaultSetupScriptRule(script);

  test('appends the creation script field by field, to an instance without one', () => {
    expect(rule.policyRule).toEqual({
      if: { allOf: [...IS_COMPUTE_INSTANCE, { field: `${C}/setupScripts.scripts.creationScript`, exists: 'false' }] },
      then: {
        effect: "[parameters('effect')]",
        details: [
          { field: `${C}/setupScripts.scripts.creationScript.scriptSource`, value: 'inline' },
          { field: `${C}/setupScripts.scripts.creationScript.scriptData`, value: 'ZWNobyBoaQ==' },
          { field: `${C}/setupScripts.scripts.creationScript.scriptArguments`, value: '--fast' },
          { field: `${C}/setupScripts.scripts.creationScript.timeout`, value: '20m' },
        ],
      },
    });
    expect([rule.allowedEffects, rule.defaultEffect, rule.effect]).toEqual([
      ['Append', 'Disabled'],
      'Append',
      'Append',
    ]);
  });

  test('is compliant for an instance with its own creation script', () => {
    const ci = { ...BARE, setupScripts: { scripts: { creationScript: SetupScript.inline('ls').toArm() } } };
    expect(rule.check(ci)).toEqual({ status: 'compliant' });
    expectAgreement(rule, ci);
  });

  test('is non-compliant without a creation script, and adds the default beside a startup script', () => {
    const ci = { ...BARE, setupScripts: { scripts: { startupScript: SetupScript.inline('ls').toArm() } } };
    expect(rule.check(ci)).toEqual({
      status: 'non-compliant',
      field: 'setupScripts.scripts.creationScript',
      received: 'no creation script',
      allowed: 'a creation script of its own, or the default one',
    });
    expectAgreement(rule, ci);
    expect(rule.append!.apply(ci)).toEqual({
      ...BARE,
      setupScripts: { scripts: { startupScript: SetupScript.inline('ls').toArm(), creationScript: script } },
    });
  });
});

describe('RequireSetupScript rule', () => {
  const rule = requireSetupScriptRule('Audit');

  test('matches an instance whose creation script has no data', () => {
    expect(rule.policyRule).toEqual(EXPECTED_RULES.requireSetupScript);
    expect([rule.allowedEffects, rule.defaultEffect, rule.effect]).toEqual([
      ['Audit', 'Deny', 'Disabled'],
      'Audit',
      'Audit',
    ]);
  });

  test('is compliant with a creation script', () => {
    const ci = { ...BARE, setupScripts: { scripts: { creationScript: SetupScript.inline('ls').toArm() } } };
    expect(rule.check(ci)).toEqual({ status: 'compliant' });
    expectAgreement(rule, ci);
  });

  test('is non-compliant with only a startup script', () => {
    const ci = { ...BARE, setupScripts: { scripts: { startupScript: SetupScript.inline('ls').toArm() } } };
    expect(rule.check(ci)).toEqual({
      status: 'non-compliant',
      field: 'setupScripts.scripts.creationScript',
      received: 'no creation script',
      allowed: 'a creation script',
    });
    expectAgreement(rule, ci);
  });
});

describe("evaluateRules, in Azure's order", () => {
  test('appends first, so a default Stop schedule satisfies a Deny on schedules', () => {
    const findings = evaluateRules([requireStopScheduleRule('Deny'), defaultSchedulesRule([stopAt(22)])], BARE);
    expect(findings.map((f) => [f.rule.name, f.outcome])).toEqual([['DefaultSchedules', 'appended']]);
  });

  test('an append that would replace a value is a denial', () => {
    const findings = evaluateRules(
      [idleShutdownRule({ effect: 'Append', default: Duration.hours(1), max: Duration.hours(2) })],
      { ...BARE, idleTimeBeforeShutdown: 'PT3H' },
    );
    expect(findings).toEqual([
      expect.objectContaining({ outcome: 'denied', field: 'idleTimeBeforeShutdown', received: '"PT3H"' }),
    ]);
  });

  test('Disabled rules are skipped, Audit rules audit', () => {
    const findings = evaluateRules([requireStopScheduleRule('Disabled'), requireSetupScriptRule('Audit')], BARE);
    expect(findings.map((f) => [f.rule.name, f.outcome])).toEqual([['RequireSetupScript', 'audited']]);
  });

  test('a schedule status known only at apply is reported as not checked', () => {
    const status = Lazy.stringValue({ produce: () => 'Enabled' }) as 'Enabled';
    const ci = withSchedules({ action: 'Stop', triggerType: 'Cron', status, cron: { expression: '0 22 * * *' } });
    expect(requireStopScheduleRule('Deny').check(ci)).toEqual({
      status: 'not-applicable',
      reason: "a schedule's action or status is known only at apply",
    });
    expect(evaluateRules([requireStopScheduleRule('Deny')], ci).map((f) => f.outcome)).toEqual(['unknown']);
  });
});
