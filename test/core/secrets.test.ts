import { SetupScript } from '../../src';
import { thrown } from '../support/stack';
import { findSecrets, SECRET_PATTERNS } from '../../src/core/secrets';

/** The quantifiers of a regular expression's source that have no upper bound (`*`, `+`, `{n,}`). */
function unboundedQuantifiers(source: string): string[] {
  // Escapes and character classes hold literal `*`, `+` and `{`: remove them first.
  const bare = source.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  return bare.match(/[*+]|\{\d+,\}/g) ?? [];
}

const kindOf = (line: string) => findSecrets(line)[0]?.kind;

describe('the secret scan is linear in the text', () => {
  test('no pattern holds an unbounded quantifier, so one match attempt reads a bounded stretch', () => {
    for (const { kind, pattern } of SECRET_PATTERNS) {
      expect([kind, unboundedQuantifiers(pattern.source)]).toEqual([kind, []]);
    }
    // The check itself finds what it looks for.
    expect(unboundedQuantifiers('[a-z+]*x+y{2,}z{1,3}\\+')).toEqual(['*', '+', '{2,}']);
  });

  // The shapes that made the old patterns quadratic: long runs of the characters a pattern's prefix takes.
  test.each([
    ['letters', 'a'],
    ['base64', 'A'],
    ['"password" repeated', 'password'],
    ['URL schemes', 'a://b'],
    ['eyJ segments', 'eyJa.'],
    ['mysql words', 'mysql '],
    ['az login words', 'az login '],
    ['flag prefixes', '--token-'],
    ['spaces', ' '],
  ])('scans a 1 MB line of %s well within a second', (_what, unit) => {
    const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const start = process.hrtime.bigint();
    expect(findSecrets(line)).toEqual([]);
    // A guard, generous for a shared machine: the quadratic scan took minutes here.
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(2000);
  });
});

describe('credential shapes a data scientist pastes', () => {
  const JWT =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFsaWNlIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
  test.each([
    ['password', '{ "password": "hunter2" }'],
    ['password', "config = {'password': 'hunter2'}"],
    ['password', 'PASSWORD: hunter2'],
    ['password', '  - password: hunter2'],
    ['password', 'DB_PASSWORD: hunter2'],
    ['password', "mysql --password 'x'"],
    ['password', 'mysql -u root -phunter2 db'],
    ['password', 'az login --service-principal -u 0000 -p s3cret-Value --tenant t'],
    ['password', 'az login --service-principal -u 0000 --password s3cret-Value --tenant t'],
    ['secret value', 'export ARM_CLIENT_SECRET=abc~def'],
    ['secret value', 'export HF_TOKEN="abc"'],
    ['secret value', 'az storage blob upload --sas-token abc'],
    ['secret value', '"client_secret": "abc"'],
    ['JSON web token', `TOKEN_JWT_LIKE ${JWT}`],
    ['bearer token', `curl -H "X: Bearer ${'abcDEF123_'.repeat(3)}" https://x`],
    ['authorization header', 'git -c http.extraheader="AUTHORIZATION: basic dXNlcjpwYXQ=" clone https://x/r'],
    ['AWS access key', 'aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE'],
    ['Hugging Face token', 'huggingface-cli login --token-value hf_abcdefghijklmnopqrstuvwxyzABCDEFGH'],
    ['API key (sk-...)', 'export OPENAI=sk-proj-abcdefghijklmnopqrstuvwxyz0123'],
    ['API key (sk-...)', 'openai.api_key = "sk-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL"'],
    ['credentials in a URL', 'pip install git+https://bob:s3cret@example.com/r.git'],
  ])('finds a %s in %s', (kind, line) => {
    expect(kindOf(line)).toBe(kind);
  });

  test.each([
    ['a variable', 'export ARM_CLIENT_SECRET=$SECRET'],
    ['a braced variable', 'export ARM_CLIENT_SECRET=${SECRET}'],
    ['a quoted variable', 'mysql --password "$DB_PASSWORD"'],
    ['a Key Vault lookup', 'PASSWORD=$(az keyvault secret show --vault-name v --name db --query value -o tsv)'],
    ['a file read', 'HF_TOKEN="$(cat /run/secrets/hf)"'],
    ['a glued variable', 'mysql -u root -p"$PW" db'],
    ['az login with a variable', 'az login --service-principal -u "$APP" -p "$SECRET" --tenant t'],
    ['az login with a certificate', 'az login --service-principal -u 0000 -p ~/cert.pem --tenant t'],
    ['a path named after a token', 'export TOKEN_FILE=/run/secrets/token'],
    ['a prompt', 'read -s -p "Password: " PW'],
    ['perl -pi', "perl -pi -e 's/a/b/' file"],
    ['a git header from a variable', 'git -c http.extraheader="AUTHORIZATION: basic $B64" clone https://x/r'],
    ['a package named sk-', 'pip install sk-video'],
    ['a placeholder', 'PASSWORD=<your password>'],
  ])('does not flag %s', (_what, line) => {
    expect(kindOf(line)).toBeUndefined();
  });
});

describe('setup scripts with huge lines are judged quickly', () => {
  const elapsedMs = (fn: () => unknown) => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };

  test('1 MB of script arguments (a URL-like run of letters) is scanned, then accepted, within seconds', () => {
    const args = `--data ${'a'.repeat(1_000_000)}`;
    let arm: unknown;
    // The quadratic scan took 12 s for 100 kB here; a guard, generous for a shared machine.
    expect(elapsedMs(() => (arm = SetupScript.inline('ls', { arguments: args }).toArm()))).toBeLessThan(3000);
    expect(arm).toEqual({ scriptSource: 'inline', scriptData: 'bHM=', scriptArguments: args });
  });

  test('an 80 kB one-line inline script fails for its size only, within seconds', () => {
    const text = `#!/bin/bash\necho ${'b'.repeat(80_000)}\n`;
    let message = '';
    expect(elapsedMs(() => (message = thrown(() => SetupScript.inline(text)).message))).toBeLessThan(3000);
    expect(message).toBe(
      'Invalid input in SetupScript.inline (1 problem):\n' +
        '  - SetupScript.inline: text: received "80018 bytes"; allowed: at most 65536 bytes of script; put a bigger script in the workspace share and use SetupScript.fromWorkspace',
    );
  });
});
