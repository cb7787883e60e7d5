import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  ComputeInstance,
  ComputeInstanceProps,
  Duration,
  SetupScript,
  ShutdownPolicy,
  ShutdownPolicyProps,
  StartStopSchedule,
} from '../../src';
import { errorsOf, infosOf } from '../support/annotations';
import { newStack, REQUIRED, SUBSCRIPTION, thrown, warningsOf, WORKSPACE_ID } from '../support/stack';
import { STOP_AT_22 } from '../support/policy-rules';

const MG = { managementGroupId: 'mg-ml' };
const STOP_AT_19 = StartStopSchedule.cron({
  action: 'Stop',
  expression: '0 19 * * *',
  timeZone: 'W. Europe Standard Time',
});
const START_AT_8 = StartStopSchedule.cron({
  action: 'Start',
  expression: '0 8 * * 1-5',
  timeZone: 'W. Europe Standard Time',
});
const COMPLIANT_PROPS: ComputeInstanceProps = {
  ...REQUIRED,
  schedules: [STOP_AT_19],
  idleShutdown: Duration.minutes(30),
  setupScripts: { creation: SetupScript.inline('echo hi') },
};

/** An app with the policy in a stack of its own and one instance in another; synthesizes the instance's stack. */
function check(
  policy: Omit<ShutdownPolicyProps, 'scope'> & { scope?: ShutdownPolicyProps['scope'] },
  instance: ComputeInstanceProps,
) {
  const { app, stack } = newStack('workstations');
  const ci = new ComputeInstance(stack, 'ci', instance);
  new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', { scope: MG, ...policy });
  Testing.synth(stack, true);
  return { errors: errorsOf(ci), warnings: warningsOf(ci), infos: infosOf(ci) };
}
const none = { errors: [], warnings: [], infos: [] };
/** The instance's own warning (not the policy's) for schedules that start it and never stop it. */
const NEVER_STOPS =
  'The schedules start the instance but none stops it, and there is no idle shutdown: it runs (and costs) until someone stops it. Add a Stop schedule or idleShutdown.';
const HEAD = (rule: string, effect: string) => `${rule} (${effect}, ShutdownPolicy governance/shutdown)`;

describe('RequireStopSchedule at synth', () => {
  test.each(['Audit', 'Deny'] as const)('with %s: an instance with an enabled Stop schedule passes', (effect) => {
    expect(check({ requireSchedules: effect }, { ...REQUIRED, schedules: [START_AT_8, STOP_AT_19] })).toEqual(none);
  });

  test('with Audit: an instance without schedules gets a warning', () => {
    expect(check({ requireSchedules: 'Audit' }, REQUIRED)).toEqual({
      ...none,
      warnings: [
        `${HEAD('RequireStopSchedule', 'Audit')}: schedules: received no schedules; allowed: at least one schedule with action "Stop" and status "Enabled". Azure Policy reports this instance non-compliant.`,
      ],
    });
  });

  test('with Deny: an instance whose Stop schedule is disabled is an error', () => {
    const disabledStop = StartStopSchedule.cron({ action: 'Stop', expression: '0 19 * * *', enabled: false });
    expect(check({ requireSchedules: 'Deny' }, { ...REQUIRED, schedules: [START_AT_8, disabledStop] })).toEqual({
      ...none,
      warnings: [NEVER_STOPS],
      errors: [
        `${HEAD('RequireStopSchedule', 'Deny')}: schedules: received ["Start Enabled","Stop Disabled"]; allowed: at least one schedule with action "Stop" and status "Enabled". Azure Policy refuses this instance.`,
      ],
    });
  });

  test('with Deny: an instance whose only Stop schedule has no status is an error that says to write status "Enabled"', () => {
    const stopWithoutStatus = StartStopSchedule.fromArm({
      action: 'Stop',
      triggerType: 'Cron',
      cron: { expression: '0 19 * * *', timeZone: 'UTC' },
    });
    expect(check({ requireSchedules: 'Deny' }, { ...REQUIRED, schedules: [stopWithoutStatus] })).toEqual({
      ...none,
      errors: [
        `${HEAD('RequireStopSchedule', 'Deny')}: schedules: received ["Stop (status missing)"]; allowed: at least one schedule with action "Stop" and status "Enabled"; schedules[0] is a Stop without status: Azure runs it, but Azure Policy's rule requires status "Enabled" written explicitly (a missing status does not equal "Enabled"). Azure Policy refuses this instance.`,
      ],
    });
  });

  test('with Disabled: nothing is checked', () => {
    expect(check({ requireSchedules: 'Disabled' }, REQUIRED)).toEqual(none);
  });
});

