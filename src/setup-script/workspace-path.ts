/**
 * The rule for a `workspaceStorage` script's path. Azure documents it as a path in the workspace's notebooks
 * file share, like `Users/admin/testscript.sh`, whose file name ends in ".sh", run from its own folder under
 * `/home/azureuser/cloudfiles/code/` (azure-ai-docs, articles/machine-learning/how-to-customize-compute-instance.md).
 * The share is Azure Files: names of at most 255 characters, a path of at most 2,048, without
 * `" \ / : | < > * ?` or control characters ("Naming and referencing shares, directories, files, and
 * metadata", learn.microsoft.com/rest/api/storageservices). No source says how the instance's agent quotes
 * the path when it runs it, so this library allows a conservative subset: ASCII letters, digits, "-", "_" and
 * "." in names (no spaces, no shell characters, no percent-encoding, no look-alike Unicode dots).
 */

/** Characters of a folder or file name. */
const NAME_CHARACTER = /[A-Za-z0-9._-]/;
const MAX_NAME_LENGTH = 255;
const MAX_PATH_LENGTH = 2048;

const ALLOWED_PREFIX = "a path in the workspace's notebooks file share, like Users/admin/setup.sh";

/**
 * Returns the sentence that says what is allowed when `path` breaks the rule (each broken part named), or
 * undefined when it is fine.
 */
export function workspacePathRefused(path: string): string | undefined {
  const reasons: string[] = [];
  if (path.startsWith('/')) reasons.push('not absolute');
  if (path.startsWith('~')) reasons.push('relative to the share, not starting with "~"');
  if (/^[A-Za-z]:/.test(path)) reasons.push('no drive letter ("C:")');
  if (path.includes('\\')) reasons.push('"/" between folders, not "\\"');
  if (path.includes('%')) reasons.push('no "%" (no percent-encoding like "%2e": write the characters themselves)');
  if (/[\x00-\x1f\x7f]/.test(path)) reasons.push('no control characters');
  const others = otherCharacters(path);
  if (others.length > 0) {
    reasons.push(`names of ASCII letters, digits, "-", "_" and "." only (this one has ${others.join(', ')})`);
  }
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.')) reasons.push('no "." or ".." segments');
  if (segments.some((s, i) => s === '' && !(i === 0 && path.startsWith('/'))))
    reasons.push('no empty segments ("//" or a trailing "/")');
  if (segments.some((s) => s.startsWith('-')))
    reasons.push('no name starting with "-" (a command reads it as an option)');
  if (segments.some((s) => s.length > MAX_NAME_LENGTH)) reasons.push(`names of at most ${MAX_NAME_LENGTH} characters`);
  if (path.length > MAX_PATH_LENGTH) reasons.push(`at most ${MAX_PATH_LENGTH} characters`);
  if (!path.endsWith('.sh') || segments[segments.length - 1] === '.sh') reasons.push('a file name ending in ".sh"');
  if (reasons.length === 0) return undefined;
  return `${ALLOWED_PREFIX}: ${reasons.join('; ')}`;
}

/** The first few characters outside the names' set that no other reason names, as `"$" (U+0024)`. */
function otherCharacters(path: string): string[] {
  const rest = path.replace(/^[A-Za-z]:/, '').replace(/^~/, '');
  const found = new Set<string>();
  for (const c of rest) {
    if (NAME_CHARACTER.test(c) || '/\\%'.includes(c) || /[\x00-\x1f\x7f]/.test(c)) continue;
    found.add(c);
    if (found.size === 3) break;
  }
  return [...found].map(
    (c) => `${JSON.stringify(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
  );
}
