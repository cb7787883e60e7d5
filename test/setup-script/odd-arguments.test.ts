import { SetupScript, SetupScriptBuilder, ValidationError } from '../../src';
import { thrown } from '../support/stack';

/** JavaScript callers (and `as any`) can pass anything; each of these once ended in a TypeError. */

const OPTIONS_ALLOWED = 'allowed: an object of options, or none';

function messageOf(fn: () => unknown): string {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ValidationError);
  return e.message;
}

const odd = (v: unknown) => v as any;

describe('an options argument that is not an object', () => {
  test.each([
    ['SetupScript.inline', () => SetupScript.inline('ls', odd(null))],
    ['SetupScript.fromWorkspace', () => SetupScript.fromWorkspace('Users/admin/setup.sh', odd(null))],
    ['SetupScriptBuilder', () => new SetupScriptBuilder(odd(null))],
    ['SetupScriptBuilder.run', () => new SetupScriptBuilder().run('ls', odd(null))],
    ['SetupScriptBuilder.gitClone', () => new SetupScriptBuilder().gitClone('https://example.com/r.git', odd(null))],
    ['SetupScriptBuilder.condaEnvironment', () => new SetupScriptBuilder().condaEnvironment('team', odd(null))],
    [
      'SetupScriptBuilder.jupyterLabExtensions',
      () => new SetupScriptBuilder().jupyterLabExtensions(['jupyterlab-git'], odd(null)),
    ],
    ['SetupScriptBuilder.build', () => new SetupScriptBuilder().run('ls').build(odd(null))],
  ])('fails in %s as a problem of options', (path, fn) => {
    expect(messageOf(fn)).toBe(
      `Invalid input in ${path} (1 problem):\n  - ${path}: options: received null; ${OPTIONS_ALLOWED}`,
    );
  });

  test('fails for a string or a list as options too', () => {
    expect(messageOf(() => SetupScript.inline('ls', odd('15m')))).toBe(
      `Invalid input in SetupScript.inline (1 problem):\n  - SetupScript.inline: options: received "15m"; ${OPTIONS_ALLOWED}`,
    );
    expect(messageOf(() => new SetupScriptBuilder().run('ls', odd(['azureuser'])))).toBe(
      `Invalid input in SetupScriptBuilder.run (1 problem):\n  - SetupScriptBuilder.run: options: received ["azureuser"]; ${OPTIONS_ALLOWED}`,
    );
  });

  test("still reports the other arguments' problems in the same error", () => {
    expect(messageOf(() => SetupScript.fromFile('does/not/exist.sh', odd(null)))).toBe(
      'Invalid input in SetupScript.fromFile (2 problems):\n' +
        `  - SetupScript.fromFile: options: received null; ${OPTIONS_ALLOWED}\n` +
        '  - SetupScript.fromFile: path: received "does/not/exist.sh"; allowed: the path of an existing file, relative to the folder the synth runs in (nothing is there)',
    );
    expect(messageOf(() => new SetupScriptBuilder().condaEnvironment('base', odd(7)))).toBe(
      'Invalid input in SetupScriptBuilder.condaEnvironment (2 problems):\n' +
        `  - SetupScriptBuilder.condaEnvironment: options: received 7; ${OPTIONS_ALLOWED}\n` +
        '  - SetupScriptBuilder.condaEnvironment: name: received "base"; allowed: a name other than base, which exists already',
    );
  });

  test('fails for required options that are missing or not an object, saying what they must hold', () => {
    expect(messageOf(() => new SetupScriptBuilder().pipInstall(['numpy'], odd(null)))).toBe(
      'Invalid input in SetupScriptBuilder.pipInstall (1 problem):\n' +
        "  - SetupScriptBuilder.pipInstall: options: received null; allowed: an object naming the conda environment, like { condaEnvironment: 'base' }",
    );
    expect(messageOf(() => new SetupScriptBuilder().proxy(odd(undefined)))).toBe(
      'Invalid input in SetupScriptBuilder.proxy (1 problem):\n' +
        '  - SetupScriptBuilder.proxy: options: received nothing; allowed: an object with an http or https proxy URL, or both',
    );
  });

  test('fails for settings and variables that are not an object of name and value', () => {
    expect(messageOf(() => new SetupScriptBuilder().gitConfig(odd(null)))).toBe(
      'Invalid input in SetupScriptBuilder.gitConfig (1 problem):\n' +
        "  - SetupScriptBuilder.gitConfig: settings: received null; allowed: an object of git settings, like { 'user.name': 'Alice' }",
    );
    expect(messageOf(() => new SetupScriptBuilder().environment(odd(['A=1'])))).toBe(
      'Invalid input in SetupScriptBuilder.environment (1 problem):\n' +
        '  - SetupScriptBuilder.environment: variables: received ["A=1"]; allowed: an object of variables, like { DATA_DIR: \'/mnt/data\' }',
    );
    expect(messageOf(() => new SetupScriptBuilder().environment({}))).toBe(
      'Invalid input in SetupScriptBuilder.environment (1 problem):\n' +
        '  - SetupScriptBuilder.environment: variables: received {}; allowed: at least one variable',
    );
  });

  test('accepts options made without a prototype', () => {
    const options = Object.assign(Object.create(null), { as: 'azureuser' });
    expect(new SetupScriptBuilder().run('ls', options).render()).toContain(
      'as_azureuser bash --norc -euo pipefail -c ls setup-script "$@"',
    );
  });
});

