import { ArmComputeStartStopSchedule, ArmScriptReference } from '../../model/compute-arm';
import { Duration } from '../../core/duration';
import { show } from '../../core/errors';
import { ALIAS } from '../../model/policy-aliases';
import { PolicyEffect } from '../../policy/policy-rule';
import { defaultSchedulesRule } from '../../policy/rules/default-schedules';
import { defaultSetupScriptRule } from '../../policy/rules/default-setup-script';
import { IDLE_SHUTDOWN_BUILT_IN_DEFINITION_ID, idleShutdownRule } from '../../policy/rules/idle-shutdown';
import { requireSetupScriptRule } from '../../policy/rules/require-setup-script';
import { requireStopScheduleRule } from '../../policy/rules/require-stop-schedule';
import { ShutdownRule } from '../../policy/shutdown-rule';
import { isPlainObject } from '../../core/plain-object';
import { ParameterDeclaration, PolicyDefinitionInput, PolicyInputs, referenceKey } from '../inputs/policies';

/**
 * The library's own ShutdownPolicy rules, recognized in policy definitions from files: a definition is
 * taken for a rule when the rule the library's factory builds from the definition's values has the same
 * distinguishing condition. Effects come from the assignment, else the initiative's reference, else the
 * parameters' defaults, as Azure resolves them. What is not recognized is named, never guessed.
 */

export interface AuditedRule {
  /** The definition's name, or the initiative's reference id. */
  readonly source: string;
  readonly rule: ShutdownRule;
}

interface RuleSet {
  readonly rules: AuditedRule[];
  /** Definitions skipped (not recognized, disabled, a mode that does not cover compute instances), and why. */
  readonly notes: string[];
}

const EFFECTS: readonly PolicyEffect[] = ['Append', 'Audit', 'Deny', 'Disabled'];
const BUILT_IN_IDLE = referenceKey(IDLE_SHUTDOWN_BUILT_IN_DEFINITION_ID);

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (isPlainObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sorted(v[k])]),
    );
  return typeof v === 'string' ? v.toLowerCase() : v;
}

/** The conditions of an `if`, its top-level `allOf` flattened. */
function conditionsOf(rule: unknown): unknown[] {
  const condition = isPlainObject(rule) ? rule.if : undefined;
  return isPlainObject(condition) && Array.isArray(condition.allOf) ? condition.allOf : [condition];
}

/** The type and computeType conditions every rule may start with (Azure's built-ins and the docs' sample). */
function isScopeCondition(c: unknown): boolean {
  return (
    isPlainObject(c) &&
    typeof c.field === 'string' &&
    ['type', ALIAS.computeType.toLowerCase()].includes(c.field.toLowerCase())
  );
}

function detailsOf(rule: unknown): Array<{ field: string; value: unknown }> {
  const then = isPlainObject(rule) && isPlainObject(rule.then) ? rule.then : {};
  return Array.isArray(then.details)
    ? then.details.filter((d: unknown) => isPlainObject(d) && typeof d.field === 'string')
    : [];
}

function mentions(value: unknown, alias: string): boolean {
  return JSON.stringify(value ?? null)
    .toLowerCase()
    .includes(`"${alias.toLowerCase()}"`);
}

