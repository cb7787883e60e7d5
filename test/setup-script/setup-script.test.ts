import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformVariable } from 'cdktf';
import { ArmTemplate, ComputeInstance, Duration, SetupScript, ValidationError } from '../../src';
import { show } from '../../src/core/errors';
import { readFailure } from '../../src/setup-script/script-file';
import { ScriptProblems } from '../../src/setup-script/script-problems';
import { ED25519_KEY, newStack, onlyResource, REQUIRED, synthJson, thrown, warningsOf } from '../support/stack';

const SECRETS_ALLOWED =
  'allowed: no secrets in a setup script, since Azure stores it readable with the compute and logs its output to the workspace share; ' +
  "fetch secrets when the script runs (Key Vault with the instance's managed identity), or pass allowSecrets: true if this is deliberate";

function errorOf(fn: () => unknown): ValidationError {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}

/** A fake key of the shape Azure storage keys have: 64 bytes, base64. */
const STORAGE_KEY = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString('base64');

describe('SetupScript.inline', () => {
  test("checks a text once (a fleet's thousands of instances share a few scripts), and again with options", () => {
    const screen = jest.spyOn(ScriptProblems.prototype, 'screenLines');
    try {
      const text = '#!/bin/bash\necho checked once\n';
      const first = SetupScript.inline(text);
      const second = SetupScript.inline(text);
      expect(screen).toHaveBeenCalledTimes(1);
      expect(second.toArm()).toEqual(first.toArm());
      expect(second.warnings).toEqual(first.warnings);
      SetupScript.inline(text, { timeout: Duration.minutes(5) });
      expect(screen).toHaveBeenCalledTimes(2);
      expect(() => SetupScript.inline('#!/bin/bash\nmysql -u root --password=hunter2\n')).toThrow();
      expect(() => SetupScript.inline('#!/bin/bash\nmysql -u root --password=hunter2\n')).toThrow();
      expect(screen).toHaveBeenCalledTimes(4);
    } finally {
      screen.mockRestore();
    }
  });

  test('sends the text base64-encoded, with nothing else set', () => {
    expect(SetupScript.inline('#!/bin/bash\necho hi\n').toArm()).toEqual({
      scriptSource: 'inline',
      scriptData: 'IyEvYmluL2Jhc2gKZWNobyBoaQo=',
    });
  });

  test('round-trips any text through base64: quotes, template syntax, non-ASCII, emoji', () => {
    const text = '#!/bin/bash\necho "${CI_NAME}" \'%{ if }\' $((1+2)) `date` Zürich 東京 🚀\n';
    const script = SetupScript.inline(text);
    expect(decode(script.toArm().scriptData)).toBe(text);
    expect(script.text).toBe(text);
  });

  test('passes a string of arguments as written, and shell-quotes a list word by word', () => {
    expect(SetupScript.inline('ls', { arguments: '--verbose "$HOME"' }).toArm().scriptArguments).toBe(
      '--verbose "$HOME"',
    );
    expect(
      SetupScript.inline('ls', { arguments: ['plain', 'two words', "it's", '$HOME', ''] }).toArm().scriptArguments,
    ).toBe("plain 'two words' 'it'\\''s' $'$HOME' ''");
  });

  test('leaves out empty arguments', () => {
    expect(SetupScript.inline('ls', { arguments: [] }).toArm()).not.toHaveProperty('scriptArguments');
    expect(SetupScript.inline('ls', { arguments: '' }).toArm()).not.toHaveProperty('scriptArguments');
  });

  test.each([
    [Duration.minutes(20), '20m'],
    [Duration.seconds(90), '90s'],
    [Duration.hours(2), '2h'],
    [Duration.days(1), '1d'],
    [Duration.seconds(1), '1s'],
  ])('renders timeout %p as the GNU DURATION %p', (timeout, gnu) => {
    expect(SetupScript.inline('ls', { timeout }).toArm().timeout).toBe(gnu);
  });

  test('fails for a timeout of zero or over a day', () => {
    expect(errorOf(() => SetupScript.inline('ls', { timeout: Duration.hours(25) })).message).toBe(
      'Invalid input in SetupScript.inline (1 problem):\n  - SetupScript.inline: timeout: received "25 hours"; allowed: 1 second to 1 day (Azure\'s default is 15 minutes)',
    );
    expect(errorOf(() => SetupScript.inline('ls', { timeout: Duration.seconds(0) })).message).toContain(
      'SetupScript.inline: timeout: received "0 seconds"; allowed: 1 second to 1 day',
    );
    expect(errorOf(() => SetupScript.inline('ls', { timeout: 900 as any })).message).toContain(
      'SetupScript.inline: timeout: received 900; allowed: a Duration, like Duration.minutes(30)',
    );
  });

  test('fails for empty text, a Terraform reference as text, NUL characters, and more than 64 KiB', () => {
    const { stack } = newStack();
    const reference = new TerraformVariable(stack, 'script', { type: 'string' }).stringValue;
    expect(errorOf(() => SetupScript.inline(' \n')).message).toBe(
      'Invalid input in SetupScript.inline (1 problem):\n  - SetupScript.inline: text: received " \\n"; allowed: the text of a script',
    );
    expect(errorOf(() => SetupScript.inline(reference)).problems[0].allowed).toBe(
      'literal text; a Terraform reference cannot be base64-encoded at synth, so pass it in arguments instead',
    );
    expect(errorOf(() => SetupScript.inline('a\0b')).message).toContain(
      'SetupScript.inline: text: received "text with a NUL character"; allowed: text without NUL characters',
    );
    expect(() => SetupScript.inline('#'.repeat(65536))).not.toThrow();
    expect(errorOf(() => SetupScript.inline('é'.repeat(32768) + '#')).message).toContain(
      'SetupScript.inline: text: received "65537 bytes"; allowed: at most 65536 bytes of script; put a bigger script in the workspace share and use SetupScript.fromWorkspace',
    );
  });

  test('fails for arguments of the wrong type, and for references inside a list (which cannot be quoted)', () => {
    const { stack } = newStack();
    const reference = new TerraformVariable(stack, 'arg', { type: 'string' }).stringValue;
    expect(() => SetupScript.inline('ls', { arguments: reference })).not.toThrow();
    const e = errorOf(() => SetupScript.inline('ls', { arguments: ['ok', reference] }));
    expect(e.problems.map((p) => [p.field, p.allowed])).toEqual([
      [
        'arguments[1]',
        'literal text; a Terraform reference cannot be shell-quoted at synth, so pass the arguments as one string to use one',
      ],
    ]);
    expect(errorOf(() => SetupScript.inline('ls', { arguments: [1] as any })).message).toContain(
      'SetupScript.inline: arguments: received [1]; allowed: a string, or a list of strings',
    );
  });

  test('warns about CRLF line ends, which break bash, but not about a missing shebang', () => {
    expect(SetupScript.inline('echo hi\r\necho there\r\n').warnings).toEqual([
      'the inline script has CRLF (Windows) line ends: bash on the instance reads the \\r as part of each command and fails. Save it with LF line ends.',
    ]);
    expect(SetupScript.inline('echo hi').warnings).toEqual([]);
  });
});

