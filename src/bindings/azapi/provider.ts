import {
  TerraformMetaArguments,
  TerraformProvider,
  TerraformResourceConfig,
  TerraformStack,
} from '../../core/framework';
import { Construct } from 'constructs';
import { templateSafeJson } from '../template-safe-resource';
import {
  Attribute,
  blockList,
  booleanArgument,
  numberArgument,
  stringArgument,
  stringListArgument,
  stringMapArgument,
} from '../attributes';
import { inSameFramework } from '../../core/framework-check';
import { Problems } from '../../core/errors';
import { isStackDefault, markStackDefault, stackDefaultOf, userProviderOf } from '../stack-default-provider';

/** azapi 2.9 is the first release whose embedded schemas know computes@2025-12-01. */
const AZAPI_VERSION_CONSTRAINT = '~> 2.9';

/** azapi's `endpoint` block, for clouds azapi does not know by name. */
export interface AzapiEndpoint {
  /**
   * The Microsoft Entra login endpoint, such as `https://login.microsoftonline.com/`.
   * @default - ARM_ACTIVE_DIRECTORY_AUTHORITY_HOST, else the `environment`'s
   */
  readonly activeDirectoryAuthorityHost?: string;
  /**
   * The Azure Resource Manager endpoint, such as `https://management.azure.com/`.
   * @default - ARM_RESOURCE_MANAGER_ENDPOINT, else the `environment`'s
   */
  readonly resourceManagerEndpoint?: string;
  /**
   * The resource id tokens are requested for, such as `https://management.core.windows.net/`.
   * @default - ARM_RESOURCE_MANAGER_AUDIENCE, else the `environment`'s
   */
  readonly resourceManagerAudience?: string;
}

/**
 * The azapi 2.x provider's arguments (Azure/terraform-provider-azapi internal/provider/provider.go, `Schema`),
 * camelCase for its snake_case names; what each does is as Azure/terraform-provider-azapi docs/index.md
 * ("Schema") states it. Every one is optional and, unset, read by azapi from its `ARM_*`
 * environment variable or its default; prefer the environment (or OIDC) for secrets, which otherwise land
 * in the synthesized JSON. Some arguments need a newer azapi than the library's `~> 2.9`
 * (`preserveResourceIdCasing`: 2.12).
 */
