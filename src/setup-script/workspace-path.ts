/**
 * Azure's rule for a `workspaceStorage` script: a path inside the workspace's notebooks file share,
 * ending in `.sh` (`Users/admin/setup.sh`). Returns the sentence that says what is allowed when `path`
 * breaks it, or undefined when it is fine.
 */
export function workspacePathProblem(path: string): string | undefined {
  const reasons: string[] = [];
  if (path.startsWith('/')) reasons.push('not absolute');
  if (path.includes('\\')) reasons.push('"/" between folders, not "\\"');
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.')) reasons.push('no "." or ".." segments');
  if (segments.some((s, i) => s === '' && !(i === 0 && path.startsWith('/'))))
    reasons.push('no empty segments ("//" or a trailing "/")');
  if (/[\x00-\x1f\x7f]/.test(path)) reasons.push('no control characters');
  if (!path.endsWith('.sh') || segments[segments.length - 1] === '.sh') reasons.push('a file name ending in ".sh"');
  if (reasons.length === 0) return undefined;
  return `a path in the workspace's notebooks file share, like Users/admin/setup.sh: ${reasons.join('; ')}`;
}
