/**
 * Azure's limits on a compute instance, each written once. Numbers only (this module imports nothing);
 * validators turn them into Durations and messages.
 */

/**
 * At most 4 `schedules.computeStartStop` entries per compute instance. No public page read for this repository
 * states the number: the library keeps it as its own limit until one does.
 */
export const MAX_SCHEDULES = 4;

/**
 * `idleTimeBeforeShutdown`: 15 minutes to 3 days (azure-rest-api-specs, machinelearningservices
 * `IdleShutdownSetting`: "Minimum is 15 min, maximum is 3 days"; the same text on learn.microsoft.com,
 * @azure/arm-machinelearning `IdleShutdownSetting`).
 */
export const IDLE_SHUTDOWN_MIN_SECONDS = 15 * 60;
export const IDLE_SHUTDOWN_MAX_SECONDS = 3 * 24 * 3600;

/**
 * A setup script's timeout: up to a day (the library's bound: Azure documents the GNU `timeout` format and a
 * 15-minute default, no maximum), and its text at most 64 KiB (Azure's VM custom-data limit, the nearest
 * documented one).
 */
export const SCRIPT_TIMEOUT_MAX_SECONDS = 24 * 3600;
export const MAX_SCRIPT_BYTES = 64 * 1024;

/** Azure's tag limits (Azure Resource Manager docs, "Tag resources"). */
export const TAG_LIMITS = { count: 50, keyLength: 512, valueLength: 256, keyForbidden: /[<>%&\\?/]/ } as const;

/** The recurrence frequencies, in Azure's spelling. */
export const FREQUENCIES = ['Minute', 'Hour', 'Day', 'Week', 'Month'] as const;

/**
 * The largest interval of each frequency: the Logic Apps Recurrence trigger's limits, which the compute
 * recurrence follows ("Schedule and run recurring workflows with the Recurrence trigger in Azure Logic Apps",
 * azure-docs articles/connectors/connectors-native-recurrence.md, Interval: Month 1-16, Week 1-71, Day 1-500,
 * Hour 1-12,000, Minute 1-72,000).
 */
export const MAX_INTERVAL: Readonly<Record<(typeof FREQUENCIES)[number], number>> = {
  Minute: 72_000,
  Hour: 12_000,
  Day: 500,
  Week: 71,
  Month: 16,
};