describe('DefaultSchedules at synth', () => {
  const defaults = {
    defaultSchedules: [STOP_AT_22],
  };

  test('an instance with schedules of its own is left alone', () => {
    expect(check(defaults, { ...REQUIRED, schedules: [START_AT_8] })).toEqual({ ...none, warnings: [NEVER_STOPS] });
  });

  test('an instance without schedules is told the schedules Azure adds', () => {
    expect(check(defaults, REQUIRED)).toEqual({
      ...none,
      infos: [
        `${HEAD('DefaultSchedules', 'Append')}: Azure Policy adds schedules = {"computeStartStop":[{"action":"Stop","triggerType":"Cron","status":"Enabled","cron":{"expression":"0 22 * * *","timeZone":"Pacific Standard Time"}}]} when it creates this instance.`,
      ],
    });
  });

  test('the added schedules satisfy a Deny on schedules, as Azure appends before it denies', () => {
    const result = check({ ...defaults, requireSchedules: 'Deny' }, REQUIRED);
    expect(result.errors).toEqual([]);
    expect(result.infos).toHaveLength(1);
  });
});

describe('IdleShutdown at synth', () => {
  const max4h = { max: Duration.hours(4) };

  test.each(['Audit', 'Deny'] as const)('with %s: an instance within the maximum passes', (effect) => {
    expect(check({ idleShutdown: { effect, ...max4h } }, { ...REQUIRED, idleShutdown: Duration.hours(4) })).toEqual(
      none,
    );
  });

  test('with Audit: a longer idle time gets a warning', () => {
    expect(
      check({ idleShutdown: { effect: 'Audit', ...max4h } }, { ...REQUIRED, idleShutdown: Duration.hours(5) }),
    ).toEqual({
      ...none,
      warnings: [
        `${HEAD('IdleShutdown', 'Audit')}: idleTimeBeforeShutdown: received "PT5H"; allowed: an idle shutdown of at most 4 hours (PT4H). Azure Policy reports this instance non-compliant.`,
      ],
    });
  });

  test('with Deny: an instance without idle shutdown is an error', () => {
    expect(check({ idleShutdown: { effect: 'Deny' } }, REQUIRED)).toEqual({
      ...none,
      errors: [
        `${HEAD('IdleShutdown', 'Deny')}: idleTimeBeforeShutdown: received no idle shutdown; allowed: an idle shutdown (idleTimeBeforeShutdown). Azure Policy refuses this instance.`,
      ],
    });
  });

  test('with Append: an instance without idle shutdown is told the value Azure adds', () => {
    expect(check({ idleShutdown: { effect: 'Append', default: Duration.hours(1), ...max4h } }, REQUIRED)).toEqual({
      ...none,
      infos: [
        `${HEAD('IdleShutdown', 'Append')}: Azure Policy adds idleTimeBeforeShutdown = "PT1H" when it creates this instance.`,
      ],
    });
  });

  test('with Append: an instance within the maximum passes', () => {
    expect(
      check(
        { idleShutdown: { effect: 'Append', default: Duration.hours(1), ...max4h } },
        { ...REQUIRED, idleShutdown: Duration.minutes(90) },
      ),
    ).toEqual(none);
  });

  test('with Append: a longer idle time is an error, since the append would replace it', () => {
    expect(
      check(
        { idleShutdown: { effect: 'Append', default: Duration.hours(1), ...max4h } },
        { ...REQUIRED, idleShutdown: Duration.days(1) },
      ),
    ).toEqual({
      ...none,
      errors: [
        `${HEAD('IdleShutdown', 'Append')}: idleTimeBeforeShutdown: received "P1D"; allowed: an idle shutdown of at most 4 hours (PT4H). Azure Policy refuses this instance (an append that would replace a value acts as a deny).`,
      ],
    });
  });

  test('with the built-in definition and Deny: an instance without idle shutdown is an error, any idle time passes', () => {
    const builtIn = { idleShutdown: { effect: 'Deny' as const, useBuiltInDefinition: true } };
    expect(check(builtIn, REQUIRED).errors).toEqual([
      `${HEAD('IdleShutdown', 'Deny')}: idleTimeBeforeShutdown: received no idle shutdown; allowed: an idle shutdown (idleTimeBeforeShutdown). Azure Policy refuses this instance.`,
    ]);
    expect(check(builtIn, { ...REQUIRED, idleShutdown: Duration.days(3) })).toEqual(none);
  });
});

