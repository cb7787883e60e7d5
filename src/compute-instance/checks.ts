import { ComputeInstanceProps, SetupScripts } from './props';
import { Duration } from '../core/duration';
import { Problems } from '../core/errors';
import { MAX_SCHEDULES, TAG_LIMITS } from '../model/limits';
import { StartStopSchedule } from '../schedule/start-stop-schedule';
import { SetupScript } from '../setup-script/setup-script';
import { ArmIdKind, armIdRefused, guidRefused, idleShutdownRefused } from '../validation/field-checks';
import { SSH_KEY_ALLOWED, sshPublicKeyRefused } from '../validation/ssh-key';
import { isPlainObject } from '../core/plain-object';
import { isToken, LITERAL_TEXT_ONLY, literalParts } from '../core/tokens';
import { screenDescriptionAndTags } from '../validation/metadata-secrets';

/**
 * The checks of the compute instance's fields (src/compute-instance/fields.ts names which field each serves).
 * Each adds problems under the prop's name; the ones for the library's value classes return this copy's value.
 */

export const IDENTITY_TYPES = ['SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned'];

/**
 * A nested setting must be an object before its fields can be read; false (reported) when it is not. Text given
 * where `textMayBeSecret` is described, not shown.
 */
function checkObject(
  problems: Problems,
  field: string,
  value: unknown,
  shape: string,
  textMayBeSecret = false,
): boolean {
  if (value === undefined || isPlainObject(value)) return true;
  const allowed = `an object (${shape})`;
  if (textMayBeSecret && typeof value === 'string')
    problems.addSecret(field, `text of ${value.length} characters`, allowed);
  else problems.add(field, value, allowed);
  return false;
}

/** A string field: present, a string, and (unless a token) not refused by `refused`. */
export function checkString(
  problems: Problems,
  field: string,
  value: unknown,
  refused?: (v: string) => string | undefined,
  whole = false,
): void {
  if (typeof value !== 'string' || (value.trim() === '' && !isToken(value))) {
    problems.add(field, value, refused?.('') ?? 'a non-empty string');
    return;
  }
  if (refused && !isToken(value)) {
    const allowed = refused(value);
    if (allowed) problems.add(field, value, allowed, { whole });
  }
}

/** An ARM id is shown whole: the wrong segment is often the last one. */
export function checkArmId(problems: Problems, field: string, value: unknown, kind: ArmIdKind): void {
  checkString(problems, field, value, (v) => armIdRefused(v, kind), true);
  // Text joined to a reference is not checked as an id, but must not carry a Terraform template either.
  if (typeof value === 'string' && isToken(value) && literalParts(value).some(hasTemplateSequence)) {
    problems.add(field, value, TEMPLATE_IN_REFERENCE, { whole: true });
  }
}

const TEMPLATE_IN_REFERENCE =
  'a Terraform reference, alone or joined to text without "${" or "%{" (an ARM id holds no "$", "%", "{" or "}")';

function hasTemplateSequence(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}

export function checkBoolean(problems: Problems, field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') problems.add(field, value, 'true or false');
}

/** One of a few strings (or nothing, unless `required`), named in the message as `"a" or "b"`. */
export function checkOneOf(
  problems: Problems,
  field: string,
  value: unknown,
  allowed: readonly string[],
  required = false,
): void {
  if ((value === undefined && !required) || allowed.includes(value as string)) return;
  const quoted = allowed.map((a) => `"${a}"`);
  problems.add(field, value, `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`);
}

/** A description: literal text (Azure shows it to every reader of the workspace: no secrets). */
export function checkDescription(problems: Problems, description: unknown): void {
  if (description !== undefined && typeof description !== 'string') {
    problems.add('description', description, 'a string');
  } else if (isToken(description)) {
    problems.add('description', description, LITERAL_TEXT_ONLY);
  }
  screenDescriptionAndTags(problems, { description });
}

/**
 * Azure disables SSO when it creates an instance on behalf of a user that has a setup script, and only the
 * assigned user may turn it on later, not the creator (MicrosoftDocs/azure-ai-docs,
 * articles/machine-learning/how-to-create-compute-instance.md, "Create on behalf of"). `sso: true` there
 * would never hold: refused, saying what Azure does instead.
 */
