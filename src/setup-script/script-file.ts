import { readFileSync, statSync } from 'node:fs';
import { MAX_SCRIPT_BYTES } from '../model/limits';
import { ScriptProblems } from './script-problems';

/**
 * The largest script text this library inlines, in bytes. Azure documents no limit for `scriptData`; this
 * one is Azure's limit for a VM's custom data (64 KB), the nearest Azure precedent for a boot script sent
 * inline. Its base64 (87 KiB) also stays under Linux's 128 KiB limit for one command-line argument, in case
 * the instance's agent passes it on one. A bigger script belongs in the workspace share (`fromWorkspace`).
 */

/**
 * The text of the file at `path` (relative to the folder the synth runs in), or undefined with problems
 * recorded under `field` when it is missing, a folder, unreadable, not UTF-8 text, empty or too large.
 */
export function readScriptFile(problems: ScriptProblems, field: string, path: string): string | undefined {
  let bytes: Buffer;
  try {
    // stat first: opening a named pipe would wait for a writer.
    const stat = statSync(path);
    if (stat.isDirectory()) {
      problems.add(field, path, 'a file, not a folder');
      return undefined;
    }
    if (!stat.isFile()) {
      problems.add(field, path, 'a regular file, not a device, socket or pipe');
      return undefined;
    }
    if (stat.size > MAX_SCRIPT_BYTES) {
      problems.add(
        field,
        path,
        `a file of at most ${MAX_SCRIPT_BYTES} bytes (this one has ${stat.size}); put a bigger script in the workspace share and use SetupScript.fromWorkspace`,
      );
      return undefined;
    }
    bytes = readFileSync(path);
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
    default:
      return `a file the synth can read (reading failed: ${code ?? String(error)})`;
  }
}
