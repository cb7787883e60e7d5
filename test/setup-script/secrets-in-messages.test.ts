import { SetupScript, SetupScriptBuilder, ValidationError } from '../../src';
import { ScriptProblems } from '../../src/setup-script/script-problems';
import { thrown } from '../support/stack';

const SECRETS_ALLOWED =
  'allowed: no secrets in a setup script, since Azure stores it readable with the compute and logs its output to the workspace share; ' +
  "fetch secrets when the script runs (Key Vault with the instance's managed identity), or pass allowSecrets: true if this is deliberate";
const CLONE_WITHOUT_CREDENTIALS =
  'allowed: a URL without credentials; give azureuser a credential helper or an SSH key instead';

const PRIVATE_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----';
const GITHUB_TOKEN = `ghp_${'a'.repeat(36)}`;

function messageOf(fn: () => unknown): string {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ValidationError);
  return e.message;
}

describe('a value that looks secret never reaches an error message, whatever its problem', () => {
  test('fails for a private key in a variable, on several lines, describing it', () => {
    const message = messageOf(() => new SetupScriptBuilder().environment({ DEPLOY_KEY: PRIVATE_KEY }));
    expect(message).toBe(
      'Invalid input in SetupScriptBuilder.environment (1 problem):\n' +
        '  - SetupScriptBuilder.environment: DEPLOY_KEY: received <redacted: private key, 140 characters>; allowed: literal text on one line',
    );
    expect(message).not.toContain('b3BlbnNzaC1rZXkt');
  });

  test('fails for a git setting holding a token and a line break, describing it', () => {
    const message = messageOf(() =>
      new SetupScriptBuilder().gitConfig({ 'http.extraheader': `AUTHORIZATION: bearer ${GITHUB_TOKEN}\n` }),
    );
    expect(message).toBe(
      'Invalid input in SetupScriptBuilder.gitConfig (1 problem):\n' +
        '  - SetupScriptBuilder.gitConfig: http.extraheader: received <redacted: GitHub token, 63 characters>; allowed: literal non-empty text on one line',
    );
  });

  test('fails for a git setting whose name holds credentials, without naming it', () => {
    const message = messageOf(() =>
      new SetupScriptBuilder().gitConfig({ 'url.https://u:hunter2secret@github.com/.insteadOf': '' }),
    );
    expect(message).toBe(
      'Invalid input in SetupScriptBuilder.gitConfig (1 problem):\n' +
        '  - SetupScriptBuilder.gitConfig: <redacted name: credentials in a URL>: received ""; allowed: literal non-empty text on one line',
    );
  });

  test('fails for a proxy URL with credentials and a path: the path problem describes the URL', () => {
    const message = messageOf(() =>
      new SetupScriptBuilder().proxy({ https: 'http://user:hunter2secret@10.0.0.4:3128/x' }),
    );
    expect(message).toBe(
      'Invalid input in SetupScriptBuilder.proxy (2 problems):\n' +
        '  - SetupScriptBuilder.proxy: https: received <redacted: credentials in a URL>; allowed: a proxy URL without credentials\n' +
        '  - SetupScriptBuilder.proxy: https: received <redacted: credentials in a URL, 41 characters>; allowed: a proxy URL like http://10.0.0.4:3128, without a path',
    );
  });

  test('fails for a proxy URL whose user part is the credential, describing it in its other problems too', () => {
    const message = messageOf(() => new SetupScriptBuilder().proxy({ http: 'http://apikey123@10.0.0.4:3128/x' }));
    expect(message).toBe(
      'Invalid input in SetupScriptBuilder.proxy (2 problems):\n' +
        '  - SetupScriptBuilder.proxy: http: received <redacted: credentials in a URL>; allowed: a proxy URL without credentials\n' +
        '  - SetupScriptBuilder.proxy: http: received <redacted: credentials in a URL, 32 characters>; allowed: a proxy URL like http://10.0.0.4:3128, without a path',
    );
  });

  test('fails for a git URL with credentials and a space: both problems, neither showing it', () => {
    const message = messageOf(() =>
      new SetupScriptBuilder().gitClone('https://user:hunter2secret@github.com/o/r .git'),
    );
    expect(message).toBe(
      'Invalid input in SetupScriptBuilder.gitClone (2 problems):\n' +
        `  - SetupScriptBuilder.gitClone: url: received <redacted: credentials in a URL>; ${CLONE_WITHOUT_CREDENTIALS}\n` +
        '  - SetupScriptBuilder.gitClone: url: received <redacted: credentials in a URL, 46 characters>; allowed: a git URL (https://, ssh://, git://, file:// or user@host:path), without spaces or backslashes',
    );
  });

  test('fails for a git URL with credentials alone with one problem, as before', () => {
    expect(messageOf(() => new SetupScriptBuilder().gitClone(`https://${GITHUB_TOKEN}@github.com/o/r.git`))).toBe(
      'Invalid input in SetupScriptBuilder.gitClone (1 problem):\n' +
        `  - SetupScriptBuilder.gitClone: url: received <redacted: GitHub token>; ${CLONE_WITHOUT_CREDENTIALS}`,
    );
  });

  test('fails for a pip option holding credentials, describing it', () => {
    const message = messageOf(() =>
      new SetupScriptBuilder().pipInstall(['--index-url=https://u:hunter2secret@pkgs/simple'], {
        condaEnvironment: 'base',
      }),
    );
    expect(message).toBe(
      'Invalid input in SetupScriptBuilder.pipInstall (1 problem):\n' +
        '  - SetupScriptBuilder.pipInstall: packages[0]: received <redacted: credentials in a URL, 47 characters>; allowed: one of package specifications (numpy, pandas>=2, git+https://...), literal, not starting with "-" (options are not accepted here)',
    );
  });

  test('fails for a command word with a password and a NUL character, describing it', () => {
    const message = messageOf(() => new SetupScriptBuilder().run(['mysql', 'password=hunter2secret\0']));
    expect(message).toBe(
      'Invalid input in SetupScriptBuilder.run (1 problem):\n' +
        '  - SetupScriptBuilder.run: command[1]: received <redacted: password, 23 characters>; allowed: literal text without NUL characters',
    );
  });

  test('fails for script arguments with a password and a NUL character: the secret, then the NUL with the value described', () => {
    expect(messageOf(() => SetupScript.inline('echo', { arguments: 'password=hunter2secret\0' }))).toBe(
      'Invalid input in SetupScript.inline (2 problems):\n' +
        `  - SetupScript.inline: arguments: received <redacted: password>; ${SECRETS_ALLOWED}\n` +
        '  - SetupScript.inline: arguments: received <redacted: password, 23 characters>; allowed: text without NUL characters',
    );
    expect(messageOf(() => SetupScript.inline('echo', { arguments: ['a', 'password=hunter2secret\0'] }))).toBe(
      'Invalid input in SetupScript.inline (2 problems):\n' +
        `  - SetupScript.inline: arguments[1]: received <redacted: password>; ${SECRETS_ALLOWED}\n` +
        '  - SetupScript.inline: arguments[1]: received <redacted: password, 23 characters>; allowed: text without NUL characters',
    );
  });

  test('describes a secret even when the script allows secrets: allowSecrets lets it into the script, not into messages', () => {
    expect(
      messageOf(() => SetupScript.inline('echo', { arguments: 'password=hunter2secret\0', allowSecrets: true })),
    ).toBe(
      'Invalid input in SetupScript.inline (1 problem):\n' +
        '  - SetupScript.inline: arguments: received <redacted: password, 23 characters>; allowed: text without NUL characters',
    );
  });

  test('describes a list that holds a secret by its kind and size', () => {
    expect(messageOf(() => SetupScript.inline('echo', { arguments: ['a', 1, 'password=hunter2secret'] as any }))).toBe(
      'Invalid input in SetupScript.inline (1 problem):\n' +
        '  - SetupScript.inline: arguments: received <redacted: password, in a list of 3 items>; allowed: a string, or a list of strings',
    );
  });

  test('describes options that hold a secret, as a whole', () => {
    expect(messageOf(() => new SetupScriptBuilder().run('ls', ['password=hunter2secret'] as any))).toBe(
      'Invalid input in SetupScriptBuilder.run (1 problem):\n' +
        '  - SetupScriptBuilder.run: options: received <redacted: password, in a list of 1 item>; allowed: an object of options, or none',
    );
  });
});

