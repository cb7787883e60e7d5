import type { ComputeInstanceProps } from '../../compute-instance/props';
import { validateComputeInstanceProps } from '../../compute-instance/validation';
import { INSTANCE_FIELDS } from '../../compute-instance/fields';
import { Duration } from '../../core/duration';
import { Problems, show } from '../../core/errors';
import { isPlainObject } from '../../core/plain-object';
import { IDENTITY_TYPES } from '../../compute-instance/checks';
import type { AzureInstance } from '../inputs/azure-instances';
import { arr, call, Expr, jsonToCode, lit, obj, Prop, prop } from './code';
import { Findings, refusalComments, refusalsOf, unsupportedComments } from './findings';
import { schedulesToCode } from './schedules-to-code';
import { scriptToCode } from './script-to-code';

/** One instance's `new ComputeInstance(scope, id, props)`: its code and what the import found. */
export interface InstanceCode extends Findings {
  readonly constructId: string;
  readonly props: Expr;
  readonly comments: string[];
  readonly constants: { readonly name: string; readonly text: string }[];
  readonly notes: string[];
}

/** Fields of the inner properties the library writes (the field table's); the rest Azure reported are not expressed. */
const EXPRESSED = INSTANCE_FIELDS.flatMap((f) =>
  f.arm?.startsWith('properties.properties.') ? [f.arm.slice('properties.properties.'.length)] : [],
);
/** Azure's only value, and its default: the library does not write it (see README, "Adopting existing instances"). */
const IMPLIED = { computeInstanceAuthorizationType: 'personal' };
const UNITS = [
  ['days', 86400],
  ['hours', 3600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

/** A Duration as the factory call of its largest whole unit (`Duration.minutes(30)`). */
function durationCode(d: Duration): Expr {
  const s = d.toSeconds();
  const [unit, size] = UNITS.find(([, n]) => s > 0 && s % n === 0) ?? ['seconds', 1];
  return call(`Duration.${unit}`, lit(s / size));
}

/** `ci-alice` -> `ciAlice`, for the names of script constants. */
export function camel(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const joined = words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return /^[A-Za-z_$]/.test(joined) ? joined : `ci${joined}`;
}

/** The workspace of a compute's ARM id (`.../workspaces/w/computes/c` -> `.../workspaces/w`). */
function workspaceOf(id: string | undefined): string | undefined {
  const m = id === undefined ? null : /^(.*)\/computes\/[^/]+$/i.exec(id);
  return m ? m[1] : undefined;
}

/** The prop a validation problem's field belongs to (`schedules[1].expression` -> `schedules`). */
function propOf(field: string): string {
  return field.split(/[.[:]/)[0];
}

/**
 * The props of one existing instance as code, written through the public API, with the library's verdict
 * on them: each value the library refuses is kept and marked with a comment, found by running the same
 * factories and the same ComputeInstance validation a synth runs.
 */
export function instanceToCode(
  instance: AzureInstance,
  constructId: string,
  unlisted: readonly string[] = [],
  scriptPrefix = camel(constructId),
): InstanceCode {
  const outer = instance.properties;
  const inner = outer.properties as Record<string, any>;
  const unsupported: string[] = [...unlisted];
  const notes: string[] = [];
  const refusals: string[] = [];
  const constants: InstanceCode['constants'] = [];
  const code = new Map<string, Expr>();
  const commentsAt = new Map<string, string[]>();
  const runtime: Record<string, unknown> = {};
  const set = (key: string, expr: Expr, value: unknown) => {
    code.set(key, expr);
    runtime[key] = value;
  };
  const mark = (key: string, lines: string[]) => commentsAt.set(key, [...(commentsAt.get(key) ?? []), ...lines]);

  set('existing', lit(true), true);
  set('name', lit(instance.name), instance.name);
  const workspaceId = workspaceOf(instance.id);
  if (workspaceId === undefined)
    notes.push(`the input gives no compute id (${show(instance.id)}): write the workspace's ARM id in workspaceId`);
  set('workspaceId', lit(workspaceId ?? ''), workspaceId ?? '');
  set('location', lit(instance.location ?? ''), instance.location ?? '');
  const vmSize = typeof inner.vmSize === 'string' ? inner.vmSize : '';
  if (inner.vmSize !== undefined && typeof inner.vmSize !== 'string')
    unsupported.push(`vmSize (${show(inner.vmSize)}): not text`);
  set('vmSize', lit(vmSize), vmSize);
  if (outer.description !== undefined) set('description', lit(outer.description), outer.description);
  if (outer.disableLocalAuth === false) set('localAuth', lit(true), true);
  if (outer.disableLocalAuth === undefined) {
    notes.push(
      'Azure did not report disableLocalAuth: the library sends true (local authentication off); if the instance has it on, add localAuth: true (it is create-only: a change replaces the instance)',
    );
  }
  if (isPlainObject(inner.subnet) && typeof inner.subnet.id === 'string')
    set('subnetId', lit(inner.subnet.id), inner.subnet.id);
  else if (inner.subnet !== undefined) unsupported.push(`subnet (${show(inner.subnet)}): no subnet id`);
  if (typeof inner.enableNodePublicIp === 'boolean')
    set('nodePublicIp', lit(inner.enableNodePublicIp), inner.enableNodePublicIp);
  else if (code.has('subnetId')) {
    notes.push(
      'Azure did not report enableNodePublicIp: inside a subnet the library sends false (no public IP); if the instance has one, add nodePublicIp: true (it is create-only: a change replaces the instance)',
    );
  }

  const ssh = inner.sshSettings;
  if (isPlainObject(ssh) && ssh.sshPublicAccess === 'Enabled') {
    const key = typeof ssh.adminPublicKey === 'string' ? ssh.adminPublicKey : '';
    if (key === '')
      mark('ssh', [
        'aml-compute import: SSH is enabled but Azure did not return the admin public key: write the key the instance was created with (SSH settings are create-only)',
      ]);
    set('ssh', obj([prop('publicKey', lit(key))]), { publicKey: key });
  } else if (isPlainObject(ssh) && ssh.adminPublicKey !== undefined) {
    unsupported.push('sshSettings.adminPublicKey with SSH access disabled');
  }

  const user = inner.personalComputeInstanceSettings?.assignedUser;
  if (isPlainObject(user)) {
    set(
      'assignedUser',
      obj([prop('objectId', lit(String(user.objectId))), prop('tenantId', lit(String(user.tenantId)))]),
      { objectId: String(user.objectId), tenantId: String(user.tenantId) },
    );
  }
  if (typeof inner.enableSSO === 'boolean') set('sso', lit(inner.enableSSO), inner.enableSSO);
  if (inner.applicationSharingPolicy !== undefined) {
    if (['Personal', 'Shared'].includes(inner.applicationSharingPolicy))
      set('applicationSharingPolicy', lit(inner.applicationSharingPolicy), inner.applicationSharingPolicy);
    else
      unsupported.push(`applicationSharingPolicy ${show(inner.applicationSharingPolicy)}, not "Personal" or "Shared"`);
  }
  identityToCode(instance.identity, set, unsupported);

  const schedules = schedulesToCode(inner.schedules?.computeStartStop);
  if (isPlainObject(inner.schedules)) {
    for (const k of Object.keys(inner.schedules).filter((k) => k !== 'computeStartStop'))
      unsupported.push(`schedules.${k} (${show(inner.schedules[k])})`);
  }
  if (schedules) {
    set('schedules', schedules.code, schedules.schedules);
    refusals.push(...schedules.refusals);
    unsupported.push(...schedules.unsupported);
  }

  if (inner.idleTimeBeforeShutdown !== undefined) {
    const idle =
      typeof inner.idleTimeBeforeShutdown === 'string' ? tryParseIso(inner.idleTimeBeforeShutdown) : undefined;
    if (idle) {
      set('idleShutdown', durationCode(idle), idle);
      if (idle.toIsoString() !== inner.idleTimeBeforeShutdown)
        notes.push(
          `idleTimeBeforeShutdown: Azure has "${inner.idleTimeBeforeShutdown}"; the library writes the same time as "${idle.toIsoString()}"`,
        );
    } else {
      unsupported.push(
        `idleTimeBeforeShutdown ${show(inner.idleTimeBeforeShutdown)}: not an ISO 8601 duration of days, hours, minutes and seconds`,
      );
    }
  }

  scriptsToCode(inner.setupScripts, scriptPrefix, { set, mark, unsupported, notes, refusals, constants });

  if (instance.tags !== undefined && Object.keys(instance.tags).length > 0) {
    set('tags', obj(Object.entries(instance.tags).map(([k, v]) => prop(k, lit(String(v))))), { ...instance.tags });
  }
  writeOtherFields(inner, set, unsupported);
  for (const key of Object.keys(inner).sort()) {
    if (EXPRESSED.includes(key)) continue;
    if (Object.hasOwn(IMPLIED, key) && IMPLIED[key as keyof typeof IMPLIED] === inner[key]) continue;
    unsupported.push(`${key} (${show(inner[key])})`);
  }

  // The same validation a ComputeInstance runs when constructed, on the values the factories accepted; without
  // constructing one, so that the command runs where no framework (cdktf or cdktn) is installed.
  for (const r of refusalsOf(() => {
    const problems = new Problems(constructId);
    validateComputeInstanceProps(problems, runtime as unknown as ComputeInstanceProps);
    problems.throwIfAny();
  })) {
    refusals.push(r);
    mark(propOf(r), refusalComments([r]));
  }

  const props: Prop[] = [...code].map(([key, expr]) => prop(key, expr, commentsAt.get(key) ?? []));
  return {
    constructId,
    props: obj(props),
    comments: [...unsupportedComments(unsupported), ...notes.map((n) => `aml-compute import: ${n}`)],
    constants,
    unsupported,
    refusals,
    notes,
  };
}

function tryParseIso(text: string): Duration | undefined {
  try {
    return Duration.parseIso(text);
  } catch {
    return undefined;
  }
}

function identityToCode(identity: unknown, set: (k: string, e: Expr, v: unknown) => void, unsupported: string[]): void {
  if (identity === undefined) return;
  if (!isPlainObject(identity) || typeof identity.type !== 'string') {
    unsupported.push(`identity (${show(identity)})`);
    return;
  }
  const type = identity.type.replace(/\s+/g, '');
  if (type === 'None') return;
  if (!IDENTITY_TYPES.includes(type)) {
    unsupported.push(`identity.type ${show(identity.type)}, not one of ${IDENTITY_TYPES.join(', ')}`);
    return;
  }
  const ids = isPlainObject(identity.userAssignedIdentities) ? Object.keys(identity.userAssignedIdentities) : [];
  set(
    'identity',
    obj([
      prop('type', lit(type)),
      ...(ids.length > 0 ? [prop('userAssignedIdentityIds', arr(ids.map((id) => lit(id))))] : []),
    ]),
    { type, ...(ids.length > 0 ? { userAssignedIdentityIds: ids } : {}) },
  );
}

interface ScriptSink {
  set(key: string, expr: Expr, value: unknown): void;
  mark(key: string, lines: string[]): void;
  unsupported: string[];
  notes: string[];
  refusals: string[];
  constants: { name: string; text: string }[];
}

function scriptsToCode(setupScripts: unknown, prefix: string, sink: ScriptSink): void {
  if (setupScripts === undefined) return;
  const scripts = isPlainObject(setupScripts) ? setupScripts.scripts : undefined;
  if (!isPlainObject(scripts)) {
    sink.unsupported.push(`setupScripts (${show(setupScripts)})`);
    return;
  }
  const props: Prop[] = [];
  const values: Record<string, unknown> = {};
  for (const [kind, armKey] of [
    ['creation', 'creationScript'],
    ['startup', 'startupScript'],
  ] as const) {
    if (scripts[armKey] === undefined) continue;
    const field = `setupScripts.scripts.${armKey}`;
    const script = scriptToCode(
      scripts[armKey],
      field,
      `${prefix}${kind === 'creation' ? 'Creation' : 'Startup'}Script`,
    );
    if ('unsupported' in script) {
      sink.unsupported.push(...script.unsupported);
      continue;
    }
    if (script.constant) sink.constants.push(script.constant);
    sink.notes.push(...script.notes);
    const refused = script.refusals.map((r) => `setupScripts.${kind}.${r}`);
    sink.refusals.push(...refused);
    if (refused.length === 0) values[kind] = script.build();
    props.push(prop(kind, script.code, refusalComments(refused)));
  }
  for (const k of Object.keys(scripts).filter((k) => k !== 'creationScript' && k !== 'startupScript'))
    sink.unsupported.push(`setupScripts.scripts.${k}`);
  if (props.length > 0) sink.set('setupScripts', obj(props), values);
}

/** The fields this file writes with code of their own (the rest of the table's are written by `writeOtherFields`). */
const WRITTEN_HERE = new Set([
  'name',
  'workspaceId',
  'location',
  'vmSize',
  'subnetId',
  'applicationSharingPolicy',
  'ssh',
  'assignedUser',
  'setupScripts',
  'nodePublicIp',
  'sso',
  'description',
  'localAuth',
  'tags',
  'identity',
  'schedules',
  'idleShutdown',
]);

/**
 * Every other field of the table inside the compute's properties, as the literal of its prop value
 * (`fromArm`). What the library would write back for it differs from what Azure has when Azure has more than
 * the library expresses: that is said in the "not expressed" comment.
 */
function writeOtherFields(
  inner: Record<string, any>,
  set: (key: string, expr: Expr, value: unknown) => void,
  unsupported: string[],
): void {
  for (const f of INSTANCE_FIELDS) {
    if (WRITTEN_HERE.has(f.prop) || !f.arm?.startsWith(INNER_PREFIX)) continue;
    const armValue = inner[f.arm.slice(INNER_PREFIX.length)];
    if (armValue === undefined) continue;
    const value = f.fromArm ? f.fromArm(armValue) : armValue;
    // Written only when the check accepts it: a value of another shape would not compile against the props.
    const refused = refusalsOf(() => {
      const problems = new Problems(f.prop);
      f.check(problems, value as never, { [f.prop]: value } as unknown as ComputeInstanceProps);
      problems.throwIfAny();
    });
    if (refused.length > 0) {
      unsupported.push(...refused);
      continue;
    }
    set(f.prop, jsonToCode(value), value);
    const written = f.toArm?.({ [f.prop]: value } as unknown as ComputeInstanceProps);
    for (const path of differingPaths(armValue, written, f.arm.slice(INNER_PREFIX.length)))
      unsupported.push(`${path.at} (${show(path.value)}): the library has no field for it`);
  }
}

const INNER_PREFIX = 'properties.properties.';

/** Where Azure's value has something the library's rendering of it lacks or writes otherwise. */
function differingPaths(azure: unknown, written: unknown, at: string): { at: string; value: unknown }[] {
  if (Array.isArray(azure) && Array.isArray(written))
    return azure.flatMap((item, i) => differingPaths(item, written[i], `${at}[${i}]`));
  if (isPlainObject(azure) && isPlainObject(written))
    return Object.keys(azure)
      .sort()
      .flatMap((key) => differingPaths(azure[key], written[key], `${at}.${key}`));
  return JSON.stringify(azure) === JSON.stringify(written) ? [] : [{ at, value: azure }];
}
