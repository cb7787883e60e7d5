import { ComputeInstanceProps, SetupScripts } from './props';
import { Duration } from '../core/duration';
import { Problems } from '../core/errors';
import { IDLE_SHUTDOWN_MAX_SECONDS, IDLE_SHUTDOWN_MIN_SECONDS, MAX_SCHEDULES, TAG_LIMITS } from '../model/limits';
import { StartStopSchedule } from '../schedule/start-stop-schedule';
import { SetupScript } from '../setup-script/setup-script';
import {
  ArmIdKind,
  armIdRefused,
  computeNameRefused,
  guidRefused,
  locationRefused,
  vmSizeRefused,
} from '../validation/field-checks';
import { SSH_KEY_ALLOWED, sshPublicKeyRefused } from '../validation/ssh-key';
import { isPlainObject } from '../validation/plain-object';
import { isToken, LITERAL_TEXT_ONLY, literalParts } from '../core/tokens';
import { screenDescriptionAndTags } from '../validation/metadata-secrets';

export const IDLE_SHUTDOWN_MIN = Duration.seconds(IDLE_SHUTDOWN_MIN_SECONDS);
export const IDLE_SHUTDOWN_MAX = Duration.seconds(IDLE_SHUTDOWN_MAX_SECONDS);
const IDENTITY_TYPES = ['SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned'];
const NESTED_SHAPES = {
  ssh: '{ publicKey }',
  assignedUser: '{ objectId, tenantId, grantAccess? }',
  identity: '{ type, userAssignedIdentityIds? }',
  setupScripts: '{ creation?, startup? }',
  tags: 'tag names to string values',
} as const;

/** Nested settings that passed the object check (the others were reported once already). */
function objectOrUndefined<T>(value: T | undefined): T | undefined {
  return isPlainObject(value) ? value : undefined;
}

/** Checks a string field: present, a string, and (unless a token) passing `rule`. */
function checkString(
  problems: Problems,
  field: string,
  value: unknown,
  rule?: (v: string) => string | undefined,
  whole = false,
): void {
  if (typeof value !== 'string' || (value.trim() === '' && !isToken(value))) {
    problems.add(field, value, rule?.('') ?? 'a non-empty string');
    return;
  }
  if (rule && !isToken(value)) {
    const allowed = rule(value);
    if (allowed) problems.add(field, value, allowed, { whole });
  }
}

