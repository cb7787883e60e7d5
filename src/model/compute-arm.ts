/**
 * The ARM shape of a compute instance on API 2025-12-01, as plain JSON types. A ComputeInstance builds one
 * `ComputeInstanceSpec`; every renderer (azapi, ARM template, azurerm) translates it and derives nothing.
 * This module imports nothing: everything else of the library may depend on it.
 *
 * What each field means is read from the REST spec, Azure/azure-rest-api-specs
 * specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-12-01/machineLearningServices.json
 * ("the spec" below), whose definition names are given in parentheses.
 */

/** The ARM resource type of a compute (compute instances are one kind of it). */
export const COMPUTE_RESOURCE_TYPE = 'Microsoft.MachineLearningServices/workspaces/computes';
/** The API version every rendering of the compute uses: the spec's `info.version`. */
export const COMPUTE_API_VERSION = '2025-12-01';

/** What a schedule does to the instance when it fires (the spec's `ComputePowerAction`). */
export type ScheduleAction = 'Start' | 'Stop';
/** Whether a schedule fires (the spec's `ScheduleStatus`). */
export type ScheduleStatus = 'Enabled' | 'Disabled';
/** The unit of a recurrence's `interval` (the spec's `ComputeRecurrenceFrequency`). */
export type RecurrenceFrequency = 'Minute' | 'Hour' | 'Day' | 'Week' | 'Month';
/** A day of the week, in Azure's English spelling (the spec's `ComputeWeekDay`). */
export type WeekDay = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

/** A cron trigger of a start or stop schedule (the spec's `Cron`). */
export interface ArmCron {
  /**
   * The cron expression, in NCronTab format; Azure's compute instance docs (how-to-create-compute-instance.md)
   * give five fields: minute hour day-of-month month day-of-week.
   */
  readonly expression: string;
  /** The Windows time zone id the expression is read in, such as `W. Europe Standard Time`; Azure's default is UTC. */
  readonly timeZone?: string;
  /** When the schedule takes effect, `yyyy-MM-ddTHH:mm:ss` in `timeZone`. */
  readonly startTime?: string;
}

/** A recurrence trigger of a start or stop schedule (the spec's `Recurrence`). */
export interface ArmRecurrence {
  /** The unit of `interval`. */
  readonly frequency: RecurrenceFrequency;
  /** How many `frequency` units apart the recurrence fires: 1 is every one. */
  readonly interval: number;
  /** The Windows time zone id `schedule` is read in, such as `W. Europe Standard Time`; Azure's default is UTC. */
  readonly timeZone?: string;
  /** When the schedule takes effect, `yyyy-MM-ddTHH:mm:ss` in `timeZone`. */
  readonly startTime?: string;
  /**
   * The times of day it fires (the spec's `ComputeRecurrenceSchedule`): every combination of `hours` (0-23)
   * and `minutes` (0-59), on `weekDays` or `monthDays` (1-31) where given.
   */
  readonly schedule: {
    readonly hours: number[];
    readonly minutes: number[];
    readonly weekDays?: WeekDay[];
    readonly monthDays?: number[];
  };
}

/** One entry of `schedules.computeStartStop` (the spec's `ComputeStartStopSchedule`). */
export interface ArmComputeStartStopSchedule {
  /** Whether the schedule starts or stops the instance. */
  readonly action: ScheduleAction;
  /** Which of `cron` and `recurrence` holds the trigger. */
  readonly triggerType: 'Cron' | 'Recurrence';
  /** Whether the schedule fires. */
  readonly status?: ScheduleStatus;
  /** The trigger when `triggerType` is `Cron`. */
  readonly cron?: ArmCron;
  /** The trigger when `triggerType` is `Recurrence`. */
  readonly recurrence?: ArmRecurrence;
}

/** A setup script as the compute instance refers to it (the spec's `ScriptReference`). */
export interface ArmScriptReference {
  /** Where `scriptData` is: the script text itself (`inline`) or a path in the workspace's file share. */
  readonly scriptSource: 'inline' | 'workspaceStorage';
  /** For `inline`, the script text, base64-encoded; otherwise its path in the workspace's file share. */
  readonly scriptData: string;
  /** The command-line arguments passed to the script, as one string. */
  readonly scriptArguments?: string;
  /** How long the script may run, in GNU `timeout` format (`30m`, `1h`), which the spec passes to `timeout`. */
  readonly timeout?: string;
}

