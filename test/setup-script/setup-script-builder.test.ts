import { Duration, SetupScriptBuilder, ValidationError } from '../../src';
import { hostileBuilder } from '../support/hostile';
import { bashSyntaxErrors, hasShellcheck, shellcheckFindings } from '../support/shell';
import { thrown } from '../support/stack';

/** Every script these tests render, by label: the last tests parse and lint them all. */
const generated: Record<string, string> = {};

function rendered(label: string, builder: SetupScriptBuilder): string {
  const text = builder.render();
  generated[label] = text;
  return text;
}

const HEADER = `#!/bin/bash
set -euo pipefail
# Written by cdktf-azureml-compute's SetupScriptBuilder. Azure runs it as root, once at creation or at
# every start; each generated step checks before it changes anything, so a second run changes nothing.
`;

const HELPER = `
# Runs a command as azureuser in its home directory. sudo hands it neither this script's arguments
# nor its environment, so the command line carries every value the command needs. (--norc: bash reads
# ~/.bashrc even without a terminal when its input is a socket.)
as_azureuser() {
  sudo -u azureuser -H -- bash --norc -c 'cd ~ && exec "$@"' as_azureuser "$@"
}
`;

describe('SetupScriptBuilder renders each step exactly', () => {
  test("pip packages into a conda environment, as azureuser, by the environment's own pip", () => {
    expect(
      rendered(
        'pip',
        new SetupScriptBuilder().pipInstall(['numpy==1.26.4', 'pandas>=2'], {
          condaEnvironment: 'azureml_py310_sdkv2',
        }),
      ),
    ).toBe(`${HEADER}${HELPER}
echo '[1/1] pip install into conda environment azureml_py310_sdkv2'
as_azureuser /anaconda/envs/azureml_py310_sdkv2/bin/pip install 'numpy==1.26.4' 'pandas>=2'
`);
  });

  test("pip packages into the base environment use conda's own pip", () => {
    expect(rendered('pip base', new SetupScriptBuilder().pipInstall(['requests'], { condaEnvironment: 'base' })))
      .toBe(`${HEADER}${HELPER}
echo '[1/1] pip install into conda environment base'
as_azureuser /anaconda/bin/pip install requests
`);
  });

  test('a conda environment, created only when missing, and registered as a kernel every time', () => {
    const builder = new SetupScriptBuilder().condaEnvironment('research', {
      python: '3.11',
      packages: ['numpy', 'scipy>=1.11'],
      channels: ['conda-forge'],
      kernelDisplayName: 'Research (3.11)',
    });
    expect(rendered('conda', builder)).toBe(`${HEADER}${HELPER}
echo '[1/1] conda environment research and its Jupyter kernel'
if [ ! -x /anaconda/envs/research/bin/python ]; then
  as_azureuser /anaconda/bin/conda create --yes --quiet --prefix /anaconda/envs/research --channel conda-forge 'python=3.11' ipykernel numpy 'scipy>=1.11'
fi
as_azureuser /anaconda/envs/research/bin/python -m ipykernel install --user --name research --display-name 'Research (3.11)'
`);
  });

  test('a conda environment with defaults: latest Python, kernel named after it', () => {
    expect(rendered('conda defaults', new SetupScriptBuilder().condaEnvironment('scratch'))).toBe(`${HEADER}${HELPER}
echo '[1/1] conda environment scratch and its Jupyter kernel'
if [ ! -x /anaconda/envs/scratch/bin/python ]; then
  as_azureuser /anaconda/bin/conda create --yes --quiet --prefix /anaconda/envs/scratch python ipykernel
fi
as_azureuser /anaconda/envs/scratch/bin/python -m ipykernel install --user --name scratch --display-name 'Python (scratch)'
`);
  });

  test('a git clone, skipped when its directory exists', () => {
    expect(
      rendered('clone', new SetupScriptBuilder().gitClone('https://github.com/contoso/ml.git', { branch: 'main' })),
    ).toBe(`${HEADER}${HELPER}
echo '[1/1] git clone into ml'
if ! as_azureuser test -e ml; then
  as_azureuser git clone --branch main -- https://github.com/contoso/ml.git ml
fi
`);
  });

  test("a git clone over SSH into a directory of the user's choice", () => {
    expect(
      rendered(
        'clone ssh',
        new SetupScriptBuilder().gitClone('git@github.com:contoso/ml.git', { directory: 'cloudfiles/code/ml repo' }),
      ),
    ).toBe(`${HEADER}${HELPER}
echo '[1/1] git clone into cloudfiles/code/ml repo'
if ! as_azureuser test -e 'cloudfiles/code/ml repo'; then
  as_azureuser git clone -- git@github.com:contoso/ml.git 'cloudfiles/code/ml repo'
fi
`);
  });

  test('git settings for azureuser', () => {
    expect(
      rendered(
        'git config',
        new SetupScriptBuilder().gitConfig({ 'user.name': "Alice O'Neil", 'user.email': 'alice@example.com' }),
      ),
    ).toBe(`${HEADER}${HELPER}
echo '[1/1] git config for azureuser'
as_azureuser git config --global user.name 'Alice O'\\''Neil'
as_azureuser git config --global user.email alice@example.com
`);
  });

  test("environment variables: exported, handed to azureuser's commands, and kept for its shells", () => {
    const builder = new SetupScriptBuilder({ name: 'team' }).environment({
      MLFLOW_TRACKING_URI: 'https://mlflow.example.com',
      GREETING: 'hi $USER',
    });
    expect(rendered('environment', builder)).toBe(`${HEADER}
# For this script, its azureuser commands, and (step 1) azureuser's shells.
export MLFLOW_TRACKING_URI=https://mlflow.example.com
export GREETING=$'hi $USER'

# Runs a command as azureuser in its home directory. sudo hands it neither this script's arguments
# nor its environment, so the command line carries every value the command needs. (--norc: bash reads
# ~/.bashrc even without a terminal when its input is a socket.)
as_azureuser() {
  sudo -u azureuser -H -- env \\
    MLFLOW_TRACKING_URI="$MLFLOW_TRACKING_URI" \\
    GREETING="$GREETING" \\
    bash --norc -c 'cd ~ && exec "$@"' as_azureuser "$@"
}

echo '[1/1] environment variables for the shells of azureuser'
as_azureuser mkdir -p .setup-env.d
printf 'export %s=%q\\n' \\
  MLFLOW_TRACKING_URI "$MLFLOW_TRACKING_URI" \\
  GREETING "$GREETING" \\
  | as_azureuser tee .setup-env.d/team.sh >/dev/null
if ! as_azureuser grep -qsxF -- '. <(cat ~/.setup-env.d/*.sh 2>/dev/null)' .bashrc; then
  printf '%s\\n' '. <(cat ~/.setup-env.d/*.sh 2>/dev/null)' | as_azureuser tee -a .bashrc >/dev/null
fi
`);
  });

  test("a proxy: both cases of each variable, and the instance's own addresses never proxied", () => {
    const builder = new SetupScriptBuilder().proxy({
      https: 'http://10.0.0.4:3128',
      noProxy: ['.internal.example.com', '10.0.0.0/8'],
    });
    expect(rendered('proxy', builder)).toBe(`${HEADER}
# For this script, its azureuser commands, and (step 1) azureuser's shells.
export https_proxy=http://10.0.0.4:3128
export HTTPS_PROXY=http://10.0.0.4:3128
export no_proxy=localhost,127.0.0.1,169.254.169.254,.internal.example.com,10.0.0.0/8
export NO_PROXY=localhost,127.0.0.1,169.254.169.254,.internal.example.com,10.0.0.0/8

# Runs a command as azureuser in its home directory. sudo hands it neither this script's arguments
# nor its environment, so the command line carries every value the command needs. (--norc: bash reads
# ~/.bashrc even without a terminal when its input is a socket.)
as_azureuser() {
  sudo -u azureuser -H -- env \\
    https_proxy="$https_proxy" \\
    HTTPS_PROXY="$HTTPS_PROXY" \\
    no_proxy="$no_proxy" \\
    NO_PROXY="$NO_PROXY" \\
    bash --norc -c 'cd ~ && exec "$@"' as_azureuser "$@"
}

echo '[1/1] environment variables for the shells of azureuser'
as_azureuser mkdir -p .setup-env.d
printf 'export %s=%q\\n' \\
  https_proxy "$https_proxy" \\
  HTTPS_PROXY "$HTTPS_PROXY" \\
  no_proxy "$no_proxy" \\
  NO_PROXY "$NO_PROXY" \\
  | as_azureuser tee .setup-env.d/setup-script.sh >/dev/null
if ! as_azureuser grep -qsxF -- '. <(cat ~/.setup-env.d/*.sh 2>/dev/null)' .bashrc; then
  printf '%s\\n' '. <(cat ~/.setup-env.d/*.sh 2>/dev/null)' | as_azureuser tee -a .bashrc >/dev/null
fi
`);
  });

  test('JupyterLab extensions into the environment JupyterLab runs from', () => {
    expect(
      rendered(
        'jupyterlab',
        new SetupScriptBuilder().jupyterLabExtensions(['jupyterlab-git', 'jupyterlab-lsp==5.1.0']),
      ),
    ).toBe(`${HEADER}${HELPER}
echo '[1/1] JupyterLab extensions into conda environment jupyter_env'
as_azureuser /anaconda/envs/jupyter_env/bin/pip install jupyterlab-git 'jupyterlab-lsp==5.1.0'
`);
  });

  test('a command as root, as a list of words', () => {
    expect(rendered('run root', new SetupScriptBuilder().run(['apt-get', 'install', '-y', 'jq']))).toBe(`${HEADER}
echo '[1/1] command as root'
apt-get install -y jq
`);
  });

  test("a command line as azureuser, given the script's arguments", () => {
    expect(rendered('run azureuser', new SetupScriptBuilder().run('echo "$1" >> notes.txt', { as: 'azureuser' })))
      .toBe(`${HEADER}${HELPER}
echo '[1/1] command as azureuser'
as_azureuser bash --norc -euo pipefail -c $'echo "$1" >> notes.txt' setup-script "$@"
`);
  });

  test("a command line as root runs in its own bash, so it cannot end the script's quoting or options", () => {
    expect(rendered('run root line', new SetupScriptBuilder().run('systemctl restart jupyter || true'))).toBe(`${HEADER}
echo '[1/1] command as root'
bash --norc -euo pipefail -c 'systemctl restart jupyter || true' setup-script "$@"
`);
  });

  test('steps run in the order added, numbered, environment first', () => {
    const text = rendered(
      'order',
      new SetupScriptBuilder()
        .run(['mark', 'first'])
        .pipInstall(['numpy'], { condaEnvironment: 'base' })
        .environment({ A: '1' }),
    );
    expect(text.split('\n').filter((l) => l.startsWith('echo '))).toEqual([
      "echo '[1/3] environment variables for the shells of azureuser'",
      "echo '[2/3] command as root'",
      "echo '[3/3] pip install into conda environment base'",
    ]);
  });

  test('a custom conda root', () => {
    const text = rendered(
      'conda root',
      new SetupScriptBuilder({ condaRoot: '/opt/conda' }).pipInstall(['numpy'], { condaEnvironment: 'py' }),
    );
    expect(text).toContain('\nas_azureuser /opt/conda/envs/py/bin/pip install numpy\n');
  });

  test('is byte-identical from run to run', () => {
    const make = () =>
      new SetupScriptBuilder().environment({ B: '2', A: '1' }).gitClone('https://example.com/r.git').render();
    expect(make()).toBe(make());
  });
});

