import { IdentityType } from '../model/compute-arm';
import { Duration } from '../core/duration';
import { StartStopSchedule } from '../schedule/start-stop-schedule';
import { SetupScript } from '../setup-script/setup-script';

/** SSH access to the instance with a public key (Azure's `sshSettings`). */
export interface SshAccess {
  /** One OpenSSH public key line (`ssh-ed25519 AAAA... user@host`). */
  readonly publicKey: string;
}

/** The user a compute instance is created on behalf of (Azure's `personalComputeInstanceSettings`). */
export interface AssignedUser {
  /** The user's Microsoft Entra object id. */
  readonly objectId: string;
  /** The user's Microsoft Entra tenant id. */
  readonly tenantId: string;
  /**
   * Create a least-privilege custom role (start, stop, restart, application access, update schedules and
   * read, on this compute instance only) and assign it to the user.
   * @default false - the user's access comes from roles granted elsewhere
   */
  readonly grantAccess?: boolean;
}

/** The managed identity of a compute instance. */
export interface ComputeIdentity {
  /** A system-assigned identity, user-assigned ones, or both. */
  readonly type: IdentityType;
  /**
   * ARM ids of user-assigned identities; required with a `UserAssigned` type.
   * @default - none
   */
  readonly userAssignedIdentityIds?: string[];
}

/** The shell scripts Azure runs on the instance. */
export interface SetupScripts {
  /**
   * Runs once, when the instance is provisioned.
   * @default - no creation script
   */
  readonly creation?: SetupScript;
  /**
   * Runs at every start of the instance.
   * @default - no startup script
   */
  readonly startup?: SetupScript;
}

/**
 * A custom application on the instance: a container Azure runs beside Jupyter and VS Code (RStudio, Posit
 * Workbench, ...), reachable through the endpoints it publishes.
 */
export interface CustomService {
  /** The application's name, as the studio lists it. */
  readonly name: string;
  /** The image the container runs. */
  readonly image: CustomServiceImage;
  /**
   * Where the application listens and where the instance exposes it.
   * @default - none
   */
  readonly endpoints?: CustomServiceEndpoint[];
  /**
   * Environment variables of the container. Azure shows them to whoever can read the compute: no secrets.
   * @default - none
   */
  readonly environmentVariables?: Record<string, string>;
  /**
   * Run the container privileged.
   * @default - Azure's default
   */
  readonly privileged?: boolean;
  /**
   * Mounts into the container (a `bind` of the instance's `/home/azureuser/cloudfiles` gives it the workspace's files).
   * @default - none
   */
  readonly volumes?: CustomServiceVolume[];
}