/** An ARM id is shown whole: the wrong segment is often the last one. */
function checkArmId(problems: Problems, field: string, value: unknown, kind: ArmIdKind): void {
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

function checkBoolean(problems: Problems, field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') problems.add(field, value, 'true or false');
}

/**
 * Every rule Azure applies to a compute instance's props that can be checked offline. Problems are added
 * to `problems`; nothing is thrown here. Returns the props with their schedules, scripts and idle shutdown
 * made by this copy of the library (see `StartStopSchedule.fromAnyCopy`), for use once no problem was found.
 */
export function validateComputeInstanceProps(problems: Problems, props: ComputeInstanceProps): ComputeInstanceProps {
  if (!isPlainObject(props)) {
    problems.add('props', props, 'an object of ComputeInstanceProps: { name, workspaceId, location, vmSize, ... }');
    return props;
  }
  // Nested settings must be objects before their fields can be read.
  for (const field of ['ssh', 'assignedUser', 'identity', 'setupScripts', 'tags'] as const) {
    const value: unknown = props[field];
    if (value === undefined || isPlainObject(value)) continue;
    const allowed = `an object (${NESTED_SHAPES[field]})`;
    // Text given for ssh is most likely a key pasted in the wrong place, and may be a private one.
    if (field === 'ssh' && typeof value === 'string')
      problems.addSecret(field, `text of ${value.length} characters`, allowed);
    else problems.add(field, value, allowed);
  }
  checkString(problems, 'name', props.name, computeNameRefused);
  checkArmId(problems, 'workspaceId', props.workspaceId, 'workspace');
  checkString(problems, 'location', props.location, locationRefused);
  checkString(problems, 'vmSize', props.vmSize, vmSizeRefused);
  if (props.description !== undefined && typeof props.description !== 'string') {
    problems.add('description', props.description, 'a string');
  } else if (isToken(props.description)) {
    problems.add('description', props.description, LITERAL_TEXT_ONLY);
  }
  validateNetwork(problems, props);
  validateSsh(problems, props);
  validateAssignedUser(problems, props);
  const schedules = validateSchedules(problems, props.schedules);
  validateExisting(problems, props);
  const idleShutdown = validateIdleShutdown(problems, props.idleShutdown);
  const setupScripts = validateSetupScripts(problems, props);
  validateIdentity(problems, props);
  validateTags(problems, props.tags);
  screenDescriptionAndTags(problems, props);
  for (const field of ['localAuth', 'sso', 'deletionProtection'] as const) checkBoolean(problems, field, props[field]);
  validateSso(problems, props);
  if (
    props.applicationSharingPolicy !== undefined &&
    !['Personal', 'Shared'].includes(props.applicationSharingPolicy)
  ) {
    problems.add('applicationSharingPolicy', props.applicationSharingPolicy, '"Personal" or "Shared"');
  }
  if (props.initialState !== undefined && !['Running', 'Stopped'].includes(props.initialState)) {
    problems.add('initialState', props.initialState, '"Running" or "Stopped"');
  }
  validateDriftProps(problems, props);
  if (props.terraformResource !== undefined && !['azapi', 'azurerm'].includes(props.terraformResource)) {
    problems.add('terraformResource', props.terraformResource, '"azapi" or "azurerm"');
  }
  return {
    ...props,
    ...(schedules !== undefined ? { schedules } : {}),
    ...(idleShutdown !== undefined ? { idleShutdown } : {}),
    ...(setupScripts !== undefined ? { setupScripts } : {}),
  };
}

/**
 * Azure disables SSO when it creates an instance on behalf of a user that has a setup script, and only the
 * assigned user may turn it on later, not the creator (MicrosoftDocs/azure-ai-docs,
 * articles/machine-learning/how-to-create-compute-instance.md, "Create on behalf of"). `sso: true` there
 * would never hold: refused, saying what Azure does instead.
 */
function validateSso(problems: Problems, props: ComputeInstanceProps): void {
  if (props.sso !== true || !isPlainObject(props.assignedUser) || !isPlainObject(props.setupScripts)) return;
  if (props.setupScripts.creation === undefined && props.setupScripts.startup === undefined) return;
  problems.add(
    'sso',
    true,
    'false or unset for an instance created on behalf of a user (assignedUser) with setup scripts: Azure disables SSO at its creation, and only the assigned user can enable it afterwards (in the studio, with the computes/enableSso/action permission), not the creator',
  );
}

function validateNetwork(problems: Problems, props: ComputeInstanceProps): void {
  if (props.subnetId !== undefined) checkArmId(problems, 'subnetId', props.subnetId, 'subnet');
  checkBoolean(problems, 'nodePublicIp', props.nodePublicIp);
  if (props.nodePublicIp === false && props.subnetId === undefined) {
    problems.add(
      'nodePublicIp',
      false,
      'false only together with subnetId (an instance without a public IP must sit in your subnet)',
    );
  }
}

function validateSsh(problems: Problems, props: ComputeInstanceProps): void {
  const ssh = objectOrUndefined(props.ssh);
  if (ssh === undefined) return;
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
  const problem = sshPublicKeyRefused(key);
  if (problem) problems.addSecret('ssh.publicKey', problem, SSH_KEY_ALLOWED);
}

function validateAssignedUser(problems: Problems, props: ComputeInstanceProps): void {
  const user = objectOrUndefined(props.assignedUser);
  if (user === undefined) return;
  checkString(problems, 'assignedUser.objectId', user.objectId, guidRefused);
  checkString(problems, 'assignedUser.tenantId', user.tenantId, guidRefused);
  checkBoolean(problems, 'assignedUser.grantAccess', user.grantAccess);
}

/** This copy's schedules, or undefined when there are none or any is refused. */
function validateSchedules(problems: Problems, schedules: unknown): StartStopSchedule[] | undefined {
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

function validateIdleShutdown(problems: Problems, idle: unknown): Duration | undefined {
  if (idle === undefined) return undefined;
  const own = Duration.fromAnyCopy(problems, 'idleShutdown', idle, 'a Duration, such as Duration.minutes(30)');
  if (own === undefined) return undefined;
  if (own.toSeconds() < IDLE_SHUTDOWN_MIN.toSeconds() || own.toSeconds() > IDLE_SHUTDOWN_MAX.toSeconds()) {
    problems.add('idleShutdown', own.toHumanString(), '15 minutes to 3 days');
  }
  return own;
}

function validateSetupScripts(problems: Problems, props: ComputeInstanceProps): SetupScripts | undefined {
  const scripts = objectOrUndefined(props.setupScripts);
  if (scripts === undefined) return undefined;
  const own: { creation?: SetupScript; startup?: SetupScript } = {};
  for (const kind of ['creation', 'startup'] as const) {
    if (scripts[kind] === undefined) continue;
    const s = SetupScript.fromAnyCopy(problems, `setupScripts.${kind}`, scripts[kind]);
    if (s !== undefined) own[kind] = s;
  }
  return { ...scripts, ...own };
}

/** The identity rules, for props or for an ARM identity given as `{ type, userAssignedIdentityIds }` (the command line's lint). */
export function validateIdentity(problems: Problems, props: Pick<ComputeInstanceProps, 'identity'>): void {
  const identity = objectOrUndefined(props.identity);
  if (identity === undefined) return;
  if (!IDENTITY_TYPES.includes(identity.type)) {
    problems.add('identity.type', identity.type, `${IDENTITY_TYPES.map((t) => `"${t}"`).join(', ')}`);
    return;
  }
  const ids: unknown = identity.userAssignedIdentityIds ?? [];
  if (!Array.isArray(ids)) {
    problems.add('identity.userAssignedIdentityIds', ids, 'a list of user-assigned identity ids');
    return;
  }
  const userAssigned = identity.type.includes('UserAssigned');
  if (userAssigned && ids.length === 0) {
    problems.add('identity.userAssignedIdentityIds', ids, `at least one identity id with type "${identity.type}"`);
  }
  if (!userAssigned && ids.length > 0) {
    problems.add('identity.userAssignedIdentityIds', ids, 'none with type "SystemAssigned"');
  }
  ids.forEach((id: unknown, i) =>
    checkArmId(problems, `identity.userAssignedIdentityIds[${i}]`, id, 'userAssignedIdentity'),
  );
}

/** Azure's tag rules; also used on the tags of ARM resources by the command line's lint. */
export function validateTags(problems: Problems, tags: Record<string, string> | undefined): void {
  if (objectOrUndefined(tags) === undefined) return;
  const entries = Object.entries(tags!);
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

function validateExisting(problems: Problems, props: ComputeInstanceProps): void {
  checkBoolean(problems, 'existing', props.existing);
  if (props.existing === true && props.initialState === 'Stopped') {
    // The one-time stop would run at the import's apply and stop an instance someone may be using.
    problems.add(
      'initialState',
      'Stopped',
      '"Running" (the default) with existing: true; the stop after creation is for new instances',
    );
  }
}

function validateDriftProps(problems: Problems, props: ComputeInstanceProps): void {
  const mode = props.onScheduleChange;
  if (mode !== undefined && !['warn', 'replace'].includes(mode)) {
    problems.add('onScheduleChange', mode, '"warn" or "replace"');
  } else if (mode === 'replace' && props.existing === true) {
    problems.add(
      'onScheduleChange',
      mode,
      '"warn" for an adopted instance (existing: true): Terraform ignores its replacement triggers, so a schedule change could not replace it',
    );
  }
  const check = props.driftCheck;
  if (check === undefined || typeof check === 'boolean') return;
  if (!isPlainObject(check)) {
    problems.add('driftCheck', check, 'true, false or { latestOsImage?: boolean }');
    return;
  }
  for (const key of Object.keys(check)) {
    if (key !== 'latestOsImage')
      problems.add(`driftCheck.${key}`, (check as Record<string, unknown>)[key], 'no such field: only latestOsImage');
  }
  checkBoolean(problems, 'driftCheck.latestOsImage', check.latestOsImage);
}
