import { isPlainObject } from '../../validation/plain-object';
import { joinPath } from './json-path';

/**
 * ARM template expressions, resolved where the command can know the value: `[parameters('x')]` from the
 * parameter file or the parameter's default, `variables`, `concat`, `base64`, `string` and string literals
 * (ARM's "Template functions" reference names them; `[[` starts a literal `[`). Anything else (a function of
 * the deployment, such as `resourceGroup()`) is unknown before deployment and is reported as skipped.
 */

/** Where a value was read: a file and a JSON path in it. */
export interface Origin {
  readonly file: string;
  readonly path: string;
}

export type Resolved =
  | { readonly known: true; readonly value: unknown; readonly origin?: Origin }
  | { readonly known: false; readonly reason: string };

export interface ExpressionScope {
  /** The parameter's value and where it came from, or a reason it is unknown. */
  parameter(name: string): Resolved;
  variable(name: string): Resolved;
}

/** True for a string ARM reads as an expression. */
export function isArmExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

const KNOWN_FUNCTIONS = ['parameters', 'variables', 'concat', 'base64', 'string'];

type Token = { kind: 'name' | 'string' | 'number' | 'punct'; text: string };

function tokens(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if ('(),'.includes(c)) {
      out.push({ kind: 'punct', text: c });
      i++;
      continue;
    }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text[i] === "'" && text[i + 1] === "'") {
          s += "'";
          i += 2;
          continue;
        }
        if (text[i] === "'") {
          i++;
          break;
        }
        s += text[i++];
      }
      out.push({ kind: 'string', text: s });
      continue;
    }
    const word = /^[A-Za-z_][\w.]*|^-?\d+/.exec(text.slice(i));
    if (!word) return undefined;
    out.push({ kind: /^-?\d/.test(word[0]) ? 'number' : 'name', text: word[0] });
    i += word[0].length;
  }
  return out;
}

/** Resolves a value that may be an expression; a literal is known as it is. */
export function resolveArmValue(value: unknown, scope: ExpressionScope): Resolved {
  if (typeof value === 'string' && value.startsWith('[[')) return { known: true, value: value.slice(1) };
  if (!isArmExpression(value)) return { known: true, value };
  const list = tokens(value.slice(1, -1));
  if (!list) {
    const call = /([A-Za-z_]\w*)\(/.exec(value.slice(1))?.[1];
    const known = call !== undefined && !KNOWN_FUNCTIONS.includes(call.toLowerCase());
    return {
      known: false,
      reason: known
        ? `${value} uses ${call}(), known only when Azure deploys the template`
        : `${value} is not an expression this command reads`,
    };
  }
  let at = 0;
  const parse = (): Resolved => {
    const t = list[at++];
    if (!t) return { known: false, reason: `${value} ends early` };
    if (t.kind === 'string') return { known: true, value: t.text };
    if (t.kind === 'number') return { known: true, value: Number(t.text) };
    if (t.kind !== 'name' || list[at]?.text !== '(')
      return { known: false, reason: `${value} is not an expression this command reads` };
    at++;
    const args: Resolved[] = [];
    while (list[at] && list[at].text !== ')') {
      args.push(parse());
      if (list[at]?.text === ',') at++;
    }
    if (list[at++]?.text !== ')') return { known: false, reason: `${value} is not an expression this command reads` };
    const unknown = args.find((a) => !a.known);
    if (unknown) return unknown;
    const values = args.map((a) => (a as { value: unknown }).value);
    switch (t.text.toLowerCase()) {
      case 'parameters':
        return scope.parameter(String(values[0]));
      case 'variables':
        return scope.variable(String(values[0]));
      case 'concat':
        return values.every((v) => Array.isArray(v))
          ? { known: true, value: values.flat() }
          : { known: true, value: values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('') };
      case 'base64':
        return { known: true, value: Buffer.from(String(values[0]), 'utf8').toString('base64') };
      case 'string':
        return { known: true, value: typeof values[0] === 'string' ? values[0] : JSON.stringify(values[0]) };
      default:
        return { known: false, reason: `${value} uses ${t.text}(), known only when Azure deploys the template` };
    }
  };
  const result = parse();
  if (result.known && at !== list.length)
    return { known: false, reason: `${value} is not an expression this command reads` };
  // Only a whole `[parameters('x')]` keeps the parameter's origin: a value built from it was not written there.
  if (result.known && result.origin && !/^\[\s*parameters\('[^']*'\)\s*\]$/i.test(value))
    return { known: true, value: result.value };
  return result;
}

/** A template's scope: parameter values from the parameter file, else the template's defaults. */
export function templateScope(
  template: Record<string, any>,
  templateFile: string,
  parameterFile?: { file: string; json: unknown },
): ExpressionScope {
  const declared = isPlainObject(template.parameters) ? template.parameters : {};
  const file: unknown = parameterFile?.json;
  const given: Record<string, any> = isPlainObject(file) && isPlainObject(file.parameters) ? file.parameters : {};
  const variables = isPlainObject(template.variables) ? template.variables : {};
  const resolving = new Set<string>();
  const scope: ExpressionScope = {
    parameter(name) {
      const key = Object.keys(given).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key !== undefined && isPlainObject(given[key]) && 'value' in given[key]) {
        return {
          known: true,
          value: given[key].value,
          origin: { file: parameterFile!.file, path: joinPath('parameters', key, 'value') },
        };
      }
      if (key !== undefined && isPlainObject(given[key]) && 'reference' in given[key]) {
        return { known: false, reason: `parameter ${name} is a Key Vault reference, read only when Azure deploys` };
      }
      const declaredKey = Object.keys(declared).find((k) => k.toLowerCase() === name.toLowerCase());
      if (
        declaredKey === undefined ||
        !isPlainObject(declared[declaredKey]) ||
        !('defaultValue' in declared[declaredKey])
      ) {
        return {
          known: false,
          reason: `parameter ${name} has no value${parameterFile ? ` in ${parameterFile.file}` : ' (give one with --parameters FILE)'} and no default`,
        };
      }
      if (resolving.has(name)) return { known: false, reason: `parameter ${name} refers to itself` };
      resolving.add(name);
      const resolved = resolveArmValue(declared[declaredKey].defaultValue, scope);
      resolving.delete(name);
      return resolved.known && !isArmExpression(declared[declaredKey].defaultValue)
        ? {
            known: true,
            value: resolved.value,
            origin: { file: templateFile, path: joinPath('parameters', declaredKey, 'defaultValue') },
          }
        : resolved;
    },
    variable(name) {
      if (!(name in variables)) return { known: false, reason: `variable ${name} is not declared` };
      return resolveArmValue(variables[name], scope);
    },
  };
  return scope;
}
