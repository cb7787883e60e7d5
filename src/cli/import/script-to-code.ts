import { Duration } from '../../core/duration';
import { SetupScript, SetupScriptOptions } from '../../setup-script/setup-script';
import { show } from '../../core/errors';
import { isPlainObject } from '../../core/plain-object';
import { call, Expr, lit, name, obj, Prop, prop } from './code';
import { refusalsOf } from './findings';

interface ScriptCode {
  readonly code: Expr;
  /** A module-level constant holding an inline script's text, declared before `addInstances`. */
  readonly constant?: { readonly name: string; readonly text: string };
  readonly build: () => SetupScript;
  readonly refusals: string[];
  readonly notes: string[];
}

const REFERENCE_KEYS = ['scriptSource', 'scriptData', 'scriptArguments', 'timeout'];
const GNU_UNITS = { s: 'seconds', m: 'minutes', h: 'hours', d: 'days' } as const;

/** GNU `timeout`'s DURATION (`15m`, `90`, `2h`) as a Duration factory call, or undefined when not whole. */
function timeoutDuration(text: string): { code: Expr; value: Duration } | undefined {
  const m = /^(\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const unit = GNU_UNITS[(m[2] || 's') as keyof typeof GNU_UNITS];
  return { code: call(`Duration.${unit}`, lit(Number(m[1]))), value: Duration[unit](Number(m[1])) };
}

/** The base64 text as UTF-8, when re-encoding it gives the same base64 back (else the bytes are not text). */
function decodedText(base64: string): string | undefined {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  return Buffer.from(text, 'utf8').toString('base64') === base64 ? text : undefined;
}

/**
 * A `ScriptReference` as a SetupScript: an inline one as `SetupScript.inline(text)` with the text decoded
 * and kept in a constant, a workspace one as `SetupScript.fromWorkspace(path)`. Returns the problems with
 * what cannot be written instead of code.
 */
export function scriptToCode(
  reference: unknown,
  field: string,
  constantName: string,
): ScriptCode | { unsupported: string[] } {
  if (!isPlainObject(reference)) return { unsupported: [`${field} (${show(reference)}): not a script reference`] };
  const extra = Object.keys(reference)
    .filter((k) => !REFERENCE_KEYS.includes(k))
    .sort();
  if (extra.length > 0) return { unsupported: extra.map((k) => `${field}.${k} (${show(reference[k])})`) };
  const { scriptSource, scriptData, scriptArguments, timeout } = reference;
  if (typeof scriptData !== 'string' || (scriptArguments !== undefined && typeof scriptArguments !== 'string')) {
    return { unsupported: [`${field} (${show(reference)}): scriptData and scriptArguments are not text`] };
  }
  const notes: string[] = [];
  const options: Prop[] = [];
  const values: { arguments?: string; timeout?: Duration } = {};
  if (scriptArguments !== undefined) {
    options.push(prop('arguments', lit(scriptArguments)));
    values.arguments = scriptArguments;
  }
  if (timeout !== undefined) {
    const duration = typeof timeout === 'string' ? timeoutDuration(timeout) : undefined;
    if (!duration)
      return {
        unsupported: [`${field}.timeout (${show(timeout)}): not a whole number of seconds, minutes, hours or days`],
      };
    options.push(prop('timeout', duration.code));
    values.timeout = duration.value;
    if (duration.value.toGnuTimeout() !== timeout) {
      notes.push(
        `${field}.timeout: Azure has "${timeout}"; the library writes the same time as "${duration.value.toGnuTimeout()}"`,
      );
    }
  }
  const args = options.length > 0 ? [obj(options)] : [];
  const opts: SetupScriptOptions = values;
  if (scriptSource === 'workspaceStorage') {
    const build = () => SetupScript.fromWorkspace(scriptData, opts);
    return {
      code: call('SetupScript.fromWorkspace', lit(scriptData), ...args),
      build,
      refusals: refusalsOf(build),
      notes,
    };
  }
  if (scriptSource !== 'inline') {
    return { unsupported: [`${field}.scriptSource ${show(scriptSource)}, not "inline" or "workspaceStorage"`] };
  }
  const text = decodedText(scriptData);
  if (text === undefined) return { unsupported: [`${field}.scriptData: not the base64 of UTF-8 text`] };
  const build = () => SetupScript.inline(text, opts);
  return {
    code: call('SetupScript.inline', name(constantName), ...args),
    constant: { name: constantName, text },
    build,
    refusals: refusalsOf(build),
    notes,
  };
}
