import { ArmScriptReference } from '../model/compute-arm';
import { Duration } from '../core/duration';
import { Problems } from '../core/errors';
import { Memo } from '../core/memo';
import { SealedValue } from '../core/sealed-value';
import { jsonObjectCopy } from '../core/plain-object';
import { isToken } from '../core/tokens';
import { optionsOf } from './options-object';
import { MAX_SCRIPT_BYTES, SCRIPT_TIMEOUT_MAX_SECONDS } from '../model/limits';
import { readScriptFile } from './script-file';
import { ScriptProblems, SECRETS_ALLOWED } from './script-problems';
import { shellWords } from './shell-quote';
import { workspacePathRefused } from './workspace-path';

/** Azure stops a script after 15 minutes unless told otherwise; this library allows up to a day. */
const MAX_SCRIPT_TIMEOUT = Duration.seconds(SCRIPT_TIMEOUT_MAX_SECONDS);

/** Options of a setup script: its arguments, its time limit, and whether it may hold secrets. */
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

const SEALED = new SealedValue<SetupScript>(
  'SetupScript',
  'a script from SetupScript.inline, .fromFile or .fromWorkspace, or SetupScriptBuilder.build (the class cannot be constructed or extended)',
);
/** Only the factories of this module hold it: the constructor refuses to run without it. */
const VALIDATED = SEALED.token;
/** Set by SetupScript's static block: the constructor, for `inlineSetupScript`. */
let makeSetupScript: (
  reference: ArmScriptReference,
  text: string | undefined,
  warnings: readonly string[],
) => SetupScript;

/**
 * A creation or startup script of a compute instance: one ARM `ScriptReference`. Azure runs it as root, in
 * the script's folder of the workspace share (the share's `Users` folder for an inline script), with
 * `CI_RESOURCE_GROUP`, `CI_WORKSPACE`, `CI_NAME` and `CI_LOCAL_UBUNTU_USER` set.
 */
export class SetupScript {
  /**
   * True for a SetupScript, made by this copy of the library or another one in the same program (where
   * `instanceof` is false). A value that only claims to be one is checked again where it is used.
   */
  static isSetupScript(x: unknown): x is SetupScript {
    return SEALED.isBranded(x);
  }

  /**
   * The script `value` stands for, made by this copy: itself when this copy made it; another copy's script
   * (or anything else that says it is one) checked again from its `toArm()`; otherwise undefined, with the
   * problem added under `field`. Secrets are not screened again: the copy that made the script screened
   * them, with the `allowSecrets` it was given.
   * @internal
   */
  static fromAnyCopy(
    problems: Problems,
    field: string,
    value: unknown,
    allowed = 'a SetupScript made by its factories',
  ): SetupScript | undefined {
    return SEALED.fromAnyCopy(problems, field, value, allowed, (claimed) => {
      // Its text may hold a secret that its own copy allowed: describe it, never show it.
      const reference = jsonObjectCopy(() => claimed.toArm()) as ArmScriptReference | undefined;
      if (reference === undefined) {
        problems.addSecret(field, 'a SetupScript whose toArm() gives no script reference', allowed);
        return undefined;
      }
      const again = problems.collect(field, () => fromReference(reference));
      if (again === undefined) return undefined;
      if (!sameFields(again.toArm(), reference)) {
        problems.addSecret(field, 'a SetupScript whose script reference no factory gives', allowed);
        return undefined;
      }
      return again;
    });
  }

  /** A script given as text; Azure receives it base64-encoded. */
  static inline(text: string, options?: SetupScriptOptions): SetupScript {
    // Options passed on as given: without them, the text's checks are remembered (inlineSetupScript).
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
    return new SetupScript(reference!, text, warnings, VALIDATED);
  }

