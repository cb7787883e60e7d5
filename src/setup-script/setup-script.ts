import { ArmScriptReference } from '../compute-instance-spec';
import { Duration } from '../duration';
import { isToken } from '../validation/tokens';
import { optionsOf } from './options-object';
import { MAX_SCRIPT_BYTES, readScriptFile } from './script-file';
import { ScriptProblems } from './script-problems';
import { SECRETS_ALLOWED } from './secrets';
import { shellWords } from './shell-quote';
import { workspacePathProblem } from './workspace-path';

/** Azure stops a script after 15 minutes unless told otherwise; this library allows up to a day. */
export const MAX_SCRIPT_TIMEOUT = Duration.days(1);

export interface SetupScriptOptions {
  /**
   * Arguments for the script (`$1`, `$2`, ... in it). A list is shell-quoted word by word, so each item
   * arrives as one argument whatever it holds; a string is passed as written (Azure's `scriptArguments`),
   * and may be a Terraform reference.
   * @default - no arguments
   */
  readonly arguments?: string | string[];
  /**
   * How long the script may run before Azure stops it: at least a second, at most a day.
   * @default - Azure's default, 15 minutes (no `timeout` is sent)
   */
  readonly timeout?: Duration;
  /**
   * Accept script text or arguments that look like they hold a secret (a key, a SAS token, a connection
   * string, `password=`, a private key). Without it such a script fails the synth, naming the line and
   * the kind of secret. Either way, error messages describe such a value (its kind and length) and never
   * show it.
   * @default false
   */
  readonly allowSecrets?: boolean;
}

type Factory = 'inline' | 'fromFile' | 'fromWorkspace';

/** Set by SetupScript's static block: the constructor, for `inlineSetupScript`. */
let makeSetupScript: (reference: ArmScriptReference, text: string | undefined, warnings: readonly string[]) => SetupScript;

/**
 * A creation or startup script of a compute instance: one ARM `ScriptReference`. Azure runs it as root, in
 * the script's folder of the workspace share (the share's `Users` folder for an inline script), with
 * `CI_RESOURCE_GROUP`, `CI_WORKSPACE`, `CI_NAME` and `CI_LOCAL_UBUNTU_USER` set.
 */
export class SetupScript {
  /** A script given as text; Azure receives it base64-encoded. */
  static inline(text: string, options: SetupScriptOptions = {}): SetupScript {
    return inlineSetupScript('SetupScript.inline', 'text', text, options);
  }

  /**
   * A script read from a local file when the app synthesizes, and sent inline: what is deployed is what
   * the file held then. `path` is relative to the folder the synth runs in.
   */
  static fromFile(path: string, options: SetupScriptOptions = {}): SetupScript {
    const problems = new ScriptProblems('SetupScript.fromFile');
    const checked = optionsOf<SetupScriptOptions>(problems, options);
    let text: string | undefined;
    if (typeof path !== 'string' || path === '') {
      problems.add('path', path, 'the path of a local script file');
    } else {
      text = readScriptFile(problems, 'path', path);
    }
    const warnings = text === undefined ? [] : checkText(problems, path, text, checked, { shebang: true });
    const reference = scriptReference(problems, 'fromFile', text, checked);
    problems.throwIfAny();
    return new SetupScript(reference!, text, warnings);
  }

  /**
   * A script stored in the workspace's notebooks file share (`Users/admin/setup.sh`). Azure reads it when
   * the instance runs it, so it is not checked here beyond its path.
   */
  static fromWorkspace(path: string, options: SetupScriptOptions = {}): SetupScript {
    const problems = new ScriptProblems('SetupScript.fromWorkspace');
    const checked = optionsOf<SetupScriptOptions>(problems, options);
    if (typeof path !== 'string' || path === '') {
      problems.add('path', path, 'a path in the workspace\'s notebooks file share, like Users/admin/setup.sh');
    } else if (!isToken(path)) {
      const allowed = workspacePathProblem(path);
      if (allowed) problems.add('path', path, allowed);
    }
    const reference = scriptReference(problems, 'fromWorkspace', path, checked);
    problems.throwIfAny();
    return new SetupScript(reference!, undefined, []);
  }

  /**
   * What the user should know about the script though it is valid (CRLF line ends, no shebang).
   * A ComputeInstance reports them as warning annotations on itself.
   */
  public readonly warnings: readonly string[];

  /** The script's text, for inline and local-file scripts; a workspace script is read by Azure. */
  public readonly text?: string;

  static {
    // The step builder makes inline scripts too, reporting problems under its own name; it reaches the
    // constructor through this module-private function instead of a public factory.
    makeSetupScript = (reference, text, warnings) => new SetupScript(reference, text, warnings);
  }

  protected constructor(private readonly reference: ArmScriptReference, text: string | undefined, warnings: readonly string[]) {
    this.text = text;
    this.warnings = warnings;
  }

  /** The ARM `ScriptReference`. */
  toArm(): ArmScriptReference {
    return { ...this.reference };
  }
}

/**
 * An inline script from `text`, its problems reported under `path` (the factory) and `field`.
 * @internal
 */
