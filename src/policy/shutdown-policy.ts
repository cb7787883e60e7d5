import { TerraformStack } from '../core/framework';
import { Construct, IConstruct } from 'constructs';
import { ArmTemplateBuilder } from '../arm/template-builder';
import { ensureAzurermProvider } from '../bindings/azurerm/default-provider';
import { ComputeInstance } from '../compute-instance/compute-instance';
import { Problems } from '../core/errors';
import { UNKNOWN_TOKEN, unknownTokens } from '../core/unknown-tokens';
import { checkInstancesUnder } from './compliance-check';
import { isPlainObject } from '../core/plain-object';
import { validatePolicyName } from './policy-names';
import { ensureProviderTargets } from './policy-provider';
import { ResolvedScope, resolveScope } from './policy-scope';
import { policyArmResources } from './render-arm';
import { renderPolicyTerraform } from './render-terraform';
import { rulesFromProps } from './rules-from-props';
import { ShutdownPolicyProps } from './shutdown-policy-props';
import { ShutdownRule } from './shutdown-rule';
import { inSameFramework } from '../core/framework-check';

/** Policy names already taken in each app, by where the definitions live: Azure keeps one of each. */
const namesByApp = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Azure Policy for compute instances: definitions that default and require shutdown schedules, idle
 * shutdown and setup scripts, grouped in one initiative and assigned once at a management group,
 * subscription or resource group. Every ComputeInstance of the app under that scope is checked against
 * the same rules at synth.
 */
export class ShutdownPolicy extends Construct {
  /** True for a ShutdownPolicy, across copies of this library in one program. */
  static isShutdownPolicy(x: unknown): x is ShutdownPolicy {
    return x !== null && typeof x === 'object' && SHUTDOWN_POLICY_MARK in x;
  }

  /** The name of the initiative and its assignment. */
  public readonly name: string;
  /**
   * The rules, in the initiative's order, with the effect the assignment sets (for the compliance check).
   * @internal
   */
  public readonly rules: readonly ShutdownRule[];
  /**
   * The scope, normalized.
   * @internal
   */
  public readonly resolvedScope: ResolvedScope;
  /** The initiative's ARM id (a Terraform reference). */
  public readonly initiativeId: string;
  /** The assignment's ARM id (a Terraform reference). */
  public readonly assignmentId: string;

  constructor(scope: Construct, id: string, props: ShutdownPolicyProps) {
    super(inSameFramework(scope, id), id);
    Object.defineProperty(this, SHUTDOWN_POLICY_MARK, { value: true });
    const problems = new Problems(this.node.path);
    if (!isPlainObject(props)) {
      problems.add(
        'props',
        props,
        'an object of ShutdownPolicyProps: { scope, and at least one of defaultSchedules, requireSchedules, idleShutdown, defaultSetupScript, requireSetupScript }',
      );
      problems.throwIfAny();
    }
    const resolved = resolveScope(problems, props.scope);
    // Only a missing name falls back to the id: a null one is a mistake to report, not to paper over.
    this.name = props.name === undefined ? id : props.name;
    validatePolicyName(problems, this.name, props.name === undefined);
    this.rules = rulesFromProps(problems, props);
    // cdktf fails the synth on a marker it never issued, naming no construct: refuse it here, with its field.
    if (problems.count === 0)
      for (const u of unknownTokens({ scope: props.scope, defaultSetupScript: props.defaultSetupScript?.toArm() }))
        problems.add(u.path, u.value, UNKNOWN_TOKEN);
    if (problems.count === 0) this.claimName(problems, resolved!);
    problems.throwIfAny();
    this.resolvedScope = resolved!;

    if (this.resolvedScope.kind === 'managementGroup') {
      ensureAzurermProvider(this, { unnamed: 'a management-group policy names none' });
    } else {
      ensureProviderTargets(this, problems, this.resolvedScope.subscriptionId);
      problems.throwIfAny();
    }
    const rendered = renderPolicyTerraform(this, this.name, this.resolvedScope, this.rules);
    this.initiativeId = rendered.initiativeId;
    this.assignmentId = rendered.assignmentId;
    checkInstancesUnder(this);
  }

  /**
   * The policy's resources for `ArmTemplate.synth`. They deploy at the management group or subscription
   * (see render-arm), not at the resource group a compute instance deploys to, so the policy needs a stack
   * of its own for an ARM template: one deployment has one scope.
   * @internal
   */
  toArmResources(builder: ArmTemplateBuilder): object[] {
    const stack = TerraformStack.of(this);
    const problems = new Problems(this.node.path);
    const others = stack.node.findAll().filter((c) => ComputeInstance.isComputeInstance(c));
    if (others.length > 0) {
      problems.add(
        'ArmTemplate',
        `a stack with compute instances (${others.map((c) => c.node.path).join(', ')})`,
        'a stack of its own: the policy deploys at a management group or subscription, compute instances at a resource group, and one ARM deployment has one scope',
      );
    }
    const otherScopes = stack.node
      .findAll()
      .filter(
        (c): c is ShutdownPolicy =>
          ShutdownPolicy.isShutdownPolicy(c) && c !== this && deploymentScope(c) !== deploymentScope(this),
      );
    if (otherScopes.length > 0) {
      problems.add(
        'ArmTemplate',
        `policies deployed at ${[this, ...otherScopes].map(deploymentScope).join(' and ')}`,
        'policies of one stack deployed at one management group or one subscription',
      );
    }
    problems.throwIfAny();
    const prefix = this.node.path.slice(stack.node.path.length + 1).replace(/\//g, '.');
    return policyArmResources(builder, prefix, this.name, this.resolvedScope, this.rules);
  }

  private claimName(problems: Problems, scope: ResolvedScope): void {
    const root = this.node.root;
    const taken = namesByApp.get(root) ?? new Map<string, string>();
    namesByApp.set(root, taken);
    const key = `${definitionLocation(scope).toLowerCase()}|${this.name.toLowerCase()}`;
    const owner = taken.get(key);
    if (owner !== undefined) {
      problems.add(
        'name',
        this.name,
        `a name no other ShutdownPolicy uses for the same ${definitionLocation(scope)} (${owner} has it)`,
      );
    } else {
      taken.set(key, this.node.path);
    }
  }
}

/** Where the definitions live: the management group, or the subscription (of the resource group). */
function definitionLocation(scope: ResolvedScope): string {
  if (scope.kind === 'managementGroup') return scope.label;
  if (scope.subscriptionId !== undefined) return `subscription ${scope.subscriptionId}`;
  return scope.label;
}

function deploymentScope(policy: ShutdownPolicy): string {
  return definitionLocation(policy.resolvedScope);
}

const SHUTDOWN_POLICY_MARK = Symbol.for('cdktf-azureml-compute.ShutdownPolicy');
