import { Arm } from '../azure/arm';
import { azureStore } from '../azure/store';
import type { DataSourceBehaviour } from '../provider';
import { error } from '../provider';
import { isObject } from '../values';
import { exportedOutput } from './export';
import { flattenIdentity } from './import';
import { buildResourceId } from './resource-id';
import { normalizedLocation } from './resource';

/**
 * Data source `azapi_resource` of Azure/terraform-provider-azapi v2.12.0,
 * internal/services/azapi_resource_data_source.go, `Read`: the id from `resource_id`, or from parent_id, type
 * and name; GET; `output` from response_export_values (./export.ts); location, tags and identity from the
 * answer; a 404 is an error unless `ignore_not_found`, then `exists` is false.
 */
export function azapiResourceDataSource(): DataSourceBehaviour {
  return {
    read(config) {
      const id =
        typeof config.resource_id === 'string'
          ? config.resource_id
          : buildResourceId(String(config.parent_id), String(config.type), String(config.name));
      const answer = new Arm(azureStore()).get(id);
      if (answer.status === 404 || !answer.body) {
        if (config.ignore_not_found === true) return { state: { ...config, id, exists: false, output: {} } };
        return { state: null, diagnostics: [error('Failed to retrieve resource', `${id}: ResourceNotFound`)] };
      }
      const a = answer.body;
      return {
        state: {
          ...config,
          id,
          name: config.name ?? String(a.name ?? ''),
          parent_id: config.parent_id ?? id.slice(0, id.lastIndexOf('/', id.lastIndexOf('/') - 1)),
          resource_id: id,
          location: typeof a.location === 'string' ? normalizedLocation(a.location) : null,
          tags: isObject(a.tags) ? a.tags : null,
          identity: isObject(a.identity) ? [flattenIdentity(a.identity)] : [],
          exists: true,
          output: exportedOutput(a, config.response_export_values ?? null),
        },
      };
    },
  };
}
