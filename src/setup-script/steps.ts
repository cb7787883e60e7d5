import { shellQuote } from './shell-quote';

/** The user a compute instance's data scientist works as (`CI_LOCAL_UBUNTU_USER`). */
export const AZUREUSER = 'azureuser';
/** Where the Azure Machine Learning compute instance image has conda (`/anaconda/envs/<name>`). */
export const CONDA_ROOT = '/anaconda';

/** One step of a generated script: lines of bash, already quoted. */
export interface Step {
  /** Printed before the step runs, so the instance's setup log shows where it got to. */
  readonly title: string;
  readonly lines: readonly string[];
  /** True when a line calls `as_azureuser`. */
  readonly asAzureuser: boolean;
}

interface ScriptParts {
  /** Variables exported for the whole script and handed to azureuser's commands, in order. */
  readonly environment: ReadonlyArray<readonly [string, string]>;
  readonly steps: readonly Step[];
}

/** The file, relative to azureuser's home, that holds a script's environment for the user's shells. */
function environmentFile(name: string): string {
  return `.setup-env.d/${name}.sh`;
}

/**
 * The line of `~/.bashrc` that reads every script's environment file. It uses no variable of its own, so
 * it can clobber none of the user's.
 */
function bashrcLine(): string {
  return '. <(cat ~/.setup-env.d/*.sh 2>/dev/null)';
}

/** The whole script: header, environment, the `as_azureuser` helper when a step needs it, the steps. */
export function renderScript(parts: ScriptParts): string {
  const out: string[] = [
    '#!/bin/bash',
    'set -euo pipefail',
    "# Written by cdktf-azureml-compute's SetupScriptBuilder. Azure runs it as root, once at creation or at",
    '# every start; each generated step checks before it changes anything, so a second run changes nothing.',
  ];
  if (parts.environment.length > 0) {
    out.push('', "# For this script, its azureuser commands, and (step 1) azureuser's shells.");
    for (const [name, value] of parts.environment) out.push(`export ${name}=${shellQuote(value)}`);
  }
  if (parts.steps.some((s) => s.asAzureuser)) {
    const run = 'bash --norc -c \'cd ~ && exec "$@"\' as_azureuser "$@"';
    out.push(
      '',
      "# Runs a command as azureuser in its home directory. sudo hands it neither this script's arguments",
      '# nor its environment, so the command line carries every value the command needs. (--norc: bash reads',
      '# ~/.bashrc even without a terminal when its input is a socket.)',
      'as_azureuser() {',
      ...(parts.environment.length === 0
        ? [`  sudo -u ${AZUREUSER} -H -- ${run}`]
        : [
            `  sudo -u ${AZUREUSER} -H -- env \\`,
            ...parts.environment.map(([name]) => `    ${name}="$${name}" \\`),
            `    ${run}`,
          ]),
      '}',
    );
  }
  parts.steps.forEach((step, i) => {
    out.push('', `echo ${shellQuote(`[${i + 1}/${parts.steps.length}] ${step.title}`)}`, ...step.lines);
  });
  return `${out.join('\n')}\n`;
}

/** Writes the variables' values (exported at the top of the script) to the user's file, and has ~/.bashrc read it. */
export function persistEnvironment(name: string, names: string[]): string[] {
  const file = environmentFile(name);
  const line = bashrcLine();
  return [
    'as_azureuser mkdir -p .setup-env.d',
    // %q writes each value so that bash reads it back exactly.
    "printf 'export %s=%q\\n' \\",
    ...names.map((n) => `  ${n} "$${n}" \\`),
    `  | as_azureuser tee ${shellQuote(file)} >/dev/null`,
    `if ! as_azureuser grep -qsxF -- ${shellQuote(line)} .bashrc; then`,
    `  printf '%s\\n' ${shellQuote(line)} | as_azureuser tee -a .bashrc >/dev/null`,
    'fi',
  ];
}

/** The directory git would clone `url` into: its last path segment without `.git`. */
export function repositoryName(url: string): string | undefined {
  const last = url.replace(/\/+$/, '').split(/[/:]/).pop() ?? '';
  const name = last.replace(/\.git$/, '');
  return name === '' || name === '.' || name === '..' ? undefined : name;
}
