import { ITerraformDependable } from '../../core/framework';
import { Construct } from 'constructs';
import { AzapiResourceAction, AzapiResourceActionConfig } from '../../bindings/azapi/resource-action';
import { AZAPI_COMPUTE_TYPE } from './azapi-compute-type';

/**
 * Stops the compute `computeId` once, right after it is created (Azure starts a new instance), so that an
 * instance made for someone costs nothing until they start it. The action runs again only if the instance
 * is replaced. It works on the id of either Terraform rendering.
 */
export function stopAfterCreation(
  scope: Construct,
  computeId: string,
  after?: ITerraformDependable,
  timeouts?: AzapiResourceActionConfig['timeouts'],
): AzapiResourceAction {
  return new AzapiResourceAction(scope, 'StopAfterCreation', {
    type: AZAPI_COMPUTE_TYPE,
    resourceId: computeId,
    action: 'stop',
    method: 'POST',
    dependsOn: after ? [after] : undefined,
    timeouts,
  });
}
