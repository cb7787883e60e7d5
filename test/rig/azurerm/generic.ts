import { Arm } from '../azure/arm';
import { azureStore } from '../azure/store';
import type { EmulatedProvider, Obj, ResourceBehaviour } from '../provider';
import { error } from '../provider';
import { azurermSchemas } from '../schemas/azurerm';
import type { ResourceSchema } from '../schemas/schema-types';
import { computedNullsUnknown, resolveUnknowns, sameValue, seededGuid } from '../values';
import type { Value } from '../wire';
import { armIdOf, armIdOfState, terraformIdOf } from './ids';

/**
 * azurerm resources as generic CRUD against the emulated Azure (the provider's per-resource logic is not
 * emulated). The plan follows the pluginsdk (hashicorp/terraform-plugin-sdk helper/schema): computed values the
 * configuration leaves unset are unknown at create and keep the state's value afterwards, and a changed
 * argument (or block) the schema marks `ForceNew` asks for a replacement (schema.go, `ForceNew`; grpc_provider.go
 * `PlanResourceChange` returns those paths as RequiresReplace). Apply PUTs the arguments at the resource's
 * ARM id (./ids.ts), Read GETs it (gone: removed from state), Delete DELETEs it.
 */
function behaviour(type: string, schema: ResourceSchema): ResourceBehaviour {
  const block = schema.block;
  const arm = () => new Arm(azureStore());
  return {
    plan({ prior, proposed, config }) {
      if (!proposed || !config) return { planned: null };
      if (!prior) return { planned: computedNullsUnknown(proposed, block) };
      const replace: string[][] = [];
      for (const [name, attribute] of Object.entries(block.attributes))
        if (attribute.forceNew && !sameValue(prior[name], proposed[name])) replace.push([name]);
      for (const [name, nested] of Object.entries(block.block_types ?? {}))
        if (nested.forceNew && !sameValue(prior[name], proposed[name])) replace.push([name]);
      return {
        planned: replace.length > 0 ? computedNullsUnknown({ ...proposed, id: null }, block) : proposed,
        requiresReplace: replace,
      };
    },
    apply({ prior, planned }) {
      if (!planned) {
        if (prior?.id) arm().delete(armIdOfState(prior));
        return { state: null };
      }
      // The emulated Azure's generated names: the same configuration gets the same guid, run after run.
      const guid = seededGuid(`${type}:${JSON.stringify(resolveUnknowns(planned, () => null))}`);
      const known = typeof planned.id === 'string';
      const armId = known ? armIdOfState(planned) : armIdOf(type, planned, guid);
      const id = known ? String(planned.id) : terraformIdOf(type, armId, planned);
      const state = resolveUnknowns(planned, (path) => computedValue(type, path, id, guid, planned)) as Obj;
      const answer = arm().put(armId, { properties: stripComputed(state) });
      if (answer.status >= 400) return { state: null, diagnostics: [error(`creating ${type}`, answer.error ?? '')] };
      return { state };
    },
    read(state) {
      const answer = arm().get(armIdOfState(state));
      return { state: answer.status === 404 ? null : state };
    },
    import(id) {
      const answer = arm().get(id);
      if (answer.status === 404)
        return { state: null, diagnostics: [error('Cannot import non-existent remote object', id)] };
      const properties = ((answer.body as Obj).properties ?? {}) as Obj;
      return { state: { ...properties, id } };
    },
  };
}

function stripComputed(state: Obj): Obj {
  const { id: _id, timeouts: _t, ...rest } = state;
  void _id;
  void _t;
  return rest;
}

/** Values Azure computes: ids, and the role definition's own id (role_definition_resource.go, `Read`). */
function computedValue(type: string, path: readonly string[], id: string, guid: string, planned: Obj): Value {
  const name = path[path.length - 1];
  if (path.length === 1 && name === 'id') return id;
  if (type === 'azurerm_role_definition') {
    if (name === 'role_definition_id') return guid;
    if (name === 'role_definition_resource_id') return id.split('|')[0];
    if (name === 'assignable_scopes') return [planned.scope as Value];
  }
  if (type === 'azurerm_role_assignment' && name === 'name') return guid;
  if (name === 'metadata') return '{}';
  return null;
}

export function azurermProvider(): EmulatedProvider {
  const resources: { [type: string]: ResourceBehaviour } = {};
  for (const [type, schema] of Object.entries(azurermSchemas.resource_schemas))
    resources[type] = behaviour(type, schema);
  return { schemas: azurermSchemas, resources, dataSources: {} };
}
