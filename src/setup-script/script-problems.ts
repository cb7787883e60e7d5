import { describeSecret, Problems } from '../core/errors';
import { findSecrets } from '../core/secrets';

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

  /**
   * Records a problem with `value` shown as received, unless the field holds a secret: then it is described.
   * (A value that itself looks secret is described by `show`, as in every message.)
   */
  override add(field: string, value: unknown, allowed: string): void {
    const kind = this.secretFields.get(field);
    if (kind === undefined) super.add(field, value, allowed);
    else this.addSecret(field, describeSecret(kind, value), allowed);
  }
}
