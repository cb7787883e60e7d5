import { Problems } from '../errors';
import { findSecrets } from '../validation/secrets';

/** What to do instead of a secret in a setup script, for the error message. */
export const SECRETS_ALLOWED =
  'no secrets in a setup script, since Azure stores it readable with the compute and logs its output to the workspace share; ' +
  "fetch secrets when the script runs (Key Vault with the instance's managed identity), or pass allowSecrets: true if this is deliberate";

/**
 * The problems of setup-script input. A setup script is where users paste keys, so no value reaches a
 * message unscreened: every value shown goes through `findSecrets` first, and one that looks secret is
 * described (its kind and length) instead of shown, whatever its problem is. A field recorded with
 * `secret` is described in every other problem too, even when that problem's own check would not see a
 * secret in it (a proxy URL whose user part is the credential). This is the setup script's one way of
 * handling secrets; every check in src/setup-script records through it.
 */
export class ScriptProblems extends Problems {
  /** Fields that hold a secret, with its kind. */
  private readonly secretFields = new Map<string, string>();

  /** Records that `field` holds a secret of `kind`; the message names the kind only. */
  secret(field: string, kind: string, allowed: string): void {
    this.secretFields.set(field, kind);
    this.addSecret(field, kind, allowed);
  }

  /**
   * Looks for a secret in `value` and, if there is one, records it as a problem of `field` (with `allowed`
   * saying what to do instead). Call it before the field's other checks, so that they describe the value.
   * @returns the kind of secret found, or undefined
   */
  screen(field: string, value: string, allowed: string): string | undefined {
    const kind = findSecrets(value)[0]?.kind;
    if (kind !== undefined) this.secret(field, kind, allowed);
    return kind;
  }

  /**
   * Records, as a problem of `<field> line <n>`, every line of `text` that looks like it holds a secret.
   * @returns whether any did
   */
  screenLines(field: string, text: string, allowed: string): boolean {
    const findings = findSecrets(text);
    for (const s of findings) this.secret(`${field} line ${s.line}`, s.kind, allowed);
    return findings.length > 0;
  }

  /** Records a problem with `value` shown as received, unless the field or the value holds a secret: then it is described. */
  override add(field: string, value: unknown, allowed: string): void {
    const kind = this.secretFields.get(field) ?? secretIn(value);
    if (kind === undefined) super.add(fieldName(field), value, allowed);
    else this.addSecret(field, describe(kind, value), allowed);
  }

  /** Records a problem whose value is not to be shown; a field name that looks secret is replaced by a description. */
  override addSecret(field: string, description: string, allowed: string): void {
    super.addSecret(fieldName(field), description, allowed);
  }
}

/** Fields are user text too when they are keys the user chose (git settings, variable names). */
function fieldName(field: string): string {
  const kind = findSecrets(field)[0]?.kind;
  return kind === undefined ? field : `<redacted name: ${kind}>`;
}

/** The kind of the first secret in `value`: a string, or any string (keys too) in a list or object, however deep. */
function secretIn(value: unknown, seen = new Set<object>()): string | undefined {
  if (typeof value === 'string') return findSecrets(value)[0]?.kind;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    const kind = (Array.isArray(value) ? undefined : secretIn(key, seen)) ?? secretIn(item, seen);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

/** What is said of a secret value instead of the value: its kind, and its length or shape. */
function describe(kind: string, value: unknown): string {
  if (typeof value === 'string') return `${kind}, ${value.length} characters`;
  if (Array.isArray(value)) return `${kind}, in a list of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (typeof value === 'object' && value !== null) return `${kind}, in an object`;
  return kind;
}