export function checkSso(problems: Problems, sso: unknown, props: ComputeInstanceProps): void {
  checkBoolean(problems, 'sso', sso);
  if (sso !== true || !isPlainObject(props.assignedUser) || !isPlainObject(props.setupScripts)) return;
  if (props.setupScripts.creation === undefined && props.setupScripts.startup === undefined) return;
  problems.add(
    'sso',
    true,
    'false or unset for an instance created on behalf of a user (assignedUser) with setup scripts: Azure disables SSO at its creation, and only the assigned user can enable it afterwards (in the studio, with the computes/enableSso/action permission), not the creator',
  );
}

export function checkNodePublicIp(problems: Problems, nodePublicIp: unknown, props: ComputeInstanceProps): void {
  checkBoolean(problems, 'nodePublicIp', nodePublicIp);
  if (nodePublicIp === false && props.subnetId === undefined) {
    problems.add(
      'nodePublicIp',
      false,
      'false only together with subnetId (an instance without a public IP must sit in your subnet)',
    );
  }
}

export function checkSsh(problems: Problems, ssh: unknown): void {
  // Text given for ssh is most likely a key pasted in the wrong place, and may be a private one.
  if (!checkObject(problems, 'ssh', ssh, '{ publicKey }', true) || !isPlainObject(ssh)) return;
  const key: unknown = ssh.publicKey;
  if (typeof key !== 'string') {
    // Not text, so not a key: describe it rather than show it (it may still hold one).
    problems.addSecret(
      'ssh.publicKey',
      key === undefined ? 'nothing' : `a value of type ${Array.isArray(key) ? 'list' : typeof key}`,
      SSH_KEY_ALLOWED,
    );
    return;
  }
  if (isToken(key)) return;
  const refused = sshPublicKeyRefused(key);
  if (refused) problems.addSecret('ssh.publicKey', refused, SSH_KEY_ALLOWED);
}

export function checkAssignedUser(problems: Problems, user: unknown): void {
  if (!checkObject(problems, 'assignedUser', user, '{ objectId, tenantId, grantAccess? }') || !isPlainObject(user))
    return;
  checkString(problems, 'assignedUser.objectId', user.objectId, guidRefused);
  checkString(problems, 'assignedUser.tenantId', user.tenantId, guidRefused);
  checkBoolean(problems, 'assignedUser.grantAccess', user.grantAccess);
}

/** This copy's schedules, or undefined when there are none or any is refused. */
export function checkSchedules(problems: Problems, schedules: unknown): StartStopSchedule[] | undefined {
  if (schedules === undefined) return undefined;
  if (!Array.isArray(schedules)) {
    problems.add('schedules', schedules, 'a list of StartStopSchedule');
    return undefined;
  }
  if (schedules.length > MAX_SCHEDULES) {
    problems.add(
      'schedules',
      `${schedules.length} schedules`,
      `at most ${MAX_SCHEDULES} schedules per compute instance`,
    );
  }
  const own = schedules.map((s, i) => StartStopSchedule.fromAnyCopy(problems, `schedules[${i}]`, s));
  if (!own.every((s) => s !== undefined)) return undefined;
  for (const p of StartStopSchedule.sameMinuteProblems(own)) problems.add(p.field, p.value, p.allowed);
  return own;
}

export function checkIdleShutdown(problems: Problems, idle: unknown): Duration | undefined {
  if (idle === undefined) return undefined;
  const own = Duration.fromAnyCopy(problems, 'idleShutdown', idle, 'a Duration, such as Duration.minutes(30)');
  if (own === undefined) return undefined;
  const refused = idleShutdownRefused(own.toSeconds());
  if (refused) problems.add('idleShutdown', own.toHumanString(), refused);
  return own;
}

export function checkSetupScripts(problems: Problems, scripts: unknown): SetupScripts | undefined {
  if (!checkObject(problems, 'setupScripts', scripts, '{ creation?, startup? }') || !isPlainObject(scripts))
    return undefined;
  const own: { creation?: SetupScript; startup?: SetupScript } = {};
  for (const kind of ['creation', 'startup'] as const) {
    if (scripts[kind] === undefined) continue;
    const s = SetupScript.fromAnyCopy(problems, `setupScripts.${kind}`, scripts[kind]);
    if (s !== undefined) own[kind] = s;
  }
  return { ...(scripts as SetupScripts), ...own };
}

