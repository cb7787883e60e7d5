import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A stack with a remote backend runs on a local one: Terraform merges `*_override.tf.json` files last, and a
 * `backend` block in an override replaces the configuration's backend (hashicorp/terraform
 * website/docs/language/files/override.mdx, "Merging terraform blocks").
 */
export const BACKEND_OVERRIDE = 'rig_backend_override.tf.json';

/** The backend type of a stack's cdk.tf.json, or undefined for none. */
export function backendOf(dir: string): string | undefined {
  const file = join(dir, 'cdk.tf.json');
  if (!existsSync(file)) return undefined;
  const backend = JSON.parse(readFileSync(file, 'utf8'))?.terraform?.backend;
  return backend && typeof backend === 'object' ? Object.keys(backend)[0] : undefined;
}

/** Writes the local backend override when the stack's backend is remote; returns the backend it replaced. */
export function overrideRemoteBackend(dir: string): string | undefined {
  const backend = backendOf(dir);
  if (backend === undefined || backend === 'local') return undefined;
  writeFileSync(
    join(dir, BACKEND_OVERRIDE),
    `${JSON.stringify({ terraform: { backend: { local: { path: 'terraform.rig.tfstate' } } } }, null, 2)}\n`,
  );
  return backend;
}
