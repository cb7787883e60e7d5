import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SetupScript, SetupScriptBuilder } from '../../src';
import { HOSTILE, HOSTILE_DIRECTORY, hostileBuilder } from '../support/hostile';
import { Call, StubInstance } from '../support/stub-instance';

/** A call as the tests compare it: who, where, what. */
function brief(c: Call): string[] {
  return [c.user, c.cwd, c.program, ...c.args];
}

function workstationScript(instance: StubInstance): SetupScriptBuilder {
  return new SetupScriptBuilder({ condaRoot: instance.condaRoot })
    .proxy({ https: 'http://10.0.0.4:3128' })
    .environment({ GREETING: 'it\'s ${HOME} %{x} "quoted" Zürich' })
    .condaEnvironment('research', { python: '3.11', packages: ['numpy'], kernelDisplayName: 'Research' })
    .pipInstall(['torch==2.3.0'], { condaEnvironment: 'research' })
    .gitConfig({ 'user.name': "Alice O'Neil" })
    .gitClone('https://github.com/contoso/ml.git', { branch: 'main' })
    .jupyterLabExtensions(['jupyterlab-git'])
    .run(['mark', 'as root'])
    .run('mark "$@"', { as: 'azureuser' });
}

describe('a generated startup script, run under bash with stub tools', () => {
  const instance = new StubInstance();
  afterAll(() => instance.dispose());
  const script = workstationScript(instance).build({ arguments: ['first arg', "it's $HOME"] });
  const argumentLine = script.toArm().scriptArguments!;
  const first = instance.run(script.text!, argumentLine);
  const afterFirst = instance.state();
  const second = instance.run(script.text!, argumentLine);

  test('succeeds', () => {
    expect([first.status, first.stderr]).toEqual([0, '']);
  });

  test('makes each call as the right user, from the right folder, with the exact arguments', () => {
    expect(first.calls.filter((c) => c.program !== 'bin/sudo').map(brief)).toEqual([
      [
        'azureuser',
        '~',
        'anaconda/bin/conda',
        'create',
        '--yes',
        '--quiet',
        '--prefix',
        join(instance.condaRoot, 'envs/research'),
        'python=3.11',
        'ipykernel',
        'numpy',
      ],
      [
        'azureuser',
        '~',
        'anaconda/envs/research/bin/python',
        '-m',
        'ipykernel',
        'install',
        '--user',
        '--name',
        'research',
        '--display-name',
        'Research',
      ],
      ['azureuser', '~', 'anaconda/envs/research/bin/pip', 'install', 'torch==2.3.0'],
      ['azureuser', '~', 'bin/git', 'config', '--global', 'user.name', "Alice O'Neil"],
      ['azureuser', '~', 'bin/git', 'clone', '--branch', 'main', '--', 'https://github.com/contoso/ml.git', 'ml'],
      ['azureuser', '~', 'anaconda/envs/jupyter_env/bin/pip', 'install', 'jupyterlab-git'],
      ['root', 'work', 'bin/mark', 'as root'],
      // azureuser's command line got the script's arguments, passed explicitly through sudo.
      ['azureuser', '~', 'bin/mark', 'first arg', "it's $HOME"],
    ]);
  });

  test('reaches azureuser only through sudo -u azureuser, never taking conda, pip, python or jupyter from PATH', () => {
    const sudo = first.calls.filter((c) => c.program === 'bin/sudo');
    expect(sudo.length).toBeGreaterThan(0);
    for (const c of sudo) expect(c.args.slice(0, 4)).toEqual(['-u', 'azureuser', '-H', '--']);
    expect(
      first.calls.filter((c) => ['bin/conda', 'bin/pip', 'bin/python', 'bin/jupyter'].includes(c.program)),
    ).toEqual([]);
  });

  test("hands the proxy to every networked call, azureuser's included", () => {
    const networked = first.calls.filter((c) => /(conda|pip|git)$/.test(c.program));
    expect(networked.map((c) => c.httpsProxy)).toEqual(networked.map(() => 'http://10.0.0.4:3128'));
  });

  test("leaves the environment in azureuser's shells, values exact", () => {
    expect(instance.userShell('printf "%s|%s" "$GREETING" "$https_proxy"')).toBe(
      'it\'s ${HOME} %{x} "quoted" Zürich|http://10.0.0.4:3128',
    );
  });

  test('runs a second time successfully', () => {
    expect([second.status, second.stderr]).toEqual([0, '']);
  });

  test('changes nothing the second time: same files, no environment created, nothing cloned', () => {
    expect(instance.state()).toEqual(afterFirst);
    const made = second.calls.filter((c) => c.args[0] === 'create' || c.args[0] === 'clone');
    expect(made).toEqual([]);
    expect(afterFirst['home/.bashrc'].split('\n').filter((l) => l.includes('setup-env.d'))).toHaveLength(1);
  });

  test('leaves the state the stubs keep: environment, kernel spec, clone, git setting', () => {
    expect(afterFirst['home/.local/share/jupyter/kernels/research/kernel.json']).toBe('{"display_name": "Research"}\n');
    expect(afterFirst['home/ml/.git/']).toBe('');
    expect(afterFirst['home/.gitconfig']).toBe("user.name=Alice O'Neil\n");
    // conda create copies the stub environment's pip, the same program as the image's jupyter_env has.
    expect(afterFirst['anaconda/envs/research/bin/pip']).toBe(afterFirst['anaconda/envs/jupyter_env/bin/pip']);
    expect(afterFirst['anaconda/envs/research/bin/pip']).toContain('record "$@"');
  });
});

