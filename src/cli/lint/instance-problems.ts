import type { ComputeInstanceProps } from '../../compute-instance/props';
import type { ArmComputeStartStopSchedule } from '../../model/compute-arm';
import {
  IDLE_SHUTDOWN_MAX,
  IDLE_SHUTDOWN_MIN,
  validateIdentity,
  validateTags,
} from '../../compute-instance/validation';
import { MAX_SCHEDULES } from '../../model/limits';
import { Duration } from '../../core/duration';
import { Problem, Problems, ValidationError } from '../../core/errors';
import { armEntryProblems } from '../../schedule/entry-validation';
import { sameMinuteProblems } from '../../schedule/schedule-set-checks';
import { SetupScript, SetupScriptOptions } from '../../setup-script/setup-script';
import {
  armIdRefused,
  computeNameRefused,
  guidRefused,
  locationRefused,
  vmSizeRefused,
} from '../../validation/field-checks';
import { SSH_KEY_ALLOWED, sshPublicKeyRefused } from '../../validation/ssh-key';
import { isPlainObject } from '../../validation/plain-object';
import { dependsOnSkipped, FoundInstance } from '../inputs/instances';

/** One problem of one instance: where it was written, and the library's message. */
export interface LintProblem {
  readonly file: string;
  /** The JSON path in `file`. */
  readonly path: string;
  /** The instance's name. */
  readonly instance: string;
  readonly received: string;
  readonly allowed: string;
}

const INNER = 'properties.properties';

/**
 * Every problem the library itself would refuse in an instance given as an ARM resource, found by the
 * library's own rules: the same predicates, schedule validation and setup-script factories a ComputeInstance
 * runs. Problems are recorded against ARM fields and then placed in the file.
 */
export function instanceProblems(found: FoundInstance): LintProblem[] {
  const problems = new LintProblems(found.name);
  const r = found.resource;
  const inner = r.properties.properties;
  if (found.kind === 'instance') {
    if (!found.nameUnknown) checkString(problems, 'name', r.name, computeNameRefused);
    if (r.location !== undefined) checkString(problems, 'location', r.location, locationRefused);
    if (inner.vmSize !== undefined) checkString(problems, `${INNER}.vmSize`, inner.vmSize, vmSizeRefused);
    if (isPlainObject(inner.subnet) && inner.subnet.id !== undefined)
      checkString(problems, `${INNER}.subnet.id`, inner.subnet.id, (v) => armIdRefused(v, 'subnet'));
    const user = isPlainObject(inner.personalComputeInstanceSettings)
      ? inner.personalComputeInstanceSettings.assignedUser
      : undefined;
    if (isPlainObject(user)) {
      for (const key of ['objectId', 'tenantId']) {
        if (user[key] !== undefined)
          checkString(problems, `${INNER}.personalComputeInstanceSettings.assignedUser.${key}`, user[key], guidRefused);
      }
    }
    checkSsh(problems, inner.sshSettings);
    checkIdleShutdown(problems, inner.idleTimeBeforeShutdown);
    checkScripts(problems, inner.setupScripts);
    if (r.tags !== undefined) prefixed(problems, '', (p) => validateTags(p, r.tags));
    const identity: unknown = r.identity;
    if (isPlainObject(identity)) {
      const ids = isPlainObject(identity.userAssignedIdentities)
        ? Object.keys(identity.userAssignedIdentities)
        : undefined;
      const asProps = { identity: { type: identity.type, ...(ids ? { userAssignedIdentityIds: ids } : {}) } } as Pick<
        ComputeInstanceProps,
        'identity'
      >;
      prefixed(
        problems,
        '',
        (p) => validateIdentity(p, asProps),
        (field) => field.replace(/^identity\.userAssignedIdentityIds(\[\d+\])?/, 'identity.userAssignedIdentities'),
      );
    }
  }
  checkSchedules(problems, inner.schedules);
  // A value known only at deployment was left out and named in a note: what a check found missing there, or
  // judged with it missing, is not a problem of the file.
  return problems
    .all()
    .filter((p) => !dependsOnSkipped(p.field, found.skipped))
    .map((p) => {
      const at = found.locate(p.field);
      return { file: at.file, path: at.path, instance: found.name, received: p.received, allowed: p.allowed };
    });
}

function problemsOf(problems: Problems): readonly Problem[] {
  try {
    problems.throwIfAny();
    return [];
  } catch (e) {
    return (e as ValidationError).problems;
  }
}

/** Runs a library check on a fresh Problems and takes its problems over, with fields renamed into the resource. */
function prefixed(
  into: LintProblems,
  prefix: string,
  check: (p: Problems) => void,
  rename: (field: string) => string = (f) => f,
): void {
  const own = new Problems(into.path);
  check(own);
  for (const p of problemsOf(own)) into.take(p, rename(prefix === '' ? p.field : `${prefix}.${p.field}`));
}

/**
 * Problems as the library's checks render them (a received value shown, or redacted by the check that found
 * it), including those taken over from a nested check under another field.
 */
class LintProblems extends Problems {
  private readonly taken: Problem[] = [];

  /** Records a problem another check already rendered, under `field`. */
  take(p: Problem, field: string): void {
    this.taken.push({ ...p, path: this.path, field });
  }

  all(): Problem[] {
    return [...problemsOf(this), ...this.taken];
  }
}

function checkString(
  problems: LintProblems,
  field: string,
  value: unknown,
  rule: (v: string) => string | undefined,
): void {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(field, value, rule('') ?? 'a non-empty string');
    return;
  }
  const allowed = rule(value);
  if (allowed) problems.add(field, value, allowed);
}

function checkSsh(problems: LintProblems, ssh: unknown): void {
  if (!isPlainObject(ssh)) return;
  const key: unknown = ssh.adminPublicKey;
  if (key === undefined) return;
  const problem = typeof key === 'string' ? sshPublicKeyRefused(key) : `a value of type ${typeof key}`;
  if (problem) problems.addSecret(`${INNER}.sshSettings.adminPublicKey`, problem, SSH_KEY_ALLOWED);
}

function checkIdleShutdown(problems: LintProblems, idle: unknown): void {
  if (idle === undefined) return;
  const field = `${INNER}.idleTimeBeforeShutdown`;
  let duration: Duration | undefined;
  if (typeof idle === 'string') {
    const own = new Problems(problems.path);
    duration = own.collect('', () => Duration.parseIso(idle));
    for (const p of problemsOf(own)) problems.take(p, field);
  } else {
    problems.add(field, idle, 'an ISO 8601 duration of days, hours, minutes and seconds, like PT30M or P1DT12H');
  }
  if (
    duration &&
    (duration.toSeconds() < IDLE_SHUTDOWN_MIN.toSeconds() || duration.toSeconds() > IDLE_SHUTDOWN_MAX.toSeconds())
  ) {
    problems.add(field, idle, '15 minutes to 3 days');
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