export function checkIdentity(problems: Problems, identity: unknown): void {
  if (!checkObject(problems, 'identity', identity, '{ type, userAssignedIdentityIds? }') || !isPlainObject(identity))
    return;
  if (!IDENTITY_TYPES.includes(identity.type as string)) {
    problems.add('identity.type', identity.type, `${IDENTITY_TYPES.map((t) => `"${t}"`).join(', ')}`);
    return;
  }
  const type = identity.type as string;
  const ids: unknown = identity.userAssignedIdentityIds ?? [];
  if (!Array.isArray(ids)) {
    problems.add('identity.userAssignedIdentityIds', ids, 'a list of user-assigned identity ids');
    return;
  }
  const userAssigned = type.includes('UserAssigned');
  if (userAssigned && ids.length === 0) {
    problems.add('identity.userAssignedIdentityIds', ids, `at least one identity id with type "${type}"`);
  }
  if (!userAssigned && ids.length > 0) {
    problems.add('identity.userAssignedIdentityIds', ids, 'none with type "SystemAssigned"');
  }
  ids.forEach((id: unknown, i) =>
    checkArmId(problems, `identity.userAssignedIdentityIds[${i}]`, id, 'userAssignedIdentity'),
  );
}

/** Azure's tag rules, then the secret screen (Azure shows tags to every reader of the workspace). */
export function checkTags(problems: Problems, tags: unknown): void {
  if (!checkObject(problems, 'tags', tags, 'tag names to string values')) return;
  if (isPlainObject(tags)) checkTagRules(problems, tags);
  screenDescriptionAndTags(problems, { tags });
}

function checkTagRules(problems: Problems, tags: Record<string, unknown>): void {
  const entries = Object.entries(tags);
  if (entries.length > TAG_LIMITS.count) {
    problems.add('tags', `${entries.length} tags`, `at most ${TAG_LIMITS.count} tags`);
  }
  // Azure compares tag names without case: `Team` and `team` are one tag.
  const seen = new Map<string, string>();
  for (const [key, value] of entries) {
    if (isToken(key)) {
      problems.add('tags', key, LITERAL_TEXT_ONLY);
      continue;
    }
    const first = seen.get(key.toLowerCase());
    if (first !== undefined) {
      problems.add(
        'tags',
        key,
        `tag names that differ in more than case (Azure treats "${key}" and "${first}" as one tag)`,
      );
    }
    seen.set(key.toLowerCase(), key);
    if (key === '__proto__') {
      problems.add('tags', key, 'a tag name other than __proto__, which cdktf drops from the output');
    } else if (key.length === 0 || key.length > TAG_LIMITS.keyLength || TAG_LIMITS.keyForbidden.test(key)) {
      problems.add('tags', key, `keys of 1 to ${TAG_LIMITS.keyLength} characters without < > % & \\ ? /`);
    }
    if (typeof value !== 'string') {
      problems.add(`tags.${key}`, value, 'a string');
    } else if (isToken(value)) {
      problems.add(`tags.${key}`, value, LITERAL_TEXT_ONLY);
    } else if (value.length > TAG_LIMITS.valueLength) {
      problems.add(
        `tags.${key}`,
        `${value.length} characters`,
        `values of at most ${TAG_LIMITS.valueLength} characters`,
      );
    }
  }
}

export function checkExisting(problems: Problems, existing: unknown, props: ComputeInstanceProps): void {
  checkBoolean(problems, 'existing', existing);
  if (existing === true && props.initialState === 'Stopped') {
    // The one-time stop would run at the import's apply and stop an instance someone may be using.
    problems.add(
      'initialState',
      'Stopped',
      '"Running" (the default) with existing: true; the stop after creation is for new instances',
    );
  }
}

export function checkOnScheduleChange(problems: Problems, mode: unknown, props: ComputeInstanceProps): void {
  if (mode !== undefined && !['warn', 'replace'].includes(mode as string)) {
    problems.add('onScheduleChange', mode, '"warn" or "replace"');
  } else if (mode === 'replace' && props.existing === true) {
    problems.add(
      'onScheduleChange',
      mode,
      '"warn" for an adopted instance (existing: true): Terraform ignores its replacement triggers, so a schedule change could not replace it',
    );
  }
}

export function checkDriftCheck(problems: Problems, check: unknown): void {
  if (check === undefined || typeof check === 'boolean') return;
  if (!isPlainObject(check)) {
    problems.add('driftCheck', check, 'true, false or { latestOsImage?: boolean }');
    return;
  }
  for (const key of Object.keys(check)) {
    if (key !== 'latestOsImage') problems.add(`driftCheck.${key}`, check[key], 'no such field: only latestOsImage');
  }
  checkBoolean(problems, 'driftCheck.latestOsImage', check.latestOsImage);
}
