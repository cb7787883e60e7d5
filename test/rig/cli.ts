import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BACKEND_OVERRIDE, overrideRemoteBackend } from './stack-dir';
import { terraform, TerraformRun } from './terraform';

/**
 * `npm run -s rig -- <validate|plan|apply> <stack dir> --azure <file> [--json <file>] [terraform args...]`
 *
 * Runs `terraform init` (offline: the emulated providers of ./install.ts) and the subcommand in the stack's
 * directory against the emulated Azure in `--azure` (created when missing), prints terraform's own output
 * and exits with terraform's exit code. `plan` runs with -detailed-exitcode (0 no changes, 1 error,
 * 2 changes). `--json` writes `terraform validate -json` (validate), `terraform show -json` of the plan
 * (plan) or of the state after apply (apply). Other arguments (e.g. `-var name=value`) go to the subcommand.
 * A stack with a remote backend runs on a local one through `rig_backend_override.tf.json` (removed after).
 */
const USAGE =
  'usage: npm run -s rig -- <validate|plan|apply> <stack dir> --azure <file> [--json <file>] [terraform args...]';

interface Args {
  command: 'validate' | 'plan' | 'apply';
  dir: string;
  azure: string;
  json?: string;
  rest: string[];
}

export function parseArgs(argv: readonly string[]): Args | string {
  const [command, dir, ...more] = argv;
  if (command !== 'validate' && command !== 'plan' && command !== 'apply')
    return `unknown command ${JSON.stringify(command ?? '')}\n${USAGE}`;
  if (!dir || dir.startsWith('-')) return `missing the stack directory\n${USAGE}`;
  let azure: string | undefined;
  let json: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < more.length; i++) {
    if (more[i] === '--azure') azure = more[++i];
    else if (more[i] === '--json') json = more[++i];
    else rest.push(more[i]);
  }
  if (!azure) return `missing --azure <file> (the emulated Azure's JSON file; created when missing)\n${USAGE}`;
  if (json === undefined && more.includes('--json')) return `missing the file after --json\n${USAGE}`;
  return { command, dir: resolve(dir), azure: resolve(azure), ...(json ? { json: resolve(json) } : {}), rest };
}

function print(run: TerraformRun): void {
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 64;
  }
  if (!existsSync(join(args.dir, 'cdk.tf.json')) && !existsSync(args.dir)) {
    process.stderr.write(`no such stack directory: ${args.dir}\n`);
    return 66;
  }
  const replaced = overrideRemoteBackend(args.dir);
  if (replaced)
    process.stdout.write(
      `rig: the stack's "${replaced}" backend is replaced by a local one (${BACKEND_OVERRIDE} in ${args.dir}, removed after this run)\n`,
    );
  try {
    const tf = (a: string[]) => terraform(args.dir, a, args.azure, 600_000);
    const init = tf(['init', '-input=false', '-reconfigure']);
    print(init);
    if (init.code !== 0) return init.code;
    let run: TerraformRun;
    if (args.command === 'validate') {
      run = tf(['validate', ...args.rest]);
      print(run);
      if (args.json) writeFileSync(args.json, tf(['validate', '-json']).stdout);
    } else if (args.command === 'plan') {
      run = tf(['plan', '-input=false', '-detailed-exitcode', ...(args.json ? ['-out=rig.tfplan'] : []), ...args.rest]);
      print(run);
      if (args.json && run.code !== 1) writeFileSync(args.json, tf(['show', '-json', 'rig.tfplan']).stdout);
    } else {
      run = tf(['apply', '-input=false', '-auto-approve', ...args.rest]);
      print(run);
      if (args.json && run.code === 0) writeFileSync(args.json, tf(['show', '-json']).stdout);
    }
    return run.code;
  } finally {
    if (replaced) rmSync(join(args.dir, BACKEND_OVERRIDE), { force: true });
    rmSync(join(args.dir, 'rig.tfplan'), { force: true });
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
