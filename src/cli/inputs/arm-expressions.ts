import { isPlainObject } from '../../core/plain-object';
import { UnusableInput } from '../io';
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

type Resolved =
  | { readonly known: true; readonly value: unknown; readonly origin?: Origin }
  | { readonly known: false; readonly reason: string };

interface ExpressionScope {
  /** The parameter's value and where it came from, or a reason it is unknown. */
  parameter(name: string): Resolved;
  variable(name: string): Resolved;
  /** What evaluating may cost; without one, each call to `resolveArmValue` gets its own. */
  readonly budget?: EvaluationBudget;
}

/**
 * This command's limits on one file's expressions, so that no template makes it hang or run out of memory:
 * function calls evaluated, references and calls nested, and the length of a value built. The length is ARM's
 * own limit on a resource definition, 1 MB once variables and parameters are resolved ("ARM template best
 * practices", Template limits: learn.microsoft.com/azure/azure-resource-manager/template-best-practices); the
 * call and depth budgets are this command's choice, far above what a template needs (no source gives ARM's).
 */
export const EXPRESSION_LIMITS = { steps: 100_000, depth: 64, length: 1_048_576 } as const;

/** Counts the work of evaluating one file's expressions and stops it, naming the file and the variable, at a limit. */
class EvaluationBudget {
  /** Function calls evaluated so far. */
  steps = 0;
  /** The variables and parameters being resolved, outermost first. */
  private readonly trail: string[] = [];

  constructor(
    readonly file: string,
    private readonly limits: typeof EXPRESSION_LIMITS = EXPRESSION_LIMITS,
  ) {}

  /** One function call, `depth` calls deep in its expression (0 for the outermost). */
  step(depth: number): void {
    if (++this.steps > this.limits.steps)
      this.fail(`needs more than ${this.limits.steps} function calls evaluated (this command's budget)`);
    if (depth + 1 + this.trail.length > this.limits.depth)
      this.fail(`nests references and calls more than ${this.limits.depth} deep (this command's budget)`);
  }

  /** Resolves `what` (`variables('x')`) with `resolve`; a reference to one being resolved is a cycle. */
  within(what: string, resolve: () => Resolved): Resolved {
    const again = this.trail.indexOf(what);
    if (again >= 0)
      throw new UnusableInput(
        `${this.file}: ${what} refers to itself (${[...this.trail.slice(again), what].join(' -> ')}); Azure refuses a circular reference`,
      );
    this.trail.push(what);
    try {
      return resolve();
    } finally {
      this.trail.pop();
    }
  }

  /** A value built is bounded too: a string or list doubled 40 times would not fit in memory. */
  sized(value: unknown): Resolved {
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
    if (length > this.limits.length)
      this.fail(`builds a value of more than ${this.limits.length} characters or items (this command's budget)`);
    return { known: true, value };
  }

