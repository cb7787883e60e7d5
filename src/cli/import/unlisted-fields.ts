import { show } from '../../core/errors';
import { isPlainObject } from '../../core/plain-object';

/**
 * Read-only fields of `ComputeInstanceProperties` on 2025-12-01 (the REST spec's `readOnly` ones): state,
 * who created it, endpoints, OS image metadata, errors. Dropped without a word.
 */
const READ_ONLY = [
  'applications',
  'connectivityEndpoints',
  'containers',
  'createdBy',
  'dataDisks',
  'errors',
  'lastOperation',
  'osImageMetadata',
  'state',
  'versions',
];

/** The value at a JSON path as `locateAzureInstances` writes it (`responses.200.body`, `value[1]`, `[0]`). */
export function valueAt(json: unknown, path: string): unknown {
  let value = json;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    value = Array.isArray(value) ? value[Number(part)] : isPlainObject(value) ? value[part] : undefined;
  }
  return value;
}

/**
 * What a REST compute body holds beyond what the reader kept (its writable fields) and the read-only ones:
 * data mounts (set through the `updateDataMounts` action, which the library has no field for) and any field
 * this version does not know. Each is a line for the "not expressed" comment.
 */
export function unlistedFields(rawCompute: unknown, kept: Record<string, unknown>): string[] {
  const inner =
    isPlainObject(rawCompute) && isPlainObject(rawCompute.properties) ? rawCompute.properties.properties : undefined;
  if (!isPlainObject(inner)) return [];
  return Object.keys(inner)
    .sort()
    .flatMap((key) => {
      const value = inner[key];
      if (Object.hasOwn(kept, key) || READ_ONLY.includes(key) || value === null) return [];
      if (key === 'dataMounts')
        return Array.isArray(value) && value.length === 0
          ? []
          : [`dataMounts (${show(value)}): set them again with az ml compute update or in the studio`];
      return [`${key} (${show(value)}): a field this version of the library does not know`];
    });
}
