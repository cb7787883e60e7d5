import { Annotations, TerraformResource, TerraformStack } from '../core/framework';
import { Construct, IConstruct } from 'constructs';
import { grantComputeUser } from './access/compute-user-role';
import { resourceGroupIdOf, resourceGroupKeyOf } from './access/workspace-scope';
import type { ArmContribution, ArmTemplateBuilder } from '../arm/template-builder';
import { computeInstanceArmResource, describeTerraformOnly } from './arm-resource';
import { ComputeInstanceProps, DRIFT_CHECK_CONTEXT } from './props';
import { ComputeInstanceSpec } from '../model/compute-arm';
import { toComputeInstanceSpec } from './spec';
import type { TerraformOnlyPart } from '../model/terraform-only';
import { validateComputeInstanceProps } from './validation';
import { declareInstance } from './declared-instances';
import { inSameFramework } from '../core/framework-check';
import { Problems } from '../core/errors';
import { renderAzapiComputeInstance } from './terraform/azapi-compute-instance';
import { azurermUnsupportedProps, renderAzurermComputeInstance } from './terraform/azurerm-compute-instance';
import { startsButNeverStops } from '../schedule/schedule-set-checks';
import { computeImportId } from './terraform/import-id';
import { stopAfterCreation } from './terraform/stop-after-creation';
import { createTimeoutMinutes, minutes } from './terraform/timeouts';
import { isToken } from '../core/tokens';
import { UNKNOWN_TOKEN, unknownTokens } from '../core/unknown-tokens';

/** Names already taken in each app, by region: Azure refuses a second compute of the same name in a region. */
const namesByApp = new WeakMap<IConstruct, Map<string, string>>();

/**
 * An Azure Machine Learning compute instance: one data scientist's workstation, with its schedules, setup
 * scripts, idle shutdown and access, validated when it is constructed.
 */
export class ComputeInstance extends Construct {
  /** True for a ComputeInstance, across copies of this library in one program. */
  static isComputeInstance(x: unknown): x is ComputeInstance {
    return x !== null && typeof x === 'object' && COMPUTE_INSTANCE_MARK in x;
  }

  /** The ARM resource this instance declares; every output is a translation of it. */
  public readonly spec: ComputeInstanceSpec;
  /** The compute's ARM id (a Terraform reference). */
  public readonly id: string;
  /** The compute name. */
  public readonly name: string;
  /** What created the instance in Terraform: `azapi` or `azurerm`. */
  public readonly terraformResource: 'azapi' | 'azurerm';
  /**
   * What the Terraform output does for this instance beyond the compute resource, and an ARM template of it
   * cannot (the access grant's azurerm resources, the one-time stop, a POST action). For `ArmTemplate`.
   * @internal
   */
  public readonly terraformOnly: readonly TerraformOnlyPart[];

  constructor(scope: Construct, id: string, given: ComputeInstanceProps) {
    super(inSameFramework(scope, id), id);
    Object.defineProperty(this, COMPUTE_INSTANCE_MARK, { value: true });
    const problems = new Problems(this.node.path);
    // From here on, the schedules, scripts and durations are this copy's, made by validated construction.
    const props = validateComputeInstanceProps(problems, given);
    problems.throwIfAny();
    this.claimName(problems, props);
    problems.throwIfAny();
    this.terraformResource = props.terraformResource ?? 'azapi';

    this.spec = toComputeInstanceSpec(props);
    // A marker cdktf cannot resolve, anywhere in what will be written (scripts included), fails here with the
    // construct's path rather than at synth without one.
    for (const u of unknownTokens(this.spec)) problems.add(u.path, u.value, UNKNOWN_TOKEN);
    problems.throwIfAny();
    this.name = props.name;
    if (this.terraformResource === 'azurerm') {
      const unsupported = azurermUnsupportedProps(this.spec);
      if (unsupported.length > 0) {
        problems.add(
          'terraformResource',
          'azurerm',
          `"azapi" (the default) for an instance with ${unsupported.join(', ')}, which the azurerm resource cannot express`,
        );
        problems.throwIfAny();
      }
    }
    const deletionProtection = props.deletionProtection ?? true;
    const stopped = props.initialState === 'Stopped';
    if (this.terraformResource === 'azurerm') {
      this.id = renderAzurermComputeInstance(this, this.spec, deletionProtection).id;
      if (stopped) {
        const timeout = minutes(createTimeoutMinutes(this.spec));
        stopAfterCreation(this, this.id, undefined, { create: timeout, update: timeout });
      }
    } else {
      this.id = renderAzapiComputeInstance(this, this.spec, {
        deletionProtection,
        stopAfterCreation: stopped,
        existing: props.existing === true,
        schedulesReplace: props.onScheduleChange === 'replace',
        driftCheck: this.driftCheckOptions(problems, props),
      }).id;
    }
    // Terraform adopts the instance on the first apply instead of creating one (both renderers name it Resource).
    if (props.existing) {
      (this.node.findChild('Resource') as TerraformResource).importFrom(
        computeImportId(props.workspaceId, props.name, this.terraformResource),
      );
    }

    if (props.assignedUser?.grantAccess)
      grantComputeUser(this, props.workspaceId, this.id, props.assignedUser.objectId);
    this.terraformOnly = [
      ...(props.assignedUser?.grantAccess ? [{ kind: 'accessGrant', instanceName: props.name } as const] : []),
      ...(stopped ? [{ kind: 'stopAfterCreation', instanceName: props.name } as const] : []),
    ];
    this.warn(props);
    // For the checks over an app's instances (a ShutdownPolicy's): they judge it when its stack synthesizes.
    declareInstance(this);
  }

