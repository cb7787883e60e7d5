import { isToken } from '../core/tokens';
import { isPlainObject } from '../core/plain-object';
import { optionsOf } from './options-object';
import { ScriptProblems } from './script-problems';
import { inlineSetupScript, SetupScript, SetupScriptOptions } from './setup-script';
import { shellQuote, shellWords } from './shell-quote';
import {
  ALWAYS_NO_PROXY,
  checkCondaEnvironment,
  checkDirectory,
  checkPackages,
  checkText,
  ENV_NAME,
  GIT_CONFIG_KEY,
  GIT_REF,
  GIT_URL,
  NO_PROXY_ENTRY,
  PROXY_URL,
  PYTHON_VERSION,
  RESERVED_NAMES,
  RESERVED_PREFIXES,
  SCRIPT_NAME,
} from './step-checks';
import { AZUREUSER, CONDA_ROOT, persistEnvironment, renderScript, repositoryName, Step } from './steps';

/** Options of a `SetupScriptBuilder`, for the whole script. */
export interface SetupScriptBuilderOptions {
  /**
   * Names what the script leaves in azureuser's home: its environment file `~/.setup-env.d/<name>.sh`.
   * Give the creation and the startup script different names when both set environment variables.
   * @default 'setup-script'
   */
  readonly name?: string;
  /**
   * Where conda is installed on the instance. Conda, pip and Python are called by their full paths under
   * it (sudo resets PATH, and a missing environment must fail rather than fall back to another pip).
   * @default '/anaconda' - the Azure Machine Learning compute instance image
   */
  readonly condaRoot?: string;
}

/** Options of `SetupScriptBuilder.pipInstall`. */
export interface PipInstallOptions {
  /** The conda environment to install into (`base`, `azureml_py310_sdkv2`, or one made by `condaEnvironment`). */
  readonly condaEnvironment: string;
}

/** Options of `SetupScriptBuilder.condaEnvironment`. */
export interface CondaEnvironmentOptions {
  /**
   * The Python version (`3.11`).
   * @default - conda's latest Python
   */
  readonly python?: string;
  /**
   * Conda packages to install when the environment is created (`ipykernel` is always added).
   * @default - none besides Python and ipykernel
   */
  readonly packages?: string[];
  /**
   * Conda channels to install from (`conda-forge`).
   * @default - conda's configured channels
   */
  readonly channels?: string[];
  /**
   * The kernel's name in Jupyter's launcher.
   * @default - `Python (<environment name>)`
   */
  readonly kernelDisplayName?: string;
}

/** Options of `SetupScriptBuilder.gitClone`. */
export interface GitCloneOptions {
  /**
   * Where to clone: relative to azureuser's home, or absolute.
   * @default - the repository's name, in azureuser's home (`https://host/org/ml.git` goes to `~/ml`)
   */
  readonly directory?: string;
  /**
   * The branch (or tag) to check out.
   * @default - the repository's default branch
   */
  readonly branch?: string;
}

/** The proxy URLs `SetupScriptBuilder.proxy` sets for the instance's shells and tools. */
export interface ProxyOptions {
  /**
   * Proxy for HTTP (`http_proxy`, `HTTP_PROXY`).
   * @default - no HTTP proxy
   */
  readonly http?: string;
  /**
   * Proxy for HTTPS (`https_proxy`, `HTTPS_PROXY`).
   * @default - no HTTPS proxy
   */
  readonly https?: string;
  /**
   * Hosts, domains (`.internal.example.com`) and addresses reached without the proxy, in addition to
   * localhost, 127.0.0.1 and the instance metadata address 169.254.169.254, which are always there.
   * @default - only the addresses above
   */
  readonly noProxy?: string[];
}

/** Options of `SetupScriptBuilder.jupyterLabExtensions`. */
export interface JupyterLabExtensionsOptions {
  /**
   * The conda environment JupyterLab runs from on the instance.
   * @default 'jupyter_env'
   */
  readonly condaEnvironment?: string;
}

