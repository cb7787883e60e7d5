import { COMPUTE_RESOURCE_TYPE } from '../../model/compute-arm';
import { isPlainObject } from '../../core/plain-object';
import { isArmExpression, Origin, resolveArmValue, templateScope } from './arm-expressions';
import { AzureInstance, azMlField, isAzureComputeOutput, locateAzureInstances } from './azure-instances';
import { joinPath, under } from './json-path';
import { dataFrom } from './json-data';

/**
 * Compute instances (or bare schedule lists) found in one input file, whatever its shape: an ARM template
 * (with its parameter file), an ARM parameter file, a cdk.tf.json, or Azure's own output.
 */
export interface FoundInstance {
  readonly file: string;
  readonly name: string;
  /** True when the file gives the name only as something known at deployment: `name` is a placeholder then. */
  readonly nameUnknown?: boolean;
  /** `schedules` for a parameter file's schedules object: only its schedules are there to judge. */
  readonly kind: 'instance' | 'schedules';
  /** The instance in ARM resource shape, with values this command could not know left out. */
  readonly resource: AzureInstance;
  /** Where a field of `resource` (`properties.properties.vmSize`) was written. */
  locate(field: string): Origin;
  /** What was skipped, and why. */
  readonly notes: readonly string[];
  /**
   * The fields (`properties.properties.idleTimeBeforeShutdown`) left out of `resource` because their values
   * are known only at deployment or apply: not missing, unknown. Nothing may be judged on them.
   */
  readonly skipped: readonly string[];
}

/** True when `field` is a skipped field, inside one, or holds one: what is judged there depends on an unknown. */
export function dependsOnSkipped(field: string, skipped: readonly string[]): boolean {
  const within = (inner: string, outer: string) =>
    inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return skipped.some((s) => within(field, s) || within(s, field));
}

type InputKind = 'arm-template' | 'arm-parameters' | 'terraform-json' | 'azure-output' | 'unknown';

export function inputKind(json: unknown): InputKind {
  if (!isPlainObject(json)) return isAzureComputeOutput(json) ? 'azure-output' : 'unknown';
  const schema = typeof json.$schema === 'string' ? json.$schema : '';
  if (/deploymentTemplate\.json/i.test(schema) || (Array.isArray(json.resources) && 'contentVersion' in json))
    return 'arm-template';
  if (/deploymentParameters\.json/i.test(schema)) return 'arm-parameters';
  if (isPlainObject(json.resource) || isPlainObject(json.terraform)) return 'terraform-json';
  if (isAzureComputeOutput(json)) return 'azure-output';
  return 'unknown';
}

