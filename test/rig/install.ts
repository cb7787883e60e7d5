import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { azapiSchemas } from './schemas/azapi';
import { azurermSchemas } from './schemas/azurerm';

/**
 * Installs the emulated providers for an offline `terraform init`, once per rig home:
 * - a filesystem mirror in the "unpacked" layout (hashicorp/terraform website/docs/cli/config/config-file.mdx,
 *   "filesystem_mirror": HOSTNAME/NAMESPACE/TYPE/VERSION/TARGET/ with an executable `terraform-provider-TYPE…`)
 *   holding, for registry.terraform.io/azure/azapi and registry.terraform.io/hashicorp/azurerm at the versions
 *   the schemas name, a launcher script that runs ./provider-main.js with node;
 * - a CLI config (TF_CLI_CONFIG_FILE) that installs those two only from the mirror, with a `plugin_cache_dir`,
 *   one per jest worker: terraform's plugin cache "is not guaranteed to be concurrency safe" (hashicorp/terraform
 *   website/docs/cli/config/config-file.mdx, "Provider Plugin Cache"), and two concurrent `terraform init`
 *   were seen here to remove a package from under each other;
 * - the provider's TLS key and self-signed certificate (openssl: P-256, DNS:localhost, CA:TRUE, which
 *   go-plugin's AutoMTLS client accepts as the server certificate it pins from the handshake).
 */
export interface RigHome {
  readonly home: string;
  readonly cliConfig: string;
  readonly certDir: string;
}

const PROVIDERS = [
  { schemas: azapiSchemas, type: 'azapi', arg: 'azapi' },
  { schemas: azurermSchemas, type: 'azurerm', arg: 'azurerm' },
];

function target(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return `${process.platform}_${arch}`;
}

function writeIfChanged(path: string, text: string, mode?: number): void {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  if (mode !== undefined) chmodSync(path, mode);
}

export function defaultRigHome(): string {
  return process.env.RIG_HOME ?? resolve(__dirname, '../../../.rig');
}

export function install(home = defaultRigHome()): RigHome {
  const certDir = join(home, 'certs');
  const mirror = join(home, 'mirror');
  const worker = process.env.JEST_WORKER_ID ?? 'cli';
  const cache = join(home, `plugin-cache-${worker}`);
  mkdirSync(cache, { recursive: true });
  if (!existsSync(join(certDir, 'server.crt'))) {
    // Made aside and renamed into place, so that concurrent installs never pair one's key with another's cert.
    const fresh = mkdtempSync(join(home, 'certs-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(fresh, 'server.key'),
        '-out',
        join(fresh, 'server.crt'),
        '-days',
        '3650',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
      ],
      { stdio: 'ignore' },
    );
    try {
      renameSync(fresh, certDir);
    } catch {
      rmSync(fresh, { recursive: true, force: true }); // another install made them first
    }
  }
  const main = resolve(__dirname, 'provider-main.js');
  for (const p of PROVIDERS) {
    const [host, namespace, type] = p.schemas.address.split('/');
    const dir = join(mirror, host, namespace, type, p.schemas.version, target());
    mkdirSync(dir, { recursive: true });
    const launcher = [
      '#!/bin/sh',
      `# Emulated ${p.schemas.address} ${p.schemas.version} (test/rig/install.ts): not the real provider.`,
      `RIG_CERT_DIR=${shellQuote(certDir)} exec ${shellQuote(process.execPath)} ${shellQuote(main)} ${p.arg} "$@"`,
      '',
    ].join('\n');
    writeIfChanged(join(dir, `terraform-provider-${type}_v${p.schemas.version}`), launcher, 0o755);
  }
  const cliConfig = join(home, `terraformrc-${worker}`);
  writeIfChanged(
    cliConfig,
    [
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      `    include = [${PROVIDERS.map((p) => JSON.stringify(p.schemas.address)).join(', ')}]`,
      '  }',
      '}',
      `plugin_cache_dir = ${JSON.stringify(cache)}`,
      '',
    ].join('\n'),
  );
  return { home, cliConfig, certDir };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