describe('secrets in a script', () => {
  const cases: Array<[string, string]> = [
    ['storage account key', `az storage blob list --account-key ${STORAGE_KEY}`],
    [
      'connection string',
      `export CONN='DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${STORAGE_KEY};EndpointSuffix=core.windows.net'`,
    ],
    [
      'SAS token',
      'azcopy copy "https://acct.blob.core.windows.net/data?sv=2022-11-02&sp=r&se=2030-01-01&sig=AbCdEfGh1234%2BIjKlMn5678%3D" .',
    ],
    ['password', 'mysql -u root --password=hunter2'],
    ['password', 'export DB_PASSWORD="s3cr3t!"'],
    // bash's $'...' quoting holds a literal (the builder writes values with tabs that way), not a reference.
    ['password', "export DB_PASSWORD=$'hunter2\\tx'"],
    ['private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
    ['private key', '-----BEGIN PRIVATE KEY-----'],
    ['credentials in a URL', 'git clone https://alice:tok3n@dev.azure.com/org/repo'],
    ['GitHub token', `export GH_TOKEN=ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`],
  ];

  test.each(cases)('fails for a %s, naming the line and the kind, never the text', (kind, line) => {
    const text = `#!/bin/bash\nset -e\n${line}\necho done\n`;
    const e = errorOf(() => SetupScript.inline(text));
    expect(e.message).toBe(
      `Invalid input in SetupScript.inline (1 problem):\n  - SetupScript.inline: text line 3: received <redacted: ${kind}>; ${SECRETS_ALLOWED}`,
    );
    for (const fragment of [line.slice(-14, -4), STORAGE_KEY.slice(10, 30), 'hunter2', 's3cr3t', 'tok3n']) {
      if (line.includes(fragment)) expect(e.message).not.toContain(fragment);
    }
  });

  test('reports every line that holds a secret, in one error', () => {
    const e = errorOf(() => SetupScript.inline(`${cases[0][1]}\nls\n${cases[3][1]}\n`));
    expect(e.problems.map((p) => [p.field, p.received])).toEqual([
      ['text line 1', '<redacted: storage account key>'],
      ['text line 3', '<redacted: password>'],
    ]);
  });

  test.each([
    ['a variable reference', 'mysql --password="$DB_PASSWORD"'],
    ['a command substitution', 'PASSWORD=$(az keyvault secret show --name db --query value -o tsv)'],
    ['an empty value', 'PASSWORD='],
    ['a public key', `echo '${ED25519_KEY}' >> ~/.ssh/authorized_keys`],
    ['a URL with a user but no password', 'git clone https://alice@dev.azure.com/org/repo'],
    ['a URL with a port', 'curl http://localhost:8888/api'],
    ['a short sig parameter', 'echo "sig=abc"'],
  ])('accepts %s', (_what, line) => {
    expect(() => SetupScript.inline(`#!/bin/bash\n${line}\n`)).not.toThrow();
  });

  test('accepts a secret when the script opts out explicitly', () => {
    expect(() => SetupScript.inline(cases[0][1], { allowSecrets: true })).not.toThrow();
  });

  test('checks the arguments too, never repeating them', () => {
    const e = errorOf(() => SetupScript.inline('ls', { arguments: ['--user', 'admin', `--password=hunter2`] }));
    expect(e.message).toBe(
      `Invalid input in SetupScript.inline (1 problem):\n  - SetupScript.inline: arguments[2]: received <redacted: password>; ${SECRETS_ALLOWED}`,
    );
    expect(
      errorOf(() => SetupScript.fromWorkspace('Users/a/s.sh', { arguments: `--key ${STORAGE_KEY}` })).problems[0]
        .received,
    ).toBe('<redacted: storage account key>');
    expect(() => SetupScript.inline('ls', { arguments: '--password=hunter2', allowSecrets: true })).not.toThrow();
  });
});

describe('SetupScript.fromFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'setup-script-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  test('reads the file at synth and sends it inline', () => {
    const text = '#!/bin/bash\nset -euo pipefail\necho "${CI_NAME}" Zürich\n';
    const script = SetupScript.fromFile(file('ok.sh', text), { arguments: ['x'], timeout: Duration.minutes(30) });
    expect(script.toArm()).toEqual({
      scriptSource: 'inline',
      scriptData: Buffer.from(text, 'utf8').toString('base64'),
      scriptArguments: 'x',
      timeout: '30m',
    });
    expect(script.warnings).toEqual([]);
  });

  test('reads a path relative to the folder the synth runs in', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      mkdirSync('scripts', { recursive: true });
      writeFileSync('scripts/setup.sh', '#!/bin/bash\necho relative\n');
      expect(decode(SetupScript.fromFile('scripts/setup.sh').toArm().scriptData)).toBe('#!/bin/bash\necho relative\n');
    } finally {
      process.chdir(cwd);
    }
  });

  test('fails for a missing file, naming the path', () => {
    const path = join(dir, 'missing.sh');
    expect(errorOf(() => SetupScript.fromFile(path)).message).toBe(
      `Invalid input in SetupScript.fromFile (1 problem):\n  - SetupScript.fromFile: path: received ${JSON.stringify(path)}; allowed: the path of an existing file, relative to the folder the synth runs in (nothing is there)`,
    );
  });

  test.each([
    ['a folder', () => dir, 'a file, not a folder'],
    ['a device', () => '/dev/null', 'a regular file, not a device, socket or pipe'],
    ['an empty file', () => file('empty.sh', ''), 'a file with a script in it (this one is empty)'],
    ['a file of blank lines', () => file('blank.sh', '\n  \n'), 'a file with a script in it (this one is empty)'],
    [
      'a binary file',
      () => file('binary.sh', Buffer.from([0x23, 0x21, 0xff, 0xfe, 0x00])),
      'a UTF-8 text file (this one is not valid UTF-8)',
    ],
    ['a file with NUL bytes', () => file('nul.sh', 'echo\0hi'), 'a text file (this one holds NUL bytes)'],
    [
      'a file over 64 KiB',
      () => file('big.sh', `#!/bin/bash\n${'#'.repeat(65536)}`),
      'a file of at most 65536 bytes (this one has 65548); put a bigger script in the workspace share and use SetupScript.fromWorkspace',
    ],
  ])('fails for %s', (_what, path, allowed) => {
    const p = path();
    expect(errorOf(() => SetupScript.fromFile(p)).message).toBe(
      `Invalid input in SetupScript.fromFile (1 problem):\n  - SetupScript.fromFile: path: received ${JSON.stringify(p)}; allowed: ${allowed}`,
    );
  });

  test('says what an unreadable file means', () => {
    // Tests may run as root, which reads any file: the message for a denied read is checked directly.
    expect(readFailure(Object.assign(new Error('denied'), { code: 'EACCES' }))).toBe(
      'a file the synth can read (permission denied)',
    );
    expect(readFailure(Object.assign(new Error('io'), { code: 'EIO' }))).toBe(
      'a file the synth can read (reading failed: EIO)',
    );
  });

  test('warns about CRLF line ends, a missing shebang and a byte order mark, naming the file', () => {
    const crlf = file('crlf.sh', '#!/bin/bash\r\necho hi\r\n');
    const bare = file('bare.sh', 'echo hi\n');
    const bom = file('bom.sh', '\uFEFF#!/bin/bash\necho hi\n');
    expect(SetupScript.fromFile(crlf).warnings).toEqual([
      `${crlf} has CRLF (Windows) line ends: bash on the instance reads the \\r as part of each command and fails. Save it with LF line ends.`,
    ]);
    expect(SetupScript.fromFile(bare).warnings).toEqual([
      `${bare} has no shebang: start it with #!/bin/bash so that the instance runs it with bash.`,
    ]);
    expect(SetupScript.fromFile(bom).warnings).toEqual([
      `${bom} starts with a byte order mark: the instance does not see its first line as a shebang. Save it as UTF-8 without BOM.`,
    ]);
  });

  test('fails for a secret in the file, naming the file and line', () => {
    const path = file('secret.sh', `#!/bin/bash\n\nexport AZURE_STORAGE_KEY=${STORAGE_KEY}\n`);
    expect(errorOf(() => SetupScript.fromFile(path)).message).toBe(
      `Invalid input in SetupScript.fromFile (1 problem):\n  - SetupScript.fromFile: ${path} line 3: received <redacted: storage account key>; ${SECRETS_ALLOWED}`,
    );
    expect(() => SetupScript.fromFile(path, { allowSecrets: true })).not.toThrow();
  });
});

