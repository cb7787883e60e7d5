import { IConstruct } from 'constructs';
import { ValidationError } from './errors';
import { TerraformStack } from './framework';

/**
 * Each entry of the package is built against one framework (src/framework.ts): its constructs extend that
 * framework's classes, and inside another framework's stack they fail far from the cause (`Cannot find module
 * 'cdktf'`, `e._resetResolveDiscoveredProviderFeatureUsage is not a function`). Both frameworks mark their
 * stacks and apps with the same `Symbol.for` brands, so `TerraformStack.of` finds either; the framework is told
 * by the class's jsii type name, which each sets on its own classes and subclasses inherit
 * (`TerraformStack[Symbol.for("jsii.rtti")] = { fqn: "cdktf.TerraformStack" }`, `"cdktn.TerraformStack"`).
 */
const JSII_RTTI = Symbol.for('jsii.rtti');
const FRAMEWORK_BRANDS = [Symbol.for('cdktf/TerraformStack'), Symbol.for('cdktf/App')];

const FRAMEWORKS: Record<string, { readonly name: string; readonly entry: string }> = {
  cdktf: { name: 'CDK for Terraform (cdktf)', entry: 'cdktf-azureml-compute' },
  cdktn: { name: 'CDK Terrain (cdktn)', entry: 'cdktf-azureml-compute/cdktn' },
};

/** The framework package a framework object's class comes from (`cdktf`, `cdktn`), by its jsii type name. */
function frameworkOf(x: object): { readonly framework: string; readonly fqn: string } | undefined {
  const rtti: unknown = (x.constructor as unknown as Record<symbol, unknown> | undefined)?.[JSII_RTTI];
  const fqn = (rtti as { fqn?: unknown } | undefined)?.fqn;
  return typeof fqn === 'string' ? { framework: fqn.split('.')[0], fqn } : undefined;
}

const THIS_FRAMEWORK = frameworkOf(TerraformStack.prototype)?.framework ?? 'cdktf';

/**
 * `scope`, checked: throws a ValidationError naming the entry to import when it lives in a stack or app of the
 * other framework. `id` is that of the construct being made in it (its node may not exist yet); without one,
 * `scope` itself is what is checked (an app given to a function).
 */
export function inSameFramework<T extends IConstruct>(scope: T, id?: string): T {
  const owner = [...scope.node.scopes].reverse().find((c) => FRAMEWORK_BRANDS.some((brand) => brand in c));
  const found = owner === undefined ? undefined : frameworkOf(owner);
  if (found === undefined || found.framework === THIS_FRAMEWORK || !(found.framework in FRAMEWORKS)) return scope;
  const at = scope.node.path;
  const subject = id === undefined ? at || 'the app' : at === '' ? id : `${at}/${id}`;
  const other = FRAMEWORKS[found.framework];
  const own = FRAMEWORKS[THIS_FRAMEWORK];
  throw new ValidationError([
    {
      path: subject,
      field: 'scope',
      received: `${found.fqn} ${owner!.node.path === '' ? '(the app)' : `"${owner!.node.path}"`}, of ${other.name}`,
      allowed: `a construct of ${own.name}: this is the package's ${THIS_FRAMEWORK} entry, '${own.entry}'; with ${found.framework}, import from '${other.entry}'`,
    },
  ]);
}
