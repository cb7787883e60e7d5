import { describeSecret, Problems } from '../core/errors';
import { firstSecretKind } from '../core/secrets';
import { isToken } from '../core/tokens';

/** What a description or tag may hold instead of a secret, for the error message. */
const NO_SECRETS_IN_METADATA =
  "text without secrets: Azure shows a compute's description and tags to everyone who can read the workspace, " +
  'and Terraform state and deployment history keep them; keep the secret in Key Vault';

/**
 * Records a problem for a description, tag name or tag value that looks like it holds a credential (the
 * shapes of `findSecrets`), describing it by kind and length. Terraform references are left alone: their
 * value is not known at synth.
 */
export function screenDescriptionAndTags(
  problems: Problems,
  props: { readonly description?: unknown; readonly tags?: unknown },
): void {
  screen(problems, 'description', props.description);
  const tags = props.tags;
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) return;
  for (const [key, value] of Object.entries(tags)) {
    screen(problems, 'tags', key);
    screen(problems, `tags.${key}`, value);
  }
}

function screen(problems: Problems, field: string, value: unknown): void {
  if (typeof value !== 'string' || isToken(value)) return;
  const kind = firstSecretKind(value);
  if (kind !== undefined) problems.addSecret(field, describeSecret(kind, value), NO_SECRETS_IN_METADATA);
}

/**
 * Records a problem for an environment variable value (a custom application's) that looks like a credential:
 * Azure returns it to whoever can read the compute, as it does the description and tags.
 */
export function screenEnvironmentValue(problems: Problems, field: string, value: string): void {
  screen(problems, field, value);
}
