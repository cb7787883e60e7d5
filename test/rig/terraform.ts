import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { install, RigHome } from './install';

/** Runs the real `terraform` against the emulated providers and the emulated Azure file. */
export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let installed: RigHome | undefined;

export function rigEnv(azureFile: string, home?: RigHome): NodeJS.ProcessEnv {
  const rig = home ?? (installed ??= install());
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: rig.cliConfig,
    RIG_AZURE_FILE: azureFile,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    NO_COLOR: '1',
  };
}

export function terraform(dir: string, args: readonly string[], azureFile: string, timeoutMs = 180_000): TerraformRun {
  const out = spawnSync('terraform', [...args], {
    cwd: dir,
    env: rigEnv(azureFile),
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  // RIG_RUN_LOG counts the rig's terraform runs (one line per command), for the report of a whole run.
  if (process.env.RIG_RUN_LOG) appendFileSync(process.env.RIG_RUN_LOG, `${args[0]}\n`);
  return { code: out.status ?? -1, stdout: out.stdout ?? '', stderr: out.stderr ?? '' };
}
