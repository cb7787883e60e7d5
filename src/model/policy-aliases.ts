import { COMPUTE_RESOURCE_TYPE } from './compute-arm';

/**
 * The Azure Policy aliases of `Microsoft.MachineLearningServices/workspaces/computes` that the rules use.
 *
 * Every one is in Azure's published alias list (Azure/azure-policy-linter,
 * `src/PolicyLinter.Core/ResourceTypesAndAliases/Microsoft.MachineLearningServices.aliases.json`; read at
 * commit 29b2a28 for `schedules`, `schedules.computeStartStop[*]`, its `.action` and `.status`, and
 * `setupScripts.scripts.creationScript.scriptSource|scriptData|scriptArguments|timeout`).
 * `computeType` and `idleTimeBeforeShutdown` are also used by Azure's built-in idle-shutdown definition,
 * `schedules` by the default-schedule sample in how-to-create-compute-instance.md, and the creation-script
 * leaves by a 2021 write-up that appends a creation script (reported working; no Microsoft document shows
 * a setup-script rule).
 */
export const ALIAS = {
  computeType: `${COMPUTE_RESOURCE_TYPE}/computeType`,
  schedules: `${COMPUTE_RESOURCE_TYPE}/schedules`,
  /** The array alias that lets a rule count the schedules (`count.field`). */
  scheduleEntries: `${COMPUTE_RESOURCE_TYPE}/schedules.computeStartStop[*]`,
  scheduleAction: `${COMPUTE_RESOURCE_TYPE}/schedules.computeStartStop[*].action`,
  scheduleStatus: `${COMPUTE_RESOURCE_TYPE}/schedules.computeStartStop[*].status`,
  idleTimeBeforeShutdown: `${COMPUTE_RESOURCE_TYPE}/idleTimeBeforeShutdown`,
  creationScript: `${COMPUTE_RESOURCE_TYPE}/setupScripts.scripts.creationScript`,
  creationScriptSource: `${COMPUTE_RESOURCE_TYPE}/setupScripts.scripts.creationScript.scriptSource`,
  creationScriptData: `${COMPUTE_RESOURCE_TYPE}/setupScripts.scripts.creationScript.scriptData`,
  creationScriptArguments: `${COMPUTE_RESOURCE_TYPE}/setupScripts.scripts.creationScript.scriptArguments`,
  creationScriptTimeout: `${COMPUTE_RESOURCE_TYPE}/setupScripts.scripts.creationScript.timeout`,
} as const;
