import type { EmulatedProvider } from '../provider';
import { azapiSchemas } from '../schemas/azapi';
import { azapiResourceAction } from './action';
import { azapiResourceDataSource } from './data-source';
import { azapiResource } from './resource';

export function azapiProvider(): EmulatedProvider {
  return {
    schemas: azapiSchemas,
    resources: { azapi_resource: azapiResource(), azapi_resource_action: azapiResourceAction() },
    dataSources: { azapi_resource: azapiResourceDataSource() },
  };
}