const TERRAFORM_REFERENCE = /\$\{/;

export function findInstances(
  file: string,
  json: unknown,
  parameters?: { file: string; json: unknown },
): FoundInstance[] {
  switch (inputKind(json)) {
    case 'arm-template':
      return fromTemplate(file, json as Record<string, any>, parameters);
    case 'arm-parameters':
      return fromParameterFile(file, json as Record<string, any>);
    case 'terraform-json':
      return fromTerraform(file, json as Record<string, any>);
    case 'azure-output':
      return fromAzure(file, json);
    default:
      return [];
  }
}

/** A locator from recorded origins: the longest recorded prefix of the field wins. */
function locator(
  file: string,
  basePath: string,
  origins: Map<string, Origin>,
  rename: (field: string) => string = (f) => f,
): (field: string) => Origin {
  return (field) => {
    let best: string | undefined;
    for (const prefix of origins.keys()) {
      if (
        (field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`)) &&
        (best === undefined || prefix.length > best.length)
      )
        best = prefix;
    }
    if (best !== undefined) {
      const origin = origins.get(best)!;
      return { file: origin.file, path: under(origin.path, field.slice(best.length).replace(/^\./, '')) };
    }
    return { file, path: under(basePath, rename(field)) };
  };
}

function fromTemplate(
  file: string,
  template: Record<string, any>,
  parameters?: { file: string; json: unknown },
): FoundInstance[] {
  const scope = templateScope(template, file, parameters);
  const resources: unknown[] = Array.isArray(template.resources) ? template.resources : [];
  const found: FoundInstance[] = [];
  resources.forEach((r, i) => {
    if (!isPlainObject(r) || typeof r.type !== 'string' || r.type.toLowerCase() !== COMPUTE_RESOURCE_TYPE.toLowerCase())
      return;
    const notes: string[] = [];
    const skipped: string[] = [];
    const origins = new Map<string, Origin>();
    // Every expression in the resource, resolved where it can be; an unknown value is left out with a note.
    const resolve = (value: unknown, field: string): unknown => {
      if (isArmExpression(value) || (typeof value === 'string' && value.startsWith('[['))) {
        const resolved = resolveArmValue(value, scope);
        if (!resolved.known) {
          notes.push(`${field}: skipped: ${resolved.reason}`);
          skipped.push(field);
          return undefined;
        }
        if (resolved.origin) origins.set(field, resolved.origin);
        return resolved.value;
      }
      if (Array.isArray(value)) return value.map((v, j) => resolve(v, `${field}[${j}]`));
      if (isPlainObject(value)) {
        return dataFrom(
          Object.entries(value).flatMap(([k, v]) => {
            const resolved = resolve(v, field === '' ? k : `${field}.${k}`);
            return resolved === undefined || resolved === null ? [] : [[k, resolved] as const];
          }),
        );
      }
      return value;
    };
    const resource = resolve(r, '') as Record<string, any>;
    if (!isPlainObject(resource.properties) || resource.properties.computeType !== 'ComputeInstance') return;
    const fullName = typeof resource.name === 'string' ? resource.name : undefined;
    const name = fullName === undefined ? `resources[${i}]` : fullName.slice(fullName.lastIndexOf('/') + 1);
    const instance: AzureInstance = {
      name,
      ...(resource.location !== undefined ? { location: resource.location } : {}),
      ...(isPlainObject(resource.tags) ? { tags: resource.tags as Record<string, string> } : {}),
      ...(resource.identity !== undefined ? { identity: resource.identity } : {}),
      properties: {
        ...resource.properties,
        computeType: 'ComputeInstance',
        properties: isPlainObject(resource.properties.properties) ? resource.properties.properties : {},
      },
    };
    found.push({
      file,
      name,
      ...(fullName === undefined ? { nameUnknown: true } : {}),
      kind: 'instance',
      resource: instance,
      locate: locator(file, `resources[${i}]`, origins),
      notes,
      skipped,
    });
  });
  return found;
}

/** A schedules object (`{ computeStartStop: [...] }`) or a bare list of entries. */
function isSchedules(value: unknown): boolean {
  return isPlainObject(value) && Array.isArray(value.computeStartStop);
}

function fromParameterFile(file: string, json: Record<string, any>): FoundInstance[] {
  const parameters = isPlainObject(json.parameters) ? json.parameters : {};
  return Object.entries(parameters).flatMap(([key, p]) => {
    if (!isPlainObject(p) || !isSchedules(p.value)) return [];
    const path = joinPath('parameters', key, 'value');
    const resource: AzureInstance = {
      name: key,
      properties: { computeType: 'ComputeInstance', properties: { schedules: p.value } },
    };
    const locate = (field: string): Origin => ({
      file,
      path: under(path, field.replace(/^properties\.properties\.schedules\.?/, '')),
    });
    return [{ file, name: key, kind: 'schedules' as const, resource, locate, notes: [], skipped: [] }];
  });
}

function fromTerraform(file: string, json: Record<string, any>): FoundInstance[] {
  const resources =
    isPlainObject(json.resource) && isPlainObject(json.resource.azapi_resource) ? json.resource.azapi_resource : {};
  return Object.entries(resources).flatMap(([id, r]) => {
    if (
      !isPlainObject(r) ||
      typeof r.type !== 'string' ||
      !r.type.toLowerCase().startsWith(`${COMPUTE_RESOURCE_TYPE.toLowerCase()}@`)
    )
      return [];
    const body = isPlainObject(r.body) ? r.body : {};
    if (!isPlainObject(body.properties) || body.properties.computeType !== 'ComputeInstance') return [];
    const notes: string[] = [];
    const skipped: string[] = [];
    const base = joinPath('resource', 'azapi_resource', id);
    // Terraform references are known only at apply: left out, as the library's own checks skip tokens.
    const known = (value: unknown, field: string): unknown => {
      if (typeof value === 'string' && TERRAFORM_REFERENCE.test(value)) {
        notes.push(`${field}: skipped: ${value} is a Terraform reference, known only at apply`);
        skipped.push(field);
        return undefined;
      }
      if (Array.isArray(value)) return value.map((v, j) => known(v, `${field}[${j}]`));
      if (isPlainObject(value)) {
        return dataFrom(
          Object.entries(value).flatMap(([k, v]) => {
            const kept = known(v, `${field}.${k}`);
            return kept === undefined ? [] : [[k, kept]];
          }),
        );
      }
      return value;
    };
    const properties = known(body.properties, 'properties') as Record<string, any>;
    const name = typeof r.name === 'string' ? r.name : id;
    const resource: AzureInstance = {
      name,
      ...(typeof r.location === 'string' && !TERRAFORM_REFERENCE.test(r.location) ? { location: r.location } : {}),
      ...(isPlainObject(r.tags) ? { tags: known(r.tags, 'tags') as Record<string, string> } : {}),
      ...(r.identity !== undefined ? { identity: r.identity } : {}),
      properties: {
        ...properties,
        computeType: 'ComputeInstance',
        properties: isPlainObject(properties.properties) ? properties.properties : {},
      },
    };
    const rename = (field: string) => (field.startsWith('properties') ? `body.${field}` : field);
    return [
      {
        file,
        name,
        kind: 'instance' as const,
        resource,
        locate: locator(file, base, new Map(), rename),
        notes,
        skipped,
      },
    ];
  });
}

function fromAzure(file: string, json: unknown): FoundInstance[] {
  return locateAzureInstances(json).map((l) => ({
    file,
    name: l.instance.name,
    kind: 'instance' as const,
    resource: l.instance,
    locate: (field: string) => ({ file, path: under(l.path, l.shape === 'az-ml-cli' ? azMlField(field) : field) }),
    notes: [],
    skipped: [],
  }));
}
