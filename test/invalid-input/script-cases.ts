import { Duration, SetupScript, SetupScriptBuilder } from '../../src';
import { InvalidCase } from './corpus';

const STORAGE_KEY = `${'Ab3+'.repeat(21)}Xy==`;
const SAS = 'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01&sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%2F';
const PRIVATE_KEY_BODY = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
const PRIVATE_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${PRIVATE_KEY_BODY}\n-----END OPENSSH PRIVATE KEY-----`;
const GITHUB_TOKEN = `ghp_${'a1B2'.repeat(9)}`;
/** What JavaScript callers can pass where an options object goes. */
const NOT_OPTIONS = null as any;

function factory(what: string, path: string, field: string, run: () => unknown, secret?: string): InvalidCase {
  return { what, run, path, field, secret };
}

const inline = (what: string, text: string, field: string, secret?: string, options = {}) =>
  factory(`SetupScript.inline: ${what}`, 'SetupScript.inline', field, () => SetupScript.inline(text, options), secret);

const workspace = (path: string) =>
  factory(`SetupScript.fromWorkspace(${JSON.stringify(path)})`, 'SetupScript.fromWorkspace', 'path', () =>
    SetupScript.fromWorkspace(path),
  );

const file = (what: string, path: string) =>
  factory(`SetupScript.fromFile: ${what}`, 'SetupScript.fromFile', 'path', () => SetupScript.fromFile(path));

/** Invalid setup scripts: sources, paths, arguments, timeouts and secrets. */
export const SCRIPT_CASES: InvalidCase[] = [
  inline('empty text', '', 'text'),
  inline('blank text', '  \n ', 'text'),
  inline('a NUL character', 'echo a\0b', 'text'),
  inline('over 64 KiB', `#!/bin/bash\n${'x'.repeat(70000)}`, 'text'),
  inline('a storage account key', `#!/bin/bash\nKEY=${STORAGE_KEY}\n`, 'text line 2', STORAGE_KEY),
  inline(
    'a connection string',
    `az storage blob list --connection-string "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${STORAGE_KEY}"`,
    'text line 1',
    STORAGE_KEY,
  ),
  inline('a SAS token', `curl "https://a.blob.core.windows.net/c/f?${SAS}"`, 'text line 1', SAS.slice(-30)),
  inline('a password', 'mysql --user=me password=Hunter2Secret!', 'text line 1', 'Hunter2Secret!'),
  inline(
    'a private key block',
    'cat > k <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktSECRETSECRET\nEOF',
    'text line 2',
    'b3BlbnNzaC1rZXktSECRETSECRET',
  ),
  inline(
    'credentials in a URL',
    'git clone https://alice:S3cretPassw0rd@github.com/contoso/ml.git',
    'text line 1',
    'S3cretPassw0rd',
  ),
  inline('a GitHub token', `export GH=ghp_${'a1B2'.repeat(9)}`, 'text line 1', `ghp_${'a1B2'.repeat(9)}`),
  inline('a timeout of 0', 'ls', 'timeout', undefined, { timeout: Duration.seconds(0) }),
  inline('a timeout over a day', 'ls', 'timeout', undefined, { timeout: Duration.hours(25) }),
  inline('a timeout as a string', 'ls', 'timeout', undefined, { timeout: '15m' }),
  inline('arguments that are a number', 'ls', 'arguments', undefined, { arguments: 3 }),
  inline('a list argument that is not a string', 'ls', 'arguments', undefined, { arguments: ['a', 1] }),
  inline('a password in the arguments', 'ls', 'arguments', 'Hunter2Secret!', {
    arguments: '--db password=Hunter2Secret!',
  }),
  inline('a password in a list argument', 'ls', 'arguments[1]', 'Hunter2Secret!', {
    arguments: ['--db', 'password=Hunter2Secret!'],
  }),
  inline('allowSecrets "yes"', 'ls', 'allowSecrets', undefined, { allowSecrets: 'yes' }),
  inline('a password and a NUL character in the arguments', 'echo', 'arguments', 'hunter2secret', {
    arguments: 'password=hunter2secret\0',
  }),
  inline('a password and a NUL character in the arguments, secrets allowed', 'echo', 'arguments', 'hunter2secret', {
    arguments: 'password=hunter2secret\0',
    allowSecrets: true,
  }),
  inline('a password in a list argument that holds a number too', 'echo', 'arguments', 'hunter2secret', {
    arguments: ['password=hunter2secret', 1],
  }),
  factory('SetupScript.inline: no text', 'SetupScript.inline', 'text', () => SetupScript.inline(undefined as any)),
  factory('SetupScript.inline: null options', 'SetupScript.inline', 'options', () =>
    SetupScript.inline('x', NOT_OPTIONS),
  ),
  factory('SetupScript.fromFile: null options', 'SetupScript.fromFile', 'options', () =>
    SetupScript.fromFile('setup.sh', NOT_OPTIONS),
  ),
  factory('SetupScript.fromWorkspace: null options', 'SetupScript.fromWorkspace', 'options', () =>
    SetupScript.fromWorkspace('Users/admin/setup.sh', NOT_OPTIONS),
  ),
  factory('new SetupScriptBuilder(null)', 'SetupScriptBuilder', 'options', () => new SetupScriptBuilder(NOT_OPTIONS)),
  ...[
    '/Users/admin/setup.sh',
    '../setup.sh',
    'Users/../setup.sh',
    'Users\\admin\\setup.sh',
    'Users//setup.sh',
    'Users/admin/',
    'Users/admin/setup.py',
    'Users/admin/setup',
    '.sh',
    'Users/./setup.sh',
    'Users/admin/set\nup.sh',
    '',
  ].map(workspace),
  file('a missing file', 'does/not/exist.sh'),
  file('a folder', '.'),
  file('an empty path', ''),
  builder('pipInstall: an option where a package goes', 'pipInstall', 'packages[0]', (b) =>
    b.pipInstall(['--index-url=http://evil'], { condaEnvironment: 'base' }),
  ),
  builder('pipInstall: no packages', 'pipInstall', 'packages', (b) => b.pipInstall([], { condaEnvironment: 'base' })),
  builder('pipInstall: an environment name with a space', 'pipInstall', 'condaEnvironment', (b) =>
    b.pipInstall(['numpy'], { condaEnvironment: 'my env' }),
  ),
  builder('condaEnvironment: named base', 'condaEnvironment', 'name', (b) => b.condaEnvironment('base')),
  builder('condaEnvironment: python "latest"', 'condaEnvironment', 'python', (b) =>
    b.condaEnvironment('team', { python: 'latest' }),
  ),
  builder('gitClone: a URL that is not a git URL', 'gitClone', 'url', (b) => b.gitClone('not a url')),
  builder('gitConfig: a key without a section', 'gitConfig', 'user', (b) => b.gitConfig({ user: 'alice' })),
  builder('environment: PATH', 'environment', 'PATH', (b) => b.environment({ PATH: '/opt/bin' })),
  builder('environment: a name with a dash', 'environment', 'MY-VAR', (b) => b.environment({ 'MY-VAR': 'x' })),
  builder('proxy: a proxy URL with a path', 'proxy', 'https', (b) => b.proxy({ https: 'http://proxy:3128/path' })),
  builder('run: an empty command', 'run', 'command', (b) => b.run([])),
  builder('run: null options', 'run', 'options', (b) => b.run('ls', NOT_OPTIONS)),
  builder('gitClone: null options', 'gitClone', 'options', (b) =>
    b.gitClone('https://github.com/contoso/ml.git', NOT_OPTIONS),
  ),
  builder('condaEnvironment: null options', 'condaEnvironment', 'options', (b) =>
    b.condaEnvironment('team', NOT_OPTIONS),
  ),
  builder('jupyterLabExtensions: null options', 'jupyterLabExtensions', 'options', (b) =>
    b.jupyterLabExtensions(['jupyterlab-git'], NOT_OPTIONS),
  ),
  builder('pipInstall: null options', 'pipInstall', 'options', (b) => b.pipInstall(['numpy'], NOT_OPTIONS)),
  builder('proxy: null options', 'proxy', 'options', (b) => b.proxy(NOT_OPTIONS)),
  builder('gitConfig: null settings', 'gitConfig', 'settings', (b) => b.gitConfig(NOT_OPTIONS)),
  builder('environment: a list of variables', 'environment', 'variables', (b) => b.environment(['A=1'] as any)),
  builder('build: null options', 'build', 'options', (b) => b.run('ls').build(NOT_OPTIONS)),
  // Secrets in values that break another rule: the message describes the value instead of showing it.
  builder(
    'environment: a private key on several lines',
    'environment',
    'DEPLOY_KEY',
    (b) => b.environment({ DEPLOY_KEY: PRIVATE_KEY }),
    PRIVATE_KEY_BODY,
  ),
  builder(
    'gitConfig: a token and a line break',
    'gitConfig',
    'http.extraheader',
    (b) => b.gitConfig({ 'http.extraheader': `AUTHORIZATION: bearer ${GITHUB_TOKEN}\n` }),
    GITHUB_TOKEN,
  ),
  builder(
    "gitConfig: credentials in a setting's name",
    'gitConfig',
    '<redacted name: credentials in a URL>',
    (b) => b.gitConfig({ 'url.https://u:hunter2secret@github.com/.insteadOf': '' }),
    'hunter2secret',
  ),
  builder(
    'proxy: credentials and a path',
    'proxy',
    'https',
    (b) => b.proxy({ https: 'http://user:hunter2secret@10.0.0.4:3128/x' }),
    'hunter2secret',
  ),
  builder(
    'proxy: a key as the user part, and a path',
    'proxy',
    'http',
    (b) => b.proxy({ http: 'http://hunter2secretkey@10.0.0.4:3128/x' }),
    'hunter2secretkey',
  ),
  builder(
    'proxy: a second one with credentials',
    'proxy',
    'proxy',
    (b) => b.proxy({ http: 'http://10.0.0.4:3128' }).proxy({ http: 'http://u:hunter2secret@10.0.0.5:3128' }),
    'hunter2secret',
  ),
  builder(
    'gitClone: credentials and a space',
    'gitClone',
    'url',
    (b) => b.gitClone('https://user:hunter2secret@github.com/o/r .git'),
    'hunter2secret',
  ),
  builder(
    'pipInstall: an option with credentials',
    'pipInstall',
    'packages[0]',
    (b) => b.pipInstall(['--index-url=https://u:hunter2secret@pkgs/simple'], { condaEnvironment: 'base' }),
    'hunter2secret',
  ),
  builder(
    'run: a password and a NUL character',
    'run',
    'command[1]',
    (b) => b.run(['mysql', 'password=hunter2secret\0']),
    'hunter2secret',
  ),
  builder(
    'run: options holding a password',
    'run',
    'options',
    (b) => b.run('ls', ['password=hunter2secret'] as any),
    'hunter2secret',
  ),
];

function builder(
  what: string,
  step: string,
  field: string,
  build: (b: SetupScriptBuilder) => unknown,
  secret?: string,
): InvalidCase {
  return factory(
    `SetupScriptBuilder.${what}`,
    `SetupScriptBuilder.${step}`,
    field,
    () => build(new SetupScriptBuilder()),
    secret,
  );
}
