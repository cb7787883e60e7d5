import type { ProviderSchemas } from './schemas/schema-types';
import type { Value } from './wire';

/** What an emulated provider does per RPC, on decoded values (./plugin-server.ts does the wire). */
export type Obj = { [key: string]: Value };

export interface Diagnostic {
  readonly severity: 'ERROR' | 'WARNING';
  readonly summary: string;
  readonly detail: string;
  /** Attribute names from the resource's root. */
  readonly attribute?: readonly string[];
}

export interface PlanRequest {
  readonly prior: Obj | null;
  readonly proposed: Obj | null;
  readonly config: Obj | null;
  readonly priorPrivate: Obj;
}

export interface PlanResult {
  readonly planned: Obj | null;
  readonly requiresReplace?: readonly (readonly string[])[];
  readonly private?: Obj;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ApplyRequest {
  readonly prior: Obj | null;
  readonly planned: Obj | null;
  readonly config: Obj | null;
  readonly private: Obj;
}

export interface StateResult {
  /** null: the object is gone (read) or destroyed (apply). */
  readonly state: Obj | null;
  readonly private?: Obj;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ResourceBehaviour {
  validate?(config: Obj): readonly Diagnostic[];
  plan(req: PlanRequest): PlanResult;
  apply(req: ApplyRequest): StateResult;
  read(state: Obj, priv: Obj): StateResult;
  import?(id: string): StateResult;
}

export interface DataSourceBehaviour {
  read(config: Obj): StateResult;
}

export interface EmulatedProvider {
  readonly schemas: ProviderSchemas;
  readonly resources: { readonly [type: string]: ResourceBehaviour };
  readonly dataSources: { readonly [type: string]: DataSourceBehaviour };
}

export function error(summary: string, detail: string, attribute?: readonly string[]): Diagnostic {
  return { severity: 'ERROR', summary, detail, ...(attribute ? { attribute } : {}) };
}
