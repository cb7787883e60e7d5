import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, resolve, TerraformStack } from '../core/framework';
import { IConstruct } from 'constructs';
import { resourceGroupIdOf, resourceGroupKeyOf } from '../compute-instance/access/workspace-scope';
import { ComputeInstance } from '../compute-instance/compute-instance';
import { COMPUTE_API_VERSION, COMPUTE_RESOURCE_TYPE, ComputeInstanceSpec } from '../model/compute-arm';
import { Problems } from '../core/errors';
import { armIdName } from '../validation/field-checks';
import { propPathOf } from './parameter-names';
import { isToken } from '../core/tokens';
import type { TerraformOnlyPart } from '../model/terraform-only';

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
 * A stack's deployment template, the JSON object an ARM deployment takes (same page, "Template format").
 */
export interface ArmTemplateDocument {
  /** The template language schema URL, `DEPLOYMENT_TEMPLATE_SCHEMA` (a resource group deployment). */
  readonly $schema: string;
  /** The template's version, `1.0.0.0`: ARM takes any value and leaves its meaning to the author. */
  readonly contentVersion: string;
  /** Present when the stack's Terraform output does things this template cannot. */
  readonly metadata?: { readonly notInThisTemplate: readonly string[] };
  /** The parameters by name: one for each Terraform reference in the stack's resources. */
  readonly parameters: Record<string, ArmParameter>;
  /** The resources to deploy, in ARM's JSON shape. */
  readonly resources: object[];
}

/** Something that adds resources to a stack's ARM template (compute instances, policies). */
interface ArmContribution {
  toArmResources(template: ArmTemplateBuilder): object[];
}

/**
 * Builds one template: turns Terraform references into template parameters and escapes literal strings
 * that ARM would read as expressions.
 */
export class ArmTemplateBuilder {
  readonly parameters: Record<string, ArmParameter> = {};

  constructor(private readonly stack: TerraformStack) {}

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

/** The ARM resource for one compute instance's spec. */
function computeInstanceArmResource(spec: ComputeInstanceSpec, builder: ArmTemplateBuilder, prefix: string): object {
  // A child resource's full name is `<workspace>/<compute>`; written as an expression because the
  // template schema holds a literal name to the compute name pattern alone.
  const workspaceName = isToken(spec.workspaceId)
    ? `last(split(${builder.expressionFor(spec.workspaceId, `${prefix}.workspaceId`)}, '/'))`
    : builder.expressionFor(armIdName(spec.workspaceId), `${prefix}.workspaceName`);
  const name = `[concat(${workspaceName}, '/', ${builder.expressionFor(spec.name, `${prefix}.name`)})]`;
  const { workspaceId: _parent, name: _name, ...rest } = spec;
  void _parent;
  void _name;
  return {
    type: COMPUTE_RESOURCE_TYPE,
    apiVersion: COMPUTE_API_VERSION,
    name,
    ...builder.translate(rest, prefix, propPathOf),
  };
}

function armPrefix(stack: TerraformStack, c: IConstruct): string {
  return c.node.path.slice(stack.node.path.length + 1).replace(/\//g, '.');
}

/**
 * An ARM deployment template (2019-04-01 schema) for what a stack declares, for teams that deploy with
 * ARM or Bicep, or review what Terraform will send. Deploy it to the workspace's resource group.
 */
export class ArmTemplate {
  /** The template for the stack's compute instances and other ARM contributions. */
  static synth(stack: TerraformStack): ArmTemplateDocument {
    const builder = new ArmTemplateBuilder(stack);
    const resources: object[] = [];
    const instances: ComputeInstance[] = [];
    for (const c of stack.node.findAll()) {
      if (ComputeInstance.isComputeInstance(c)) {
        instances.push(c);
        resources.push(computeInstanceArmResource(c.spec, builder, armPrefix(stack, c)));
      } else if (isArmContribution(c)) {
        resources.push(...c.toArmResources(builder));
      }
    }
    checkOneResourceGroup(stack, instances);
    const notInThisTemplate = instances.flatMap((c) => c.terraformOnly.map(describeTerraformOnly));
    return {
      $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
      contentVersion: '1.0.0.0',
      ...(notInThisTemplate.length > 0 ? { metadata: { notInThisTemplate } } : {}),
      parameters: builder.parameters,
      resources,
    };
  }

  /**
   * Writes `<outdir>/arm/<stack>.json` for every stack of the app; returns the paths written. A stack with an
   * error annotation (a broken Deny rule, say) gets no template: under the cdktf CLI
   * (`CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS`) `app.synth()` records errors instead of throwing, and a
   * template of such a stack would deploy what the synth refused. The skipped stacks are named on stderr.
   */
  static writeForApp(app: App): string[] {
    const dir = join(app.outdir, 'arm');
    mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    for (const stack of app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c))) {
      const errors = errorAnnotations(stack);
      if (errors.length > 0) {
        process.stderr.write(
          `ArmTemplate: no template written for stack ${stack.node.path}: ${errors.length} error annotation(s), first: ${errors[0]}\n`,
        );
        continue;
      }
      const file = join(dir, `${stack.node.id}.json`);
      writeFileSync(file, `${JSON.stringify(ArmTemplate.synth(stack), null, 2)}\n`);
      written.push(file);
    }
    return written;
  }
}

/** `<path>: <message>` of every error annotation in the stack (cdktf writes them as `@cdktf/error` metadata). */
function errorAnnotations(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => /(^|\/)error$/.test(m.type)).map((m) => `${c.node.path}: ${String(m.data)}`),
    );
}

/**
 * One template is one deployment to one resource group, and a compute resource is named only by its
 * workspace there: instances whose workspaces sit in different groups would land in the wrong one.
 * Workspaces known only at apply are parameters and cannot be compared here.
 */
function checkOneResourceGroup(stack: TerraformStack, instances: readonly ComputeInstance[]): void {
  const groups = new Map<string, string[]>();
  for (const c of instances) {
    if (isToken(c.spec.workspaceId)) continue;
    const group = resourceGroupIdOf(c.spec.workspaceId);
    const key = resourceGroupKeyOf(stack, c.spec.workspaceId);
    groups.set(key, [...(groups.get(key) ?? [group]), c.node.path]);
  }
  if (groups.size <= 1) return;
  const problems = new Problems(stack.node.path);
  const listing = [...groups.values()].map(([group, ...paths]) => `${group}: ${paths.join(', ')}`).join('; ');
  problems.add(
    'ArmTemplate',
    `instances in ${groups.size} resource groups`,
    `compute instances whose workspaces are in one resource group, the group a template is deployed to (here ${listing}); put the others in a stack of their own`,
  );
  problems.throwIfAny();
}

function isArmContribution(c: unknown): c is ArmContribution {
  return typeof (c as Partial<ArmContribution>).toArmResources === 'function';
}

/** How the template's `metadata.notInThisTemplate` names what only Terraform does for an instance. */
function describeTerraformOnly(part: TerraformOnlyPart): string {
  switch (part.kind) {
    case 'accessGrant':
      return `the access grant of ${part.instanceName} (custom role and role assignment)`;
    case 'stopAfterCreation':
      return `the stop of ${part.instanceName} after creation (initialState "Stopped"): run az ml compute stop`;
  }
}
