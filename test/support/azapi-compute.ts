/** What the azapi_resource of a compute instance renders, and nothing more: its attribute names, sorted. */
export const AZAPI_COMPUTE_ATTRIBUTES = [
  'body',
  'ignore_casing',
  'lifecycle',
  'location',
  'name',
  'parent_id',
  'provider',
  'replace_triggers_external_values',
  'timeouts',
  'type',
];

/**
 * What an adopted (imported) instance's azapi_resource ignores: body, tags and identity, and what an import leaves
 * at azapi's defaults, so that the first apply sends no request.
 */
export const ADOPTED_IGNORE_CHANGES = [
  'body',
  'tags',
  'identity',
  'ignore_casing',
  'replace_triggers_external_values',
  'timeouts',
];
