import { AzurermBackend, TerraformStack } from 'cdktf';

/**
 * Where the fleet keeps its Terraform state: one blob per stack in one storage container. Each setting
 * comes from an environment variable, with a default so that `npm run synth` works offline:
 *
 * | variable | default |
 * |---|---|
 * | FLEET_STATE_RESOURCE_GROUP | rg-tfstate |
 * | FLEET_STATE_STORAGE_ACCOUNT | stmlfleettfstate |
 * | FLEET_STATE_CONTAINER | tfstate |
 * | FLEET_STATE_KEY_PREFIX | ml-fleet |
 *
 * The key is `<prefix>/<stack>.tfstate`. Authentication is not written into the JSON: with ARM_USE_OIDC
 * and the other ARM_* variables set, the azurerm backend signs in as the providers do.
 */
export interface BackendSettings {
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  readonly keyPrefix: string;
}

export function backendSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BackendSettings {
  return {
    resourceGroupName: env.FLEET_STATE_RESOURCE_GROUP || 'rg-tfstate',
    storageAccountName: env.FLEET_STATE_STORAGE_ACCOUNT || 'stmlfleettfstate',
    containerName: env.FLEET_STATE_CONTAINER || 'tfstate',
    keyPrefix: env.FLEET_STATE_KEY_PREFIX || 'ml-fleet',
  };
}

export function remoteState(stack: TerraformStack, settings: BackendSettings): AzurermBackend {
  return new AzurermBackend(stack, {
    resourceGroupName: settings.resourceGroupName,
    storageAccountName: settings.storageAccountName,
    containerName: settings.containerName,
    key: `${settings.keyPrefix}/${stack.node.id}.tfstate`,
  });
}
