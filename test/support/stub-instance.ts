import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * A stand-in for a compute instance, for running generated setup scripts for real: a temporary folder
 * with azureuser's home, a conda root, and stub `sudo`, `git`, `conda`, `pip`, `python` and `jupyter`
 * that record each call (who made it, from where, with which arguments) and keep just enough state
 * (environments, clones, git settings, kernel specs) for a second run to see what the first did.
 */

/** One recorded call. `program` is relative to the instance folder for stubs under it (`anaconda/bin/conda`). */
export interface Call {
  readonly user: string;
  /** `~` for azureuser's home, `work` for the folder the script runs in. */
  readonly cwd: string;
  readonly program: string;
  readonly args: string[];
  /** The https_proxy the program saw (empty when none). */
  readonly httpsProxy: string;
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly calls: Call[];
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** Appends one record: user, cwd, program, https_proxy, then the arguments. */
const RECORDER = `record() {
  { printf '%s\\x1f' "\${STUB_USER:-root}" "$PWD" "$0" "\${https_proxy-}" "$@"; printf '\\x1e'; } >> "$STUB_LOG"
}
`;

const STUBS: Record<string, string> = {
  // sudo: starts the command as the user with a clean environment (sudo's env_reset), azureuser's home
  // as HOME, and the PATH of sudo's secure_path plus the stubs.
  'bin/sudo': `${RECORDER}record "$@"
user=root
while [ $# -gt 0 ]; do
  case "$1" in
    -u) user="$2"; shift 2 ;;
    -H) shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ "$user" = azureuser ] || { echo "stub sudo: unexpected user $user" >&2; exit 1; }
exec env -i PATH="$STUB_ROOT/bin:/usr/bin:/bin" HOME="$STUB_ROOT/home" STUB_USER="$user" \\
  STUB_LOG="$STUB_LOG" STUB_ROOT="$STUB_ROOT" "$@"
`,
  'bin/git': `${RECORDER}record "$@"
case "$1" in
  clone) dir="\${*: -1}"; mkdir -p "$dir/.git" ;;
  config)
    [ "$2" = --global ] || exit 2
    touch "$HOME/.gitconfig"
    grep -v -F -- "$3=" "$HOME/.gitconfig" > "$HOME/.gitconfig.new" || true
    printf '%s=%s\\n' "$3" "$4" >> "$HOME/.gitconfig.new"
    mv "$HOME/.gitconfig.new" "$HOME/.gitconfig" ;;
esac
`,
  // A program taken from PATH instead of the conda root: the script must never do that.
  'bin/conda': `${RECORDER}record "$@"; exit 127\n`,
  'bin/pip': `${RECORDER}record "$@"; exit 127\n`,
  'bin/python': `${RECORDER}record "$@"; exit 127\n`,
  'bin/jupyter': `${RECORDER}record "$@"; exit 127\n`,
  // A root command for run() steps.
  'bin/mark': `${RECORDER}record "$@"\n`,
  'anaconda/bin/conda': `${RECORDER}record "$@"
if [ "$1" = create ]; then
  while [ $# -gt 0 ] && [ "$1" != --prefix ]; do shift; done
  mkdir -p "$2/bin"
  cp "$STUB_ROOT/env-bin/pip" "$STUB_ROOT/env-bin/python" "$2/bin/"
fi
`,
  'anaconda/bin/pip': `${RECORDER}record "$@"\n`,
  'env-bin/pip': `${RECORDER}record "$@"\n`,
  'env-bin/python': `${RECORDER}record "$@"
if [ "$1 $2 $3 $4" = "-m ipykernel install --user" ]; then
  mkdir -p "$HOME/.local/share/jupyter/kernels/$6"
  printf '{"display_name": "%s"}\\n' "$8" > "$HOME/.local/share/jupyter/kernels/$6/kernel.json"
fi
`,
};

export class StubInstance {
  readonly root: string;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'stub-instance-'));
    for (const dir of ['bin', 'home', 'work', 'anaconda/bin', 'anaconda/envs/jupyter_env/bin', 'env-bin']) {
      mkdirSync(join(this.root, dir), { recursive: true });
    }
    for (const [path, body] of Object.entries(STUBS)) this.writeExecutable(path, `#!/bin/bash\n${body}`);
    // The image's own environment JupyterLab runs from.
    this.writeExecutable('anaconda/envs/jupyter_env/bin/pip', `#!/bin/bash\n${STUBS['env-bin/pip']}`);
  }

  /** Where the stub conda lives: a builder's `condaRoot`. */
  get condaRoot(): string {
    return join(this.root, 'anaconda');
  }

  /** Runs `script` as Azure would: bash, as root, in the script's folder, with `argumentLine` parsed by a shell. */
  run(script: string, argumentLine = ''): RunResult {
    const file = join(this.root, 'work', 'setup.sh');
    writeFileSync(file, script);
    const log = join(this.root, `calls-${Date.now()}-${Math.random()}.log`);
    writeFileSync(log, '');
    // stdin stays Node's socket: bash then reads ~/.bashrc even without a terminal, as it may on the
    // instance, and the script must cope with that.
    const result = spawnSync('bash', ['-c', `bash ./setup.sh ${argumentLine}`], {
      cwd: join(this.root, 'work'),
      env: {
        PATH: `${join(this.root, 'bin')}:/usr/bin:/bin`,
        HOME: join(this.root, 'work'),
        STUB_LOG: log,
        STUB_ROOT: this.root,
        LANG: 'C.UTF-8',
      },
      encoding: 'utf8',
    });
    return {
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      calls: this.parse(readFileSync(log, 'utf8')),
    };
  }

  /** Every file under azureuser's home and the conda root, with its content: what a run changed. */
  state(): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          out[`${relative(this.root, path)}/`] = '';
          walk(path);
        } else {
          out[relative(this.root, path)] = readFileSync(path, 'utf8');
        }
      }
    };
    walk(join(this.root, 'home'));
    walk(join(this.root, 'anaconda'));
    return out;
  }

  /** Runs bash in azureuser's home with `~/.bashrc` read, as a terminal would, and returns what `command` prints. */
  userShell(command: string): string {
    const result = spawnSync('bash', ['--norc', '-c', `. ~/.bashrc; ${command}`], {
      cwd: join(this.root, 'home'),
      env: { PATH: '/usr/bin:/bin', HOME: join(this.root, 'home'), LANG: 'C.UTF-8' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (result.status !== 0) throw new Error(`user shell failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Deletes the instance's folder. */
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private writeExecutable(path: string, text: string): void {
    writeFileSync(join(this.root, path), text);
    chmodSync(join(this.root, path), 0o755);
  }

  private parse(log: string): Call[] {
    return log
      .split(RECORD)
      .filter((r) => r !== '')
      .map((r) => {
        const [user, cwd, program, httpsProxy, ...args] = r.split(FIELD);
        args.pop(); // the record ends with a separator
        return {
          user,
          cwd: cwd === join(this.root, 'home') ? '~' : relative(this.root, cwd),
          program: program.startsWith(this.root) ? relative(this.root, program) : program,
          args,
          httpsProxy,
        };
      });
  }
}
