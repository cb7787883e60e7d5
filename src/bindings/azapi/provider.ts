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
import { isStackDefault, markStackDefault, stackDefaultOf, userProviderOf } from '../stack-default-provider';

/** azapi 2.9 is the first release whose embedded schemas know computes@2025-12-01. */
export const AZAPI_VERSION_CONSTRAINT = '~> 2.9';

/** azapi's `endpoint` block, for clouds azapi does not know by name. */
export interface AzapiEndpoint {
  /** @default - the environment's */
  readonly activeDirectoryAuthorityHost?: string;
  /** @default - the environment's */
  readonly resourceManagerEndpoint?: string;
  /** @default - the environment's */
  readonly resourceManagerAudience?: string;
}

/**
 * The azapi 2.x provider's arguments (Azure/terraform-provider-azapi internal/provider/provider.go, `Schema`),
 * camelCase for its snake_case names. Every one is optional and, unset, read by azapi from its `ARM_*`
 * environment variable or its default; prefer the environment (or OIDC) for secrets, which otherwise land
 * in the synthesized JSON. Some arguments need a newer azapi than the library's `~> 2.9`
 * (`preserveResourceIdCasing`: 2.12).
 */
export interface AzapiProviderProps {
  /** @default - ARM_SUBSCRIPTION_ID */
  readonly subscriptionId?: string;
  /** @default - ARM_TENANT_ID */
  readonly tenantId?: string;
  /** @default - none */
  readonly auxiliaryTenantIds?: string[];
  /** `public`, `usgovernment`, `china` or `custom` (then `endpoint`). @default 'public' */
  readonly environment?: string;
  /** @default - the environment's endpoints */
  readonly endpoint?: AzapiEndpoint;
  /** @default - ARM_CLIENT_ID */
  readonly clientId?: string;
  /** @default - ARM_CLIENT_ID_FILE_PATH */
  readonly clientIdFilePath?: string;
  /** @default - ARM_CLIENT_CERTIFICATE */
  readonly clientCertificate?: string;
  /** @default - ARM_CLIENT_CERTIFICATE_PATH */
  readonly clientCertificatePath?: string;
  /** @default - ARM_CLIENT_CERTIFICATE_PASSWORD */
  readonly clientCertificatePassword?: string;
  /** @default - ARM_CLIENT_SECRET */
  readonly clientSecret?: string;
  /** @default - ARM_CLIENT_SECRET_FILE_PATH */
  readonly clientSecretFilePath?: string;
  /** @default - ARM_USE_OIDC, false */
  readonly useOidc?: boolean;
  /** @default - ARM_OIDC_REQUEST_TOKEN */
  readonly oidcRequestToken?: string;
  /** @default - ARM_OIDC_REQUEST_URL */
  readonly oidcRequestUrl?: string;
  /** @default - ARM_OIDC_TOKEN */
  readonly oidcToken?: string;
  /** @default - ARM_OIDC_TOKEN_FILE_PATH */
  readonly oidcTokenFilePath?: string;
  /** Azure DevOps service connection for OIDC. @default - ARM_OIDC_AZURE_SERVICE_CONNECTION_ID */
  readonly oidcAzureServiceConnectionId?: string;
  /** @default - ARM_USE_CLI, true */
  readonly useCli?: boolean;
  /** @default - ARM_USE_MSI, false */
  readonly useMsi?: boolean;
  /** @default - ARM_USE_AKS_WORKLOAD_IDENTITY, false */
  readonly useAksWorkloadIdentity?: boolean;
  /** @default - ARM_SKIP_PROVIDER_REGISTRATION, false */
  readonly skipProviderRegistration?: boolean;
  /** @default - ARM_PARTNER_ID */
  readonly partnerId?: string;
  /** @default - none */
  readonly customCorrelationRequestId?: string;
  /** @default false */
  readonly disableCorrelationRequestId?: boolean;
  /** @default false */
  readonly disableInstanceDiscovery?: boolean;
  /** @default false */
  readonly disableTerraformPartnerId?: boolean;
  /** @default - none */
  readonly defaultName?: string;
  /** @default - none */
  readonly defaultLocation?: string;
  /** @default - none */
  readonly defaultTags?: Record<string, string>;
  /** @default false */
  readonly enablePreflight?: boolean;
  /** @default true */
  readonly ignoreNoOpChanges?: boolean;
  /** @default false */
  readonly disableDefaultOutput?: boolean;
  /** @default false */
  readonly alwaysAcquirePolicyToken?: boolean;
  /** azapi 2.12 and later. @default false */
  readonly preserveResourceIdCasing?: boolean;
  /** Deprecated by azapi. @default 32767 */
  readonly maximumBusyRetryAttempts?: number;
  /** @default - the default (unaliased) azapi provider */
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
  }

  /** The provider's alias (cdktf's base class leaves the getter to each binding). */
  get alias(): string | undefined {
    return this.props?.alias;
  }

  set alias(_value: string | undefined) {
    // The alias comes from the props only, as in the generated bindings' constructors.
  }

  toTerraform(): any {
    return this.yieldsToUser() ? {} : super.toTerraform();
  }

  toHclTerraform(): any {
    return this.yieldsToUser() ? {} : super.toHclTerraform();
  }

  private yieldsToUser(): boolean {
    return isStackDefault(this) && userProviderOf(this, 'azapi') !== undefined;
  }

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