  /**
   * A script stored in the workspace's notebooks file share (`Users/admin/setup.sh`). Azure reads it when
   * the instance runs it, so it is not checked here beyond its path.
   */
  static fromWorkspace(path: string, options: SetupScriptOptions = {}): SetupScript {
    const problems = new ScriptProblems('SetupScript.fromWorkspace');
    const checked = optionsOf<SetupScriptOptions>(problems, options);
    if (typeof path !== 'string' || path === '') {
      problems.add('path', path, "a path in the workspace's notebooks file share, like Users/admin/setup.sh");
    } else if (!isToken(path)) {
      const allowed = workspacePathRefused(path);
      if (allowed) problems.add('path', path, allowed);
    }
    const reference = scriptReference(problems, 'fromWorkspace', path, checked);
    problems.throwIfAny();
    return new SetupScript(reference!, undefined, [], VALIDATED);
  }

  /**
   * What the user should know about the script though it is valid (CRLF line ends, no shebang).
   * A ComputeInstance reports them as warning annotations on itself.
   * @internal
   */
  public readonly warnings: readonly string[];

  /** The script's text, for inline and local-file scripts; a workspace script is read by Azure. */
  public readonly text?: string;

  readonly #reference: ArmScriptReference;

  private constructor(
    reference: ArmScriptReference,
    text: string | undefined,
    warnings: readonly string[],
    validated: typeof VALIDATED,
  ) {
    SEALED.admit(new.target, SetupScript, validated);
    this.#reference = reference;
    this.text = text;
    this.warnings = Object.freeze([...warnings]);
    SEALED.seal(this);
  }

  /** The ARM `ScriptReference`. */
  toArm(): ArmScriptReference {
    return { ...this.#reference };
  }

  static {
    // The step builder makes inline scripts too, reporting problems under its own name; it reaches the
    // constructor through this module-private function instead of a public factory.
    makeSetupScript = (reference, text, warnings) => new SetupScript(reference, text, warnings, VALIDATED);
  }
}

/**
 * An inline script from `text`, its problems reported under `path` (the factory) and `field`.
 * @internal
 */
export function inlineSetupScript(
  path: string,
  field: string,
  text: string,
  options: SetupScriptOptions | undefined,
): SetupScript {
  // A fleet gives many instances the same script: its checks (the secret scan above all) run once per text.
  // Options may change every check, so only a text without them is remembered.
  const key = options === undefined && typeof text === 'string' ? text : undefined;
  const checked = checkedInlineTexts.through(key, () => {
    const problems = new ScriptProblems(path);
    const given = optionsOf<SetupScriptOptions>(problems, options);
    const warnings = checkText(problems, field, text, given);
    const reference = scriptReference(problems, 'inline', text, given);
    problems.throwIfAny();
    return { reference: reference!, warnings };
  });
  return makeSetupScript({ ...checked.reference }, text, checked.warnings);
}

/** Inline texts without options that passed every check, with what they gave; bounded, as a fleet has few. */
const checkedInlineTexts = new Memo<{ readonly reference: ArmScriptReference; readonly warnings: readonly string[] }>(
  'checked inline script texts',
  64,
);

/** Checks the text of an inline or local-file script; returns its warnings. */
function checkText(
  problems: ScriptProblems,
  field: string,
  text: unknown,
  options: Partial<SetupScriptOptions>,
  checks: { shebang?: boolean } = {},
): string[] {
  if (typeof text !== 'string' || text.trim() === '') {
    problems.add(field, text, 'the text of a script');
    return [];
  }
  if (isToken(text)) {
    problems.add(
      field,
      text,
      'literal text; a Terraform reference cannot be base64-encoded at synth, so pass it in arguments instead',
    );
    return [];
  }
  if (options.allowSecrets !== true) problems.screenLines(field, text, SECRETS_ALLOWED);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SCRIPT_BYTES) {
    problems.add(
      field,
      `${bytes} bytes`,
      `at most ${MAX_SCRIPT_BYTES} bytes of script; put a bigger script in the workspace share and use SetupScript.fromWorkspace`,
    );
  }
  if (text.includes('\0')) problems.add(field, 'text with a NUL character', 'text without NUL characters');
  const warnings: string[] = [];
  const where = checks.shebang ? field : 'the inline script';
  if (text.includes('\r\n')) {
    warnings.push(
      `${where} has CRLF (Windows) line ends: bash on the instance reads the \\r as part of each command and fails. Save it with LF line ends.`,
    );
  }
  if (checks.shebang && text.startsWith('\uFEFF')) {
    warnings.push(
      `${where} starts with a byte order mark: the instance does not see its first line as a shebang. Save it as UTF-8 without BOM.`,
    );
  } else if (checks.shebang && !text.startsWith('#!')) {
    warnings.push(`${where} has no shebang: start it with #!/bin/bash so that the instance runs it with bash.`);
  }
  return warnings;
}