/** The factory's rule for a definition's values, before its condition is compared. */
function candidate(def: PolicyDefinitionInput, effect: PolicyEffect): ShutdownRule | undefined {
  const rule = def.policyRule;
  const details = detailsOf(rule);
  const detail = (alias: string) => details.find((d) => d.field.toLowerCase() === alias.toLowerCase())?.value;
  const schedules = detail(ALIAS.schedules);
  if (isPlainObject(schedules) && Array.isArray(schedules.computeStartStop)) {
    return defaultSchedulesRule(schedules.computeStartStop as ArmComputeStartStopSchedule[]);
  }
  if (detail(ALIAS.creationScriptData) !== undefined) {
    const script = {
      scriptSource: detail(ALIAS.creationScriptSource),
      scriptData: detail(ALIAS.creationScriptData),
      ...(detail(ALIAS.creationScriptArguments) !== undefined
        ? { scriptArguments: detail(ALIAS.creationScriptArguments) }
        : {}),
      ...(detail(ALIAS.creationScriptTimeout) !== undefined ? { timeout: detail(ALIAS.creationScriptTimeout) } : {}),
    } as ArmScriptReference;
    return defaultSetupScriptRule(script);
  }
  const conditions = conditionsOf(rule);
  if (mentions(conditions, ALIAS.scheduleEntries) && effect !== 'Append') return requireStopScheduleRule(effect);
  if (mentions(conditions, ALIAS.idleTimeBeforeShutdown)) {
    const fallback = detail(ALIAS.idleTimeBeforeShutdown);
    const max = JSON.stringify(conditions).match(/"greater":(\d+)/);
    try {
      return idleShutdownRule({
        effect: effect as 'Audit' | 'Deny' | 'Append',
        ...(typeof fallback === 'string' ? { default: Duration.parseIso(fallback) } : {}),
        ...(max ? { max: Duration.seconds(Number(max[1])) } : {}),
      });
    } catch {
      return undefined;
    }
  }
  if (mentions(conditions, ALIAS.creationScriptData) && effect !== 'Append') return requireSetupScriptRule(effect);
  return undefined;
}

/** The library's rule when the definition says what the rule says, else undefined. */
function recognize(def: PolicyDefinitionInput, effect: PolicyEffect): ShutdownRule | undefined {
  const rule = candidate(def, effect);
  if (!rule?.policyRule) return undefined;
  const own = conditionsOf(def.policyRule).filter((c) => !isScopeCondition(c));
  const expected = conditionsOf(rule.policyRule).filter((c) => !isScopeCondition(c));
  const sameDetails = deepEqual(detailsOf(def.policyRule), detailsOf(rule.policyRule));
  return own.length === expected.length && own.every((c, i) => deepEqual(c, expected[i])) && sameDetails
    ? rule
    : undefined;
}

/** `append` -> `Append`; an effect this audit does not judge -> undefined. */
function effectName(value: unknown): PolicyEffect | undefined {
  return typeof value === 'string' ? EFFECTS.find((e) => e.toLowerCase() === value.toLowerCase()) : undefined;
}

const PARAMETER = /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/i;

/** A value that may be `[parameters('x')]`: from `given`, else the declaration's default. */
function parameterValue(
  value: unknown,
  given: Readonly<Record<string, unknown>>,
  declared: Readonly<Record<string, ParameterDeclaration>>,
): unknown {
  const m = typeof value === 'string' ? PARAMETER.exec(value) : null;
  if (!m) return value;
  const name = Object.keys(given).find((k) => k.toLowerCase() === m[1].toLowerCase());
  if (name !== undefined) return given[name];
  const declaredName = Object.keys(declared).find((k) => k.toLowerCase() === m[1].toLowerCase());
  const declaration: unknown = declaredName !== undefined ? declared[declaredName] : undefined;
  return isPlainObject(declaration) ? declaration.defaultValue : undefined;
}

/**
 * The modes under which Azure evaluates a compute instance: `all`, and `indexed`, which evaluates "only
 * resource types that support tags and location" (MicrosoftDocs/azure-docs
 * `articles/governance/policy/concepts/definition-structure.md`): computes have both. No mode reads as Indexed.
 */
function modeNote(def: PolicyDefinitionInput): string | undefined {
  if (def.mode === undefined) return undefined;
  return ['all', 'indexed'].includes(def.mode.toLowerCase())
    ? undefined
    : `${def.name}: skipped: mode "${def.mode}" is a resource provider mode, which does not evaluate compute instances (only All and Indexed do)`;
}