describe('script text that is not text', () => {
  test('fails as a problem of the text, not a TypeError from base64 encoding', () => {
    expect(messageOf(() => SetupScript.inline(odd(undefined)))).toBe(
      'Invalid input in SetupScript.inline (1 problem):\n  - SetupScript.inline: text: received nothing; allowed: the text of a script',
    );
    expect(messageOf(() => SetupScript.inline(odd(42), { timeout: odd('15m') }))).toBe(
      'Invalid input in SetupScript.inline (2 problems):\n' +
        '  - SetupScript.inline: text: received 42; allowed: the text of a script\n' +
        '  - SetupScript.inline: timeout: received "15m"; allowed: a Duration, like Duration.minutes(30)',
    );
  });
});

describe('every entry point, given odd values in every argument', () => {
  const ODD: unknown[] = [
    undefined,
    null,
    0,
    NaN,
    true,
    '',
    'x',
    [],
    [null],
    [1],
    {},
    { a: null },
    Object.create(null),
    () => 1,
    Symbol('s'),
    BigInt(10),
    new Map([['a', 'b']]),
    new Date(0),
    ['a', { b: 1 }],
  ];
  const builder = () => new SetupScriptBuilder();
  const entryPoints: Array<[string, (a: any, b: any) => unknown]> = [
    ['SetupScript.inline(a, b)', (a, b) => SetupScript.inline(a, b)],
    [
      'SetupScript.inline(ls, { arguments, timeout, allowSecrets: a })',
      (a) => SetupScript.inline('ls', { arguments: a, timeout: a, allowSecrets: a }),
    ],
    ['SetupScript.fromFile(a, b)', (a, b) => SetupScript.fromFile(a, b)],
    ['SetupScript.fromWorkspace(a, b)', (a, b) => SetupScript.fromWorkspace(a, b)],
    ['new SetupScriptBuilder(a)', (a) => new SetupScriptBuilder(a)],
    ['new SetupScriptBuilder({ name: a, condaRoot: a })', (a) => new SetupScriptBuilder({ name: a, condaRoot: a })],
    ['pipInstall(a, b)', (a, b) => builder().pipInstall(a, b)],
    ['pipInstall([x], { condaEnvironment: a })', (a) => builder().pipInstall(['x'], { condaEnvironment: a })],
    ['condaEnvironment(a, b)', (a, b) => builder().condaEnvironment(a, b)],
    [
      'condaEnvironment(e, { every option: a })',
      (a) => builder().condaEnvironment('e', { python: a, packages: a, channels: a, kernelDisplayName: a }),
    ],
    ['gitClone(a, b)', (a, b) => builder().gitClone(a, b)],
    [
      'gitClone(url, { directory: a, branch: a })',
      (a) => builder().gitClone('https://example.com/r.git', { directory: a, branch: a }),
    ],
    ['gitConfig(a)', (a) => builder().gitConfig(a)],
    ['gitConfig({ user.name: a })', (a) => builder().gitConfig({ 'user.name': a })],
    ['environment(a)', (a) => builder().environment(a)],
    ['environment({ A: a })', (a) => builder().environment({ A: a })],
    ['proxy(a)', (a) => builder().proxy(a)],
    ['proxy({ http: a, https: a, noProxy: a })', (a) => builder().proxy({ http: a, https: a, noProxy: a })],
    ['jupyterLabExtensions(a, b)', (a, b) => builder().jupyterLabExtensions(a, b)],
    ['run(a, b)', (a, b) => builder().run(a, b)],
    ['run(ls, { as: a })', (a) => builder().run('ls', { as: a })],
    ['build(a)', (a) => builder().run('ls').build(a)],
  ];

  test.each(entryPoints)('%s throws nothing but a ValidationError', (_what, call) => {
    const others: string[] = [];
    for (const a of ODD) {
      for (const b of call.length > 1 ? ODD : [undefined]) {
        try {
          call(a, b);
        } catch (e) {
          if (!(e instanceof ValidationError)) others.push(`${String(a)}, ${String(b)}: ${String(e)}`);
        }
      }
    }
    expect(others).toEqual([]);
  });
});
