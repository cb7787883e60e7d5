/**
 * Finds what looks like a secret in a setup script. A script is stored readable in the compute resource
 * (ARM, Terraform state, the studio's details page) and its output lands in the workspace's file share,
 * so a key written into it is a leaked key. Only the kind and the line are reported, never the text.
 */

export interface SecretFinding {
  /** 1-based line number. */
  readonly line: number;
  /** What the text looks like, for the message: `storage account key`. */
  readonly kind: string;
}

/**
 * A value that starts with `$` (after an optional quote) is a reference to a variable, not a literal secret;
 * but `$'...'` is bash's quoting of a literal (the builder writes values with tabs or backslashes that way).
 */
const LITERAL = `(?!["']?\\$(?!'))(?!["']{2})(?=["']?[^\\s"';&|])`;

/** Checked in order; a line is reported once, under the first kind it matches. */
const PATTERNS: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { kind: 'connection string', pattern: new RegExp(`(?:AccountKey|SharedAccessKey)\\s*=\\s*${LITERAL}`, 'i') },
  { kind: 'SAS token', pattern: /(?:^|[?&\s'"=])sig=[A-Za-z0-9%+/=]{20,}/ },
  // 64 random bytes in base64: the shape of a storage account (and most Azure service) access key.
  { kind: 'storage account key', pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/ },
  { kind: 'password', pattern: new RegExp(`(?<![A-Za-z])(?:password|passwd)\\s*=\\s*${LITERAL}`, 'i') },
  {
    kind: 'credentials in a URL',
    pattern: new RegExp(`[A-Za-z][A-Za-z0-9+.-]*://[^\\s/:@'"]+:${LITERAL}[^\\s/@'"]+@`),
  },
  { kind: 'GitHub token', pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})/ },
];

/** Every line of `text` that looks like it holds a secret. */
export function findSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  text.split('\n').forEach((line, i) => {
    const hit = PATTERNS.find((p) => p.pattern.test(line));
    if (hit) findings.push({ line: i + 1, kind: hit.kind });
  });
  return findings;
}

/** What to do instead, for the error message. */
export const SECRETS_ALLOWED =
  'no secrets in a setup script, since Azure stores it readable with the compute and logs its output to the workspace share; ' +
  "fetch secrets when the script runs (Key Vault with the instance's managed identity), or pass allowSecrets: true if this is deliberate";
