import type { Json } from './azapi-update-object';
import { Deployment, secondPlan } from './instance-life';
import { importState } from './terraform-import-model';
import { applyUpdate, create, PlannedChange, refresh, ResourceState } from './terraform-plan-model';

type Obj = { [key: string]: Json };

/**
 * The life of adopted instances on the plan model: the `import` blocks of a synthesized stack import each
 * compute from Azure's GET answer (./terraform-import-model.ts), the first plan plans the configuration
 * against that state in the same run (I1), its apply is applied, and Azure is read again.
 */
export interface Adoption {
  readonly states: Map<string, ResourceState>;
  readonly firstPlan: Map<string, PlannedChange>;
}

/** The answer Azure gives for an ARM id (without `?api-version`). */
export type AzureAnswers = (armId: string) => Obj;

export function adopt(stackJson: any, deployment: Deployment, answerFor: AzureAnswers): Adoption {
  const states = new Map<string, ResourceState>();
  for (const block of (stackJson.import ?? []) as { to: string; id: string }[]) {
    const config = deployment.get(block.to);
    if (!config || config.type !== 'azapi_resource') continue;
    const azureType = String(config.config.attributes.type).split('@')[0];
    states.set(block.to, importState(block.id, azureType, answerFor(block.id.split('?')[0])));
  }
  return { states, firstPlan: secondPlan(states, deployment) };
}

/** Applies a plan that has no replacement or deletion (an adoption's), then refreshes every compute. */
export function applyAndRefreshAdopted(
  adoption: Adoption,
  deployment: Deployment,
  answerFor: AzureAnswers,
): Map<string, ResourceState> {
  const out = new Map<string, ResourceState>();
  for (const [address, change] of adoption.firstPlan) {
    const { type, config } = deployment.get(address)!;
    const prior = adoption.states.get(address);
    let state = change.action === 'create' ? create(type, config) : applyUpdate(prior!, change);
    if (type === 'azapi_resource') state = refresh(state, answerFor(String(state.attributes.id)));
    out.set(address, state);
  }
  return out;
}
