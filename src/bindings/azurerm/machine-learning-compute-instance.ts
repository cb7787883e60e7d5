import { TerraformMetaArguments } from '../../core/framework';
import { TemplateSafeResource } from '../template-safe-resource';
import { Construct } from 'constructs';
import {
  Attribute,
  booleanArgument,
  singleBlock,
  stringArgument,
  stringListArgument,
  stringMapArgument,
} from '../attributes';
import { azurermResourceConfig } from './provider';

interface MachineLearningComputeInstanceConfig {
  readonly name: string;
  readonly machineLearningWorkspaceId: string;
  readonly virtualMachineSize: string;
  /** @default - none */
  readonly description?: string;
  /** @default - azurerm's default (true) */
  readonly localAuthEnabled?: boolean;
  /** @default - azurerm's default (true) */
  readonly nodePublicIpEnabled?: boolean;
  /** @default - no subnet */
  readonly subnetResourceId?: string;
  /** @default - no SSH */
  readonly ssh?: { readonly publicKey: string };
  /** @default - the creator */
  readonly assignToUser?: { readonly objectId: string; readonly tenantId: string };
  /** @default - no managed identity */
  readonly identity?: { readonly type: string; readonly identityIds?: readonly string[] };
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly lifecycle?: TerraformMetaArguments['lifecycle'];
}

/**
 * `azurerm_machine_learning_compute_instance`. Its `ssh`, `assign_to_user` and `identity` blocks hold one
 * element at most (the generated binding of azurerm 4.55.0 types each as one object, not a list:
 * `@cdktf/provider-azurerm/lib/machine-learning-compute-instance/index.d.ts`), and it writes each as a JSON
 * object, which Terraform reads as one nested block (HCL's JSON syntax, hashicorp/hcl json/spec.md, to which
 * developer.hashicorp.com/terraform/language/syntax/json refers); so does this, so that the output stays the same.
 */
export class MachineLearningComputeInstance extends TemplateSafeResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: MachineLearningComputeInstanceConfig,
  ) {
    super(scope, id, azurermResourceConfig('azurerm_machine_learning_compute_instance', config.lifecycle));
  }

  protected attributes(): readonly Attribute[] {
    const c = this.config;
    return [
      stringArgument('description', c.description),
      booleanArgument('local_auth_enabled', c.localAuthEnabled),
      stringArgument('machine_learning_workspace_id', c.machineLearningWorkspaceId),
      stringArgument('name', c.name),
      booleanArgument('node_public_ip_enabled', c.nodePublicIpEnabled),
      stringArgument('subnet_resource_id', c.subnetResourceId),
      stringMapArgument('tags', c.tags),
      stringArgument('virtual_machine_size', c.virtualMachineSize),
      singleBlock(
        'assign_to_user',
        'MachineLearningComputeInstanceAssignToUserList',
        c.assignToUser && [
          stringArgument('object_id', c.assignToUser.objectId),
          stringArgument('tenant_id', c.assignToUser.tenantId),
        ],
      ),
      singleBlock(
        'identity',
        'MachineLearningComputeInstanceIdentityList',
        c.identity && [
          stringListArgument('identity_ids', c.identity.identityIds, 'set'),
          stringArgument('type', c.identity.type),
        ],
      ),
      singleBlock(
        'ssh',
        'MachineLearningComputeInstanceSshList',
        c.ssh && [stringArgument('public_key', c.ssh.publicKey)],
      ),
    ];
  }
}
