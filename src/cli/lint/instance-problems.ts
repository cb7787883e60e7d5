import type { ComputeInstanceProps } from '../../compute-instance/props';
import type { ArmComputeStartStopSchedule } from '../../model/compute-arm';
import { INSTANCE_FIELDS } from '../../compute-instance/fields';
import { armValueAt, InstanceField, isRefusedArmValue } from '../../compute-instance/field';
import { MAX_SCHEDULES } from '../../model/limits';
import { Duration } from '../../core/duration';
import { Problem, Problems, ValidationError } from '../../core/errors';
import { armEntryProblems } from '../../schedule/entry-validation';
import { sameMinuteProblems } from '../../schedule/schedule-set-checks';
import { SetupScript, SetupScriptOptions } from '../../setup-script/setup-script';
import { isPlainObject } from '../../core/plain-object';
import { dependsOnSkipped, FoundInstance } from '../inputs/instances';

/** One problem of one instance: where it was written, and the library's message. */
interface LintProblem {
  readonly file: string;
  /** The JSON path in `file`. */
  readonly path: string;
  /** The instance's name. */
  readonly instance: string;
  readonly received: string;
  readonly allowed: string;
  /** The rule id of the field it belongs to (the field table's `rule`; SARIF's `ruleId`). */
  readonly rule: string;
}

const INNER = 'properties.properties';

/** Fields whose ARM entries have checks of their own, which read the ARM shape (schedule entries, scripts). */
const OWN_ARM_CHECKS = new Set(['schedules', 'setupScripts']);

/**
 * Every problem the library itself would refuse in an instance given as an ARM resource, found by the
 * library's own rules: each field of the table (`INSTANCE_FIELDS`) read back from ARM into its prop value and
 * judged by the same check a ComputeInstance runs, with the same message; the schedule entries and setup
 * scripts by the schedule validation and setup-script factories. Problems are recorded against ARM fields and
 * then placed in the file.
 */
export function instanceProblems(found: FoundInstance): LintProblem[] {
  const problems = new LintProblems(found.name);
  const r = found.resource;
  const inner = r.properties.properties;
  if (found.kind === 'instance') {
    const props: Record<string, unknown> = {};
    const judged: InstanceField[] = [];
    const armValues = new Map<InstanceField, unknown>();
    for (const f of INSTANCE_FIELDS) {
      if (f.arm === undefined || OWN_ARM_CHECKS.has(f.prop) || (f.prop === 'name' && found.nameUnknown)) continue;
      const armValue = armValueAt(r, f.arm);
      if (armValue === undefined) continue;
      const value = f.fromArm ? f.fromArm(armValue) : armValue;
      if (isRefusedArmValue(value)) problems.under(f.rule, () => problems.add(f.arm!, armValue, value.refused));
      else if (value !== undefined) {
        props[f.prop] = value;
        armValues.set(f, armValue);
        judged.push(f);
      }
    }
    // Rules that join two fields read the other as the file has it.
    const scripts = isPlainObject(inner.setupScripts) ? inner.setupScripts.scripts : undefined;
    if (isPlainObject(scripts))
      props.setupScripts = { creation: scripts.creationScript, startup: scripts.startupScript };
    for (const f of judged)
      problems.under(f.rule, () => {
        const own = new Problems(problems.path);
        f.check(own, props[f.prop] as never, props as unknown as ComputeInstanceProps);
        for (const p of problemsOf(own)) {
          // A value read into one of the library's classes (an ISO duration into a Duration) is shown as the file has it.
          const read = props[f.prop];
          if (p.field === f.prop && typeof read === 'object' && read !== null && !isPlainObject(read)) {
            problems.add(f.arm!, armValues.get(f), p.allowed);
          } else problems.take(p, armFieldOf(f, p.field));
        }
      });
    problems.under(ruleOf('setupScripts'), () => checkScripts(problems, inner.setupScripts));
  }
  problems.under(ruleOf('schedules'), () => checkSchedules(problems, inner.schedules));
  // A value known only at deployment was left out and named in a note: what a check found missing there, or
  // judged with it missing, is not a problem of the file.
  return problems
    .all()
    .filter((p) => !dependsOnSkipped(p.field, found.skipped))
    .map((p) => {
      const at = found.locate(p.field);
      return {
        file: at.file,
        path: at.path,
        instance: found.name,
        received: p.received,
        allowed: p.allowed,
        rule: p.rule,
      };
    });
}

function ruleOf(prop: string): string {
  return INSTANCE_FIELDS.find((f) => f.prop === prop)!.rule;
}

/** Where a problem a field's check found under its prop sits in the ARM resource. */
function armFieldOf(f: InstanceField, field: string): string {
  if (f.armFieldOf) return f.armFieldOf(field);
  return `${f.arm}${field.slice(f.prop.length)}`;
}

function problemsOf(problems: Problems): readonly Problem[] {
  try {
    problems.throwIfAny();
    return [];
  } catch (e) {
    return (e as ValidationError).problems;
  }
}

/**
 * Problems as the library's checks render them (a received value shown, or redacted by the check that found
 * it), including those taken over from a nested check under another field.
 */
class LintProblems {
  /** Every problem, in the order the checks found them, with the rule of the field being checked. */
  private readonly found: (Problem & { readonly rule: string })[] = [];
  private rule = 'compute-instance';

