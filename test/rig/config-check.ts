import type { CtyType, NestedBlock, ProviderSchemas, SchemaBlock } from './schemas/schema-types';

/**
 * The problems `terraform validate` would report for a synthesized `cdk.tf.json` against `schemas`, as far as
 * the schemas decide them: an argument or block the schema lacks (Terraform: "Extraneous JSON object
 * property"), a computed-only attribute set ("Value for unconfigurable attribute"), a required argument or
 * block missing, too many or too few blocks, and a value of the wrong JSON kind. Expressions ("${...}") stand
 * for any type. Each problem names its path in the JSON.
 */
export function configProblems(config: any, schemas: readonly ProviderSchemas[]): string[] {
  const problems: string[] = [];
  const byLocalName = providersByLocalName(config, schemas, problems);
  for (const [name, blocks] of Object.entries<any>(config.provider ?? {})) {
    const schema = byLocalName.get(name);
    if (!schema) continue; // reported by providersByLocalName
    for (const [i, body] of (Array.isArray(blocks) ? blocks : [blocks]).entries()) {
      checkBody(schema.provider.block, body, `provider.${name}[${i}]`, PROVIDER_META, problems);
    }
  }
  const checkAll = (kind: 'resource' | 'data', section: any, at: string) => {
    for (const [type, instances] of Object.entries<any>(section ?? {})) {
      const provider = byLocalName.get(type.split('_')[0]);
      const schema = kind === 'resource' ? provider?.resource_schemas[type] : provider?.data_source_schemas[type];
      if (!schema) {
        problems.push(`${at}.${type}: no ${kind === 'resource' ? 'resource' : 'data source'} type of that name`);
        continue;
      }
      for (const [name, body] of Object.entries<any>(instances)) {
        checkBody(schema.block, body, `${at}.${type}.${name}`, RESOURCE_META, problems);
      }
    }
  };
  checkAll('resource', config.resource, 'resource');
  checkAll('data', config.data, 'data');
  for (const [name, check] of Object.entries<any>(config.check ?? {}))
    checkAll('data', check.data, `check.${name}.data`);
  return problems;
}

/** Meta-arguments Terraform itself reads (developer.hashicorp.com/terraform/language/meta-arguments). */
const RESOURCE_META = ['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection'];
const PROVIDER_META = ['alias', 'version'];

/** `required_providers` sources, normalized as Terraform does (registry.terraform.io, lower case, hashicorp/ default). */
function providersByLocalName(config: any, schemas: readonly ProviderSchemas[], problems: string[]) {
  const out = new Map<string, ProviderSchemas>();
  for (const [name, requirement] of Object.entries<any>(config.terraform?.required_providers ?? {})) {
    const source = String(requirement.source ?? name).toLowerCase();
    const address = `registry.terraform.io/${source.includes('/') ? source : `hashicorp/${source}`}`;
    const schema = schemas.find((s) => s.address === address);
    if (schema) out.set(name, schema);
    else problems.push(`terraform.required_providers.${name}: no schema for ${address}`);
  }
  return out;
}

function checkBody(block: SchemaBlock, body: any, path: string, meta: readonly string[], problems: string[]): void {
  if (!isObject(body)) {
    problems.push(`${path}: a block body must be a JSON object, received ${JSON.stringify(body)}`);
    return;
  }
  for (const [key, value] of Object.entries(body)) {
    if (key === '//' || meta.includes(key)) continue;
    const attribute = block.attributes[key];
    const nested = block.block_types?.[key];
    if (attribute) {
      if (!attribute.required && !attribute.optional)
        problems.push(`${path}.${key}: Value for unconfigurable attribute`);
      else checkValue(attribute.type, value, `${path}.${key}`, problems);
    } else if (nested) {
      checkBlocks(nested, value, `${path}.${key}`, problems);
    } else {
      problems.push(`${path}: Extraneous JSON object property "${key}"`);
    }
  }
  for (const [key, attribute] of Object.entries(block.attributes)) {
    if (attribute.required && (body[key] === undefined || body[key] === null)) {
      problems.push(`${path}: Missing required argument "${key}"`);
    }
  }
  for (const [key, nested] of Object.entries(block.block_types ?? {})) {
    if ((nested.min_items ?? 0) > 0 && body[key] === undefined) problems.push(`${path}: Insufficient ${key} blocks`);
  }
}

function checkBlocks(nested: NestedBlock, value: unknown, path: string, problems: string[]): void {
  // HCL's JSON syntax: one block is an object, several an array of objects (hashicorp/hcl json/spec.md).
  const bodies = Array.isArray(value) ? value : [value];
  const max = nested.nesting_mode === 'single' ? 1 : (nested.max_items ?? 0);
  if (max > 0 && bodies.length > max) problems.push(`${path}: Too many ${path.split('.').pop()} blocks`);
  if (bodies.length < (nested.min_items ?? 0)) problems.push(`${path}: Insufficient ${path.split('.').pop()} blocks`);
  bodies.forEach((body, i) => checkBody(nested.block, body, `${path}[${i}]`, [], problems));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isExpression = (v: unknown) => typeof v === 'string' && v.includes('${');

function checkValue(type: CtyType, value: unknown, path: string, problems: string[]): void {
  if (value === null || isExpression(value) || type === 'dynamic') return;
  const wrong = (what: string) => problems.push(`${path}: Incorrect attribute value type: ${what} required`);
  if (type === 'string') {
    if (!['string', 'number', 'boolean'].includes(typeof value)) wrong('string');
  } else if (type === 'bool') {
    if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') wrong('bool');
  } else if (type === 'number') {
    if (typeof value !== 'number' && !(typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value))))
      wrong('number');
  } else if (type[0] === 'list' || type[0] === 'set') {
    if (!Array.isArray(value)) wrong(`${type[0]}`);
    else value.forEach((v, i) => checkValue(type[1], v, `${path}[${i}]`, problems));
  } else if (type[0] === 'map') {
    if (!isObject(value)) wrong('map');
    else for (const [k, v] of Object.entries(value)) checkValue(type[1], v, `${path}.${k}`, problems);
  } else if (type[0] === 'object') {
    if (!isObject(value)) {
      wrong('object');
      return;
    }
    for (const k of Object.keys(value)) if (!(k in type[1])) problems.push(`${path}: unexpected attribute "${k}"`);
    for (const [k, t] of Object.entries(type[1])) {
      if (!(k in value)) problems.push(`${path}: attribute "${k}" is required`);
      else checkValue(t, value[k], `${path}.${k}`, problems);
    }
  } else if (type[0] === 'tuple') {
    if (!Array.isArray(value) || value.length !== type[1].length) wrong('tuple');
    else value.forEach((v, i) => checkValue(type[1][i], v, `${path}[${i}]`, problems));
  }
}
