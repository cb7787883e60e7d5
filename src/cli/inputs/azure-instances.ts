import { isPlainObject } from '../../core/plain-object';
import { dataFrom } from './json-data';

/**
 * Compute instances as Azure returns them, normalized to the ARM resource shape (API 2025-12-01) that the
 * library's spec, rules and renderers read. Recognized by shape:
 * - a REST GET body, `{ id, name, location, properties: { computeType: "ComputeInstance", properties } }`;
 * - a REST list, `{ value: [...] }` (other compute types in it are left out);
 * - a REST spec example file, `{ parameters, responses: { "200": { body } } }` (Azure/azure-rest-api-specs
 *   `.../stable/2025-12-01/examples/Compute/get/ComputeInstance.json` and `list.json`);
 * - `az ml compute show -o json` (one object) or `az ml compute list -o json` (a list): Azure ML CLI v2, whose
 *   JSON is azure-ai-ml's marshmallow dump of the entity (Azure/azure-sdk-for-python
 *   `sdk/ml/azure-ai-ml/azure/ai/ml/_schema/compute/compute_instance.py`, `schedule.py`, `setup_scripts.py`,
 *   `compute.py`; the REST-to-entity mapping in `entities/_compute/compute_instance.py` `_load_from_rest`).
 *   Its enums are dumped lower-case (`StringTransformedEnum`'s default `casing_transform`): `type:
 *   "computeinstance"`, `action: "stop"`, `state: "enabled"`, `trigger.type: "cron"`.
 * Read-only fields (state, createdBy, schedule ids, ...) are dropped: what is left is what a deployment sends.
 */

/** The writable ARM properties of a compute instance, as found (values are not validated here). */
type AzureInstanceProperties = Record<string, unknown>;

/** One compute instance in the ARM resource shape. */
export interface AzureInstance {
  readonly id?: string;
  readonly name: string;
  readonly location?: string;
  readonly tags?: Record<string, string>;
  readonly identity?: unknown;
  readonly properties: {
    readonly computeType: 'ComputeInstance';
    readonly description?: string;
    readonly disableLocalAuth?: boolean;
    readonly properties: AzureInstanceProperties;
  };
}

/** Which of Azure's output shapes an instance came from. */
type AzureInstanceShape = 'rest' | 'az-ml-cli';

/** An instance with where it was found: its JSON path in the file (`value[1]`, `` for the root). */
interface LocatedAzureInstance {
  readonly instance: AzureInstance;
  readonly shape: AzureInstanceShape;
  readonly path: string;
  /** The power state Azure reported (`Running`, `Stopped`), when it did. */
  readonly state?: string;
}

/**
 * The writable fields of `ComputeInstanceProperties` on the stable 2025-12-01 API; read-only ones and the
 * preview-only ones (`enableOSPatching`, `enableRootAccess`, `releaseQuotaOnStop`, `autologgerSettings`) are
 * left out, so that what is read back can be deployed on 2025-12-01.
 */
const WRITABLE_PROPERTIES = [
  'vmSize',
  'subnet',
  'applicationSharingPolicy',
  'sshSettings',
  'customServices',
  'computeInstanceAuthorizationType',
  'enableSSO',
  'personalComputeInstanceSettings',
  'setupScripts',
  'schedules',
  'enableNodePublicIp',
  'idleTimeBeforeShutdown',
];
/** Read-only fields of a `computeStartStop` entry (`id`, `provisioningStatus`) and of `sshSettings`. */
const SCHEDULE_READ_ONLY = ['id', 'provisioningStatus'];
const SSH_READ_ONLY = ['adminUserName', 'sshPort'];

/** Every compute instance in `json`, in ARM resource shape. */
export function readAzureInstances(json: unknown): AzureInstance[] {
  return locateAzureInstances(json).map((l) => l.instance);
}

