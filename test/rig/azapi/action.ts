import { Arm } from '../azure/arm';
import { azureStore } from '../azure/store';
import type { Obj, ResourceBehaviour } from '../provider';
import { error } from '../provider';
import { azapiSchemas } from '../schemas/azapi';
import { computedNullsUnknown, resolveUnknowns, sameValue, withoutWriteOnly } from '../values';
import { Unknown, Value } from '../wire';
import { exportedOutput } from './export';
import { splitType } from './resource-id';

/**
 * `azapi_resource_action` of Azure/terraform-provider-azapi v2.12.0,
 * internal/services/azapi_resource_action_resource.go:
 * - Schema defaults: method "POST", when "apply".
 * - `ModifyPlan` and the schema's plan modifiers: `resource_id` and `action` RequiresReplace; `type`
 *   replaces when its resource type (not the api-version) changes.
 * - `Create` and `Update` run the action (`Action`: a request `<method> <resource_id>/<action>` with the body)
 *   when `when` is "apply"; an update that changes only fields tagged skip_on:"update" (internal/skip/skip.go:
 *   timeouts, retry) sends nothing.
 * - `Read` sends nothing; `Delete` runs the action only when `when` is "destroy".
 */
const SCHEMA = azapiSchemas.resource_schemas.azapi_resource_action.block;
const SKIP_ON_UPDATE = ['timeouts', 'retry'];

export function azapiResourceAction(): ResourceBehaviour {
  const arm = () => new Arm(azureStore());
  const run = (planned: Obj) =>
    arm().post(String(planned.resource_id), String(planned.action ?? ''), planned.body ?? null);
  return {
    plan({ prior, proposed }) {
      if (!proposed) return { planned: null };
      let planned = withoutWriteOnly({ ...proposed }, SCHEMA);
      if ((planned.method ?? null) === null) planned.method = 'POST';
      if ((planned.when ?? null) === null) planned.when = 'apply';
      if (!prior) return { planned: computedNullsUnknown(planned, SCHEMA) };
      const requiresReplace: string[][] = [];
      for (const name of ['resource_id', 'action'])
        if (!sameValue(prior[name], planned[name])) requiresReplace.push([name]);
      const [before, after] = [prior.type, planned.type].map((t) => splitType(String(t)).resourceType.toLowerCase());
      if (before !== after) requiresReplace.push(['type']);
      const changed = Object.keys(planned).filter(
        (k) => !['id', 'output', 'sensitive_output', 'exist'].includes(k) && !sameValue(prior[k], planned[k]),
      );
      const reruns = changed.some((k) => !SKIP_ON_UPDATE.includes(k));
      for (const name of ['id', 'output', 'sensitive_output', 'exist']) planned[name] = prior[name];
      if (reruns || requiresReplace.length > 0) {
        planned = { ...planned, output: new Unknown('dynamic'), sensitive_output: new Unknown('dynamic') };
        if (requiresReplace.length > 0) planned = { ...planned, id: new Unknown('string') };
      }
      return { planned, requiresReplace };
    },
    apply({ prior, planned }) {
      if (!planned) {
        if (prior && prior.when === 'destroy') run(prior);
        return { state: null };
      }
      const changed = prior
        ? Object.keys(planned).filter(
            (k) => !['id', 'output', 'sensitive_output', 'exist'].includes(k) && !sameValue(prior[k], planned[k]),
          )
        : ['(create)'];
      let response: Obj | null = null;
      if (planned.when === 'apply' && changed.some((k) => !SKIP_ON_UPDATE.includes(k))) {
        const answer = run(planned);
        if (answer.status >= 400)
          return {
            state: prior,
            diagnostics: [error('Failed to perform action', `${answer.status}: ${answer.error ?? ''}`)],
          };
        response = answer.body;
      }
      const fill = (path: readonly string[]): Value => {
        if (path[0] === 'id') return String(planned.resource_id);
        if (path[0] === 'output') return response ? exportedOutput(response, planned.response_export_values ?? []) : {};
        if (path[0] === 'sensitive_output') return {};
        if (path[0] === 'exist') return true;
        return null;
      };
      return { state: resolveUnknowns(planned, fill) as Obj };
    },
    read(state) {
      return { state };
    },
  };
}
