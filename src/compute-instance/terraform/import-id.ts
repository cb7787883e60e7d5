import { COMPUTE_API_VERSION } from '../../model/compute-arm';

/**
 * The id a Terraform `import` block gives for an existing compute instance, derived from the workspace and
 * the name the configuration declares, so that the imported state's parent and name are the configuration's
 * own: azapi's ImportState sets `parent_id` and `name` from the id, and `parent_id` is RequiresReplace with a
 * plain string comparison (Azure/terraform-provider-azapi, internal/services/azapi_resource.go), so an id
 * copied from Azure with other casing (`resourcegroups`) would plan a replacement.
 *
 * azapi's importer takes `<resource id>[?api-version=<api version>]`; without the api-version it tries the
 * three newest versions it knows, which "can result in an api-version mismatch" (Azure/terraform-provider-azapi,
 * docs/resources/resource.md, "Import ID" and "API Version for Initial Import Call"): the version the
 * resource is rendered with is given. azurerm's importer takes the bare ARM id.
 */
export function computeImportId(workspaceId: string, name: string, terraformResource: 'azapi' | 'azurerm'): string {
  const id = `${workspaceId}/computes/${name}`;
  return terraformResource === 'azapi' ? `${id}?api-version=${COMPUTE_API_VERSION}` : id;
}