/** True when `json` has one of Azure's output shapes (even with no compute instance in it). */
export function isAzureComputeOutput(json: unknown): boolean {
  const body = specExampleBody(json) ?? json;
  if (Array.isArray(body)) return body.length > 0 && body.every((c) => isAzMlCompute(c));
  if (!isPlainObject(body)) return false;
  if (Array.isArray(body.value)) return body.value.every((c: unknown) => isRestCompute(c));
  return isRestCompute(body) || isAzMlCompute(body);
}

/** Every compute instance in `json`, with where it was found. */
export function locateAzureInstances(json: unknown): LocatedAzureInstance[] {
  const example = specExampleBody(json);
  const body = example ?? json;
  const prefix = example !== undefined ? 'responses["200"].body' : '';
  const at = (suffix: string) =>
    [prefix, suffix]
      .filter((s) => s !== '')
      .join('.')
      .replace(/\.\[/g, '[');
  const one = (c: unknown, path: string): LocatedAzureInstance[] => {
    if (isRestCompute(c))
      return isPlainObject(c.properties) && c.properties.computeType === 'ComputeInstance' ? [fromRest(c, path)] : [];
    if (isAzMlCompute(c)) return String(c.type).toLowerCase() === 'computeinstance' ? [fromAzMl(c, path)] : [];
    return [];
  };
  if (Array.isArray(body)) return body.flatMap((c, i) => one(c, at(`[${i}]`)));
  if (isPlainObject(body) && Array.isArray(body.value))
    return body.value.flatMap((c: unknown, i: number) => one(c, at(`value[${i}]`)));
  return one(body, at(''));
}

function specExampleBody(json: unknown): unknown {
  if (!isPlainObject(json) || !isPlainObject(json.responses) || !isPlainObject(json.parameters)) return undefined;
  const ok = json.responses['200'];
  return isPlainObject(ok) ? ok.body : undefined;
}

/** A compute resource as ARM returns it: a name and `properties.computeType`. */
function isRestCompute(c: unknown): c is Record<string, any> {
  return (
    isPlainObject(c) &&
    typeof c.name === 'string' &&
    isPlainObject(c.properties) &&
    typeof c.properties.computeType === 'string'
  );
}

/** A compute as azure-ai-ml dumps it: a name and a lower-case `type` (`computeinstance`, `amlcompute`, ...). */
function isAzMlCompute(c: unknown): c is Record<string, any> {
  return (
    isPlainObject(c) &&
    typeof c.name === 'string' &&
    typeof c.type === 'string' &&
    !c.type.includes('/') &&
    !('properties' in c)
  );
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return dataFrom(keys.filter((k) => source[k] !== undefined && source[k] !== null).map((k) => [k, source[k]]));
}

function omit(source: unknown, keys: readonly string[]): unknown {
  if (!isPlainObject(source)) return source;
  return dataFrom(Object.entries(source).filter(([k]) => !keys.includes(k)));
}

function fromRest(c: Record<string, any>, path: string): LocatedAzureInstance {
  const outer = c.properties as Record<string, any>;
  const inner = isPlainObject(outer.properties) ? outer.properties : {};
  const properties = pick(inner, WRITABLE_PROPERTIES);
  if (properties.sshSettings !== undefined) properties.sshSettings = omit(properties.sshSettings, SSH_READ_ONLY);
  const schedules = properties.schedules;
  if (isPlainObject(schedules) && Array.isArray(schedules.computeStartStop)) {
    properties.schedules = {
      ...schedules,
      computeStartStop: schedules.computeStartStop.map((e: unknown) => omit(e, SCHEDULE_READ_ONLY)),
    };
  }
  const instance: AzureInstance = {
    ...(typeof c.id === 'string' ? { id: c.id } : {}),
    name: c.name,
    ...(typeof c.location === 'string' ? { location: c.location } : {}),
    ...(isPlainObject(c.tags) ? { tags: c.tags as Record<string, string> } : {}),
    ...(c.identity !== undefined && c.identity !== null ? { identity: c.identity } : {}),
    properties: {
      computeType: 'ComputeInstance',
      ...(typeof outer.description === 'string' ? { description: outer.description } : {}),
      ...(typeof outer.disableLocalAuth === 'boolean' ? { disableLocalAuth: outer.disableLocalAuth } : {}),
      properties,
    },
  };
  return { instance, shape: 'rest', path, ...(typeof inner.state === 'string' ? { state: inner.state } : {}) };
}

/** `stop` -> `Stop`, `system_assigned` -> `SystemAssigned`: azure-ai-ml's lower-case or snake-case enums in Azure's spelling. */
function azureSpelling(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split('_')
    .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join('');
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return dataFrom(Object.entries(entries).filter(([, v]) => v !== undefined && v !== null));
}

/** One azure-ai-ml `ComputeStartStopSchedule` dump as the ARM `computeStartStop` entry it came from. */
function scheduleFromAzMl(s: unknown): unknown {
  if (!isPlainObject(s)) return s;
  const trigger = isPlainObject(s.trigger) ? s.trigger : {};
  const type = azureSpelling(trigger.type);
  const common = defined({ timeZone: trigger.time_zone, startTime: trigger.start_time });
  const pattern = isPlainObject(trigger.schedule) ? trigger.schedule : undefined;
  return defined({
    action: azureSpelling(s.action),
    triggerType: type,
    status: azureSpelling(s.state),
    ...(type === 'Cron' ? { cron: defined({ expression: trigger.expression, ...common }) } : {}),
    ...(type === 'Recurrence'
      ? {
          recurrence: defined({
            frequency: azureSpelling(trigger.frequency),
            interval: trigger.interval,
            ...common,
            schedule:
              pattern &&
              defined({
                hours: pattern.hours,
                minutes: pattern.minutes,
                weekDays: Array.isArray(pattern.week_days) ? pattern.week_days.map(azureSpelling) : undefined,
              }),
          }),
        }
      : {}),
  });
}

/** An azure-ai-ml `ScriptReference` dump (`path`, `command`, `timeout_minutes`): always a workspace script. */
function scriptFromAzMl(s: unknown): unknown {
  if (!isPlainObject(s)) return undefined;
  return defined({
    scriptSource: 'workspaceStorage',
    scriptData: s.path,
    scriptArguments: s.command,
    timeout:
      typeof s.timeout_minutes === 'number' || typeof s.timeout_minutes === 'string'
        ? `${s.timeout_minutes}m`
        : s.timeout_minutes,
  });
}

function identityFromAzMl(identity: unknown): unknown {
  if (!isPlainObject(identity)) return undefined;
  const ids = Array.isArray(identity.user_assigned_identities)
    ? identity.user_assigned_identities.flatMap((u: unknown) =>
        isPlainObject(u) && typeof u.resource_id === 'string' ? [u.resource_id] : [],
      )
    : [];
  const type =
    typeof identity.type === 'string'
      ? identity.type
          .split(',')
          .map((t: string) => azureSpelling(t.trim()))
          .join(',')
      : identity.type;
  return defined({
    type,
    userAssignedIdentities: ids.length > 0 ? dataFrom(ids.map((id: string) => [id, {}])) : undefined,
  });
}

function fromAzMl(c: Record<string, any>, path: string): LocatedAzureInstance {
  const idle =
    c.idle_time_before_shutdown ??
    (typeof c.idle_time_before_shutdown_minutes === 'number' ? `PT${c.idle_time_before_shutdown_minutes}M` : undefined);
  const scripts = isPlainObject(c.setup_scripts) ? c.setup_scripts : undefined;
  const creationScript = scriptFromAzMl(scripts?.creation_script);
  const startupScript = scriptFromAzMl(scripts?.startup_script);
  const user = isPlainObject(c.create_on_behalf_of) ? c.create_on_behalf_of : undefined;
  const ssh = isPlainObject(c.ssh_settings) ? c.ssh_settings : undefined;
  const schedules =
    isPlainObject(c.schedules) && Array.isArray(c.schedules.compute_start_stop)
      ? c.schedules.compute_start_stop
      : undefined;
  const sshAccess =
    typeof c.ssh_public_access_enabled === 'boolean'
      ? c.ssh_public_access_enabled
        ? 'Enabled'
        : 'Disabled'
      : undefined;
  const properties = defined({
    vmSize: c.size,
    subnet:
      isPlainObject(c.network_settings) && typeof c.network_settings.subnet === 'string'
        ? { id: c.network_settings.subnet }
        : undefined,
    sshSettings:
      sshAccess !== undefined || ssh?.ssh_key_value
        ? defined({ sshPublicAccess: sshAccess, adminPublicKey: ssh?.ssh_key_value })
        : undefined,
    personalComputeInstanceSettings: user
      ? { assignedUser: defined({ objectId: user.user_object_id, tenantId: user.user_tenant_id }) }
      : undefined,
    setupScripts: creationScript || startupScript ? { scripts: defined({ creationScript, startupScript }) } : undefined,
    schedules: schedules ? { computeStartStop: schedules.map(scheduleFromAzMl) } : undefined,
    enableNodePublicIp: c.enable_node_public_ip,
    idleTimeBeforeShutdown: idle,
  });
  const identity = identityFromAzMl(c.identity);
  const instance: AzureInstance = {
    ...(typeof c.id === 'string' ? { id: c.id } : {}),
    name: c.name,
    ...(typeof c.location === 'string' ? { location: c.location } : {}),
    ...(isPlainObject(c.tags) ? { tags: c.tags as Record<string, string> } : {}),
    ...(identity !== undefined ? { identity } : {}),
    properties: {
      computeType: 'ComputeInstance',
      ...(typeof c.description === 'string' ? { description: c.description } : {}),
      properties,
    },
  };
  return { instance, shape: 'az-ml-cli', path, ...(typeof c.state === 'string' ? { state: c.state } : {}) };
}

/**
 * The field of an az-ml-cli instance that an ARM field came from, for messages
 * (`properties.properties.schedules.computeStartStop[1].cron.timeZone` -> `schedules.compute_start_stop[1].trigger.time_zone`).
 */
export function azMlField(armField: string): string {
  const inner = armField.replace(/^properties\.properties\./, '').replace(/^properties\./, '');
  const rules: Array<[RegExp, string]> = [
    [/^schedules\.computeStartStop/, 'schedules.compute_start_stop'],
    [/\.(cron|recurrence)\.schedule\.weekDays/, '.trigger.schedule.week_days'],
    [/\.(cron|recurrence)\.schedule\./, '.trigger.schedule.'],
    [/\.(cron|recurrence)\.timeZone/, '.trigger.time_zone'],
    [/\.(cron|recurrence)\.startTime/, '.trigger.start_time'],
    [/\.(cron|recurrence)\./, '.trigger.'],
    [/\.triggerType$/, '.trigger.type'],
    [/(compute_start_stop\[\d+\])\.status$/, '$1.state'],
    [/^vmSize/, 'size'],
    [/^subnet\.id/, 'network_settings.subnet'],
    [/^sshSettings\.adminPublicKey/, 'ssh_settings.ssh_key_value'],
    [/^sshSettings\.sshPublicAccess/, 'ssh_public_access_enabled'],
    [/^personalComputeInstanceSettings\.assignedUser\.objectId/, 'create_on_behalf_of.user_object_id'],
    [/^personalComputeInstanceSettings\.assignedUser\.tenantId/, 'create_on_behalf_of.user_tenant_id'],
    [/^setupScripts\.scripts\.creationScript/, 'setup_scripts.creation_script'],
    [/^setupScripts\.scripts\.startupScript/, 'setup_scripts.startup_script'],
    [/\.scriptData/, '.path'],
    [/\.scriptArguments/, '.command'],
    [/\.timeout$/, '.timeout_minutes'],
    [/^idleTimeBeforeShutdown/, 'idle_time_before_shutdown'],
    [/^enableNodePublicIp/, 'enable_node_public_ip'],
  ];
  return rules.reduce((field, [pattern, replacement]) => field.replace(pattern, replacement), inner);
}
