import { ScriptProblems } from './script-problems';
import { isToken } from '../core/tokens';

/**
 * The rules for the values a SetupScriptBuilder step takes. Quoting already keeps any value from
 * breaking the script; these rules catch values that would still do the wrong thing (an option where a
 * package goes, a path that climbs out of the home folder, a variable the shell relies on).
 */

/** Always bypass the proxy for the instance itself and for Azure's metadata service (managed identity tokens). */
export const ALWAYS_NO_PROXY = ['localhost', '127.0.0.1', '169.254.169.254'];
/** Names the script or the shell relies on; setting them for the user would break one or the other. */
export const RESERVED_NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'PWD',
  'OLDPWD',
  'IFS',
  'CDPATH',
  'ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'PS4',
  'GLOBIGNORE',
  'PROMPT_COMMAND',
]);
export const RESERVED_PREFIXES = ['BASH_', 'LD_', 'SUDO_', 'CI_'];

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CONDA_ENV = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
export const SCRIPT_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const PYTHON_VERSION = /^\d+(\.\d+){0,2}$/;
export const GIT_URL = /^(?:(?:https?|ssh|git|file):\/\/[^\s\\]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s\\]+)$/;
export const GIT_REF = /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/;
export const GIT_CONFIG_KEY = /^[A-Za-z][A-Za-z0-9-]*(\.[^\s\x00-\x1f]+)?\.[A-Za-z][A-Za-z0-9-]*$/;
export const PROXY_URL = /^https?:\/\/[^\s\\/?#]+\/?$/;
export const NO_PROXY_ENTRY = /^[A-Za-z0-9.*:[\]/_-]+$/;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

export function checkPackages(
  problems: ScriptProblems,
  field: string,
  packages: unknown,
  options: { allowEmpty?: boolean; what?: string } = {},
): void {
  const what = options.what ?? 'package specifications (numpy, pandas>=2, git+https://...)';
  if (!Array.isArray(packages) || (!options.allowEmpty && packages.length === 0)) {
    problems.add(field, packages, `a ${options.allowEmpty ? '' : 'non-empty '}list of ${what}`);
    return;
  }
  packages.forEach((p: unknown, i) => {
    if (typeof p !== 'string' || p.trim() === '' || p.startsWith('-') || CONTROL.test(p) || isToken(p)) {
      problems.add(
        `${field}[${i}]`,
        p,
        `one of ${what}, literal, not starting with "-" (options are not accepted here)`,
      );
    }
  });
}

export function checkCondaEnvironment(
  problems: ScriptProblems,
  field: string,
  name: unknown,
  options: { allowBase: boolean },
): void {
  if (typeof name !== 'string' || !CONDA_ENV.test(name)) {
    problems.add(field, name, 'a conda environment name of up to 64 letters, digits, "_", "." and "-"');
  } else if (!options.allowBase && name === 'base') {
    problems.add(field, name, 'a name other than base, which exists already');
  }
}

export function checkDirectory(problems: ScriptProblems, field: string, directory: unknown): void {
  if (
    typeof directory !== 'string' ||
    directory === '' ||
    isToken(directory) ||
    CONTROL.test(directory) ||
    directory.includes('\\') ||
    directory.startsWith('~') ||
    directory.split('/').some((s, i) => s === '..' || s === '.' || (s === '' && i > 0))
  ) {
    problems.add(
      field,
      directory,
      'a path relative to azureuser\'s home, or absolute, without "~", ".", ".." or empty segments, backslashes or control characters',
    );
  }
}

export function checkText(
  problems: ScriptProblems,
  field: string,
  value: unknown,
  options: { allowNewline?: boolean; allowEmpty?: boolean } = {},
): void {
  const bad =
    typeof value !== 'string' ||
    isToken(value) ||
    (!options.allowEmpty && value === '') ||
    value.includes('\0') ||
    (!options.allowNewline && CONTROL.test(value));
  if (bad)
    problems.add(
      field,
      value,
      `literal ${options.allowEmpty ? '' : 'non-empty '}text${options.allowNewline ? ' without NUL characters' : ' on one line'}`,
    );
}
