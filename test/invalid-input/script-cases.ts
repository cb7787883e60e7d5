import { Duration, SetupScript, SetupScriptBuilder } from '../../src';
import { InvalidCase } from './corpus';

const STORAGE_KEY = `${'Ab3+'.repeat(21)}Xy==`;
const SAS = 'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01&sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%2F';

function factory(what: string, path: string, field: string, run: () => unknown, secret?: string): InvalidCase {
  return { what, run, path, field, secret };
}

const inline = (what: string, text: string, field: string, secret?: string, options = {}) =>
  factory(`SetupScript.inline: ${what}`, 'SetupScript.inline', field, () => SetupScript.inline(text, options), secret);

const workspace = (path: string) =>
  factory(`SetupScript.fromWorkspace(${JSON.stringify(path)})`, 'SetupScript.fromWorkspace', 'path', () => SetupScript.fromWorkspace(path));

const file = (what: string, path: string) =>
  factory(`SetupScript.fromFile: ${what}`, 'SetupScript.fromFile', 'path', () => SetupScript.fromFile(path));

/** Invalid setup scripts: sources, paths, arguments, timeouts and secrets. */
export const SCRIPT_CASES: InvalidCase[] = [
  inline('empty text', '', 'text'),
  inline('blank text', '  \n ', 'text'),
  inline('a NUL character', 'echo a\0b', 'text'),
  inline('over 64 KiB', `#!/bin/bash\n${'x'.repeat(70000)}`, 'text'),
  inline('a storage account key', `#!/bin/bash\nKEY=${STORAGE_KEY}\n`, 'text line 2', STORAGE_KEY),
  inline('a connection string', `az storage blob list --connection-string "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${STORAGE_KEY}"`, 'text line 1', STORAGE_KEY),
  inline('a SAS token', `curl "https://a.blob.core.windows.net/c/f?${SAS}"`, 'text line 1', SAS.slice(-30)),
  inline('a password', 'mysql --user=me password=Hunter2Secret!', 'text line 1', 'Hunter2Secret!'),
  inline('a private key block', 'cat > k <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktSECRETSECRET\nEOF', 'text line 2', 'b3BlbnNzaC1rZXktSECRETSECRET'),
  inline('credentials in a URL', 'git clone https://alice:S3cretPassw0rd@github.com/contoso/ml.git', 'text line 1', 'S3cretPassw0rd'),
  inline('a GitHub token', `export GH=ghp_${'a1B2'.repeat(9)}`, 'text line 1', `ghp_${'a1B2'.repeat(9)}`),
  inline('a timeout of 0', 'ls', 'timeout', undefined, { timeout: Duration.seconds(0) }),
  inline('a timeout over a day', 'ls', 'timeout', undefined, { timeout: Duration.hours(25) }),
  inline('a timeout as a string', 'ls', 'timeout', undefined, { timeout: '15m' }),
  inline('arguments that are a number', 'ls', 'arguments', undefined, { arguments: 3 }),
  inline('a list argument that is not a string', 'ls', 'arguments', undefined, { arguments: ['a', 1] }),
  inline('a password in the arguments', 'ls', 'arguments', 'Hunter2Secret!', { arguments: '--db password=Hunter2Secret!' }),
  inline('a password in a list argument', 'ls', 'arguments[1]', 'Hunter2Secret!', { arguments: ['--db', 'password=Hunter2Secret!'] }),
  inline('allowSecrets "yes"', 'ls', 'allowSecrets', undefined, { allowSecrets: 'yes' }),
  ...['/Users/admin/setup.sh', '../setup.sh', 'Users/../setup.sh', 'Users\\admin\\setup.sh', 'Users//setup.sh', 'Users/admin/',
    'Users/admin/setup.py', 'Users/admin/setup', '.sh', 'Users/./setup.sh', 'Users/admin/set\nup.sh', ''].map(workspace),
  file('a missing file', 'does/not/exist.sh'),
  file('a folder', '.'),
  file('an empty path', ''),
  builder('pipInstall: an option where a package goes', 'pipInstall', 'packages[0]', (b) => b.pipInstall(['--index-url=http://evil'], { condaEnvironment: 'base' })),
  builder('pipInstall: no packages', 'pipInstall', 'packages', (b) => b.pipInstall([], { condaEnvironment: 'base' })),
  builder('pipInstall: an environment name with a space', 'pipInstall', 'condaEnvironment', (b) => b.pipInstall(['numpy'], { condaEnvironment: 'my env' })),
  builder('condaEnvironment: named base', 'condaEnvironment', 'name', (b) => b.condaEnvironment('base')),
  builder('condaEnvironment: python "latest"', 'condaEnvironment', 'python', (b) => b.condaEnvironment('team', { python: 'latest' })),
  builder('gitClone: a URL that is not a git URL', 'gitClone', 'url', (b) => b.gitClone('not a url')),
  builder('gitConfig: a key without a section', 'gitConfig', 'user', (b) => b.gitConfig({ user: 'alice' })),
  builder('environment: PATH', 'environment', 'PATH', (b) => b.environment({ PATH: '/opt/bin' })),
  builder('environment: a name with a dash', 'environment', 'MY-VAR', (b) => b.environment({ 'MY-VAR': 'x' })),
  builder('proxy: a proxy URL with a path', 'proxy', 'https', (b) => b.proxy({ https: 'http://proxy:3128/path' })),
  builder('run: an empty command', 'run', 'command', (b) => b.run([])),
];

function builder(what: string, step: string, field: string, build: (b: SetupScriptBuilder) => unknown): InvalidCase {
  return factory(`SetupScriptBuilder.${what}`, `SetupScriptBuilder.${step}`, field, () => build(new SetupScriptBuilder()));
}
