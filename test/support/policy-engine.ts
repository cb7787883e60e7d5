/**
 * A small model of Azure Policy's evaluation, for tests: enough of the policy language (field, value,
 * count, allOf, anyOf, not; equals, exists, greater, less) and of the template functions to run the
 * rules this library writes against a compute instance's ARM body. It lets a test check that a rule's
 * JSON and the rule's synth-time check agree. It models Azure as documented; it is not Azure.
 */

const COMPUTES = 'Microsoft.MachineLearningServices/workspaces/computes';

/** The ARM request Azure evaluates: the compute resource with its body. */
export interface PolicyResource {
  readonly type: string;
  readonly properties: unknown;
}

type Json = unknown;

const COMPUTE_BASE_ALIASES = new Set(['computeType', 'disableLocalAuth', 'description', 'computeLocation']);

/** The property path an alias of `computes` reads (`schedules.computeStartStop[*]` -> properties.properties...). */
function aliasPath(field: string): string {
  if (field === 'type') return 'type';
  if (!field.startsWith(`${COMPUTES}/`)) throw new Error(`alias outside computes: ${field}`);
  const rest = field.slice(COMPUTES.length + 1);
  // The Compute base (computeType, disableLocalAuth, description) sits at `properties`; the compute
  // instance's own properties one level down.
  return COMPUTE_BASE_ALIASES.has(rest) ? `properties.${rest}` : `properties.properties.${rest}`;
}

function read(value: Json, path: string): Json {
  let current: Json = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, Json>)[part];
  }
  return current;
}

interface Context {
  readonly resource: PolicyResource;
  /** Inside a count: the array alias (with `[*]`) and the element being judged. */
  readonly element?: { readonly alias: string; readonly value: Json };
}

function fieldValue(ctx: Context, field: string): Json {
  if (ctx.element && field.startsWith(`${ctx.element.alias}.`)) {
    return read(ctx.element.value, field.slice(ctx.element.alias.length + 1));
  }
  if (field.includes('[*]')) throw new Error(`[*] alias outside a count: ${field}`);
  return read(ctx.resource, aliasPath(field));
}

const truthy = (v: Json) => v === true || (typeof v === 'string' && v.toLowerCase() === 'true');

function compare(operand: Json, condition: Record<string, Json>): boolean {
  if ('exists' in condition) return (operand !== undefined && operand !== null) === truthy(condition.exists);
  if ('equals' in condition) {
    if (operand === undefined || operand === null) return false;
    return String(operand).toLowerCase() === String(condition.equals).toLowerCase();
  }
  if ('notEquals' in condition) return !compare(operand, { equals: condition.notEquals });
  if ('in' in condition) return (condition.in as Json[]).some((x) => compare(operand, { equals: x }));
  if ('greater' in condition) return Number(operand) > Number(condition.greater);
  if ('less' in condition) return Number(operand) < Number(condition.less);
  throw new Error(`operator not modelled: ${Object.keys(condition).join(', ')}`);
}

/** True when the condition holds for the resource. */
export function conditionHolds(condition: Json, ctx: Context): boolean {
  const c = condition as Record<string, Json>;
  if ('allOf' in c) return (c.allOf as Json[]).every((x) => conditionHolds(x, ctx));
  if ('anyOf' in c) return (c.anyOf as Json[]).some((x) => conditionHolds(x, ctx));
  if ('not' in c) return !conditionHolds(c.not, ctx);
  if ('count' in c) {
    const count = c.count as { field: string; where?: Json };
    const arrayValue = read(ctx.resource, aliasPath(count.field.replace(/\[\*\]$/, '')));
    const items = Array.isArray(arrayValue) ? arrayValue : [];
    const n = items.filter(
      (item) =>
        count.where === undefined ||
        conditionHolds(count.where, { ...ctx, element: { alias: count.field, value: item } }),
    ).length;
    return compare(n, c);
  }
  if ('field' in c) return compare(fieldValue(ctx, c.field as string), c);
  if ('value' in c) return compare(evaluateExpression(c.value as string, ctx), c);
  throw new Error(`condition not modelled: ${JSON.stringify(c)}`);
}

