import { Duration } from '../duration';
import { Problems } from '../errors';
import { StartStopSchedule } from '../schedule/start-stop-schedule';
import { SetupScript } from '../setup-script/setup-script';
import { defaultSchedulesRule } from './rules/default-schedules';
import { defaultSetupScriptRule } from './rules/default-setup-script';
import { idleShutdownRule } from './rules/idle-shutdown';
import { requireSetupScriptRule } from './rules/require-setup-script';
import { requireStopScheduleRule } from './rules/require-stop-schedule';
import { ShutdownPolicyProps } from './shutdown-policy-props';
import { ShutdownRule } from './shutdown-rule';

const REQUIREMENT_EFFECTS = ['Audit', 'Deny', 'Disabled'];
const IDLE_EFFECTS = ['Audit', 'Deny', 'Append'];
const MAX_SCHEDULES = 4;
const IDLE_MIN = Duration.minutes(15);
const IDLE_MAX = Duration.days(3);

/** The rules the props ask for, in a fixed order; problems go under the prop's name. */
export function rulesFromProps(problems: Problems, props: ShutdownPolicyProps): ShutdownRule[] {
  const rules: ShutdownRule[] = [];
  const schedules = props.defaultSchedules;
  if (schedules !== undefined) {
    if (!Array.isArray(schedules) || schedules.length === 0 || schedules.length > MAX_SCHEDULES) {
      problems.add('defaultSchedules', Array.isArray(schedules) ? `${schedules.length} schedules` : schedules, `allowed: 1 to ${MAX_SCHEDULES} schedules`);
    } else if (schedules.some((s) => typeof (s as Partial<StartStopSchedule> | undefined)?.toArm !== 'function')) {
      problems.add('defaultSchedules', schedules, 'allowed: StartStopSchedule values (StartStopSchedule.cron(...) and the other factories)');
    } else {
      const entries = schedules.map((s) => s.toArm());
      rules.push(defaultSchedulesRule(entries));
      const stops = entries.some((e) => e.action === 'Stop' && e.status === 'Enabled');
      if (!stops && (props.requireSchedules === 'Audit' || props.requireSchedules === 'Deny')) {
        problems.add('defaultSchedules', entries.map((e) => `${e.action} ${e.status}`),
          `allowed: with requireSchedules "${props.requireSchedules}", an enabled Stop schedule among the defaults (otherwise every instance that gets them is still non-compliant)`);
      }
    }
  }
  if (props.requireSchedules !== undefined) {
    if (REQUIREMENT_EFFECTS.includes(props.requireSchedules)) rules.push(requireStopScheduleRule(props.requireSchedules));
    else problems.add('requireSchedules', props.requireSchedules, 'allowed: "Audit", "Deny" or "Disabled"');
  }
  if (props.idleShutdown !== undefined) {
    const before = problems.count;
    validateIdleShutdown(problems, props.idleShutdown);
    if (problems.count === before) rules.push(idleShutdownRule(props.idleShutdown));
  }
  if (props.defaultSetupScript !== undefined) {
    if (props.defaultSetupScript instanceof SetupScript) rules.push(defaultSetupScriptRule(props.defaultSetupScript.toArm()));
    else problems.add('defaultSetupScript', props.defaultSetupScript, 'allowed: a SetupScript (SetupScript.inline(...))');
  }
  if (props.requireSetupScript !== undefined) {
    if (REQUIREMENT_EFFECTS.includes(props.requireSetupScript)) rules.push(requireSetupScriptRule(props.requireSetupScript));
    else problems.add('requireSetupScript', props.requireSetupScript, 'allowed: "Audit", "Deny" or "Disabled"');
  }
  if (problems.count === 0 && rules.length === 0) {
    problems.add('props', 'no rule', 'allowed: at least one of defaultSchedules, requireSchedules, idleShutdown, defaultSetupScript, requireSetupScript');
  }
  return rules;
}

function validateIdleShutdown(problems: Problems, idle: NonNullable<ShutdownPolicyProps['idleShutdown']>): void {
  if (!IDLE_EFFECTS.includes(idle.effect)) problems.add('idleShutdown.effect', idle.effect, 'allowed: "Audit", "Deny" or "Append"');
  for (const field of ['default', 'max'] as const) {
    const d = idle[field];
    if (d === undefined) continue;
    if (!(d instanceof Duration)) {
      problems.add(`idleShutdown.${field}`, d, 'allowed: a Duration');
    } else if (d.toSeconds() < IDLE_MIN.toSeconds() || d.toSeconds() > IDLE_MAX.toSeconds()) {
      problems.add(`idleShutdown.${field}`, d.toHumanString(), 'allowed: 15 minutes to 3 days (Azure\'s idle shutdown bounds)');
    }
  }
  if (idle.default instanceof Duration && idle.max instanceof Duration && idle.default.toSeconds() > idle.max.toSeconds()) {
    problems.add('idleShutdown.default', idle.default.toHumanString(), `allowed: at most max (${idle.max.toHumanString()})`);
  }
  if (idle.useBuiltInDefinition) {
    if (idle.effect === 'Append') problems.add('idleShutdown.effect', idle.effect, 'allowed: "Audit" or "Deny" with useBuiltInDefinition (the built-in cannot append)');
    if (idle.default !== undefined) problems.add('idleShutdown.default', idle.default instanceof Duration ? idle.default.toHumanString() : idle.default, 'allowed: nothing with useBuiltInDefinition (the built-in takes no default)');
    if (idle.max !== undefined) problems.add('idleShutdown.max', idle.max instanceof Duration ? idle.max.toHumanString() : idle.max, 'allowed: nothing with useBuiltInDefinition (the built-in takes no maximum)');
  } else if (idle.effect === 'Append' && idle.default === undefined) {
    problems.add('idleShutdown.default', undefined, 'allowed: a Duration with effect "Append" (the value Azure adds)');
  }
}
