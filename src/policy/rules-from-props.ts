import { ArmComputeStartStopSchedule } from '../model/compute-arm';
import { Duration } from '../core/duration';
import { Problems } from '../core/errors';
import { StartStopSchedule } from '../schedule/start-stop-schedule';
import { SetupScript } from '../setup-script/setup-script';
import { isPlainObject } from '../core/plain-object';
import { defaultSchedulesRule } from './rules/default-schedules';
import { defaultSetupScriptRule } from './rules/default-setup-script';
import { idleShutdownRule, IdleShutdownRuleOptions } from './rules/idle-shutdown';
import { requireSetupScriptRule } from './rules/require-setup-script';
import {
  hasEnabledStop,
  missingStatusNote,
  requireStopScheduleRule,
  scheduleSummaries,
} from './rules/require-stop-schedule';
import { ShutdownPolicyProps } from './shutdown-policy-props';
import { ShutdownRule } from './shutdown-rule';
import { MAX_SCHEDULES } from '../model/limits';
import { idleShutdownRefused } from '../validation/field-checks';

const REQUIREMENT_EFFECTS = ['Audit', 'Deny', 'Disabled'];
const IDLE_EFFECTS = ['Audit', 'Deny', 'Append'];

/** The rules the props ask for, in a fixed order; problems go under the prop's name. */
export function rulesFromProps(problems: Problems, props: ShutdownPolicyProps): ShutdownRule[] {
  const rules: ShutdownRule[] = [];
  const defaults = defaultScheduleEntries(problems, props);
  if (defaults !== undefined) rules.push(defaultSchedulesRule(defaults));
  if (props.requireSchedules !== undefined) {
    if (REQUIREMENT_EFFECTS.includes(props.requireSchedules))
      rules.push(requireStopScheduleRule(props.requireSchedules));
    else problems.add('requireSchedules', props.requireSchedules, '"Audit", "Deny" or "Disabled"');
  }
  if (props.idleShutdown !== undefined) {
    const idle = validIdleShutdown(problems, props.idleShutdown);
    if (idle !== undefined) rules.push(idleShutdownRule(idle));
  }
  if (props.defaultSetupScript !== undefined) {
    const script = SetupScript.fromAnyCopy(
      problems,
      'defaultSetupScript',
      props.defaultSetupScript,
      'a SetupScript (SetupScript.inline(...))',
    );
    if (script !== undefined) rules.push(defaultSetupScriptRule(script.toArm()));
  }
  if (props.requireSetupScript !== undefined) {
    if (REQUIREMENT_EFFECTS.includes(props.requireSetupScript))
      rules.push(requireSetupScriptRule(props.requireSetupScript));
    else problems.add('requireSetupScript', props.requireSetupScript, '"Audit", "Deny" or "Disabled"');
  }
  if (problems.count === 0 && rules.length === 0) {
    problems.add(
      'props',
      'no rule',
      'at least one of defaultSchedules, requireSchedules, idleShutdown, defaultSetupScript, requireSetupScript',
    );
  }
  return rules;
}

/**
 * The ARM entries of the default schedules, or undefined when there are none or they break a rule. Azure
 * appends them as one value to every instance created without schedules, so they must pass what an
 * instance's own schedules must pass.
 */
