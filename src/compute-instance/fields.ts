import { Duration } from '../core/duration';
import { ValidationError } from '../core/errors';
import { ALIAS } from '../model/policy-aliases';
import { computeNameRefused, locationRefused, vmSizeRefused } from '../validation/field-checks';
import { isPlainObject } from '../core/plain-object';
import {
  checkArmId,
  checkAssignedUser,
  checkBoolean,
  checkDescription,
  checkDriftCheck,
  checkExisting,
  checkIdentity,
  checkIdleShutdown,
  checkNodePublicIp,
  checkOnScheduleChange,
  checkOneOf,
  checkSchedules,
  checkSetupScripts,
  checkSsh,
  checkSso,
  checkString,
  checkTags,
} from './checks';
import { checkCustomServices, customServicesFromArm, customServicesToArm } from './custom-services';
import { field, InstanceField, RefusedArmValue } from './field';

const INNER = 'properties.properties';
/**
 * azurerm 4.55.0's compute instance has no argument for it (hashicorp/terraform-provider-azurerm,
 * internal/services/machinelearning/machine_learning_compute_instance_resource.go; provider issues #15539, #20973,
 * #26494 ask for schedules, setup scripts, idle shutdown and SSO).
 */
const AZURERM_LACKS = { unsupported: 'azurerm_machine_learning_compute_instance has no argument for it' } as const;
const ISO_DURATION = 'an ISO 8601 duration of days, hours, minutes and seconds, like PT30M or P1DT12H';

/**
 * Every setting of a compute instance, one entry each (see `InstanceField`). The order is the order of the checks,
 * and of the replacement triggers among the fields that have one; the ARM body keeps the resource's own order
 * (`toComputeInstanceSpec`).
 */