export interface AzapiProviderProps {
  /**
   * The id (a GUID) of the subscription azapi works in.
   * @default - ARM_SUBSCRIPTION_ID
   */
  readonly subscriptionId?: string;
  /**
   * The Microsoft Entra tenant id (a GUID) to authenticate in.
   * @default - ARM_TENANT_ID
   */
  readonly tenantId?: string;
  /**
   * Up to 3 further tenant ids, for cross-tenant requests.
   * @default - none
   */
  readonly auxiliaryTenantIds?: string[];
  /** `public`, `usgovernment`, `china` or `custom` (then `endpoint`). @default 'public' */
  readonly environment?: string;
  /**
   * The endpoints of a cloud azapi does not know by name (`environment: 'custom'`).
   * @default - the environment's endpoints
   */
  readonly endpoint?: AzapiEndpoint;
  /**
   * The client (application) id of the service principal or managed identity to authenticate as.
   * @default - ARM_CLIENT_ID
   */
  readonly clientId?: string;
  /**
   * The path of a file holding `clientId`.
   * @default - ARM_CLIENT_ID_FILE_PATH
   */
  readonly clientIdFilePath?: string;
  /**
   * A base64-encoded PKCS#12 bundle: the client certificate of the service principal.
   * @default - ARM_CLIENT_CERTIFICATE
   */
  readonly clientCertificate?: string;
  /**
   * The path of the service principal's client certificate file.
   * @default - ARM_CLIENT_CERTIFICATE_PATH
   */
  readonly clientCertificatePath?: string;
  /**
   * The password of the client certificate.
   * @default - ARM_CLIENT_CERTIFICATE_PASSWORD
   */
  readonly clientCertificatePassword?: string;
  /**
   * The service principal's client secret.
   * @default - ARM_CLIENT_SECRET
   */
  readonly clientSecret?: string;
  /**
   * The path of a file holding `clientSecret`.
   * @default - ARM_CLIENT_SECRET_FILE_PATH
   */
  readonly clientSecretFilePath?: string;
  /**
   * Authenticate with OpenID Connect (workload identity federation).
   * @default - ARM_USE_OIDC, false
   */
  readonly useOidc?: boolean;
  /**
   * The bearer token of the request to the OIDC provider for an ID token.
   * @default - ARM_OIDC_REQUEST_TOKEN
   */
  readonly oidcRequestToken?: string;
  /**
   * The URL of the OIDC provider to request an ID token from.
   * @default - ARM_OIDC_REQUEST_URL
   */
  readonly oidcRequestUrl?: string;
  /**
   * An OIDC ID token to authenticate with.
   * @default - ARM_OIDC_TOKEN
   */
  readonly oidcToken?: string;
  /**
   * The path of a file holding an OIDC ID token.
   * @default - ARM_OIDC_TOKEN_FILE_PATH
   */
  readonly oidcTokenFilePath?: string;
  /** Azure DevOps service connection for OIDC. @default - ARM_OIDC_AZURE_SERVICE_CONNECTION_ID */
  readonly oidcAzureServiceConnectionId?: string;
  /**
   * Authenticate with the Azure CLI's signed-in account.
   * @default - ARM_USE_CLI, true
   */
  readonly useCli?: boolean;
  /**
   * Authenticate with a managed identity.
   * @default - ARM_USE_MSI, false
   */
  readonly useMsi?: boolean;
  /**
   * Authenticate with AKS workload identity; client id, tenant id and token file then come from the environment.
   * @default - ARM_USE_AKS_WORKLOAD_IDENTITY, false
   */
  readonly useAksWorkloadIdentity?: boolean;
  /**
   * Do not register the resource providers azapi supports in the subscription.
   * @default - ARM_SKIP_PROVIDER_REGISTRATION, false
   */
  readonly skipProviderRegistration?: boolean;
  /**
   * A GUID registered with Microsoft for partner usage attribution.
   * @default - ARM_PARTNER_ID
   */
  readonly partnerId?: string;
  /**
   * The `x-ms-correlation-request-id` header sent with every request.
   * @default - none
   */
  readonly customCorrelationRequestId?: string;
  /**
   * Send no `x-ms-correlation-request-id` header.
   * @default false
   */
  readonly disableCorrelationRequestId?: boolean;
  /**
   * Skip Microsoft Entra instance discovery (for a known authority, such as a `custom` environment).
   * @default false
   */
  readonly disableInstanceDiscovery?: boolean;
  /**
   * Do not send the Terraform partner id when `partnerId` is unset.
   * @default false
   */
  readonly disableTerraformPartnerId?: boolean;
  /**
   * The name of a resource that sets none.
   * @default - none
   */
  readonly defaultName?: string;
  /**
   * The Azure region of a resource that sets none.
   * @default - none
   */
  readonly defaultLocation?: string;
  /**
   * Tags of every resource; a resource's own `tags` override them.
   * @default - none
   */
  readonly defaultTags?: Record<string, string>;
  /**
   * Validate a new resource with ARM preflight before deploying it.
   * @default false
   */
  readonly enablePreflight?: boolean;
  /**
   * Plan no change for an `azapi_resource` whose `body` still matches the remote state.
   * @default true
   */
  readonly ignoreNoOpChanges?: boolean;
  /**
   * Leave a resource's read-only properties out of its `output` when it sets no `response_export_values`.
   * @default false
   */
  readonly disableDefaultOutput?: boolean;
  /**
   * Acquire a policy token for every write request, not only after a 403 that asks for one.
   * @default false
   */
  readonly alwaysAcquirePolicyToken?: boolean;
  /**
   * Keep the casing of a resource id in state when Azure returns it in another casing. azapi 2.12 and later.
   * @default false
   */
  readonly preserveResourceIdCasing?: boolean;
  /**
   * How often to retry an HTTP 408, 429, 500, 502, 503 or 504 response. Deprecated by azapi.
   * @default 32767
   */
  readonly maximumBusyRetryAttempts?: number;
  /**
   * The provider's alias, which makes it a second azapi provider (another subscription or tenant) that only
   * resources naming it use.
   * @default - the default (unaliased) azapi provider
   */
  readonly alias?: string;
}

/**
 * How each of the provider's plain arguments is declared; its Terraform name is the prop's, in snake_case.
 * Typed so that a prop added to `AzapiProviderProps` without a line here does not compile.
 */
const PROVIDER_ARGUMENTS: {
  readonly [K in Exclude<keyof AzapiProviderProps, 'endpoint' | 'alias'>]-?: (
    name: string,
    value: AzapiProviderProps[K],
  ) => Attribute;
} = {
  subscriptionId: stringArgument,
  tenantId: stringArgument,
  auxiliaryTenantIds: (name, value) => stringListArgument(name, value, 'list'),
  environment: stringArgument,
  clientId: stringArgument,
  clientIdFilePath: stringArgument,
  clientCertificate: stringArgument,
  clientCertificatePath: stringArgument,
  clientCertificatePassword: stringArgument,
  clientSecret: stringArgument,
  clientSecretFilePath: stringArgument,
  useOidc: booleanArgument,
  oidcRequestToken: stringArgument,
  oidcRequestUrl: stringArgument,
  oidcToken: stringArgument,
  oidcTokenFilePath: stringArgument,
  oidcAzureServiceConnectionId: stringArgument,
  useCli: booleanArgument,
  useMsi: booleanArgument,
  useAksWorkloadIdentity: booleanArgument,
  skipProviderRegistration: booleanArgument,
  partnerId: stringArgument,
  customCorrelationRequestId: stringArgument,
  disableCorrelationRequestId: booleanArgument,
  disableInstanceDiscovery: booleanArgument,
  disableTerraformPartnerId: booleanArgument,
  defaultName: stringArgument,
  defaultLocation: stringArgument,
  defaultTags: stringMapArgument,
  enablePreflight: booleanArgument,
  ignoreNoOpChanges: booleanArgument,
  disableDefaultOutput: booleanArgument,
  alwaysAcquirePolicyToken: booleanArgument,
  preserveResourceIdCasing: booleanArgument,
  maximumBusyRetryAttempts: numberArgument,
};