function defaultScheduleEntries(
  problems: Problems,
  props: ShutdownPolicyProps,
): ArmComputeStartStopSchedule[] | undefined {
  const schedules: unknown = props.defaultSchedules;
  if (schedules === undefined) return undefined;
  if (!Array.isArray(schedules)) {
    problems.add('defaultSchedules', schedules, `a list of 1 to ${MAX_SCHEDULES} StartStopSchedule`);
    return undefined;
  }
  const before = problems.count;
  if (schedules.length === 0 || schedules.length > MAX_SCHEDULES) {
    problems.add('defaultSchedules', `${schedules.length} schedules`, `1 to ${MAX_SCHEDULES} schedules`);
  }
  // This copy's schedules, not the shape: anything else with a toArm() could hand Azure an entry no factory checked.
  const own = schedules.map((s, i) =>
    StartStopSchedule.fromAnyCopy(
      problems,
      `defaultSchedules[${i}]`,
      s,
      'a StartStopSchedule made by its factories (StartStopSchedule.cron(...) and the others)',
    ),
  );
  if (!own.every((s) => s !== undefined)) return undefined;
  const entries = own.map((s) => s.toArm());
  for (const p of StartStopSchedule.sameMinuteProblems(own)) {
    problems.add(
      `default${capitalized(p.field)}`,
      p.value,
      `${p.allowed.replace(/(^|[^A-Za-z])schedules\[/g, '$1defaultSchedules[')}; Azure Policy would add both to every compute instance created without schedules`,
    );
  }
  const required = props.requireSchedules;
  if (!hasEnabledStop(entries) && (required === 'Audit' || required === 'Deny')) {
    problems.add(
      'defaultSchedules',
      scheduleSummaries(entries),
      `with requireSchedules "${required}", an enabled Stop schedule among the defaults (otherwise every instance that gets them is still non-compliant)${missingStatusNote(entries, 'defaultSchedules')}`,
    );
  }
  return problems.count === before ? entries : undefined;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The idle-shutdown requirement as the rule takes it, or undefined when it breaks a rule. */
function validIdleShutdown(problems: Problems, idle: unknown): IdleShutdownRuleOptions | undefined {
  if (!isPlainObject(idle)) {
    // The same prop of a ComputeInstance is a Duration (of any copy): say so when that is what was given.
    // It is read only for the message, so its own problems are dropped.
    const duration = Duration.isDuration(idle)
      ? Duration.fromAnyCopy(new Problems('idleShutdown'), 'idleShutdown', idle, '')
      : undefined;
    const hint = duration ? ' (a ComputeInstance takes a Duration here; a ShutdownPolicy takes the requirement)' : '';
    problems.add(
      'idleShutdown',
      duration ? duration.toHumanString() : idle,
      `an object { effect, default?, max?, useBuiltInDefinition? }${hint}`,
    );
    return undefined;
  }
  const before = problems.count;
  const { effect, useBuiltInDefinition } = idle;
  if (!IDLE_EFFECTS.includes(effect as string))
    problems.add('idleShutdown.effect', effect, '"Audit", "Deny" or "Append"');
  const durationAt = (field: 'default' | 'max'): Duration | undefined => {
    if (idle[field] === undefined) return undefined;
    const d = Duration.fromAnyCopy(problems, `idleShutdown.${field}`, idle[field], 'a Duration');
    const refused = d === undefined ? undefined : idleShutdownRefused(d.toSeconds());
    if (refused) problems.add(`idleShutdown.${field}`, d!.toHumanString(), refused);
    return d;
  };
  const ownDefault = durationAt('default');
  const ownMax = durationAt('max');
  if (ownDefault !== undefined && ownMax !== undefined && ownDefault.toSeconds() > ownMax.toSeconds()) {
    problems.add('idleShutdown.default', ownDefault.toHumanString(), `at most max (${ownMax.toHumanString()})`);
  }
  const { default: fallback, max } = idle;
  const shown = (own: Duration | undefined, given: unknown) => own?.toHumanString() ?? given;
  if (useBuiltInDefinition !== undefined && typeof useBuiltInDefinition !== 'boolean') {
    problems.add('idleShutdown.useBuiltInDefinition', useBuiltInDefinition, 'true or false');
  } else if (useBuiltInDefinition) {
    if (effect === 'Append')
      problems.add(
        'idleShutdown.effect',
        effect,
        '"Audit" or "Deny" with useBuiltInDefinition (the built-in cannot append)',
      );
    if (fallback !== undefined)
      problems.add(
        'idleShutdown.default',
        shown(ownDefault, fallback),
        'nothing with useBuiltInDefinition (the built-in takes no default)',
      );
    if (max !== undefined)
      problems.add(
        'idleShutdown.max',
        shown(ownMax, max),
        'nothing with useBuiltInDefinition (the built-in takes no maximum)',
      );
  } else if (effect === 'Append' && fallback === undefined) {
    problems.add('idleShutdown.default', undefined, 'a Duration with effect "Append" (the value Azure adds)');
  }
  if (problems.count !== before) return undefined;
  return {
    ...(idle as unknown as IdleShutdownRuleOptions),
    ...(ownDefault !== undefined ? { default: ownDefault } : {}),
    ...(ownMax !== undefined ? { max: ownMax } : {}),
  };
}