function ruleFor(
  def: PolicyDefinitionInput,
  given: Readonly<Record<string, unknown>>,
  source: string,
  notes: string[],
): AuditedRule | undefined {
  const mode = modeNote(def);
  if (mode) {
    notes.push(mode);
    return undefined;
  }
  const then = isPlainObject(def.policyRule) && isPlainObject(def.policyRule.then) ? def.policyRule.then : {};
  const raw = parameterValue(then.effect, given, def.parameters);
  const effect = effectName(raw);
  if (effect === undefined) {
    notes.push(
      `${source}: skipped: effect ${JSON.stringify(raw ?? then.effect)} is not one this audit judges (Append, Audit, Deny, Disabled)`,
    );
    return undefined;
  }
  if (effect === 'Disabled') {
    notes.push(`${source}: skipped: its effect is Disabled`);
    return undefined;
  }
  const rule = recognize(def, effect);
  if (!rule) {
    notes.push(
      `${source}: skipped: not a rule this audit knows (the ShutdownPolicy rules and the docs' default-schedule sample)`,
    );
    return undefined;
  }
  return { source, rule: { ...rule, effect } };
}

/** The rules in effect: per assignment, else per initiative with its defaults, else every definition with its defaults. */
export function rulesFrom(inputs: PolicyInputs): RuleSet {
  const notes: string[] = [];
  const rules: AuditedRule[] = [];
  const reached = new Set<unknown>();
  const definition = (key: string) => {
    const found = inputs.definitions.find((d) => d.keys.includes(key));
    reached.add(found);
    return found;
  };
  const initiativeRules = (init: PolicyInputs['initiatives'][number], given: Readonly<Record<string, unknown>>) => {
    for (const ref of init.references) {
      const source = ref.referenceId ?? ref.definition;
      const key = referenceKey(ref.definition);
      const resolvedParameters = Object.fromEntries(
        Object.entries(ref.parameters).map(([k, v]) => [k, parameterValue(v, given, init.parameters)]),
      );
      if (key === BUILT_IN_IDLE) {
        const effect = effectName(resolvedParameters.effect ?? 'Audit');
        if (effect === 'Audit' || effect === 'Deny')
          rules.push({ source, rule: idleShutdownRule({ effect, useBuiltInDefinition: true }) });
        else
          notes.push(
            `${source}: skipped: its effect is ${typeof resolvedParameters.effect === 'string' ? resolvedParameters.effect : show(resolvedParameters.effect)}`,
          );
        continue;
      }
      const def = definition(key);
      if (!def) {
        notes.push(`${source}: skipped: its definition ${ref.definition} is not in the policy files given`);
        continue;
      }
      const r = ruleFor(def, resolvedParameters, source, notes);
      if (r) rules.push(r);
    }
  };
  if (inputs.assignments.length > 0) {
    for (const a of inputs.assignments) {
      const key = referenceKey(a.target);
      const init = inputs.initiatives.find((i) => i.keys.includes(key));
      const def = definition(key);
      if (init) {
        reached.add(init);
        initiativeRules(init, a.parameters);
      } else if (def) {
        const r = ruleFor(def, a.parameters, def.name, notes);
        if (r) rules.push(r);
      } else notes.push(`${a.name}: skipped: it assigns ${a.target}, which is not in the policy files given`);
    }
    // With assignments in the files, what none of them assigns does nothing in Azure.
    for (const unassigned of [...inputs.initiatives, ...inputs.definitions].filter((x) => !reached.has(x))) {
      notes.push(`${unassigned.name}: skipped: no assignment in the policy files assigns it`);
    }
  } else if (inputs.initiatives.length > 0) {
    for (const init of inputs.initiatives) initiativeRules(init, {});
  } else {
    for (const def of inputs.definitions) {
      const r = ruleFor(def, {}, def.name, notes);
      if (r) rules.push(r);
    }
  }
  return { rules, notes };
}