describe('SetupScript.fromWorkspace', () => {
  test("refers to a file in the workspace's notebooks share", () => {
    expect(
      SetupScript.fromWorkspace('Users/admin/setup.sh', { arguments: ['a b'], timeout: Duration.minutes(45) }).toArm(),
    ).toEqual({
      scriptSource: 'workspaceStorage',
      scriptData: 'Users/admin/setup.sh',
      scriptArguments: "'a b'",
      timeout: '45m',
    });
  });

  test.each(['Users/admin/setup.sh', 'Users/alice.smith/.config/set_up-2.sh', 'setup.sh'])('accepts %p', (path) => {
    expect(SetupScript.fromWorkspace(path).toArm().scriptData).toBe(path);
  });

  test('accepts a Terraform reference as the path', () => {
    const { stack } = newStack();
    const path = new TerraformVariable(stack, 'path', { type: 'string' }).stringValue;
    expect(SetupScript.fromWorkspace(path).toArm().scriptData).toBe(path);
  });

  test.each([
    ['/Users/admin/setup.sh', 'not absolute'],
    ['Users/../admin/setup.sh', 'no "." or ".." segments'],
    ['./setup.sh', 'no "." or ".." segments'],
    ['Users\\admin\\setup.sh', '"/" between folders, not "\\"'],
    ['Users//admin/setup.sh', 'no empty segments ("//" or a trailing "/")'],
    ['Users/admin/setup.py', 'a file name ending in ".sh"'],
    ['Users/admin/.sh', 'a file name ending in ".sh"'],
    ['Users/admin/', 'no empty segments ("//" or a trailing "/"); a file name ending in ".sh"'],
    ['%2e%2e/x.sh', 'no "%" (no percent-encoding like "%2e": write the characters themselves)'],
    ['\uff0e\uff0e/x.sh', 'names of ASCII letters, digits, "-", "_" and "." only (this one has "\uff0e" (U+FF0E))'],
    ['~/x.sh', 'relative to the share, not starting with "~"'],
    [
      '$(id).sh',
      'names of ASCII letters, digits, "-", "_" and "." only (this one has "$" (U+0024), "(" (U+0028), ")" (U+0029))',
    ],
    [
      'x;rm -rf ~.sh',
      'names of ASCII letters, digits, "-", "_" and "." only (this one has ";" (U+003B), " " (U+0020), "~" (U+007E))',
    ],
    ['C:/x.sh', 'no drive letter ("C:")'],
    [
      'Users/${team}/%{x}/setup.sh',
      'no "%" (no percent-encoding like "%2e": write the characters themselves); names of ASCII letters, digits, "-", "_" and "." only (this one has "$" (U+0024), "{" (U+007B), "}" (U+007D))',
    ],
    ['C:\\x.sh', 'no drive letter ("C:"); "/" between folders, not "\\"'],
    ['Users/-rf.sh', 'no name starting with "-" (a command reads it as an option)'],
    ['Users/my setup.sh', 'names of ASCII letters, digits, "-", "_" and "." only (this one has " " (U+0020))'],
    ['Users/a\nb.sh', 'no control characters'],
    [`Users/${'a'.repeat(253)}.sh`, 'names of at most 255 characters'],
    [`${'abcdefgh/'.repeat(228)}x.sh`, 'at most 2048 characters'],
  ])('fails for %p: %s', (path, reason) => {
    expect(errorOf(() => SetupScript.fromWorkspace(path)).message).toBe(
      `Invalid input in SetupScript.fromWorkspace (1 problem):\n  - SetupScript.fromWorkspace: path: received ${show(path)}; allowed: a path in the workspace's notebooks file share, like Users/admin/setup.sh: ${reason}`,
    );
  });
});