describe('SetupScriptBuilder with hostile values', () => {
  test('renders a script (run for real in setup-script-run.test.ts) for the parse and lint checks below', () => {
    const text = rendered('hostile', hostileBuilder());
    expect(text.startsWith(HEADER)).toBe(true);
    // A value on a line of its own would show that a newline escaped its quoting.
    expect(text.split('\n').filter((l) => l.startsWith('lines'))).toEqual([]);
  });
});

describe('SetupScriptBuilder validation', () => {
  function errorOf(fn: () => unknown): ValidationError {
    const e = thrown(fn);
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }

  test('fails for pip packages that are options or empty, and for a bad environment name', () => {
    expect(
      errorOf(() =>
        new SetupScriptBuilder().pipInstall(['--index-url=https://evil.example.com', ''], {
          condaEnvironment: 'my env',
        }),
      ).message,
    ).toBe(
      'Invalid input in SetupScriptBuilder.pipInstall (3 problems):\n' +
        '  - SetupScriptBuilder.pipInstall: packages[0]: received "--index-url=https://evil.example.com"; allowed: one of package specifications (numpy, pandas>=2, git+https://...), literal, not starting with "-" (options are not accepted here)\n' +
        '  - SetupScriptBuilder.pipInstall: packages[1]: received ""; allowed: one of package specifications (numpy, pandas>=2, git+https://...), literal, not starting with "-" (options are not accepted here)\n' +
        '  - SetupScriptBuilder.pipInstall: condaEnvironment: received "my env"; allowed: a conda environment name of up to 64 letters, digits, "_", "." and "-"',
    );
    expect(errorOf(() => new SetupScriptBuilder().pipInstall([], { condaEnvironment: 'base' })).message).toContain(
      'SetupScriptBuilder.pipInstall: packages: received []; allowed: a non-empty list of package specifications',
    );
  });

  test('fails to create the base environment, or with a malformed Python version', () => {
    expect(errorOf(() => new SetupScriptBuilder().condaEnvironment('base', { python: 'latest' })).message).toBe(
      'Invalid input in SetupScriptBuilder.condaEnvironment (2 problems):\n' +
        '  - SetupScriptBuilder.condaEnvironment: name: received "base"; allowed: a name other than base, which exists already\n' +
        '  - SetupScriptBuilder.condaEnvironment: python: received "latest"; allowed: a Python version like 3.11',
    );
  });

  test('fails for a git URL with a password, never repeating it', () => {
    const e = errorOf(() => new SetupScriptBuilder().gitClone('https://alice:hunter2secret@github.com/contoso/ml.git'));
    expect(e.message).toBe(
      'Invalid input in SetupScriptBuilder.gitClone (1 problem):\n' +
        '  - SetupScriptBuilder.gitClone: url: received <redacted: credentials in a URL>; allowed: a URL without credentials; give azureuser a credential helper or an SSH key instead',
    );
  });

  test('fails for a git URL with spaces, a directory that climbs out, and an option as branch', () => {
    expect(
      errorOf(() =>
        new SetupScriptBuilder().gitClone('https://example.com/my repo.git', {
          directory: '../etc',
          branch: '--upload-pack=x',
        }),
      ).message,
    ).toBe(
      'Invalid input in SetupScriptBuilder.gitClone (3 problems):\n' +
        '  - SetupScriptBuilder.gitClone: url: received "https://example.com/my repo.git"; allowed: a git URL (https://, ssh://, git://, file:// or user@host:path), without spaces or backslashes\n' +
        '  - SetupScriptBuilder.gitClone: directory: received "../etc"; allowed: a path relative to azureuser\'s home, or absolute, without "~", ".", ".." or empty segments, backslashes or control characters\n' +
        '  - SetupScriptBuilder.gitClone: branch: received "--upload-pack=x"; allowed: a branch or tag name',
    );
  });

  test('fails for git settings without a section, or with a value on two lines', () => {
    expect(errorOf(() => new SetupScriptBuilder().gitConfig({ name: 'x', 'user.name': 'a\nb' })).message).toBe(
      'Invalid input in SetupScriptBuilder.gitConfig (2 problems):\n' +
        '  - SetupScriptBuilder.gitConfig: name: received "name"; allowed: a git setting name like user.name or url.<base>.insteadOf\n' +
        '  - SetupScriptBuilder.gitConfig: user.name: received "a\\nb"; allowed: literal non-empty text on one line',
    );
  });

  test('fails for variable names the shell or sudo rely on, and for two values of one variable', () => {
    const builder = new SetupScriptBuilder().environment({ A: '1' });
    expect(errorOf(() => builder.environment({ PATH: '/x', LD_PRELOAD: 'x.so', '1X': 'y', A: '2' })).message).toBe(
      'Invalid input in SetupScriptBuilder.environment (4 problems):\n' +
        '  - SetupScriptBuilder.environment: PATH: received "PATH"; allowed: a name other than PATH, HOME, USER, LOGNAME, SHELL, PWD, OLDPWD, IFS, CDPATH, ENV, SHELLOPTS, BASHOPTS, PS4, GLOBIGNORE, PROMPT_COMMAND or BASH_*, LD_*, SUDO_*, CI_*, which the shell, sudo or Azure rely on\n' +
        '  - SetupScriptBuilder.environment: LD_PRELOAD: received "LD_PRELOAD"; allowed: a name other than PATH, HOME, USER, LOGNAME, SHELL, PWD, OLDPWD, IFS, CDPATH, ENV, SHELLOPTS, BASHOPTS, PS4, GLOBIGNORE, PROMPT_COMMAND or BASH_*, LD_*, SUDO_*, CI_*, which the shell, sudo or Azure rely on\n' +
        '  - SetupScriptBuilder.environment: 1X: received "1X"; allowed: a variable name of letters, digits and "_", not starting with a digit\n' +
        '  - SetupScriptBuilder.environment: A: received "A"; allowed: one value per variable (this builder sets it to a different value already)',
    );
  });

  test('fails for a second proxy, a proxy with a path, and a proxy with credentials', () => {
    const builder = new SetupScriptBuilder().proxy({ http: 'http://10.0.0.4:3128' });
    expect(
      errorOf(() => builder.proxy({ http: 'http://proxy/path', https: 'http://bob:pa55word@proxy:3128' })).message,
    ).toBe(
      'Invalid input in SetupScriptBuilder.proxy (3 problems):\n' +
        '  - SetupScriptBuilder.proxy: proxy: received "a second proxy"; allowed: one proxy per script (this builder has one already)\n' +
        '  - SetupScriptBuilder.proxy: http: received "http://proxy/path"; allowed: a proxy URL like http://10.0.0.4:3128, without a path\n' +
        '  - SetupScriptBuilder.proxy: https: received <redacted: credentials in a URL>; allowed: a proxy URL without credentials',
    );
  });

  test('fails for a command that is empty or runs as another user', () => {
    expect(errorOf(() => new SetupScriptBuilder().run([], { as: 'admin' as any })).message).toBe(
      'Invalid input in SetupScriptBuilder.run (2 problems):\n' +
        '  - SetupScriptBuilder.run: as: received "admin"; allowed: "root" or "azureuser"\n' +
        '  - SetupScriptBuilder.run: command: received []; allowed: a bash command line, or a non-empty list of a program and its arguments',
    );
  });

  test('fails for a builder name that is not a file name, and a relative conda root', () => {
    expect(errorOf(() => new SetupScriptBuilder({ name: '../x', condaRoot: 'anaconda' })).message).toBe(
      'Invalid input in SetupScriptBuilder (2 problems):\n' +
        '  - SetupScriptBuilder: name: received "../x"; allowed: 1 to 64 lower-case letters, digits, ".", "_" and "-", starting with a letter or digit\n' +
        '  - SetupScriptBuilder: condaRoot: received "anaconda"; allowed: an absolute path without spaces, "." or ".." segments, or a trailing "/"',
    );
  });

  test('build fails without steps', () => {
    expect(errorOf(() => new SetupScriptBuilder().build()).message).toBe(
      'Invalid input in SetupScriptBuilder.build (1 problem):\n  - SetupScriptBuilder.build: steps: received []; allowed: at least one step',
    );
  });

  test('build checks the script like any inline script: a secret fails with its line, not its value', () => {
    const builder = new SetupScriptBuilder().run(['mark']).environment({ DB: 'Server=db;Password=hunter2;' });
    const e = errorOf(() => builder.build());
    expect(e.message).toBe(
      'Invalid input in SetupScriptBuilder.build (1 problem):\n' +
        '  - SetupScriptBuilder.build: script line 7: received <redacted: password>; allowed: no secrets in a setup script, since Azure stores it readable with the compute and logs its output to the workspace share; ' +
        "fetch secrets when the script runs (Key Vault with the instance's managed identity), or pass allowSecrets: true if this is deliberate",
    );
    expect(e.message).not.toContain('hunter2');
    expect(builder.render().split('\n')[6]).toBe("export DB='Server=db;Password=hunter2;'");
    expect(builder.build({ allowSecrets: true, timeout: Duration.minutes(30) }).toArm().timeout).toBe('30m');
  });

  test('build gives an inline SetupScript of the rendered text', () => {
    const builder = new SetupScriptBuilder().run(['mark']);
    const script = builder.build({ arguments: ['a b'] });
    expect(script.toArm()).toEqual({
      scriptSource: 'inline',
      scriptData: Buffer.from(builder.render(), 'utf8').toString('base64'),
      scriptArguments: "'a b'",
    });
  });
});

describe('every generated script', () => {
  test('parses with bash -n', () => {
    expect(Object.keys(generated)).toEqual([
      'pip',
      'pip base',
      'conda',
      'conda defaults',
      'clone',
      'clone ssh',
      'git config',
      'environment',
      'proxy',
      'jupyterlab',
      'run root',
      'run azureuser',
      'run root line',
      'order',
      'conda root',
      'hostile',
    ]);
    for (const [label, text] of Object.entries(generated)) expect([label, bashSyntaxErrors(text)]).toEqual([label, '']);
  });

  const shellcheck = hasShellcheck();
  if (!shellcheck && !process.env.CI) {
    test.skip('passes shellcheck (shellcheck is not installed here; CI installs it and runs this)', () => undefined);
  } else {
    test('passes shellcheck with no findings, at every severity', () => {
      if (!shellcheck)
        throw new Error('shellcheck is not on PATH, and CI is set: CI must install it (apt-get install -y shellcheck)');
      const findings = shellcheckFindings(generated);
      expect(findings).toEqual(Object.fromEntries(Object.keys(generated).map((label) => [label, ''])));
    });
  }
});