/**
 * A prop azapi has no argument for (a misspelling, from JavaScript or a cast) fails here, naming it, instead of
 * being left out of the provider block without a word.
 */
function refuseUnknownArguments(path: string, props: AzapiProviderProps): void {
  const known = new Set<string>([...Object.keys(PROVIDER_ARGUMENTS), 'endpoint', 'alias']);
  const problems = new Problems(path);
  const unknown = Object.keys(props ?? {}).filter((k) => !known.has(k));
  for (const key of unknown.sort()) {
    // Described, not shown: a misspelled clientSecret holds a secret.
    const value: unknown = (props as Record<string, unknown>)[key];
    problems.addSecret(
      key,
      `a value of type ${typeof value}`,
      'no such argument: one of the AzapiProviderProps (subscriptionId, tenantId, useCli, ...)',
    );
  }
  problems.throwIfAny();
}

/**
 * The azapi provider (source `Azure/azapi`). No prebuilt cdktf binding exists; this one renders the
 * provider's own arguments. Declare one (any id, before or after the instances) to configure azapi in code;
 * a stack without one gets an empty `provider "azapi" {}` from the library.
 */
export class AzapiProvider extends TerraformProvider {
  private static readonly defaults = new WeakMap<TerraformStack, AzapiProvider>();

  /**
   * The provider the library's azapi resources in the stack of `scope` use by default.
   * @internal
   */
  static of(scope: Construct): AzapiProvider {
    const stack = TerraformStack.of(scope);
    let provider = AzapiProvider.defaults.get(stack) ?? stackDefaultOf<AzapiProvider>(stack, 'azapi');
    if (!provider) {
      provider = new AzapiProvider(stack, 'DefaultAzapiProvider');
      markStackDefault(provider);
      AzapiProvider.defaults.set(stack, provider);
    }
    return provider;
  }

  constructor(
    scope: Construct,
    id: string,
    private readonly props: AzapiProviderProps = {},
  ) {
    super(inSameFramework(scope, id), id, {
      terraformResourceType: 'azapi',
      terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
      terraformProviderSource: 'Azure/azapi',
    });
    refuseUnknownArguments(this.node.path, props);
  }

  /** The provider's alias (cdktf's base class leaves the getter to each binding). */
  get alias(): string | undefined {
    return this.props?.alias;
  }

  set alias(_value: string | undefined) {
    // The alias comes from the props only, as in the generated bindings' constructors.
  }

  /** The provider block in JSON; empty for the library's default provider when the stack declares its own. */
  toTerraform(): any {
    return this.yieldsToUser() ? {} : super.toTerraform();
  }

  /** The provider block in HCL; empty for the library's default provider when the stack declares its own. */
  toHclTerraform(): any {
    return this.yieldsToUser() ? {} : super.toHclTerraform();
  }

  private yieldsToUser(): boolean {
    return isStackDefault(this) && userProviderOf(this, 'azapi') !== undefined;
  }

  /** The props as azapi's snake_case arguments, `endpoint` as its one-element block list. */
  private attributes(): readonly Attribute[] {
    const { endpoint } = this.props;
    const plain = Object.entries(PROVIDER_ARGUMENTS) as [
      keyof typeof PROVIDER_ARGUMENTS,
      (n: string, v: unknown) => Attribute,
    ][];
    return [
      ...plain.map(([key, argument]) =>
        argument(
          key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
          this.props[key],
        ),
      ),
      blockList(
        'endpoint',
        undefined,
        endpoint && [
          [
            stringArgument('active_directory_authority_host', endpoint.activeDirectoryAuthorityHost),
            stringArgument('resource_manager_endpoint', endpoint.resourceManagerEndpoint),
            stringArgument('resource_manager_audience', endpoint.resourceManagerAudience),
          ],
        ],
      ),
    ];
  }

  /** The provider block's arguments in JSON, with literal text escaped. */
  protected synthesizeAttributes(): Record<string, unknown> {
    // Literal text reaches Terraform as text, as in the resources (TemplateSafeResource).
    return templateSafeJson(this.attributes());
  }

  // No synthesizeHclAttributes: HCL output has always left azapi's arguments out, as for its resources
  // (AzapiResource); the recorded HCL holds that.
}

/**
 * The base config of an azapi resource type: its provider (the stack's azapi provider unless one is given)
 * and the meta-arguments passed through.
 */
export function azapiResourceConfig(
  scope: Construct,
  terraformResourceType: string,
  meta: TerraformMetaArguments,
): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
    provider: meta.provider ?? AzapiProvider.of(scope),
    dependsOn: meta.dependsOn,
    count: meta.count,
    lifecycle: meta.lifecycle,
    forEach: meta.forEach,
  };
}