/** Options of `SetupScriptBuilder.run`. */
export interface RunOptions {
  /**
   * Who runs the command. azureuser's commands start in its home directory.
   * @default 'root'
   */
  readonly as?: 'root' | 'azureuser';
}

const PROXY_WITHOUT_CREDENTIALS = 'a proxy URL without credentials';
/** A URL with a user part (`http://user@proxy`). */
const USER_PART = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*@/;

/**
 * The entries of a `{ key: value }` argument (git settings, variables); a problem of `field` when it is not
 * an object, or is empty.
 */
function entriesOf(
  problems: ScriptProblems,
  field: string,
  record: unknown,
  allowed: { shape: string; empty: string },
): Array<[string, string]> {
  if (!isPlainObject(record)) {
    problems.add(field, record, allowed.shape);
    return [];
  }
  const entries = Object.entries(record);
  if (entries.length === 0) problems.add(field, record, allowed.empty);
  // Values are checked to be strings by the caller, before anything is written.
  return entries as Array<[string, string]>;
}

/**
 * Writes a setup script from steps: pip packages, conda environments with Jupyter kernels, git
 * repositories and settings, environment variables, proxies, JupyterLab extensions and plain commands.
 *
 * The script is one bash file (`#!/bin/bash`, `set -euo pipefail`). Every value is shell-quoted, so none
 * can end its quoting. Steps for the user run as azureuser through sudo, which hands them neither this
 * script's arguments nor its environment: each carries its values on its command line. Each generated
 * step checks before it changes anything, so the script can run at every start; commands added with
 * `run` must be written the same way for a startup script.
 */
export class SetupScriptBuilder {
  private readonly name: string;
  private readonly condaRoot: string;
  private readonly steps: Step[] = [];
  private readonly variables = new Map<string, string>();
  private proxySet = false;

  constructor(options: SetupScriptBuilderOptions = {}) {
    const problems = new ScriptProblems('SetupScriptBuilder');
    const checked = optionsOf<SetupScriptBuilderOptions>(problems, options);
    this.name = checked.name ?? 'setup-script';
    this.condaRoot = checked.condaRoot ?? CONDA_ROOT;
    if (typeof this.name !== 'string' || !SCRIPT_NAME.test(this.name)) {
      problems.add(
        'name',
        checked.name,
        '1 to 64 lower-case letters, digits, ".", "_" and "-", starting with a letter or digit',
      );
    }
    if (
      typeof this.condaRoot !== 'string' ||
      !this.condaRoot.startsWith('/') ||
      /[\s\\]|\/\.\.?(\/|$)|\/\/|.\/$/.test(this.condaRoot)
    ) {
      problems.add(
        'condaRoot',
        checked.condaRoot,
        'an absolute path without spaces, "." or ".." segments, or a trailing "/"',
      );
    }
    problems.throwIfAny();
  }

  /** Installs pip packages (`numpy==1.26.4`, `pandas>=2`) into a conda environment, as azureuser. */
  pipInstall(packages: string[], options: PipInstallOptions): this {
    const problems = new ScriptProblems('SetupScriptBuilder.pipInstall');
    checkPackages(problems, 'packages', packages);
    if (isPlainObject(options)) {
      checkCondaEnvironment(problems, 'condaEnvironment', options.condaEnvironment, { allowBase: true });
    } else {
      problems.add('options', options, "an object naming the conda environment, like { condaEnvironment: 'base' }");
    }
    problems.throwIfAny();
    const env = options.condaEnvironment;
    return this.add({
      title: `pip install into conda environment ${env}`,
      lines: [`as_azureuser ${shellWords([this.condaBin(env, 'pip'), 'install', ...packages])}`],
      asAzureuser: true,
    });
  }