/**
 * The ARM reference, after checking the options; undefined when any problem is recorded, by these checks
 * or before them (then `data` may not be text at all).
 */
function scriptReference(
  problems: ScriptProblems,
  factory: Factory,
  data: string | undefined,
  options: Partial<SetupScriptOptions>,
): ArmScriptReference | undefined {
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
      problems.add(
        `arguments[${i}]`,
        a,
        'literal text; a Terraform reference cannot be shell-quoted at synth, so pass the arguments as one string to use one',
      );
    } else if (a.includes('\0')) {
      problems.add(`arguments[${i}]`, a, 'text without NUL characters');
    }
  });
  return args.length === 0 ? undefined : shellWords(args);
}

function timeoutString(problems: ScriptProblems, given: unknown): string | undefined {
  if (given === undefined) return undefined;
  const timeout = Duration.fromAnyCopy(problems, 'timeout', given, 'a Duration, like Duration.minutes(30)');
  if (timeout === undefined) return undefined;
  const seconds = timeout.toSeconds();
  if (seconds < 1 || seconds > MAX_SCRIPT_TIMEOUT.toSeconds()) {
    problems.add(
      'timeout',
      timeout.toHumanString(),
      `1 second to ${MAX_SCRIPT_TIMEOUT.toHumanString()} (Azure's default is 15 minutes)`,
    );
    return undefined;
  }
  return timeout.toGnuTimeout();
}

const GNU_UNITS = { s: 'seconds', m: 'minutes', h: 'hours', d: 'days' } as const;

/**
 * The script a reference describes, made again by this copy's factories (so checked as they check, apart
 * from secrets); the caller compares its reference with the one given.
 */
function fromReference(reference: ArmScriptReference): SetupScript {
  const problems = new ScriptProblems('SetupScript');
  const { scriptSource, scriptData, scriptArguments, timeout } = reference as unknown as Record<string, unknown>;
  const gnu = typeof timeout === 'string' ? /^(\d+)([smhd])$/.exec(timeout) : null;
  if (timeout !== undefined && gnu === null) problems.add('timeout', timeout, 'a GNU timeout duration, like 15m');
  if (typeof scriptData !== 'string') problems.add('scriptData', scriptData, 'a string');
  if (scriptSource !== 'inline' && scriptSource !== 'workspaceStorage')
    problems.add('scriptSource', scriptSource, '"inline" or "workspaceStorage"');
  problems.throwIfAny();
  const options: SetupScriptOptions = {
    ...(scriptArguments !== undefined ? { arguments: scriptArguments as string } : {}),
    ...(gnu ? { timeout: Duration[GNU_UNITS[gnu[2] as keyof typeof GNU_UNITS]](Number(gnu[1])) } : {}),
    allowSecrets: true,
  };
  if (scriptSource === 'workspaceStorage') return SetupScript.fromWorkspace(scriptData as string, options);
  return inlineSetupScript(
    'SetupScript',
    'scriptData',
    Buffer.from(scriptData as string, 'base64').toString('utf8'),
    options,
  );
}

function sameFields(a: ArmScriptReference, b: ArmScriptReference): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => a[k as keyof ArmScriptReference] === b[k as keyof ArmScriptReference])
  );
}