export function inlineSetupScript(path: string, field: string, text: string, options: SetupScriptOptions | undefined): SetupScript {
  // A fleet gives many instances the same script: its checks (the secret scan above all) run once per text.
  const plain = options === undefined && typeof text === 'string';
  const known = plain ? checkedInlineTexts.get(text) : undefined;
  if (known) return makeSetupScript({ ...known.reference }, text, known.warnings);
  const problems = new ScriptProblems(path);
  const checked = optionsOf<SetupScriptOptions>(problems, options);
  const warnings = checkText(problems, field, text, checked);
  const reference = scriptReference(problems, 'inline', text, checked);
  problems.throwIfAny();
  if (plain) {
    if (checkedInlineTexts.size >= CHECKED_INLINE_TEXTS_KEPT) checkedInlineTexts.clear();
    checkedInlineTexts.set(text, { reference: { ...reference! }, warnings });
  }
  return makeSetupScript(reference!, text, warnings);
}

/** Inline texts without options that passed every check, with what they gave; bounded, as a fleet has few. */
const checkedInlineTexts = new Map<string, { readonly reference: ArmScriptReference; readonly warnings: readonly string[] }>();
const CHECKED_INLINE_TEXTS_KEPT = 64;

/** Checks the text of an inline or local-file script; returns its warnings. */
function checkText(problems: ScriptProblems, field: string, text: unknown, options: Partial<SetupScriptOptions>, checks: { shebang?: boolean } = {}): string[] {
  if (typeof text !== 'string' || text.trim() === '') {
    problems.add(field, text, 'the text of a script');
    return [];
  }
  if (isToken(text)) {
    problems.add(field, text, 'literal text; a Terraform reference cannot be base64-encoded at synth, so pass it in arguments instead');
    return [];
  }
  if (options.allowSecrets !== true) problems.screenLines(field, text, SECRETS_ALLOWED);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SCRIPT_BYTES) {
    problems.add(field, `${bytes} bytes`, `at most ${MAX_SCRIPT_BYTES} bytes of script; put a bigger script in the workspace share and use SetupScript.fromWorkspace`);
  }
  if (text.includes('\0')) problems.add(field, 'text with a NUL character', 'text without NUL characters');
  const warnings: string[] = [];
  const where = checks.shebang ? field : 'the inline script';
  if (text.includes('\r\n')) {
    warnings.push(`${where} has CRLF (Windows) line ends: bash on the instance reads the \\r as part of each command and fails. Save it with LF line ends.`);
  }
  if (checks.shebang && text.startsWith('\uFEFF')) {
    warnings.push(`${where} starts with a byte order mark: the instance does not see its first line as a shebang. Save it as UTF-8 without BOM.`);
  } else if (checks.shebang && !text.startsWith('#!')) {
    warnings.push(`${where} has no shebang: start it with #!/bin/bash so that the instance runs it with bash.`);
  }
  return warnings;
}

/**
 * The ARM reference, after checking the options; undefined when any problem is recorded, by these checks
 * or before them (then `data` may not be text at all).
 */
function scriptReference(problems: ScriptProblems, factory: Factory, data: string | undefined, options: Partial<SetupScriptOptions>): ArmScriptReference | undefined {
  const scriptArguments = argumentsString(problems, options);
  const timeout = timeoutString(problems, options.timeout);
  if (options.allowSecrets !== undefined && typeof options.allowSecrets !== 'boolean') {
    problems.add('allowSecrets', options.allowSecrets, 'true or false');
  }
  if (problems.count > 0 || data === undefined) return undefined;
  return {
    scriptSource: factory === 'fromWorkspace' ? 'workspaceStorage' : 'inline',
    scriptData: factory === 'fromWorkspace' ? data : Buffer.from(data, 'utf8').toString('base64'),
    ...(scriptArguments !== undefined ? { scriptArguments } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
  };
}

function argumentsString(problems: ScriptProblems, options: Partial<SetupScriptOptions>): string | undefined {
  const args: unknown = options.arguments;
  if (args === undefined) return undefined;
  const screen = (field: string, value: string) => {
    if (options.allowSecrets !== true && !isToken(value)) problems.screen(field, value, SECRETS_ALLOWED);
  };
  if (typeof args === 'string') {
    screen('arguments', args);
    if (args.includes('\0')) problems.add('arguments', args, 'text without NUL characters');
    return args === '' ? undefined : args;
  }
  if (!Array.isArray(args) || args.some((a) => typeof a !== 'string')) {
    problems.add('arguments', args, 'a string, or a list of strings');
    return undefined;
  }
  args.forEach((a: string, i) => {
    screen(`arguments[${i}]`, a);
    if (isToken(a)) {
      problems.add(`arguments[${i}]`, a, 'literal text; a Terraform reference cannot be shell-quoted at synth, so pass the arguments as one string to use one');
    } else if (a.includes('\0')) {
      problems.add(`arguments[${i}]`, a, 'text without NUL characters');
    }
  });
  return args.length === 0 ? undefined : shellWords(args);
}

function timeoutString(problems: ScriptProblems, timeout: unknown): string | undefined {
  if (timeout === undefined) return undefined;
  if (!(timeout instanceof Duration)) {
    problems.add('timeout', timeout, 'a Duration, like Duration.minutes(30)');
    return undefined;
  }
  const seconds = timeout.toSeconds();
  if (seconds < 1 || seconds > MAX_SCRIPT_TIMEOUT.toSeconds()) {
    problems.add('timeout', timeout.toHumanString(), `1 second to ${MAX_SCRIPT_TIMEOUT.toHumanString()} (Azure's default is 15 minutes)`);
    return undefined;
  }
  return timeout.toGnuTimeout();
}