describe('a generated script with hostile values, run for real', () => {
  const instance = new StubInstance();
  afterAll(() => instance.dispose());
  const result = instance.run(hostileBuilder(instance.condaRoot).render());

  test('succeeds, and nothing a value holds was run', () => {
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(existsSync(join(instance.root, 'work/pwned'))).toBe(false);
    expect(existsSync(join(instance.root, 'home/pwned'))).toBe(false);
  });

  test('every value arrives as one argument, byte for byte', () => {
    const byProgram = (p: string) => result.calls.filter((c) => c.program === p).map((c) => c.args);
    expect(byProgram('anaconda/envs/env-1.x_y/bin/pip')).toEqual([['install', ...HOSTILE]]);
    expect(byProgram('anaconda/envs/jupyter_env/bin/pip')).toEqual([['install', ...HOSTILE]]);
    expect(byProgram('anaconda/envs/env-1.x_y/bin/python')[0].slice(-1)).toEqual([HOSTILE.join(' ')]);
    expect(byProgram('anaconda/bin/conda')[0].slice(-HOSTILE.length)).toEqual(HOSTILE);
    expect(
      byProgram('bin/git')
        .filter((a) => a[0] === 'config')
        .map((a) => a[3]),
    ).toEqual(HOSTILE);
    expect(byProgram('bin/git').filter((a) => a[0] === 'clone')).toEqual([
      ['clone', '--branch', 'release/1.x', '--', 'https://example.com/$(touch${IFS}pwned)/`id`.git', '`id`'],
      ['clone', '--', 'https://example.com/r.git', HOSTILE_DIRECTORY],
    ]);
    expect(result.calls.filter((c) => c.program === 'bin/mark').map(brief)).toEqual([
      ['root', 'work', 'bin/mark', ...HOSTILE, 'two\nlines', ''],
      ['azureuser', '~', 'bin/mark', ...HOSTILE],
    ]);
  });

  test("environment values survive the round trip into azureuser's shells", () => {
    const printed = instance.userShell(`printf '%s\\0' ${HOSTILE.map((_, i) => `"$V${i}"`).join(' ')}`);
    expect(printed.split('\0').slice(0, -1)).toEqual(HOSTILE);
  });
});

describe('script arguments', () => {
  test('a list reaches the script as the same words, through the shell that reads scriptArguments', () => {
    const instance = new StubInstance();
    const words = ['plain', 'two words', "it's", '$HOME', '`id`', '${x}', '%{y}', 'a\\b', 'Zürich', '', '-n'];
    const script = SetupScript.inline('#!/bin/bash\nmark "$@"\n', { arguments: words });
    const result = instance.run(script.text!, script.toArm().scriptArguments);
    instance.dispose();
    expect(result.status).toBe(0);
    expect(result.calls.map((c) => c.args)).toEqual([words]);
  });
});
