export { ComputeInstance } from './compute-instance';
export type { ComputeInstanceProps, SshAccess, AssignedUser, ComputeIdentity, SetupScripts } from './compute-instance-props';
export type {
  ComputeInstanceSpec, ArmComputeStartStopSchedule, ArmScriptReference, ArmCron, ArmRecurrence,
  ScheduleAction, ScheduleStatus, RecurrenceFrequency, WeekDay, IdentityType,
} from './compute-instance-spec';
export { COMPUTE_API_VERSION, COMPUTE_RESOURCE_TYPE } from './compute-instance-spec';
export { StartStopSchedule } from './schedule/start-stop-schedule';
export type {
  CronScheduleProps, RecurrenceScheduleProps, WorkingHoursProps, WeeklyUptimeOptions,
} from './schedule/start-stop-schedule';
export { COMPUTE_START_STOP_SCHEDULE_SCHEMA, COMPUTE_START_STOP_LIST_SCHEMA } from './schedule/schemas';
export { SetupScript } from './setup-script/setup-script';
export type { SetupScriptOptions } from './setup-script/setup-script';
export { Duration } from './duration';
export { ValidationError } from './errors';
export type { Problem } from './errors';
export { ArmTemplate } from './arm/arm-template';
export type { ArmTemplateDocument } from './arm/arm-template';
export { AzapiProvider } from './azapi/provider';
export { AzapiResource } from './azapi/resource';
export type { AzapiResourceConfig, AzapiIdentity } from './azapi/resource';
export { AzapiResourceAction } from './azapi/resource-action';
export type { AzapiResourceActionConfig } from './azapi/resource-action';
export { SetupScriptBuilder } from './setup-script/setup-script-builder';
export type {
  SetupScriptBuilderOptions, PipInstallOptions, CondaEnvironmentOptions, GitCloneOptions, ProxyOptions,
  JupyterLabExtensionsOptions, RunOptions,
} from './setup-script/setup-script-builder';
export { ShutdownPolicy } from './policy/shutdown-policy';
export type { ShutdownPolicyProps, IdleShutdownRequirement, RequirementEffect } from './policy/shutdown-policy-props';
export type { ShutdownPolicyScope } from './policy/policy-scope';
export type { ShutdownRule, Verdict } from './policy/shutdown-rule';
export type { PolicyEffect, PolicyRuleJson } from './policy/policy-rule';
export { IDLE_SHUTDOWN_BUILT_IN_DEFINITION_ID } from './policy/rules/idle-shutdown';
export { ROSTER_SCHEMA } from './fleet/roster-schema';
export type { Roster, RosterPerson, RosterWorkspace, RosterWeekDay } from './fleet/roster-schema';