  private fail(what: string): never {
    const where = this.trail.length > 0 ? this.trail[this.trail.length - 1] : 'an expression';
    throw new UnusableInput(`${this.file}: ${where} ${what}`);
  }
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
  const budget = scope.budget ?? new EvaluationBudget('an expression');
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
  const parse = (depth: number): Resolved => {
    const t = list[at++];
    if (!t) return { known: false, reason: `${value} ends early` };
    if (t.kind === 'string') return { known: true, value: t.text };
    if (t.kind === 'number') return { known: true, value: Number(t.text) };
    if (t.kind !== 'name' || list[at]?.text !== '(')
      return { known: false, reason: `${value} is not an expression this command reads` };
    at++;
    budget.step(depth);
    const args: Resolved[] = [];
    while (list[at] && list[at].text !== ')') {
      args.push(parse(depth + 1));
      if (list[at]?.text === ',') at++;
    }
    if (list[at++]?.text !== ')') return { known: false, reason: `${value} is not an expression this command reads` };
    const unknown = args.find((a) => !a.known);
    if (unknown) return unknown;
    const values = args.map((a) => (a as { value: unknown }).value);
    switch (t.text.toLowerCase()) {
      case 'parameters':
      case 'variables':
        if (typeof values[0] !== 'string')
          return { known: false, reason: `${value} names a ${t.text.toLowerCase()} with a value that is not a name` };
        return t.text.toLowerCase() === 'parameters' ? scope.parameter(values[0]) : scope.variable(values[0]);
      case 'concat':
        return budget.sized(
          values.every((v) => Array.isArray(v))
            ? values.flat()
            : values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(''),
        );
      case 'base64':
        return budget.sized(
          Buffer.from(typeof values[0] === 'string' ? values[0] : JSON.stringify(values[0]), 'utf8').toString('base64'),
        );
      case 'string':
        return budget.sized(typeof values[0] === 'string' ? values[0] : JSON.stringify(values[0]));
      default:
        return { known: false, reason: `${value} uses ${t.text}(), known only when Azure deploys the template` };
    }
  };
  const result = parse(0);
  if (result.known && at !== list.length)
    return { known: false, reason: `${value} is not an expression this command reads` };
  // Only a whole `[parameters('x')]` keeps the parameter's origin: a value built from it was not written there.
  if (result.known && result.origin && !/^\[\s*parameters\('[^']*'\)\s*\]$/i.test(value))
    return { known: true, value: result.value };
  return result;
}

/**
 * A template's scope: parameter values from the parameter file, else the template's defaults. Each variable
 * and parameter is resolved once (a chain of variables that each name the one before twice costs one
 * evaluation per variable, not 2^n), within one budget for the whole file.
 */
export function templateScope(
  template: Record<string, any>,
  templateFile: string,
  parameterFile?: { file: string; json: unknown },
): ExpressionScope {
  const declared = isPlainObject(template.parameters) ? template.parameters : {};
  const file: unknown = parameterFile?.json;
  const given: Record<string, any> = isPlainObject(file) && isPlainObject(file.parameters) ? file.parameters : {};
  const variables = isPlainObject(template.variables) ? template.variables : {};
  const budget = new EvaluationBudget(templateFile);
  const parameters = new Map<string, Resolved>();
  const resolvedVariables = new Map<string, Resolved>();
  const own = (o: Record<string, unknown>, name: string) =>
    Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());
  const parameter = (name: string): Resolved => {
    const key = own(given, name);
    if (key !== undefined && isPlainObject(given[key]) && Object.hasOwn(given[key], 'value')) {
      return {
        known: true,
        value: given[key].value,
        origin: { file: parameterFile!.file, path: joinPath('parameters', key, 'value') },
      };
    }
    if (key !== undefined && isPlainObject(given[key]) && Object.hasOwn(given[key], 'reference')) {
      return { known: false, reason: `parameter ${name} is a Key Vault reference, read only when Azure deploys` };
    }
    const declaredKey = own(declared, name);
    if (
      declaredKey === undefined ||
      !isPlainObject(declared[declaredKey]) ||
      !Object.hasOwn(declared[declaredKey], 'defaultValue')
    ) {
      return {
        known: false,
        reason: `parameter ${name} has no value${parameterFile ? ` in ${parameterFile.file}` : ' (give one with --parameters FILE)'} and no default`,
      };
    }
    const defaultValue: unknown = declared[declaredKey].defaultValue;
    const resolved = budget.within(`parameters('${declaredKey}')`, () => resolveArmValue(defaultValue, scope));
    return resolved.known && !isArmExpression(defaultValue)
      ? {
          known: true,
          value: resolved.value,
          origin: { file: templateFile, path: joinPath('parameters', declaredKey, 'defaultValue') },
        }
      : resolved;
  };
  const variable = (name: string): Resolved => {
    if (!Object.hasOwn(variables, name)) return { known: false, reason: `variable ${name} is not declared` };
    return budget.within(`variables('${name}')`, () => resolveArmValue(variables[name], scope));
  };
  const memo =
    (cache: Map<string, Resolved>, resolve: (name: string) => Resolved, keyOf: (name: string) => string) =>
    (name: string) => {
      const key = keyOf(name);
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const resolved = resolve(name);
      cache.set(key, resolved);
      return resolved;
    };
  const scope: ExpressionScope = {
    // Parameters are found whatever their case, variables by their exact name (as before).
    parameter: memo(parameters, parameter, (name) => name.toLowerCase()),
    variable: memo(resolvedVariables, variable, (name) => name),
    budget,
  };
  return scope;
}
