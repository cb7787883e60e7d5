/**
 * ARM ids as azapi builds them (Azure/terraform-provider-azapi internal/services/parse/resource.go,
 * `NewResourceID`: a child type appends `/<last type segment>/<name>` to its parent; a type under a resource
 * group, subscription or tenant appends `/providers/<type>/<name>`), and the `type` argument split at `@`.
 */
export function splitType(type: string): { resourceType: string; apiVersion: string } {
  const at = type.lastIndexOf('@');
  return at < 0
    ? { resourceType: type, apiVersion: '' }
    : { resourceType: type.slice(0, at), apiVersion: type.slice(at + 1) };
}

export function buildResourceId(parentId: string, type: string, name: string): string {
  const { resourceType } = splitType(type);
  const segments = resourceType.split('/');
  const parentType = segments.slice(0, -1).join('/').toLowerCase();
  const at = parentId.toLowerCase().lastIndexOf('/providers/');
  if (segments.length > 2 && at >= 0) {
    const parts = parentId.slice(at + '/providers/'.length).split('/');
    const actualParentType = [parts[0], ...parts.slice(1).filter((_, i) => i % 2 === 0)].join('/').toLowerCase();
    if (actualParentType === parentType) return `${parentId}/${segments[segments.length - 1]}/${name}`;
  }
  return `${parentId}/providers/${resourceType}/${name}`;
}
