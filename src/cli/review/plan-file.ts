import { isPlainObject } from '../../core/plain-object';
import { CliIo, readJson, UnusableInput } from '../io';

/**
 * Terraform's machine-readable plan, `terraform show -json plan.tfplan`, as HashiCorp documents it
 * (developer.hashicorp.com/terraform/internals/json-format): `format_version`,
 * `resource_changes[]` with `change.actions`, `before`, `after`, `importing`, `replace_paths`, and
 * `action_reason`; `checks[]` with `status` and `instances[].problems[].message`; `timestamp`; `errored`.
 * The page: a new minor `format_version` is backward compatible (unknown properties are to be ignored), a new
 * major one is not ("Reject any input which reports an unsupported major version"): only 1.x is read.
 */
export interface PlanFile {
  readonly file: string;
  readonly formatVersion: string;
  /** RFC 3339, when terraform wrote one (1.5 and later). */
  readonly timestamp?: string;
  readonly errored: boolean;
  readonly resourceChanges: readonly Record<string, unknown>[];
  readonly checks: readonly Record<string, unknown>[];
}

/** Reads a plan, or throws UnusableInput saying what the file is instead. */
export function readPlanFile(io: CliIo, file: string): PlanFile {
  const json = readJson(io, file);
  if (!isPlainObject(json))
    throw new UnusableInput(
      `${file}: not a Terraform plan (JSON ${Array.isArray(json) ? 'array' : typeof json}, expected an object)`,
    );
  const version = json.format_version;
  if (typeof version !== 'string')
    throw new UnusableInput(
      `${file}: not a Terraform plan (no format_version; expected the output of terraform show -json PLANFILE)`,
    );
  if (!/^1\.\d+$/.test(version))
    throw new UnusableInput(
      `${file}: plan format_version ${JSON.stringify(version).slice(0, 40)} is not one this command knows (it reads format 1.x, as terraform 1.1 and later write it)`,
    );
  if (!('resource_changes' in json) && !('planned_values' in json))
    throw new UnusableInput(
      `${file}: not a Terraform plan (format ${version} without resource_changes or planned_values: ${'values' in json ? 'a state, from terraform show -json without a plan file' : 'another terraform JSON output'})`,
    );
  const changes = json.resource_changes ?? [];
  const checks = json.checks ?? [];
  if (!Array.isArray(changes) || !Array.isArray(checks))
    throw new UnusableInput(`${file}: not a Terraform plan (resource_changes and checks must be lists)`);
  return {
    file,
    formatVersion: version,
    timestamp: typeof json.timestamp === 'string' ? json.timestamp : undefined,
    errored: json.errored === true,
    resourceChanges: changes.filter(isPlainObject),
    checks: checks.filter(isPlainObject),
  };
}
