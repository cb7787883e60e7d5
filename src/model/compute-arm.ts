/**
 * The ARM shape of a compute instance on API 2025-12-01, as plain JSON types. A ComputeInstance builds one
 * `ComputeInstanceSpec`; every renderer (azapi, ARM template, azurerm) translates it and derives nothing.
 * This module imports nothing: everything else of the library may depend on it.
 */

export const COMPUTE_RESOURCE_TYPE = 'Microsoft.MachineLearningServices/workspaces/computes';
export const COMPUTE_API_VERSION = '2025-12-01';

export type ScheduleAction = 'Start' | 'Stop';
export type ScheduleStatus = 'Enabled' | 'Disabled';
export type RecurrenceFrequency = 'Minute' | 'Hour' | 'Day' | 'Week' | 'Month';
export type WeekDay = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

export interface ArmCron {
  readonly expression: string;
  readonly timeZone?: string;
  readonly startTime?: string;
}

export interface ArmRecurrence {
  readonly frequency: RecurrenceFrequency;
  readonly interval: number;
  readonly timeZone?: string;
  readonly startTime?: string;
  readonly schedule: {
    readonly hours: number[];
    readonly minutes: number[];
    readonly weekDays?: WeekDay[];
    readonly monthDays?: number[];
  };
}

/** One entry of `schedules.computeStartStop`. */
export interface ArmComputeStartStopSchedule {
  readonly action: ScheduleAction;
  readonly triggerType: 'Cron' | 'Recurrence';
  readonly status?: ScheduleStatus;
  readonly cron?: ArmCron;
  readonly recurrence?: ArmRecurrence;
}

/** A `ScriptReference`. */
export interface ArmScriptReference {
  readonly scriptSource: 'inline' | 'workspaceStorage';
  readonly scriptData: string;
  readonly scriptArguments?: string;
  readonly timeout?: string;
}

export interface ArmComputeInstanceProperties {
  readonly vmSize: string;
  readonly subnet?: { readonly id: string };
  readonly applicationSharingPolicy?: 'Personal' | 'Shared';
  readonly sshSettings: { readonly sshPublicAccess: 'Enabled' | 'Disabled'; readonly adminPublicKey?: string };
  readonly personalComputeInstanceSettings?: {
    readonly assignedUser: { readonly objectId: string; readonly tenantId: string };
  };
  readonly setupScripts?: {
    readonly scripts: { readonly creationScript?: ArmScriptReference; readonly startupScript?: ArmScriptReference };
  };
  readonly schedules?: { readonly computeStartStop: ArmComputeStartStopSchedule[] };
  readonly enableNodePublicIp?: boolean;
  readonly enableSSO?: boolean;
  readonly idleTimeBeforeShutdown?: string;
}

export type IdentityType = 'SystemAssigned' | 'UserAssigned' | 'SystemAssigned,UserAssigned';

export interface ArmIdentity {
  readonly type: IdentityType;
  readonly userAssignedIdentities?: Record<string, Record<string, never>>;
}

/** The writable body of the compute resource: what azapi sends and what an ARM template declares. */
export interface ComputeInstanceSpec {
  /** The workspace's ARM id (or a Terraform reference to it): the parent of the compute. */
  readonly workspaceId: string;
  readonly name: string;
  readonly location: string;
  readonly identity?: ArmIdentity;
  readonly tags?: Record<string, string>;
  readonly properties: {
    readonly computeType: 'ComputeInstance';
    readonly description?: string;
    readonly disableLocalAuth: boolean;
    readonly properties: ArmComputeInstanceProperties;
  };
}