describe('setup scripts at synth', () => {
  test('DefaultSetupScript: an instance with its own creation script is left alone', () => {
    expect(check({ defaultSetupScript: SetupScript.inline('echo default') }, COMPLIANT_PROPS)).toEqual(none);
  });

  test('DefaultSetupScript: an instance without one is told the script Azure adds', () => {
    expect(check({ defaultSetupScript: SetupScript.inline('echo default') }, REQUIRED)).toEqual({
      ...none,
      infos: [
        `${HEAD('DefaultSetupScript', 'Append')}: Azure Policy adds setupScripts.scripts.creationScript = {"scriptSource":"inline","scriptData":"ZWNobyBkZWZhdWx0"} when it creates this instance.`,
      ],
    });
  });

  test.each(['Audit', 'Deny'] as const)(
    'RequireSetupScript with %s: an instance with a creation script passes',
    (effect) => {
      expect(check({ requireSetupScript: effect }, COMPLIANT_PROPS)).toEqual(none);
    },
  );

  test('RequireSetupScript with Audit: an instance with only a startup script gets a warning', () => {
    expect(
      check({ requireSetupScript: 'Audit' }, { ...REQUIRED, setupScripts: { startup: SetupScript.inline('ls') } })
        .warnings,
    ).toEqual([
      `${HEAD('RequireSetupScript', 'Audit')}: setupScripts.scripts.creationScript: received no creation script; allowed: a creation script. Azure Policy reports this instance non-compliant.`,
    ]);
  });

  test('RequireSetupScript with Deny: an instance without a creation script is an error, unless a default is added first', () => {
    expect(check({ requireSetupScript: 'Deny' }, REQUIRED).errors).toEqual([
      `${HEAD('RequireSetupScript', 'Deny')}: setupScripts.scripts.creationScript: received no creation script; allowed: a creation script. Azure Policy refuses this instance.`,
    ]);
    expect(
      check({ requireSetupScript: 'Deny', defaultSetupScript: SetupScript.inline('echo default') }, REQUIRED).errors,
    ).toEqual([]);
  });
});