describe('setup scripts on a ComputeInstance', () => {
  test('render into setupScripts.scripts exactly', () => {
    const { stack } = newStack();
    const creation = SetupScript.fromWorkspace('Users/admin/create.sh', { arguments: 'x' });
    const startup = SetupScript.inline('#!/bin/bash\necho start\n', { timeout: Duration.minutes(5) });
    new ComputeInstance(stack, 'alice', { ...REQUIRED, setupScripts: { creation, startup } });
    const body = onlyResource(synthJson(stack), 'azapi_resource').body;
    expect(body.properties.properties.setupScripts).toEqual({
      scripts: { creationScript: creation.toArm(), startupScript: startup.toArm() },
    });
  });

  test("report the scripts' warnings on the instance", () => {
    const { stack } = newStack();
    const ci = new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      setupScripts: { creation: SetupScript.inline('echo hi\r\n'), startup: SetupScript.inline('echo ok') },
    });
    expect(warningsOf(ci)).toEqual([
      'setupScripts.creation: the inline script has CRLF (Windows) line ends: bash on the instance reads the \\r as part of each command and fails. Save it with LF line ends.',
    ]);
  });

  test("survive Terraform's template syntax: ${ and %{ in arguments are escaped, and the text is base64", () => {
    const { stack } = newStack();
    const text = '#!/bin/bash\necho "${CI_NAME}" \'%{ if x }\' "quoted" Zürich 東京\n';
    const words = ['${HOME}', '%{ for x in y }', 'it\'s "q"', 'Zürich'];
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      setupScripts: {
        creation: SetupScript.inline(text, { arguments: words }),
        // A workspace path cannot hold "$", "{" or "%" (see SetupScript.fromWorkspace): only its arguments can.
        startup: SetupScript.fromWorkspace('Users/team/setup.sh', { arguments: 'echo ${X} %{Y}' }),
      },
    });
    const scripts = onlyResource(synthJson(stack), 'azapi_resource').body.properties.properties.setupScripts.scripts;
    // Terraform reads "$${" as a literal "${" and "%%{" as "%{": what Azure receives is the original.
    const terraformReads = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    expect(scripts.creationScript.scriptArguments).toBe("$'$${HOME}' '%%{ for x in y }' 'it'\\''s \"q\"' 'Zürich'");
    expect(terraformReads(scripts.creationScript.scriptArguments)).toBe(
      SetupScript.inline('ls', { arguments: words }).toArm().scriptArguments,
    );
    expect(decode(scripts.creationScript.scriptData)).toBe(text);
    expect(scripts.creationScript.scriptData).not.toMatch(/[$%]\{/);
    expect(scripts.startupScript.scriptData).toBe('Users/team/setup.sh');
    expect(scripts.startupScript.scriptArguments).toBe('echo $${X} %%{Y}');
    expect(terraformReads(scripts.startupScript.scriptArguments)).toBe('echo ${X} %{Y}');
  });

  test('go into the ARM template as they are, escaped only where ARM would read an expression', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      setupScripts: {
        creation: SetupScript.fromWorkspace('Users/a/s.sh', { arguments: '[x] ${y}' }),
        startup: SetupScript.fromWorkspace('Users/a/t.sh', { arguments: '[x]' }),
      },
    });
    const scripts = (ArmTemplate.synth(stack).resources[0] as any).properties.properties.setupScripts.scripts;
    expect(scripts.creationScript).toEqual({
      scriptSource: 'workspaceStorage',
      scriptData: 'Users/a/s.sh',
      scriptArguments: '[x] ${y}',
    });
    expect(scripts.startupScript).toEqual({
      scriptSource: 'workspaceStorage',
      scriptData: 'Users/a/t.sh',
      scriptArguments: '[[x]',
    });
  });

  test('fails when a setup script is not a SetupScript', () => {
    const { stack } = newStack();
    expect(
      () =>
        new ComputeInstance(stack, 'alice', {
          ...REQUIRED,
          setupScripts: { creation: { scriptSource: 'inline' } as any },
        }),
    ).toThrow(
      'test/alice: setupScripts.creation: received {"scriptSource":"inline"}; allowed: a SetupScript made by its factories',
    );
  });
});