export const INSTANCE_FIELDS: readonly InstanceField[] = [
  field({
    prop: 'name',
    readme: {
      default: 'required',
      allowed:
        '3–24 letters, digits, `-`; starts with a letter; every `-` followed later by a letter (`ci-one`, not `ci-1`); unique per region across the app (every stack and workspace; compared without case)',
    },
    arm: 'name',
    change: 'replaces',
    rule: 'name',
    azurerm: { argument: 'name' },
    check: (problems, value) => checkString(problems, 'name', value, computeNameRefused),
    toArm: (props) => props.name,
  }),
  field({
    prop: 'workspaceId',
    readme: {
      default: 'required',
      allowed:
        'ARM id of a `Microsoft.MachineLearningServices/workspaces`; a wrong id is shown whole and the message names the wrong segment (`"workspace" where "workspaces" belongs`, `the id of a virtual network, not of a subnet`)',
    },
    // The parent of the compute resource: its id is `<workspaceId>/computes/<name>`.
    arm: 'workspaceId',
    change: 'replaces',
    rule: 'id',
    azurerm: { argument: 'machine_learning_workspace_id' },
    check: (problems, value) => checkArmId(problems, 'workspaceId', value, 'workspace'),
    toArm: (props) => props.workspaceId,
  }),
  field({
    prop: 'location',
    readme: { default: 'required', allowed: 'region name' },
    arm: 'location',
    change: 'replaces',
    rule: 'location',
    azurerm: { implied: "the workspace's location" },
    check: (problems, value) => checkString(problems, 'location', value, locationRefused),
    toArm: (props) => props.location,
  }),
  field({
    prop: 'vmSize',
    readme: { default: 'required', allowed: 'an Azure size name (`Standard_D3_v2`, any case)' },
    arm: `${INNER}.vmSize`,
    change: 'replaces',
    rule: 'vm-size',
    trigger: 'lower-case',
    azurerm: { argument: 'virtual_machine_size' },
    check: (problems, value) => checkString(problems, 'vmSize', value, vmSizeRefused),
    toArm: (props) => props.vmSize,
  }),
  field({
    prop: 'subnetId',
    readme: { default: 'Azure-managed network', allowed: 'ARM id of a subnet' },
    arm: `${INNER}.subnet`,
    change: 'replaces',
    rule: 'id',
    trigger: 'lower-case',
    azurerm: { argument: 'subnet_resource_id' },
    check: (problems, value) => {
      if (value !== undefined) checkArmId(problems, 'subnetId', value, 'subnet');
    },
    toArm: (props) => (props.subnetId !== undefined ? { id: props.subnetId } : undefined),
    fromArm: (subnet) => (isPlainObject(subnet) ? subnet.id : refusal('an object { id }')),
    armFieldOf: () => `${INNER}.subnet.id`,
  }),
  field({
    prop: 'applicationSharingPolicy',
    readme: { default: "Azure's default", allowed: '`Personal` or `Shared`' },
    arm: `${INNER}.applicationSharingPolicy`,
    change: 'replaces',
    rule: 'compute-instance',
    trigger: 'as-written',
    azurerm: AZURERM_LACKS,
    check: (problems, value) => checkOneOf(problems, 'applicationSharingPolicy', value, ['Personal', 'Shared']),
    toArm: (props) => props.applicationSharingPolicy,
  }),
  field({
    prop: 'ssh',
    readme: {
      shape: '{ publicKey }',
      default: 'SSH disabled',
      allowed: 'one OpenSSH public key line (rsa, ed25519, ecdsa); the body must decode to that key type',
    },
    arm: `${INNER}.sshSettings`,
    change: 'replaces',
    rule: 'ssh-key',
    trigger: 'as-written',
    azurerm: { argument: 'ssh' },
    check: (problems, value) => checkSsh(problems, value),
    // Written always: SSH is off unless asked for.
    toArm: (props) =>
      props.ssh ? { sshPublicAccess: 'Enabled', adminPublicKey: props.ssh.publicKey } : { sshPublicAccess: 'Disabled' },
    fromArm: (ssh) =>
      isPlainObject(ssh) && ssh.adminPublicKey !== undefined ? { publicKey: ssh.adminPublicKey } : undefined,
    armFieldOf: (f) => f.replace(/^ssh(\.publicKey)?/, `${INNER}.sshSettings.adminPublicKey`),
  }),
  field({
    prop: 'assignedUser',
    readme: { shape: '{ objectId, tenantId, grantAccess? }', default: 'the deployer owns it', allowed: 'GUIDs' },
    arm: `${INNER}.personalComputeInstanceSettings`,
    change: 'replaces',
    rule: 'id',
    trigger: 'lower-case',
    azurerm: { argument: 'assign_to_user' },
    check: (problems, value) => checkAssignedUser(problems, value),
    toArm: (props) =>
      props.assignedUser
        ? { assignedUser: { objectId: props.assignedUser.objectId, tenantId: props.assignedUser.tenantId } }
        : undefined,
    fromArm: (settings) => (isPlainObject(settings) ? settings.assignedUser : undefined),
    armFieldOf: (f) => f.replace(/^assignedUser/, `${INNER}.personalComputeInstanceSettings.assignedUser`),
  }),
  field({
    prop: 'setupScripts',
    readme: { shape: '{ creation, startup }', default: 'none', allowed: '`SetupScript`' },
    arm: `${INNER}.setupScripts`,
    change: 'replaces',
    rule: 'setup-script',
    trigger: 'as-written',
    azurerm: AZURERM_LACKS,
    policyAlias: ALIAS.creationScript,
    check: (problems, value) => checkSetupScripts(problems, value),
    toArm: (props) => {
      const creationScript = props.setupScripts?.creation?.toArm();
      const startupScript = props.setupScripts?.startup?.toArm();
      if (!creationScript && !startupScript) return undefined;
      return {
        scripts: { ...(creationScript ? { creationScript } : {}), ...(startupScript ? { startupScript } : {}) },
      };
    },
  }),
  field({
    prop: 'nodePublicIp',
    readme: { default: "`false` with a subnet, else Azure's default", allowed: '`false` needs `subnetId`' },
    arm: `${INNER}.enableNodePublicIp`,
    change: 'replaces',
    rule: 'compute-instance',
    trigger: 'as-written',
    azurerm: { argument: 'node_public_ip_enabled' },
    check: (problems, value, props) => checkNodePublicIp(problems, value, props),
    // No public IP inside your own subnet unless asked for.
    toArm: (props) => props.nodePublicIp ?? (props.subnetId !== undefined ? false : undefined),
  }),
  field({
    prop: 'sso',
    readme: {
      default: "Azure's default",
      allowed:
        'not `true` with `assignedUser` and setup scripts (Azure disables SSO then; only the assigned user can enable it)',
    },
    arm: `${INNER}.enableSSO`,
    change: 'replaces',
    rule: 'compute-instance',
    trigger: 'as-written',
    azurerm: AZURERM_LACKS,
    check: (problems, value, props) => checkSso(problems, value, props),
    toArm: (props) => props.sso,
  }),
  field({
    prop: 'description',
    readme: { default: 'none', allowed: 'literal text (no Terraform reference)' },
    arm: 'properties.description',
    change: 'replaces',
    rule: 'compute-instance',
    trigger: (description) => description ?? null,
    azurerm: { argument: 'description' },
    check: (problems, value) => checkDescription(problems, value),
    toArm: (props) => props.description,
  }),
  field({
    prop: 'localAuth',
    readme: { default: '`false` (`disableLocalAuth: true`)', allowed: '' },
    arm: 'properties.disableLocalAuth',
    change: 'replaces',
    rule: 'compute-instance',
    trigger: 'as-written',
    azurerm: { argument: 'local_auth_enabled' },
    check: (problems, value) => checkBoolean(problems, 'localAuth', value),
    // Written always: Microsoft Entra authentication only, unless asked for.
    toArm: (props) => !(props.localAuth ?? false),
    fromArm: (disabled) => (typeof disabled === 'boolean' ? !disabled : refusal('true or false')),
  }),
  field({
    prop: 'tags',
    readme: {
      default: 'none',
      allowed: 'at most 50; keys ≤ 512 chars without `<>%&\\?/`; values ≤ 256; literal text (no Terraform reference)',
    },
    arm: 'tags',
    change: 'replaces',
    rule: 'tags',
    trigger: (tags) => tags ?? null,
    azurerm: { argument: 'tags' },
    check: (problems, value) => checkTags(problems, value),
    toArm: (props) => (props.tags !== undefined && Object.keys(props.tags).length > 0 ? { ...props.tags } : undefined),
  }),
  field({
    prop: 'identity',
    readme: { shape: '{ type, userAssignedIdentityIds? }', default: 'none', allowed: '`UserAssigned` needs ids' },
    arm: 'identity',
    change: 'replaces',
    rule: 'identity',
    // The ids as a sorted list: a set, whose ARM keys Azure compares without case.
    trigger: (identity, lowerCased) =>
      identity
        ? {
            type: identity.type,
            userAssignedIdentityIds: Object.keys(identity.userAssignedIdentities ?? {})
              .map(lowerCased)
              .sort(),
          }
        : null,
    azurerm: { argument: 'identity' },
    check: (problems, value) => checkIdentity(problems, value),
    toArm: (props) => {
      if (!props.identity) return undefined;
      const ids = props.identity.userAssignedIdentityIds ?? [];
      return {
        type: props.identity.type,
        ...(ids.length > 0 ? { userAssignedIdentities: Object.fromEntries(ids.map((id) => [id, {}])) } : {}),
      };
    },
    fromArm: (identity) => {
      if (!isPlainObject(identity)) return identity;
      const ids = isPlainObject(identity.userAssignedIdentities)
        ? Object.keys(identity.userAssignedIdentities)
        : undefined;
      return { type: identity.type, ...(ids ? { userAssignedIdentityIds: ids } : {}) };
    },
    armFieldOf: (f) => f.replace(/^identity\.userAssignedIdentityIds(\[\d+\])?/, 'identity.userAssignedIdentities'),
  }),
  field({
    prop: 'schedules',
    readme: { default: 'none', allowed: 'at most 4 `StartStopSchedule`' },
    arm: `${INNER}.schedules`,
    change: 'drift-check',
    rule: 'schedule',
    azurerm: AZURERM_LACKS,
    policyAlias: ALIAS.schedules,
    check: (problems, value) => checkSchedules(problems, value),
    toArm: (props) => {
      const schedules = (props.schedules ?? []).map((s) => s.toArm());
      return schedules.length > 0 ? { computeStartStop: schedules } : undefined;
    },
  }),
  field({
    prop: 'idleShutdown',
    readme: { default: 'none', allowed: 'a `Duration`, 15 minutes to 3 days' },
    arm: `${INNER}.idleTimeBeforeShutdown`,
    change: 'action',
    rule: 'idle-shutdown',
    azurerm: AZURERM_LACKS,
    policyAlias: ALIAS.idleTimeBeforeShutdown,
    check: (problems, value) => checkIdleShutdown(problems, value),
    toArm: (props) => props.idleShutdown?.toIsoString(),
    fromArm: (idle) => {
      if (typeof idle !== 'string') return refusal(ISO_DURATION);
      try {
        return Duration.parseIso(idle);
      } catch (e) {
        return refusal((e as ValidationError).problems?.[0]?.allowed ?? ISO_DURATION);
      }
    },
  }),
  field({
    prop: 'customServices',
    readme: {
      shape: '{ name, image, endpoints?, environmentVariables?, privileged? }[]',
      default: 'none',
      allowed: 'names unique; `image.reference` required; ports 1–65535; no secrets in environment values',
    },
    arm: `${INNER}.customServices`,
    change: 'replaces',
    rule: 'custom-service',
    trigger: 'as-written',
    azurerm: AZURERM_LACKS,
    check: (problems, value) => checkCustomServices(problems, value),
    toArm: (props) => customServicesToArm(props.customServices),
    fromArm: customServicesFromArm,
  }),
  field({
    prop: 'existing',
    readme: {
      default: '`false` (Terraform creates it)',
      allowed:
        '`true`: the instance exists already; Terraform imports it and never sends it a request; create-only changes then plan nothing (see "Adopting existing instances")',
    },
    change: 'terraform',
    rule: 'compute-instance',
    check: (problems, value, props) => checkExisting(problems, value, props),
  }),
  field({
    prop: 'deletionProtection',
    readme: { default: '`true`', allowed: '' },
    change: 'terraform',
    rule: 'compute-instance',
    check: (problems, value) => checkBoolean(problems, 'deletionProtection', value),
  }),
  field({
    prop: 'initialState',
    readme: { default: "`'Running'`", allowed: "`'Stopped'` stops it once after creation; not with `existing`" },
    change: 'terraform',
    rule: 'compute-instance',
    check: (problems, value) => checkOneOf(problems, 'initialState', value, ['Running', 'Stopped']),
  }),
  field({
    prop: 'onScheduleChange',
    readme: {
      default: "`'warn'`",
      allowed: "`'replace'`: a schedule change replaces the instance; not with `existing`",
    },
    change: 'terraform',
    rule: 'compute-instance',
    check: (problems, value, props) => checkOnScheduleChange(problems, value, props),
  }),
  field({
    prop: 'driftCheck',
    readme: {
      default: '`true` (schedules and idle shutdown)',
      allowed: '`false`, or `{ latestOsImage: true }` to warn of an old OS image too',
    },
    change: 'terraform',
    rule: 'compute-instance',
    check: (problems, value) => checkDriftCheck(problems, value),
  }),
  field({
    prop: 'terraformResource',
    readme: { default: "`'azapi'`", allowed: "`'azurerm'` renders the azurerm resource" },
    change: 'terraform',
    rule: 'compute-instance',
    check: (problems, value) => checkOneOf(problems, 'terraformResource', value, ['azapi', 'azurerm']),
  }),
];

function refusal(allowed: string): RefusedArmValue {
  return { refused: allowed };
}
