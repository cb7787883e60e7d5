import { ComputeInstanceSpec, ArmScriptReference } from '../../model/compute-arm';

/**
 * What creation may take besides the setup scripts. azapi's own create timeout is 30 minutes
 * (Azure/terraform-provider-azapi internal/services/azapi_resource.go, `CreateUpdate`); no Azure document
 * states how long provisioning takes, so the library keeps that allowance for it.
 */
const PROVISIONING_MINUTES = 30;
/** Azure's default script timeout (how-to-customize-compute-instance: 15 minutes). */
const DEFAULT_SCRIPT_MINUTES = 15;
/** Deleting an instance deletes its VM; twice azapi's 30-minute default, no Azure figure exists. */
export const DELETE_MINUTES = 60;

/**
 * The create timeout of a compute instance: provisioning plus each setup script's own timeout, since the
 * creation script runs during creation and the startup script at the first start, before Azure reports the
 * instance ready. As a Go duration string, as the azapi `timeouts` block takes it.
 */
export function createTimeoutMinutes(spec: ComputeInstanceSpec): number {
  const scripts = spec.properties.properties.setupScripts?.scripts;
  const scriptMinutes = [scripts?.creationScript, scripts?.startupScript]
    .filter((s): s is ArmScriptReference => s !== undefined)
    .map((s) => scriptTimeoutMinutes(s.timeout))
    .reduce((a, b) => a + b, 0);
  return PROVISIONING_MINUTES + scriptMinutes;
}

/** Minutes (rounded up) of a GNU `timeout` DURATION as the library writes it (`90s`, `30m`, `2h`, `1d`, `45`). */
function scriptTimeoutMinutes(timeout: string | undefined): number {
  if (timeout === undefined) return DEFAULT_SCRIPT_MINUTES;
  const match = /^(\d+)([smhd]?)$/.exec(timeout);
  if (!match) return DEFAULT_SCRIPT_MINUTES;
  const seconds = Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.ceil(seconds / 60);
}

export function minutes(n: number): string {
  return `${n}m`;
}