  /**
   * Its resource in the stack's ARM template (`ArmTemplate`), references turned into parameters.
   * @internal
   */
  toArmResources(template: ArmTemplateBuilder): object[] {
    return [computeInstanceArmResource(this.spec, template, template.prefixOf(this))];
  }

  /**
   * What its Terraform output does and an ARM template cannot, for the template's metadata.
   * @internal
   */
  get notInArmTemplate(): readonly string[] {
    return this.terraformOnly.map(describeTerraformOnly);
  }

  /**
   * The workspace's resource group, which its ARM resource deploys to; unknown while the workspace is a reference.
   * @internal
   */
  armResourceGroup(): { readonly id: string; readonly key: string } | undefined {
    const workspaceId = this.spec.workspaceId;
    if (isToken(workspaceId)) return undefined;
    return { id: resourceGroupIdOf(workspaceId), key: resourceGroupKeyOf(TerraformStack.of(this), workspaceId) };
  }

  /** The instance's own `driftCheck`, else the nearest `DRIFT_CHECK_CONTEXT`, else on (OS image off). */
  private driftCheckOptions(problems: Problems, props: ComputeInstanceProps): { latestOsImage: boolean } | undefined {
    const own = props.driftCheck;
    if (own !== undefined)
      return own === false ? undefined : { latestOsImage: own !== true && own.latestOsImage === true };
    const context: unknown = this.node.tryGetContext(DRIFT_CHECK_CONTEXT);
    if (context !== undefined && typeof context !== 'boolean') {
      problems.add(`driftCheck (context ${DRIFT_CHECK_CONTEXT})`, context, 'true or false');
      problems.throwIfAny();
    }
    return context === false ? undefined : { latestOsImage: false };
  }

  /**
   * A compute instance's name must be unique among all computes of its Azure region, whatever the workspace
   * (MicrosoftDocs/azure-ai-docs, articles/machine-learning/how-to-create-compute-instance.md, the studio
   * form's table: "Name needs to be unique across all existing computes within an Azure region"). Checked across the whole app (every stack) by
   * region and name; both compared without case: that page does not say whether case counts, so the
   * stricter reading is taken. Names or regions that are Terraform references are Azure's to check.
   */
  private claimName(problems: Problems, props: ComputeInstanceProps): void {
    if (isToken(props.name) || isToken(props.location)) return;
    const root = this.node.root;
    const taken = namesByApp.get(root) ?? new Map<string, string>();
    namesByApp.set(root, taken);
    const region = props.location.toLowerCase().replace(/\s+/g, '');
    const key = `${region}|${props.name.toLowerCase()}`;
    const owner = taken.get(key);
    if (owner !== undefined) {
      problems.add(
        'name',
        props.name,
        `a name no other compute instance of the app has in region ${props.location} (Azure requires it unique in the region, any workspace; ${owner} has it)`,
      );
    } else {
      taken.set(key, this.node.path);
    }
  }

  /**
   * Warnings about valid props a review should see in the synth output: each secure default turned off,
   * schedules that never stop the instance, and what the setup scripts found (a SetupScript is a value
   * with no construct to annotate, so the instance reports for it).
   */
  private warn(props: ComputeInstanceProps): void {
    const warn = (message: string) => Annotations.of(this).addWarning(message);
    if (props.ssh) warn('SSH is enabled (ssh.publicKey): the instance accepts SSH logins with that key.');
    if (props.existing && this.terraformResource === 'azapi') {
      warn(
        'existing: Terraform adopts this instance and never sends it a request; a later change of a create-only setting (vmSize, subnetId, ssh, nodePublicIp, localAuth, assignedUser, setupScripts, ...) plans nothing for it. Replace it with terraform apply -replace=<address> after turning deletionProtection off.',
      );
    }
    if (props.localAuth)
      warn(
        "Local authentication is enabled (localAuth: true): Azure's built-in policy e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f reports it non-compliant.",
      );
    if (props.subnetId !== undefined && props.nodePublicIp === true)
      warn('The instance has a public IP inside your subnet (nodePublicIp: true).');
    if (props.identity && props.idleShutdown) {
      warn('Idle shutdown with a managed identity works only if that identity has Contributor on the workspace.');
    }
    if (
      props.idleShutdown === undefined &&
      startsButNeverStops(this.spec.properties.properties.schedules?.computeStartStop ?? [])
    ) {
      warn(
        'The schedules start the instance but none stops it, and there is no idle shutdown: it runs (and costs) until someone stops it. Add a Stop schedule or idleShutdown.',
      );
    }
    for (const kind of ['creation', 'startup'] as const) {
      for (const w of props.setupScripts?.[kind]?.warnings ?? []) warn(`setupScripts.${kind}: ${w}`);
    }
  }
}

const COMPUTE_INSTANCE_MARK = Symbol.for('cdktf-azureml-compute.ComputeInstance');

// ArmTemplate finds an instance as an ArmContribution (src/arm/template-builder.ts). Checked here, not with
// `implements`, which would put that internal interface into the public declaration.
const contributesToArmTemplate = (c: ComputeInstance): ArmContribution => c;
void contributesToArmTemplate;