  /**
   * Creates a conda environment (unless it exists) and registers it as a Jupyter kernel for azureuser,
   * named after the environment. An existing environment is left as it is: add packages with `pipInstall`.
   */
  condaEnvironment(name: string, options: CondaEnvironmentOptions = {}): this {
    const problems = new ScriptProblems('SetupScriptBuilder.condaEnvironment');
    const checked = optionsOf<CondaEnvironmentOptions>(problems, options);
    checkCondaEnvironment(problems, 'name', name, { allowBase: false });
    if (checked.python !== undefined && (typeof checked.python !== 'string' || !PYTHON_VERSION.test(checked.python))) {
      problems.add('python', checked.python, 'a Python version like 3.11');
    }
    if (checked.packages !== undefined) checkPackages(problems, 'packages', checked.packages, { allowEmpty: true });
    if (checked.channels !== undefined)
      checkPackages(problems, 'channels', checked.channels, { allowEmpty: true, what: 'conda channel names or URLs' });
    if (checked.kernelDisplayName !== undefined) checkText(problems, 'kernelDisplayName', checked.kernelDisplayName);
    problems.throwIfAny();
    const prefix = `${this.condaRoot}/envs/${name}`;
    const create = [
      `${this.condaRoot}/bin/conda`,
      'create',
      '--yes',
      '--quiet',
      '--prefix',
      prefix,
      ...(checked.channels ?? []).flatMap((c) => ['--channel', c]),
      checked.python ? `python=${checked.python}` : 'python',
      'ipykernel',
      ...(checked.packages ?? []),
    ];
    const kernel = [
      `${prefix}/bin/python`,
      '-m',
      'ipykernel',
      'install',
      '--user',
      '--name',
      name,
      '--display-name',
      checked.kernelDisplayName ?? `Python (${name})`,
    ];
    return this.add({
      title: `conda environment ${name} and its Jupyter kernel`,
      lines: [
        `if [ ! -x ${shellQuote(`${prefix}/bin/python`)} ]; then`,
        `  as_azureuser ${shellWords(create)}`,
        'fi',
        // Writes the same kernel spec every time: running it again changes nothing.
        `as_azureuser ${shellWords(kernel)}`,
      ],
      asAzureuser: true,
    });
  }

  /** Clones a git repository for azureuser, unless its directory exists (an existing clone is not updated). */
  gitClone(url: string, options: GitCloneOptions = {}): this {
    const problems = new ScriptProblems('SetupScriptBuilder.gitClone');
    const checked = optionsOf<GitCloneOptions>(problems, options);
    if (typeof url === 'string') {
      problems.screen(
        'url',
        url,
        'a URL without credentials; give azureuser a credential helper or an SSH key instead',
      );
    }
    if (typeof url !== 'string' || isToken(url) || !GIT_URL.test(url)) {
      problems.add(
        'url',
        url,
        'a git URL (https://, ssh://, git://, file:// or user@host:path), without spaces or backslashes',
      );
    }
    const directory = checked.directory ?? (typeof url === 'string' ? repositoryName(url) : undefined);
    if (checked.directory !== undefined || directory !== undefined) checkDirectory(problems, 'directory', directory);
    else problems.add('directory', checked.directory, 'a directory, since none can be derived from the URL');
    if (checked.branch !== undefined && (typeof checked.branch !== 'string' || !GIT_REF.test(checked.branch))) {
      problems.add('branch', checked.branch, 'a branch or tag name');
    }
    problems.throwIfAny();
    const clone = ['git', 'clone', ...(checked.branch ? ['--branch', checked.branch] : []), '--', url, directory!];
    return this.add({
      title: `git clone into ${directory}`,
      lines: [`if ! as_azureuser test -e ${shellQuote(directory!)}; then`, `  as_azureuser ${shellWords(clone)}`, 'fi'],
      asAzureuser: true,
    });
  }

  /** Sets azureuser's global git settings (`{ 'user.name': 'Alice', 'user.email': 'alice@example.com' }`). */
  gitConfig(settings: Record<string, string>): this {
    const problems = new ScriptProblems('SetupScriptBuilder.gitConfig');
    const entries = entriesOf(problems, 'settings', settings, {
      shape: "an object of git settings, like { 'user.name': 'Alice' }",
      empty: 'at least one setting',
    });
    for (const [key, value] of entries) {
      if (!GIT_CONFIG_KEY.test(key))
        problems.add(key, key, 'a git setting name like user.name or url.<base>.insteadOf');
      checkText(problems, key, value);
    }
    problems.throwIfAny();
    return this.add({
      title: 'git config for azureuser',
      lines: entries.map(([key, value]) => `as_azureuser ${shellWords(['git', 'config', '--global', key, value])}`),
      asAzureuser: true,
    });
  }