/** The compute-instance-specific properties (the spec's `ComputeInstanceProperties`). */
export interface ArmComputeInstanceProperties {
  /** The Azure VM size, such as `Standard_DS3_v2`. */
  readonly vmSize: string;
  /** The ARM id of the virtual network subnet the instance joins. */
  readonly subnet?: { readonly id: string };
  /**
   * Who may use the instance's applications: only its creator (`Personal`) or any workspace user with a role
   * (`Shared`, Azure's default).
   */
  readonly applicationSharingPolicy?: 'Personal' | 'Shared';
  /**
   * The public SSH port's state and, when enabled, the administrator's OpenSSH public key line (the spec's
   * `ComputeInstanceSshSettings`).
   */
  readonly sshSettings: { readonly sshPublicAccess: 'Enabled' | 'Disabled'; readonly adminPublicKey?: string };
  /**
   * The one user the instance is created for, by Microsoft Entra object id and tenant id (the spec's
   * `PersonalComputeInstanceSettings`).
   */
  readonly personalComputeInstanceSettings?: {
    readonly assignedUser: { readonly objectId: string; readonly tenantId: string };
  };
  /** The script run once at creation and the one run at every start (the spec's `SetupScripts`, `ScriptsToExecute`). */
  readonly setupScripts?: {
    readonly scripts: { readonly creationScript?: ArmScriptReference; readonly startupScript?: ArmScriptReference };
  };
  /** The start and stop schedules (the spec's `ComputeSchedules`). */
  readonly schedules?: { readonly computeStartStop: ArmComputeStartStopSchedule[] };
  /** Whether the instance gets a public IP; `false` leaves it a private endpoint only. */
  readonly enableNodePublicIp?: boolean;
  /** Whether single sign-on is on for the assigned user (the spec's `enableSSO`). */
  readonly enableSSO?: boolean;
  /**
   * How long the instance may be idle before Azure stops it: an ISO 8601 duration from `PT15M` to `P3D` (the
   * spec's `IdleShutdownSetting`).
   */
  readonly idleTimeBeforeShutdown?: string;
  /** Custom applications: containers Azure runs on the instance beside Jupyter and VS Code (the spec's `CustomService`). */
  readonly customServices?: ArmCustomService[];
}

/** A custom application on the instance (the spec's `CustomService`; its `kernel` is not written). */
export interface ArmCustomService {
  /** The application's name. */
  readonly name: string;
  /** The image the container runs (the spec's `Image`). */
  readonly image: {
    /** `docker` (an image reference) or `azureml` (an Azure Machine Learning environment's name). */
    readonly type?: 'docker' | 'azureml';
    /** The image reference, or the environment's name. */
    readonly reference: string;
    /** The environment's version; absent for the latest. */
    readonly version?: string;
  };
  /** Environment variables of the container, by name (the spec's `EnvironmentVariable`, of type `local`). */
  readonly environmentVariables?: Record<string, { readonly type: 'local'; readonly value: string }>;
  /** Docker settings (the spec's `Docker`). */
  readonly docker?: { readonly privileged?: boolean };
  /** Where the application listens, and where the instance exposes it (the spec's `Endpoint`). */
  readonly endpoints?: ArmCustomServiceEndpoint[];
  /** Mounts into the container (the spec's `VolumeDefinition`: its type, source, target and readOnly). */
  readonly volumes?: {
    readonly type: 'bind' | 'volume' | 'tmpfs' | 'npipe';
    readonly source: string;
    readonly target: string;
    readonly readOnly?: boolean;
  }[];
}

/** One endpoint of a custom application (the spec's `Endpoint`). */
export interface ArmCustomServiceEndpoint {
  /** The endpoint's name. */
  readonly name: string;
  /** `tcp`, `udp` or `http`. */
  readonly protocol?: 'tcp' | 'udp' | 'http';
  /** The application's port inside the container. */
  readonly target: number;
  /** The port the instance exposes it on. */
  readonly published: number;
  /** The host IP it is exposed on. */
  readonly hostIp?: string;
}

/** The managed identity kinds of a compute (ARM's common `ManagedServiceIdentity`, which the spec refers to). */
export type IdentityType = 'SystemAssigned' | 'UserAssigned' | 'SystemAssigned,UserAssigned';

/** The compute's managed identity (the spec's `ComputeResource.identity`). */
export interface ArmIdentity {
  /** Which identities the compute has. */
  readonly type: IdentityType;
  /** The user-assigned identities, by ARM id, each with an empty object. */
  readonly userAssignedIdentities?: Record<string, Record<string, never>>;
}

/** The writable body of the compute resource: what azapi sends and what an ARM template declares. */
export interface ComputeInstanceSpec {
  /** The workspace's ARM id (or a Terraform reference to it): the parent of the compute. */
  readonly workspaceId: string;
  /** The compute name, unique in the workspace. */
  readonly name: string;
  /** The Azure region, such as `westeurope`. */
  readonly location: string;
  /** The compute's managed identity. */
  readonly identity?: ArmIdentity;
  /** The resource tags, name to value. */
  readonly tags?: Record<string, string>;
  /**
   * The compute object (the spec's `Compute` and `ComputeInstance`): its kind, description, whether key-based
   * (local) authentication is off, and the instance's own properties.
   */
  readonly properties: {
    readonly computeType: 'ComputeInstance';
    readonly description?: string;
    readonly disableLocalAuth: boolean;
    readonly properties: ArmComputeInstanceProperties;
  };
}
