// The public API: what a user constructs, passes, receives or names. Everything else is internal; members
// with the TSDoc tag "internal" are left out of the .d.ts (stripInternal), as is anything after a comment
// that holds the tag. scripts/forgotten-exports.js checks that every type these declarations use is
// exported here too.

export { ComputeInstance } from './compute-instance/compute-instance';
export type {
  ComputeInstanceProps,
  SshAccess,
  AssignedUser,
  ComputeIdentity,
  SetupScripts,
  DriftCheckProps,
  CustomService,
  CustomServiceImage,
  CustomServiceEndpoint,
  CustomServiceVolume,
} from './compute-instance/props';
export { DRIFT_CHECK_CONTEXT } from './compute-instance/props';
export type {
  ComputeInstanceSpec,
  ArmComputeInstanceProperties,
  ArmIdentity,
  ArmComputeStartStopSchedule,
  ArmScriptReference,
  ArmCustomService,
  ArmCustomServiceEndpoint,
  ArmCron,
  ArmRecurrence,
  ScheduleAction,
  ScheduleStatus,
  RecurrenceFrequency,
  WeekDay,
  IdentityType,
} from './model/compute-arm';
export { COMPUTE_API_VERSION, COMPUTE_RESOURCE_TYPE } from './model/compute-arm';
export { StartStopSchedule } from './schedule/start-stop-schedule';
export type {
  CronScheduleProps,
  RecurrenceScheduleProps,
  WorkingHoursProps,
  WeeklyUptimeOptions,
} from './schedule/start-stop-schedule';
export { COMPUTE_START_STOP_SCHEDULE_SCHEMA, COMPUTE_START_STOP_LIST_SCHEMA } from './schedule/schemas';
export { SetupScript } from './setup-script/setup-script';
export type { SetupScriptOptions } from './setup-script/setup-script';
export { SetupScriptBuilder } from './setup-script/setup-script-builder';
export type {
  SetupScriptBuilderOptions,
  PipInstallOptions,
  CondaEnvironmentOptions,
  GitCloneOptions,
  ProxyOptions,
  JupyterLabExtensionsOptions,
  RunOptions,
} from './setup-script/setup-script-builder';
export { Duration } from './core/duration';
export { ValidationError } from './core/errors';
export type { Problem } from './core/errors';
export { ArmTemplate } from './arm/arm-template';
export type { ArmTemplateDocument, ArmParameter } from './arm/arm-template';
export { synthAndReport } from './core/synth-and-report';
export type { SynthReport, SynthAnnotation, ReportOutput } from './core/synth-and-report';
export { AzapiProvider } from './bindings/azapi/provider';
export type { AzapiProviderProps, AzapiEndpoint } from './bindings/azapi/provider';
export { AzurermProvider } from './bindings/azurerm/provider';
export type { AzurermProviderConfig } from './bindings/azurerm/provider';
export { ShutdownPolicy } from './policy/shutdown-policy';
export type { ShutdownPolicyProps, IdleShutdownRequirement, RequirementEffect } from './policy/shutdown-policy-props';
export type { ShutdownPolicyScope } from './policy/policy-scope';
export { ROSTER_SCHEMA } from './fleet/roster-schema';
export type { Roster, RosterPerson, RosterWorkspace } from './fleet/roster-schema';
export { rosterShapeProblems } from './fleet/roster-shape';
export type { RosterShapeProblem, RosterEntryName } from './fleet/roster-shape';