describe('which instances a policy checks', () => {
  const OTHER_SUBSCRIPTION = '99999999-0000-0000-0000-000000000000';
  const deny = { requireSchedules: 'Deny' as const };

  test('a subscription policy checks instances of that subscription only', () => {
    expect(check({ ...deny, scope: { subscriptionId: SUBSCRIPTION } }, REQUIRED).errors).toHaveLength(1);
    expect(check({ ...deny, scope: { subscriptionId: OTHER_SUBSCRIPTION } }, REQUIRED)).toEqual(none);
  });

  test('a resource-group policy checks instances of that group only, comparing ids as Azure does, without case', () => {
    expect(
      check({ ...deny, scope: { resourceGroupId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/RG-ML` } }, REQUIRED)
        .errors,
    ).toHaveLength(1);
    expect(
      check(
        { ...deny, scope: { resourceGroupId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-other` } },
        REQUIRED,
      ),
    ).toEqual(none);
  });

  test('a management-group policy checks every instance: the ids do not say which subscriptions it holds', () => {
    const elsewhere = WORKSPACE_ID.replace(SUBSCRIPTION, OTHER_SUBSCRIPTION);
    expect(check(deny, { ...REQUIRED, workspaceId: elsewhere }).errors).toHaveLength(1);
  });

  test('an instance whose workspace is known only at apply is checked by every policy', () => {
    const { app, stack } = newStack('workstations');
    const workspace = new TerraformVariable(stack, 'workspace', { type: 'string' });
    const ci = new ComputeInstance(stack, 'ci', { ...REQUIRED, workspaceId: workspace.stringValue });
    new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', {
      ...deny,
      scope: { subscriptionId: OTHER_SUBSCRIPTION },
    });
    Testing.synth(stack, true);
    expect(errorsOf(ci)).toHaveLength(1);
  });

  test('a policy declared before the instance, in the same stack, checks it too', () => {
    const { stack } = newStack('all');
    new ShutdownPolicy(stack, 'shutdown', { ...deny, scope: MG });
    const ci = new ComputeInstance(stack, 'ci', REQUIRED);
    Testing.synth(stack, true);
    expect(errorsOf(ci)).toEqual([
      `${HEAD('RequireStopSchedule', 'Deny').replace('governance/shutdown', 'all/shutdown')}: schedules: received no schedules; allowed: at least one schedule with action "Stop" and status "Enabled". Azure Policy refuses this instance.`,
    ]);
  });

  test('every policy of the app judges the instance', () => {
    const { app, stack } = newStack('workstations');
    const ci = new ComputeInstance(stack, 'ci', REQUIRED);
    const governance = new TerraformStack(app, 'governance');
    new ShutdownPolicy(governance, 'schedules', { scope: MG, requireSchedules: 'Audit' });
    new ShutdownPolicy(governance, 'idle', { scope: MG, idleShutdown: { effect: 'Audit' } });
    Testing.synth(stack, true);
    expect(warningsOf(ci).map((w) => w.slice(0, w.indexOf(')') + 1))).toEqual([
      'RequireStopSchedule (Audit, ShutdownPolicy governance/schedules)',
      'IdleShutdown (Audit, ShutdownPolicy governance/idle)',
    ]);
  });

  test('an app without policies adds nothing', () => {
    const { stack } = newStack('workstations');
    const ci = new ComputeInstance(stack, 'ci', REQUIRED);
    Testing.synth(stack, true);
    expect([errorsOf(ci), infosOf(ci)]).toEqual([[], []]);
  });
});

describe('synth refuses what Azure Policy would refuse', () => {
  test("app.synth fails with the instance's path and the rule's name", () => {
    const { app, stack } = newStack('workstations');
    new ComputeInstance(stack, 'alice', REQUIRED);
    new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', { scope: MG, requireSchedules: 'Deny' });
    const e = thrown(() => app.synth());
    expect(e.message).toContain(
      'Encountered Annotations with level "ERROR":\n[workstations/alice] RequireStopSchedule (Deny, ShutdownPolicy governance/shutdown): schedules: received no schedules;',
    );
  });

  test('app.synth passes when every instance complies', () => {
    const { app, stack } = newStack('workstations');
    new ComputeInstance(stack, 'alice', COMPLIANT_PROPS);
    new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', {
      scope: MG,
      requireSchedules: 'Deny',
      idleShutdown: { effect: 'Deny', max: Duration.hours(1) },
      requireSetupScript: 'Deny',
    });
    expect(() => app.synth()).not.toThrow();
  });
});

describe('when the check runs', () => {
  test("a policy in a stack declared before the instance's stack judges the instance at app.synth", () => {
    const app = Testing.app();
    new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', { scope: MG, requireSchedules: 'Deny' });
    new ComputeInstance(new TerraformStack(app, 'workstations'), 'alice', REQUIRED);
    const e = thrown(() => app.synth());
    expect(e.message).toContain(
      'Encountered Annotations with level "ERROR":\n[workstations/alice] RequireStopSchedule (Deny, ShutdownPolicy governance/shutdown): schedules: received no schedules;',
    );
  });

  test('synthesizing twice annotates once', () => {
    const { app, stack } = newStack('workstations');
    const ci = new ComputeInstance(stack, 'ci', REQUIRED);
    new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', { scope: MG, requireSchedules: 'Audit' });
    Testing.synth(stack, true);
    Testing.synth(stack, true);
    expect(warningsOf(ci)).toHaveLength(1);
  });

  test('Testing.synth without runValidations does not run it, as for any validation', () => {
    const { app, stack } = newStack('workstations');
    const ci = new ComputeInstance(stack, 'ci', REQUIRED);
    new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', { scope: MG, requireSchedules: 'Deny' });
    Testing.synth(stack);
    expect(errorsOf(ci)).toEqual([]);
  });
});
