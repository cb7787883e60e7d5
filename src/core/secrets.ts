/**
 * Finds what looks like a secret in text a user wrote: a setup script (stored readable with the compute,
 * its output logged to the workspace share), a description or tag (shown to everyone who can read the
 * workspace), or a value about to be repeated in an error message. Only the kind and the line are
 * reported, never the text.
 *
 * The scan is linear in the length of the text: every pattern below is a backtracking regular expression
 * whose quantifiers are all bounded, and whose variable-length parts start after a literal or a
 * word-boundary look-behind; so a match attempt at one position reads at most a few hundred characters,
 * and most positions fail at their first character. (Unbounded `[A-Za-z0-9+.-]*` at every position made
 * the time quadratic in the length of a line.) test/secret-scan.test.ts checks that no pattern holds an unbounded quantifier.
 */

interface SecretFinding {
  /** 1-based line number. */
  readonly line: number;
  /** What the text looks like, for the message: `storage account key`. */
  readonly kind: string;
}

/**
 * What follows a key to make it a literal secret: not a reference (`$VAR`, `${VAR}`, `"$VAR"`, `$(cmd)`),
 * not empty (`""`), not a placeholder (`<password>`); but `$'...'` is bash's quoting of a literal (the
 * builder writes values with tabs or backslashes that way).
 */
const LITERAL = `(?!["']?\\$(?!'))(?!["']{2})(?=["']?[^\\s"';&|<=])`;

/** Names whose value is a password. `(?<![A-Za-z0-9])` lets `DB_PASSWORD` match, not `mypassword`. */
const PASSWORD_NAME = '(?:password|passwd|passphrase)';
/** Other names whose value is a credential; `client_secret`, `HF_TOKEN`, `api-key`, `AccountKey`. */
const SECRET_NAME =
  '(?:secret|token|api[_-]?key|access[_-]?key|account[_-]?key|secret[_-]?key|private[_-]?key|subscription[_-]?key|storage[_-]?key|master[_-]?key|shared[_-]?key|sas)';
/** Where a name ends: `PASSWORD_FILE` and `token-path` name a path, not a secret. */
const NAME_END = '(?![A-Za-z0-9_-])';

/** A name given a literal value: `NAME=x`, `"name": "x"`, `NAME: x` at the start of a line, `--name x`. */
function assignment(name: string): RegExp {
  const start = '(?<![A-Za-z0-9])';
  const prefix = '(?:[A-Za-z0-9]{1,32}[_-]){0,3}';
  return new RegExp(
    [
      `${start}${name}${NAME_END}["']?[ \\t]{0,8}=[ \\t]{0,8}${LITERAL}`,
      `["']${prefix}${name}["'][ \\t]{0,8}:[ \\t]{0,8}${LITERAL}`,
      `^[ \\t]{0,64}(?:-[ \\t]{1,8})?${prefix}${name}${NAME_END}[ \\t]{0,8}:[ \\t]{1,8}${LITERAL}`,
      `(?<![A-Za-z0-9-])--?${prefix}${name}${NAME_END}[ \\t]{1,8}${LITERAL}`,
    ].join('|'),
    'i',
  );
}

/** Checked in order; a line is reported once, under the first kind it matches. */
export const SECRET_PATTERNS: ReadonlyArray<{ readonly kind: string; readonly pattern: RegExp }> = [
  { kind: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]{1,16} ){0,4}PRIVATE KEY-----/ },
  {
    kind: 'connection string',
    pattern: new RegExp(`(?:AccountKey|SharedAccessKey)[ \\t]{0,8}=[ \\t]{0,8}${LITERAL}`, 'i'),
  },
  { kind: 'SAS token', pattern: /(?:^|[?&\s'"=])sig=[A-Za-z0-9%+/=]{20}/ },
  // 64 random bytes in base64: the shape of a storage account (and most Azure service) access key.
  { kind: 'storage account key', pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/ },
  // GitHub's token formats: "Behind GitHub's new authentication token formats" (github.blog, 2021-04-05).
  { kind: 'GitHub token', pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60})/ },
  // Hugging Face user access tokens start with hf_ (huggingface.co/docs/hub/security-tokens).
  { kind: 'Hugging Face token', pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30}/ },
  // OpenAI keys (sk-, sk-proj-, sk-svcacct-) and Anthropic keys (sk-ant-): a prefix, then random text.
  {
    kind: 'API key (sk-...)',
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|ant)-[A-Za-z0-9_-]{20}|[A-Za-z0-9]{32})/,
  },
  // AWS access key ids: AKIA (long-term) or ASIA (temporary), then 16 upper-case letters or digits
  // (AWS IAM User Guide, "Understanding unique ID prefixes").
  { kind: 'AWS access key', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/ },
  // A JWT (RFC 7519): base64url of a JSON header, of a JSON payload ("eyJ" is base64 of '{"'), a signature.
  {
    kind: 'JSON web token',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,1024}\.eyJ[A-Za-z0-9_-]{5,8192}\.[A-Za-z0-9_-]{10}/,
  },
  // git -c http.extraheader="AUTHORIZATION: basic <base64>", curl -H "Authorization: Bearer <token>".
  {
    kind: 'authorization header',
    pattern: new RegExp(`authorization[ \\t]{0,8}:[ \\t]{0,8}(?:basic|bearer)[ \\t]{1,8}${LITERAL}`, 'i'),
  },
  { kind: 'bearer token', pattern: /(?<![A-Za-z0-9])bearer[ \t]{1,8}[A-Za-z0-9._~+/-]{20}/i },
  {
    kind: 'credentials in a URL',
    pattern: new RegExp(
      `(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}://[^\\s/:@'"]{1,256}:${LITERAL}[^\\s/@'"]{1,256}@`,
    ),
  },
  // mysql -pSECRET (the password glued to -p), az login --service-principal -u <app> -p <secret>.
  {
    kind: 'password',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?:mysql|mysqldump|mysqladmin|mariadb)${NAME_END}[^\\n]{0,256}?[ \\t]-p${LITERAL}`,
    ),
  },
  {
    kind: 'password',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])az[ \\t]{1,8}login${NAME_END}[^\\n]{0,512}?[ \\t]-p(?:[ \\t]{1,8}|=)${LITERAL}(?!\\S{0,256}\\.pem(?!\\S))`,
    ),
  },
  { kind: 'password', pattern: assignment(PASSWORD_NAME) },
  { kind: 'secret value', pattern: assignment(SECRET_NAME) },
];

/** Every line of `text` that looks like it holds a secret. */
export function findSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  text.split('\n').forEach((line, i) => {
    const kind = secretKind(line);
    if (kind !== undefined) findings.push({ line: i + 1, kind });
  });
  return findings;
}

/** The kind of the first secret in `text` (any line), or undefined. */
export function firstSecretKind(text: string): string | undefined {
  return findSecrets(text)[0]?.kind;
}

function secretKind(line: string): string | undefined {
  return SECRET_PATTERNS.find((p) => p.pattern.test(line))?.kind;
}
