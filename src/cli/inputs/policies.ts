import { isPlainObject } from '../../core/plain-object';
import { resolveArmValue } from './arm-expressions';
import { dataFrom } from './json-data';

/**
 * Policy definitions, initiatives (policy set definitions) and assignments, found by shape in: Azure's own
 * JSON (REST `{ properties: {...} }`, `az policy ... show` with the properties at the top, or a bare
 * `{ mode, policyRule }` such as the docs' samples, or a list of any of them), an ARM template of
 * `Microsoft.Authorization/policy*` resources (ours, with ARM's string escapes), or a cdk.tf.json of azurerm
 * policy resources (ours, with JSON-in-string fields and Terraform's `$${` escapes).
 */

export interface ParameterDeclaration {
  readonly defaultValue?: unknown;
}

export interface PolicyDefinitionInput {
  /** The names it is referenced by: its name, id, or Terraform address. */
  readonly keys: readonly string[];
  readonly name: string;
  readonly mode?: string;
  readonly parameters: Readonly<Record<string, ParameterDeclaration>>;
  readonly policyRule: unknown;
  readonly file: string;
}

interface PolicyReferenceInput {
  readonly definition: string;
  readonly referenceId?: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

interface InitiativeInput {
  readonly keys: readonly string[];
  readonly name: string;
  readonly parameters: Readonly<Record<string, ParameterDeclaration>>;
  readonly references: readonly PolicyReferenceInput[];
  readonly file: string;
}

interface AssignmentInput {
  readonly name: string;
  readonly target: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly file: string;
}

export interface PolicyInputs {
  readonly definitions: PolicyDefinitionInput[];
  readonly initiatives: InitiativeInput[];
  readonly assignments: AssignmentInput[];
}

const TYPE = {
  definition: 'microsoft.authorization/policydefinitions',
  initiative: 'microsoft.authorization/policysetdefinitions',
  assignment: 'microsoft.authorization/policyassignments',
};

/** The key a reference resolves by: a Terraform address, the name an ARM resourceId() names, or an id's last segment. */
export function referenceKey(ref: string): string {
  const terraform = /^\$\{([\w-]+\.[\w-]+)\.id\}$/.exec(ref);
  if (terraform) return `tf:${terraform[1]}`;
  if (ref.startsWith('[')) {
    const literals = [...ref.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    return (literals[literals.length - 1] ?? ref).toLowerCase();
  }
  return ref.slice(ref.lastIndexOf('/') + 1).toLowerCase();
}

function keysOf(name: string, id?: string, address?: string): string[] {
  return [name.toLowerCase(), ...(id ? [referenceKey(id)] : []), ...(address ? [`tf:${address}`] : [])];
}

/** `{ "x": { "value": v } }` -> `{ x: v }`. */
function values(parameters: unknown): Record<string, unknown> {
  if (!isPlainObject(parameters)) return {};
  return dataFrom(Object.entries(parameters).map(([k, v]) => [k, isPlainObject(v) && 'value' in v ? v.value : v]));
}

function declarations(parameters: unknown): Record<string, ParameterDeclaration> {
  return isPlainObject(parameters) ? (parameters as Record<string, ParameterDeclaration>) : {};
}

/** A policy object: `properties` holds the fields (REST) or they are at the top (az CLI, docs samples). */
function addAzureObject(
  into: PolicyInputs,
  file: string,
  o: Record<string, any>,
  fallbackName: string,
  address?: string,
): void {
  const p =
    isPlainObject(o.properties) &&
    (o.properties.policyRule || o.properties.policyDefinitions || o.properties.policyDefinitionId)
      ? o.properties
      : o;
  const name = typeof o.name === 'string' ? o.name : fallbackName;
  const id = typeof o.id === 'string' ? o.id : undefined;
  if (p.policyRule !== undefined) {
    into.definitions.push({
      keys: keysOf(name, id, address),
      name,
      ...(typeof p.mode === 'string' ? { mode: p.mode } : {}),
      parameters: declarations(p.parameters),
      policyRule: p.policyRule,
      file,
    });
  } else if (Array.isArray(p.policyDefinitions)) {
    into.initiatives.push({
      keys: keysOf(name, id, address),
      name,
      parameters: declarations(p.parameters),
      file,
      references: p.policyDefinitions.filter(isPlainObject).map((r: Record<string, any>) => ({
        definition: typeof r.policyDefinitionId === 'string' ? r.policyDefinitionId : '',
        ...(typeof r.policyDefinitionReferenceId === 'string' ? { referenceId: r.policyDefinitionReferenceId } : {}),
        parameters: values(r.parameters),
      })),
    });
  } else if (typeof p.policyDefinitionId === 'string') {
    into.assignments.push({ name, target: p.policyDefinitionId, parameters: values(p.parameters), file });
  }
}

/** ARM's escapes undone: `[string('[parameters(''effect'')]')]` is the text `[parameters('effect')]`, `[[x]` is `[x]`. */
function armLiterals(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return value.slice(1);
    if (/^\[string\('.*'\)\]$/.test(value)) {
      const r = resolveArmValue(value, {
        parameter: () => ({ known: false, reason: '' }),
        variable: () => ({ known: false, reason: '' }),
      });
      return r.known ? r.value : value;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(armLiterals);
  if (isPlainObject(value)) return dataFrom(Object.entries(value).map(([k, v]) => [k, armLiterals(v)]));
  return value;
}

/** Terraform's template escapes undone (`$${` is a literal `${`), then the JSON the string holds. */
function terraformJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
  } catch {
    return undefined;
  }
}

function fromTerraform(into: PolicyInputs, file: string, resources: Record<string, any>): void {
  for (const [type, byName] of Object.entries(resources)) {
    if (!isPlainObject(byName)) continue;
    for (const [address, r] of Object.entries(byName)) {
      if (!isPlainObject(r)) continue;
      const name = typeof r.name === 'string' ? r.name : address;
      const tfAddress = `${type}.${address}`;
      if (type === 'azurerm_policy_definition') {
        addAzureObject(
          into,
          file,
          {
            name,
            mode: r.mode,
            parameters: terraformJson(r.parameters) ?? {},
            policyRule: terraformJson(r.policy_rule),
          },
          name,
          tfAddress,
        );
      } else if (/^azurerm_(management_group_)?policy_set_definition$/.test(type)) {
        const refs = Array.isArray(r.policy_definition_reference)
          ? r.policy_definition_reference.filter(isPlainObject)
          : [];
        addAzureObject(
          into,
          file,
          {
            name,
            parameters: terraformJson(r.parameters) ?? {},
            policyDefinitions: refs.map((ref: Record<string, any>) => ({
              policyDefinitionId: ref.policy_definition_id,
              policyDefinitionReferenceId: ref.reference_id,
              parameters: terraformJson(ref.parameter_values) ?? {},
            })),
          },
          name,
          tfAddress,
        );
      } else if (/_policy_assignment$/.test(type)) {
        addAzureObject(
          into,
          file,
          { name, policyDefinitionId: r.policy_definition_id, parameters: terraformJson(r.parameters) ?? {} },
          name,
          tfAddress,
        );
      }
    }
  }
}

/** Every policy object in one file. */
export function readPolicies(file: string, json: unknown): PolicyInputs {
  const into: PolicyInputs = { definitions: [], initiatives: [], assignments: [] };
  const visit = (o: unknown, fallbackName: string) => {
    if (!isPlainObject(o)) return;
    if (Array.isArray(o.resources) && typeof o.$schema === 'string') {
      o.resources.forEach((r: unknown, i: number) => {
        if (!isPlainObject(r) || typeof r.type !== 'string' || !Object.values(TYPE).includes(r.type.toLowerCase()))
          return;
        addAzureObject(into, file, armLiterals(r) as Record<string, any>, `resources[${i}]`);
      });
      return;
    }
    if (isPlainObject(o.resource)) {
      fromTerraform(into, file, o.resource);
      return;
    }
    if (Array.isArray(o.value)) {
      o.value.forEach((v: unknown, i: number) => visit(v, `value[${i}]`));
      return;
    }
    addAzureObject(into, file, o, fallbackName);
  };
  if (Array.isArray(json)) json.forEach((o, i) => visit(o, `[${i}]`));
  else visit(json, file.replace(/^.*[\\/]/, '').replace(/\.json$/i, ''));
  return into;
}
