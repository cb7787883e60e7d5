import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { MAX_SCRIPT_BYTES } from '../model/limits';
import { ScriptProblems } from './script-problems';

/**
 * The largest script text this library inlines, in bytes. Azure documents no limit for `scriptData`; this
 * one is Azure's limit for a VM's custom data (64 KB), the nearest Azure precedent for a boot script sent
 * inline. Its base64 (87 KiB) also stays under Linux's 128 KiB limit for one command-line argument, in case
 * the instance's agent passes it on one. A bigger script belongs in the workspace share (`fromWorkspace`).
 */

/**
 * Where a script file may be, and what it may be. A setup script is inlined into Terraform state, the ARM
 * template and the compute's details page, so reading the wrong file publishes it: a symbolic link checked
 * into a repository can point at `~/.azure` token caches, cloud credentials or `/etc/shadow`. So a path that
 * goes through a symbolic link (the file itself or a folder on the way) must end inside the folder the synth
 * runs in; a path without links is taken as the caller wrote it. The file must be a regular file of at most
 * MAX_SCRIPT_BYTES, and it is opened without following a link at its last step, then checked again through
 * its open descriptor (so a file swapped in between is not read).
 */
const SYMLINK_ALLOWED =
  'a file inside the folder the synth runs in when the path goes through a symbolic link ' +
  '(this one leads outside it); copy the script into the project instead of linking to it';

/**
 * The text of the file at `path` (relative to the folder the synth runs in), or undefined with problems
 * recorded under `field` when it is missing, a folder, a link leading outside the synth's folder,
 * unreadable, not UTF-8 text, empty or too large.
 */
export function readScriptFile(problems: ScriptProblems, field: string, path: string): string | undefined {
  let bytes: Buffer;
  try {
    const real = realpathSync(path);
    if (real !== resolve(path) && !isInside(real, realpathSync(process.cwd()))) {
      problems.add(field, path, SYMLINK_ALLOWED);
      return undefined;
    }
    // stat first: opening a named pipe would wait for a writer.
    if (!isRegularFile(problems, field, path, statSync(real))) return undefined;
    // O_NOFOLLOW: a link put in place of the file since realpath is refused (ELOOP), not followed.
    const fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!isRegularFile(problems, field, path, fstatSync(fd))) return undefined;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    problems.add(field, path, readFailure(e));
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    problems.add(field, path, 'a UTF-8 text file (this one is not valid UTF-8)');
    return undefined;
  }
  if (text.includes('\0')) {
    problems.add(field, path, 'a text file (this one holds NUL bytes)');
    return undefined;
  }
  if (text.trim() === '') {
    problems.add(field, path, 'a file with a script in it (this one is empty)');
    return undefined;
  }
  return text;
}

/** Whether `stat` is a regular file of a size this library inlines; records the problem when not. */
function isRegularFile(problems: ScriptProblems, field: string, path: string, stat: Stats): boolean {
  if (stat.isDirectory()) {
    problems.add(field, path, 'a file, not a folder');
    return false;
  }
  if (!stat.isFile()) {
    problems.add(field, path, 'a regular file, not a device, socket or pipe');
    return false;
  }
  if (stat.size > MAX_SCRIPT_BYTES) {
    problems.add(
      field,
      path,
      `a file of at most ${MAX_SCRIPT_BYTES} bytes (this one has ${stat.size}); put a bigger script in the workspace share and use SetupScript.fromWorkspace`,
    );
    return false;
  }
  return true;
}

/** Whether `path` is `folder` or lies under it (both real, absolute paths). */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** What a failed stat or read means for the user, by Node's error code. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the path of an existing file, relative to the folder the synth runs in (nothing is there)';
    case 'EACCES':
    case 'EPERM':
      return 'a file the synth can read (permission denied)';
    case 'ELOOP':
      return 'a file reached through at most a few symbolic links, none of them replaced while the synth reads it';
    default:
      return `a file the synth can read (reading failed: ${code ?? String(error)})`;
  }
}
