import { App, TerraformStack, Testing } from 'cdktf';
import type { Json } from './azapi-update-object';
import { azureGetAnswer } from './azure-compute-model';
import { create, PlannedChange, plan, refresh, ResourceConfig, ResourceState } from './terraform-plan-model';

/** The azapi resources of one synthesized stack, by address (`azapi_resource.<key>`), as the model reads them. */
export type Deployment = Map<string, { type: string; config: ResourceConfig }>;

export function deploymentOf(stackJson: any): Deployment {
  const out: Deployment = new Map();
  for (const type of ['azapi_resource', 'azapi_resource_action']) {
    for (const [key, value] of Object.entries<any>(stackJson.resource?.[type] ?? {})) {
      const { '//': _m, lifecycle, provider: _p, depends_on: _d, ...attributes } = value;
      void _m;
      void _p;
      void _d;
      out.set(`${type}.${key}`, { type, config: { attributes, lifecycle } });
    }
  }
  return out;
}

export function synthDeployment(build: (stack: TerraformStack) => void): Deployment {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'life');
  build(stack);
  return deploymentOf(JSON.parse(Testing.synth(stack)));
}

/** Applies a first deployment, then refreshes every compute against Azure's answer (the model's). */
export function applyAndRefresh(first: Deployment): Map<string, ResourceState> {
  const states = new Map<string, ResourceState>();
  for (const [address, { type, config }] of first) {
    let state = create(type, config);
    if (type === 'azapi_resource') {
      const a = state.attributes;
      state = refresh(
        state,
        azureGetAnswer(a.body as { [k: string]: Json }, a.tags as { [k: string]: Json } | undefined),
      );
    }
    states.set(address, state);
  }
  return states;
}

/** The plan of `next` against the refreshed state of `first`, per address. A replaced compute replaces the actions on it. */
export function secondPlan(states: Map<string, ResourceState>, next: Deployment): Map<string, PlannedChange> {
  const changes = new Map<string, PlannedChange>();
  const addresses = [...new Set([...states.keys(), ...next.keys()])].sort();
  for (const address of addresses) {
    const type = address.split('.')[0];
    changes.set(address, plan(type, states.get(address), next.get(address)?.config));
  }
  for (const [address, change] of changes) {
    if (!address.startsWith('azapi_resource_action.') || !states.has(address) || !next.has(address)) continue;
    const resourceId = String(next.get(address)!.config.attributes.resource_id);
    const parent = [...changes.entries()].find(([a, c]) => resourceId === `\${${a}.id}` && c.action === 'replace');
    if (parent)
      changes.set(address, {
        action: 'replace',
        request: true,
        replaceBecause: ['resource_id (unknown: its compute is replaced)'],
        ...(change.error ? { error: change.error } : {}),
      });
  }
  return changes;
}