  /**
   * Environment variables for the rest of this script and for azureuser's shells (terminals, SSH, VS Code):
   * written to `~/.setup-env.d/<name>.sh`, which `~/.bashrc` reads. Notebook kernels already running do
   * not see them.
   */
  environment(variables: Record<string, string>): this {
    const problems = new ScriptProblems('SetupScriptBuilder.environment');
    const entries = entriesOf(problems, 'variables', variables, {
      shape: "an object of variables, like { DATA_DIR: '/mnt/data' }",
      empty: 'at least one variable',
    });
    for (const [name, value] of entries) this.checkVariable(problems, name, value);
    problems.throwIfAny();
    for (const [name, value] of entries) this.variables.set(name, value);
    return this;
  }

  /**
   * A network proxy for the rest of this script (pip, conda and git read it) and for azureuser's shells,
   * set as `http_proxy`, `https_proxy`, `no_proxy` and their upper-case twins.
   */
  proxy(options: ProxyOptions): this {
    const problems = new ScriptProblems('SetupScriptBuilder.proxy');
    const checked: Partial<ProxyOptions> = isPlainObject(options) ? options : {};
    if (!isPlainObject(options)) problems.add('options', options, 'an object with an http or https proxy URL, or both');
    // The URLs are reported under their own fields; the options as a whole would repeat them.
    if (this.proxySet) problems.add('proxy', 'a second proxy', 'one proxy per script (this builder has one already)');
    if (isPlainObject(options) && checked.http === undefined && checked.https === undefined) {
      problems.add('http', undefined, 'an http or https proxy URL, or both');
    }
    const variables: Record<string, string> = {};
    for (const scheme of ['http', 'https'] as const) {
      const url: unknown = checked[scheme];
      if (url === undefined) continue;
      // Checked first, so that any other problem of the URL describes it instead of showing it. The user
      // part alone is a credential too: a proxy takes an API key there.
      let credentials =
        typeof url === 'string' && problems.screen(scheme, url, PROXY_WITHOUT_CREDENTIALS) !== undefined;
      if (!credentials && typeof url === 'string' && USER_PART.test(url)) {
        problems.secret(scheme, 'credentials in a URL', PROXY_WITHOUT_CREDENTIALS);
        credentials = true;
      }
      if (typeof url !== 'string' || !PROXY_URL.test(url)) {
        problems.add(scheme, url, 'a proxy URL like http://10.0.0.4:3128, without a path');
      } else if (!credentials) {
        variables[`${scheme}_proxy`] = url;
        variables[`${scheme.toUpperCase()}_PROXY`] = url;
      }
    }
    const noProxy = checked.noProxy ?? [];
    if (!Array.isArray(noProxy) || noProxy.some((h) => typeof h !== 'string' || !NO_PROXY_ENTRY.test(h))) {
      problems.add(
        'noProxy',
        noProxy,
        'host names, domains (.example.com), addresses and CIDR ranges, without spaces or commas',
      );
    } else {
      const hosts = [...new Set([...ALWAYS_NO_PROXY, ...noProxy])].join(',');
      variables.no_proxy = hosts;
      variables.NO_PROXY = hosts;
    }
    for (const [name, value] of Object.entries(variables)) this.checkVariable(problems, name, value);
    problems.throwIfAny();
    this.proxySet = true;
    for (const [name, value] of Object.entries(variables)) this.variables.set(name, value);
    return this;
  }