  constructor(readonly path: string) {}

  /** Runs `check` with the problems it finds under `rule`. */
  under(rule: string, check: () => void): void {
    const outer = this.rule;
    this.rule = rule;
    try {
      check();
    } finally {
      this.rule = outer;
    }
  }

  add(field: string, value: unknown, allowed: string): void {
    this.takeAll((p) => p.add(field, value, allowed));
  }

  addSecret(field: string, description: string, allowed: string): void {
    this.takeAll((p) => p.addSecret(field, description, allowed));
  }

  /** Records a problem another check already rendered, under `field`. */
  take(p: Problem, field: string): void {
    this.found.push({ ...p, path: this.path, field, rule: this.rule });
  }

  /** Runs `check` on a fresh Problems (the library's rendering of values and secrets) and takes what it found. */
  private takeAll(check: (p: Problems) => void): void {
    const own = new Problems(this.path);
    check(own);
    for (const p of problemsOf(own)) this.take(p, p.field);
  }

  all(): (Problem & { readonly rule: string })[] {
    return this.found;
  }
}

/** `30m`, `900s`, `1h`, `2d` or bare seconds: what GNU timeout takes, which is what Azure runs the script under. */
function gnuTimeout(text: string): Duration | undefined {
  const m = /^(\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'd'
    ? Duration.days(n)
    : m[2] === 'h'
      ? Duration.hours(n)
      : m[2] === 'm'
        ? Duration.minutes(n)
        : Duration.seconds(n);
}

const SCRIPT_FIELDS: Record<string, string> = {
  text: 'scriptData',
  path: 'scriptData',
  arguments: 'scriptArguments',
  timeout: 'timeout',
};

/** Each script through the factory that makes its kind (inline or workspace), so its checks and secret scan apply. */
function checkScripts(problems: LintProblems, setupScripts: unknown): void {
  const scripts = isPlainObject(setupScripts) && isPlainObject(setupScripts.scripts) ? setupScripts.scripts : undefined;
  if (!scripts) return;
  for (const kind of ['creationScript', 'startupScript']) {
    const s: unknown = scripts[kind];
    if (!isPlainObject(s)) continue;
    const base = `${INNER}.setupScripts.scripts.${kind}`;
    const options: SetupScriptOptions = {};
    if (s.scriptArguments !== undefined) (options as { arguments?: unknown }).arguments = s.scriptArguments;
    if (s.timeout !== undefined) {
      const timeout = typeof s.timeout === 'string' ? gnuTimeout(s.timeout) : undefined;
      if (timeout === undefined)
        problems.add(
          `${base}.timeout`,
          s.timeout,
          'a duration as GNU timeout reads it (30m, 900s, 1h), from 1 second to 1 day',
        );
      else (options as { timeout?: Duration }).timeout = timeout;
    }
    const own = new Problems(problems.path);
    if (s.scriptSource === 'inline') {
      const data = s.scriptData;
      if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
        problems.addSecret(
          `${base}.scriptData`,
          typeof data === 'string' ? `text of ${data.length} characters` : `a value of type ${typeof data}`,
          "the script's text, base64-encoded",
        );
        continue;
      }
      own.collect('', () => SetupScript.inline(Buffer.from(data, 'base64').toString('utf8'), options));
    } else if (s.scriptSource === 'workspaceStorage') {
      own.collect('', () => SetupScript.fromWorkspace(s.scriptData as string, options));
    } else {
      problems.add(`${base}.scriptSource`, s.scriptSource, '"inline" or "workspaceStorage"');
      continue;
    }
    for (const p of problemsOf(own)) {
      const [first, ...rest] = p.field.replace(/^\./, '').split(/(?=[ .[])/);
      const field = `${base}.${SCRIPT_FIELDS[first] ?? first}${first === 'text' ? rest.join('').replace(/^ line (\d+)/, ' (decoded) line $1') : rest.join('')}`;
      problems.take(p, field);
    }
  }
}

function checkSchedules(problems: LintProblems, schedules: unknown): void {
  if (schedules === undefined) return;
  const field = `${INNER}.schedules`;
  if (!isPlainObject(schedules) || !Array.isArray(schedules.computeStartStop)) {
    problems.add(field, schedules, `an object { computeStartStop: [...] } of at most ${MAX_SCHEDULES} schedules`);
    return;
  }
  const entries: unknown[] = schedules.computeStartStop;
  if (entries.length > MAX_SCHEDULES) {
    problems.add(
      `${field}.computeStartStop`,
      `${entries.length} schedules`,
      `at most ${MAX_SCHEDULES} schedules per compute instance`,
    );
  }
  let allValid = true;
  entries.forEach((entry, i) => {
    for (const p of armEntryProblems(entry)) {
      allValid = false;
      problems.add(`${field}.computeStartStop[${i}]${p.field ? `.${p.field}` : ''}`, p.value, p.allowed);
    }
  });
  if (!allValid) return;
  for (const p of sameMinuteProblems(entries as ArmComputeStartStopSchedule[])) {
    const at = p.field.replace(/^schedules\[/, `${field}.computeStartStop[`);
    problems.add(at, p.value, p.allowed.replace(/(^|[^A-Za-z.])schedules\[/g, '$1computeStartStop['));
  }
}
