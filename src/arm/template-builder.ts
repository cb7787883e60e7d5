import { IConstruct } from 'constructs';
import { resolve, TerraformStack } from '../core/framework';
import { isToken } from '../core/tokens';

export const DEPLOYMENT_TEMPLATE_SCHEMA =
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/**
 * A template parameter: one value the Terraform output takes from a reference (such as a workspace id) and
 * the deployment must be given ("Understand the structure and syntax of ARM templates",
 * learn.microsoft.com/azure/azure-resource-manager/templates/syntax, "Parameters").
 */
export interface ArmParameter {
  /** The parameter's type: always `string` here, since every reference replaced is text. */
  readonly type: 'string';
  /** The parameter's description: `Terraform: ` and the reference it stands for, as JSON. */
  readonly metadata: { readonly description: string };
}

/**
 * A construct that adds resources to its stack's ARM template (a compute instance, a policy). `ArmTemplate`
 * finds them in the stack and knows nothing else of them.
 */
export interface ArmContribution {
  /** Its resources, with Terraform references turned into template parameters by `template`. */
  toArmResources(template: ArmTemplateBuilder): object[];
  /** What its Terraform output does and the template cannot (the template's `metadata.notInThisTemplate`). */
  readonly notInArmTemplate?: readonly string[];
  /**
   * The resource group its resources deploy to, when known at synth: one template is one deployment to one
   * group. `key` compares groups (without case); `id` names it in a message.
   */
  armResourceGroup?(): { readonly id: string; readonly key: string } | undefined;
}

/** True for a construct that contributes to its stack's ARM template. */
export function isArmContribution(c: unknown): c is ArmContribution {
  return typeof (c as Partial<ArmContribution>).toArmResources === 'function';
}

/**
 * Builds one template: turns Terraform references into template parameters and escapes literal strings
 * that ARM would read as expressions.
 */
export class ArmTemplateBuilder {
  readonly parameters: Record<string, ArmParameter> = {};

  constructor(private readonly stack: TerraformStack) {}

  /** The name prefix of a construct's parameters: its path below the stack, dotted. */
  prefixOf(c: IConstruct): string {
    return c.node.path.slice(this.stack.node.path.length + 1).replace(/\//g, '.');
  }

  /**
   * `value` with every string that holds a Terraform reference replaced by a parameter named
   * `<prefix>.<name>`, where `name` is `nameOf` of the value's dotted path in `value` (the path itself by
   * default), and every literal string that starts with `[` escaped as `[[`.
   */
  translate<T>(value: T, prefix: string, nameOf: (path: string) => string = (p) => p): T {
    return this.walk(value, '', (path) => [prefix, nameOf(path)].filter((s) => s !== '').join('.')) as T;
  }

  /** A template expression for a string: the literal itself, or `parameters('<name>')` for a reference. */
  expressionFor(value: string, name: string): string {
    return isToken(value) ? `parameters('${this.parameter(name, value)}')` : `'${value.replace(/'/g, "''")}'`;
  }

  private parameter(name: string, token: string): string {
    const reference = JSON.stringify(resolve(this.stack, token));
    this.parameters[name] = { type: 'string', metadata: { description: `Terraform: ${reference}` } };
    return name;
  }

  private walk(value: unknown, path: string, nameOf: (path: string) => string): unknown {
    const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
    if (typeof value === 'string') {
      if (isToken(value)) return `[parameters('${this.parameter(nameOf(path), value)}')]`;
      return escapeArmLiteral(value);
    }
    if (Array.isArray(value)) return value.map((v, i) => this.walk(v, at(i), nameOf));
    if (value !== null && typeof value === 'object') {
      // ARM evaluates expressions in property names too (tag keys are user text).
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [escapeArmLiteral(k), this.walk(v, at(k), nameOf)]),
      );
    }
    return value;
  }
}

/**
 * ARM reads a string that starts with `[` and ends with `]` as an expression; `[[` at the start keeps it
 * literal. Other strings are literal as they are (an extra `[` would stay in the value).
 */
function escapeArmLiteral(text: string): string {
  return text.startsWith('[') && text.endsWith(']') ? `[${text}` : text;
}