/** Evaluates a policy rule's `if` for a resource. */
export function ruleMatches(rule: { if: Json }, resource: PolicyResource): boolean {
  return conditionHolds(rule.if, { resource });
}

/** The compute resource Azure evaluates for a compute instance body (`spec.properties`). */
export function computeResource(body: unknown): PolicyResource {
  return { type: COMPUTES, properties: body };
}

// --- template functions ---------------------------------------------------------------------------

type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };

const FUNCTIONS: Record<string, (ctx: Context, ...args: Value[]) => Value> = {
  field: (ctx, alias) => fieldValue(ctx, alias as string) as Value,
  coalesce: (_ctx, ...args) => args.find((a) => a !== undefined && a !== null) ?? null,
  toUpper: (_ctx, s) => (s as string).toUpperCase(),
  contains: (_ctx, container, item) => (container as string).includes(item as string),
  split: (_ctx, s, delimiters) => {
    const list = Array.isArray(delimiters) ? (delimiters as string[]) : [delimiters as string];
    return (s as string).split(new RegExp(list.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')));
  },
  createArray: (_ctx, ...items) => items,
  first: (_ctx, a) => (a as Value[])[0],
  last: (_ctx, a) => (a as Value[])[(a as Value[]).length - 1],
  int: (_ctx, s) => {
    if (!/^-?\d+$/.test(String(s))) throw new Error(`int() of ${JSON.stringify(s)}`);
    return Number(s);
  },
  add: (_ctx, a, b) => (a as number) + (b as number),
  mul: (_ctx, a, b) => (a as number) * (b as number),
  empty: (_ctx, v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0),
};

/**
 * Evaluates a bracketed expression (`[add(1, 2)]`). `if` is lazy, as Azure Policy's is (its docs use
 * `if` to keep a failing branch from being evaluated).
 */
export function evaluateExpression(text: string, ctx: Context): Value {
  if (!text.startsWith('[') || !text.endsWith(']')) throw new Error(`not an expression: ${text}`);
  const source = text.slice(1, -1);
  let pos = 0;
  const skipSpace = () => {
    while (source[pos] === ' ') pos++;
  };
  type Node = { kind: 'literal'; value: Value } | { kind: 'call'; name: string; args: Node[] };
  const parse = (): Node => {
    skipSpace();
    if (source[pos] === "'") {
      let out = '';
      pos++;
      for (;;) {
        if (source[pos] === "'" && source[pos + 1] === "'") {
          out += "'";
          pos += 2;
          continue;
        }
        if (source[pos] === "'") {
          pos++;
          break;
        }
        if (pos >= source.length) throw new Error('unterminated string');
        out += source[pos++];
      }
      return { kind: 'literal', value: out };
    }
    const number = /^-?\d+/.exec(source.slice(pos));
    if (number) {
      pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const name = /^[A-Za-z]+/.exec(source.slice(pos));
    if (!name) throw new Error(`unexpected ${source.slice(pos, pos + 10)}`);
    pos += name[0].length;
    if (source[pos++] !== '(') throw new Error(`expected ( after ${name[0]}`);
    const args: Node[] = [];
    skipSpace();
    if (source[pos] === ')') {
      pos++;
      return { kind: 'call', name: name[0], args };
    }
    for (;;) {
      args.push(parse());
      skipSpace();
      const sep = source[pos++];
      if (sep === ')') break;
      if (sep !== ',') throw new Error(`expected , or ) at ${pos}`);
    }
    return { kind: 'call', name: name[0], args };
  };
  const evaluate = (node: Node): Value => {
    if (node.kind === 'literal') return node.value;
    if (node.name === 'if') return evaluate(node.args[0]) ? evaluate(node.args[1]) : evaluate(node.args[2]);
    const fn = FUNCTIONS[node.name];
    if (!fn) throw new Error(`function not modelled: ${node.name}`);
    return fn(ctx, ...node.args.map(evaluate));
  };
  const tree = parse();
  skipSpace();
  if (pos !== source.length) throw new Error(`trailing text: ${source.slice(pos)}`);
  return evaluate(tree);
}