  /**
   * Installs JupyterLab extensions, which are pip packages (`jupyterlab-git`), into the environment
   * JupyterLab runs from, as azureuser. JupyterLab loads them when it next starts.
   */
  jupyterLabExtensions(packages: string[], options: JupyterLabExtensionsOptions = {}): this {
    const problems = new ScriptProblems('SetupScriptBuilder.jupyterLabExtensions');
    const checked = optionsOf<JupyterLabExtensionsOptions>(problems, options);
    checkPackages(problems, 'packages', packages);
    const env = checked.condaEnvironment ?? 'jupyter_env';
    checkCondaEnvironment(problems, 'condaEnvironment', env, { allowBase: true });
    problems.throwIfAny();
    return this.add({
      title: `JupyterLab extensions into conda environment ${env}`,
      lines: [`as_azureuser ${shellWords([this.condaBin(env, 'pip'), 'install', ...packages])}`],
      asAzureuser: true,
    });
  }

  /**
   * Runs a command. A list is one program and its arguments, each quoted; a string is a bash command line,
   * run by `bash --norc -euo pipefail -c` with this script's arguments as `$1`, `$2`, ... (passed to azureuser's
   * commands too). In a startup script, it must be safe to run at every start.
   */
  run(command: string | string[], options: RunOptions = {}): this {
    const problems = new ScriptProblems('SetupScriptBuilder.run');
    const checked = optionsOf<RunOptions>(problems, options);
    const as = checked.as ?? 'root';
    if (as !== 'root' && as !== AZUREUSER) problems.add('as', checked.as, '"root" or "azureuser"');
    if (typeof command === 'string') {
      if (command.trim() === '' || isToken(command) || command.includes('\0')) {
        problems.add('command', command, 'a non-empty bash command line, written literally');
      }
    } else if (!Array.isArray(command) || command.length === 0) {
      problems.add('command', command, 'a bash command line, or a non-empty list of a program and its arguments');
    } else {
      command.forEach((word, i) =>
        checkText(problems, `command[${i}]`, word, { allowNewline: true, allowEmpty: i > 0 }),
      );
    }
    problems.throwIfAny();
    const line =
      typeof command === 'string'
        ? `bash --norc -euo pipefail -c ${shellQuote(command)} setup-script "$@"`
        : shellWords(command);
    return this.add({
      title: `command as ${as}`,
      lines: [as === AZUREUSER ? `as_azureuser ${line}` : line],
      asAzureuser: as === AZUREUSER,
    });
  }

  /** The script's text. */
  render(): string {
    const environment = [...this.variables.entries()];
    const persist: Step[] =
      environment.length === 0
        ? []
        : [
            {
              title: 'environment variables for the shells of azureuser',
              lines: persistEnvironment(
                this.name,
                environment.map(([n]) => n),
              ),
              asAzureuser: true,
            },
          ];
    return renderScript({ environment, steps: [...persist, ...this.steps] });
  }

  /** The script as a SetupScript, checked like any inline script (secrets, size). */
  build(options: SetupScriptOptions = {}): SetupScript {
    if (this.steps.length === 0 && this.variables.size === 0) {
      const problems = new ScriptProblems('SetupScriptBuilder.build');
      problems.add('steps', [], 'at least one step');
      problems.throwIfAny();
    }
    return inlineSetupScript('SetupScriptBuilder.build', 'script', this.render(), options);
  }

  private add(step: Step): this {
    this.steps.push(step);
    return this;
  }

  private condaBin(env: string, program: string): string {
    return env === 'base' ? `${this.condaRoot}/bin/${program}` : `${this.condaRoot}/envs/${env}/bin/${program}`;
  }

  private checkVariable(problems: ScriptProblems, name: string, value: unknown): void {
    if (!ENV_NAME.test(name)) {
      problems.add(name, name, 'a variable name of letters, digits and "_", not starting with a digit');
    } else if (RESERVED_NAMES.has(name) || RESERVED_PREFIXES.some((p) => name.startsWith(p))) {
      problems.add(
        name,
        name,
        `a name other than ${[...RESERVED_NAMES].join(', ')} or ${RESERVED_PREFIXES.map((p) => `${p}*`).join(', ')}, which the shell, sudo or Azure rely on`,
      );
    } else if (this.variables.has(name) && this.variables.get(name) !== value) {
      problems.add(name, name, 'one value per variable (this builder sets it to a different value already)');
    }
    checkText(problems, name, value, { allowEmpty: true });
  }
}