/** A mount into a custom application's container. */
export interface CustomServiceVolume {
  /** `bind` (a path of the instance), `volume`, `tmpfs` or `npipe`. */
  readonly type: 'bind' | 'volume' | 'tmpfs' | 'npipe';
  /** What is mounted: for a bind mount, the path on the instance. */
  readonly source: string;
  /** Where it is mounted in the container. */
  readonly target: string;
  /**
   * Mount it read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/** The image of a custom application. */
export interface CustomServiceImage {
  /**
   * `docker` for an image reference, `azureml` for an Azure Machine Learning environment.
   * @default - Azure's default
   */
  readonly type?: 'docker' | 'azureml';
  /** The image reference (`ghcr.io/rocker-org/rstudio:4`), or the environment's name. */
  readonly reference: string;
  /**
   * The environment's version.
   * @default - the latest
   */
  readonly version?: string;
}

/** One endpoint of a custom application. */
export interface CustomServiceEndpoint {
  /** The endpoint's name. */
  readonly name: string;
  /**
   * `tcp`, `udp` or `http`.
   * @default - Azure's default
   */
  readonly protocol?: 'tcp' | 'udp' | 'http';
  /** The application's port inside the container, 1 to 65535. */
  readonly target: number;
  /** The port the instance exposes it on, 1 to 65535. */
  readonly published: number;
  /**
   * The host IP to expose it on.
   * @default - Azure's default
   */
  readonly hostIp?: string;
}

/** The settings of a `ComputeInstance`. */
export interface ComputeInstanceProps {
  /** The compute name: 3 to 24 letters, digits and `-`, starting with a letter (Azure's rule). */
  readonly name: string;
  /** The ARM id of the Azure Machine Learning workspace, or a reference to one. */
  readonly workspaceId: string;
  /** The Azure region, normally the workspace's. */
  readonly location: string;
  /** An Azure VM size name, such as `Standard_DS3_v2`. It cannot be changed after creation. */
  readonly vmSize: string;
  /**
   * A free-text description of the compute; literal text, not a Terraform reference.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Public-key SSH access. It cannot be changed after creation.
   * @default - SSH is disabled
   */
  readonly ssh?: SshAccess;
  /**
   * The ARM id of a virtual network subnet to place the instance in.
   * @default - no virtual network of your own (Azure-managed networking)
   */
  readonly subnetId?: string;
  /**
   * Give the instance a public IP. `false` needs `subnetId`.
   * @default - false inside a subnet (`subnetId` given); otherwise Azure's default, a public IP
   */
  readonly nodePublicIp?: boolean;
  /**
   * Create the instance on behalf of this user (the only one who can use it).
   * @default - the instance belongs to whoever deploys it
   */
  readonly assignedUser?: AssignedUser;
  /**
   * Start and stop schedules, at most 4.
   * @default - no schedules: the instance runs until someone stops it
   */
  readonly schedules?: StartStopSchedule[];
  /**
   * Stop the instance after this long without activity: 15 minutes to 3 days.
   * @default - no idle shutdown
   */
  readonly idleShutdown?: Duration;
  /**
   * A script run once at creation and one run at every start.
   * @default - no setup scripts
   */
  readonly setupScripts?: SetupScripts;
  /**
   * Allow key-based (local) authentication to the compute.
   * @default false - `disableLocalAuth: true`, Microsoft Entra authentication only
   */
  readonly localAuth?: boolean;
  /**
   * Single sign-on for the assigned user.
   * @default - Azure's default (SSO enabled)
   */
  readonly sso?: boolean;
  /**
   * Who may use the applications (Jupyter, VS Code) on the instance.
   * @default - Azure's default
   */
  readonly applicationSharingPolicy?: 'Personal' | 'Shared';
  /**
   * A managed identity for the instance. With idle shutdown, it needs Contributor on the workspace.
   * @default - no managed identity
   */
  readonly identity?: ComputeIdentity;
  /**
   * Azure resource tags, name to value: at most 50, names up to 512 characters, values up to 256 (Azure
   * Resource Manager docs, "Tag resources").
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
  /**
   * Custom applications the instance runs (RStudio, Posit Workbench, ...). It cannot be changed after creation.
   * @default - none
   */
  readonly customServices?: CustomService[];
  /**
   * Refuse `terraform destroy` of the instance (`lifecycle.prevent_destroy`).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * `Stopped` stops the instance once, right after creation, so that an instance made for someone costs
   * nothing until they start it.
   * @default 'Running' - Azure starts a new instance
   */
  readonly initialState?: 'Running' | 'Stopped';
  /**
   * The instance already exists in Azure (made in the studio, with the CLI or from a template): the stack
   * imports it into Terraform's state with an `import` block (Terraform 1.5 or later) instead of creating
   * it. The id imported is derived from `workspaceId` and `name`. The block may stay after the first apply
   * ("leave them as a record of the resource's origin", developer.hashicorp.com/terraform/language/import).
   * `aml-compute import` writes this for every instance it reads.
   *
   * Terraform then never sends the instance a request: besides `body`, `tags` and `identity`, it ignores
   * `ignore_casing`, `replace_triggers_external_values` and `timeouts`, which an import leaves at azapi's
   * defaults and which would otherwise be updated by a PUT of Azure's own values on the first apply. The
   * cost: a later change of a create-only setting (VM size, subnet, SSH, ...) plans nothing for an adopted
   * instance, since Terraform holds no baseline to compare it with; replace it with
   * `terraform apply -replace=<address>` (after turning `deletionProtection` off). A warning says so.
   * @default false - Terraform creates the instance
   */
  readonly existing?: boolean;
  /**
   * What a change of `schedules` in the code does to an instance that exists. Azure offers no way to update
   * schedules (the studio edits them), and a PUT of an existing instance does not apply them, so the
   * library never sends one for them:
   * - `warn`: the plan changes nothing and the instance's drift check (`driftCheck`) warns that Azure and the
   *   code disagree, with the ways out;
   * - `replace`: the schedules are among the settings whose change replaces the instance, which
   *   `deletionProtection` refuses like any other replacement. Switching an existing instance from `warn` to
   *   `replace` changes its replacement triggers, so that plan replaces it too.
   * @default 'warn'
   */
  readonly onScheduleChange?: 'warn' | 'replace';
  /**
   * A Terraform `check` block that reads the live instance at every plan (one GET) and warns where Azure
   * and the code disagree on what Terraform cannot change in place: the schedules and the idle shutdown time.
   * `false` leaves it out (so does the context key `DRIFT_CHECK_CONTEXT` set to `false` on a stack or app, for
   * every instance under it that does not set this prop). Only for `terraformResource: 'azapi'`.
   * @default true - schedules and idle shutdown are checked; the OS image is not (`latestOsImage`)
   */
  readonly driftCheck?: boolean | DriftCheckProps;
  /**
   * Which Terraform resource renders the instance: `azapi` (full fidelity) or azurerm's
   * `azurerm_machine_learning_compute_instance` (no schedules, setup scripts, idle shutdown or SSO).
   * @default 'azapi'
   */
  readonly terraformResource?: 'azapi' | 'azurerm';
}

/** What an instance's drift check compares beyond its schedules and idle shutdown. */
export interface DriftCheckProps {
  /**
   * Also warn when Azure reports that the instance does not run the latest OS image
   * (`osImageMetadata.isLatestOsImageVersion` false; Azure's built-in policy
   * f110a506-2dcb-422e-bcea-d533fc8c35e2 audits the same). Only a new instance gets the latest image.
   * @default false - new images come out often, and each would warn for every instance until it is replaced
   */
  readonly latestOsImage?: boolean;
}

/**
 * The context key that turns the drift checks off for every instance under the construct it is set on
 * (`stack.node.setContext(DRIFT_CHECK_CONTEXT, false)` before the instances are added, or `context` in
 * cdktf.json). An instance's own `driftCheck` wins.
 */
export const DRIFT_CHECK_CONTEXT = 'cdktf-azureml-compute:driftCheck';
