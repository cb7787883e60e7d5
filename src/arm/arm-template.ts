import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, TerraformStack } from '../core/framework';
import { IConstruct } from 'constructs';
import { Problems } from '../core/errors';
import {
  ArmContribution,
  ArmParameter,
  ArmTemplateBuilder,
  DEPLOYMENT_TEMPLATE_SCHEMA,
  isArmContribution,
} from './template-builder';

export type { ArmParameter } from './template-builder';

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

/**
 * An ARM deployment template (2019-04-01 schema) for what a stack declares, for teams that deploy with
 * ARM or Bicep, or review what Terraform will send. Deploy it to the workspace's resource group.
 */
export class ArmTemplate {
  /** The template for the stack's compute instances and other ARM contributions. */
  static synth(stack: TerraformStack): ArmTemplateDocument {
    const builder = new ArmTemplateBuilder(stack);
    const contributions = stack.node.findAll().filter((c): c is IConstruct & ArmContribution => isArmContribution(c));
    const resources = contributions.flatMap((c) => c.toArmResources(builder));
    checkOneResourceGroup(stack, contributions);
    const notInThisTemplate = contributions.flatMap((c) => c.notInArmTemplate ?? []);
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
function checkOneResourceGroup(stack: TerraformStack, contributions: readonly (IConstruct & ArmContribution)[]): void {
  const groups = new Map<string, string[]>();
  for (const c of contributions) {
    const group = c.armResourceGroup?.();
    if (group === undefined) continue;
    groups.set(group.key, [...(groups.get(group.key) ?? [group.id]), c.node.path]);
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