describe('ScriptProblems', () => {
  function messageOfProblems(record: (p: ScriptProblems) => void): string {
    const problems = new ScriptProblems('Subject');
    record(problems);
    return messageOf(() => problems.throwIfAny());
  }

  test('shows a value that holds no secret as Problems does', () => {
    expect(messageOfProblems((p) => p.add('f', { a: ['b'] }, 'x'))).toBe(
      'Invalid input in Subject (1 problem):\n  - Subject: f: received {"a":["b"]}; allowed: x',
    );
  });

  test("describes a value with a secret anywhere in it: in an object's keys, deep in lists, past a cycle", () => {
    const cycle: unknown[] = [];
    cycle.push(cycle, [[[[['password=hunter2secret']]]]]);
    expect(
      messageOfProblems((p) => {
        p.add('key', { 'password=hunter2secret': 1 }, 'x');
        p.add('deep', cycle, 'y');
      }),
    ).toBe(
      'Invalid input in Subject (2 problems):\n' +
        '  - Subject: key: received <redacted: password, in an object>; allowed: x\n' +
        '  - Subject: deep: received <redacted: password, in a list of 2 items>; allowed: y',
    );
  });

  test("screen records the secret and returns its kind; the field's later problems describe their value, even one that looks harmless", () => {
    const problems = new ScriptProblems('Subject');
    expect(problems.screen('url', 'https://a:hunter2secret@h/x', 'no credentials')).toBe('credentials in a URL');
    expect(problems.screen('other', 'https://h/x', 'no credentials')).toBeUndefined();
    problems.add('url', 'harmless', 'a shape');
    expect(messageOf(() => problems.throwIfAny())).toBe(
      'Invalid input in Subject (2 problems):\n' +
        '  - Subject: url: received <redacted: credentials in a URL>; allowed: no credentials\n' +
        '  - Subject: url: received <redacted: credentials in a URL, 8 characters>; allowed: a shape',
    );
  });

  test('screenLines records every line with a secret, under its line number', () => {
    const problems = new ScriptProblems('Subject');
    expect(problems.screenLines('text', 'ls\npassword=hunter2secret\nls', 'none')).toBe(true);
    expect(problems.screenLines('text', 'ls', 'none')).toBe(false);
    expect(messageOf(() => problems.throwIfAny())).toBe(
      'Invalid input in Subject (1 problem):\n  - Subject: text line 2: received <redacted: password>; allowed: none',
    );
  });
});
