import type { Value } from '../wire';
import { answerOf, nameConflict, updatedBy } from './compute';
import { AzureStore, Resource } from './store';

/**
 * The emulated Azure Resource Manager: PUT, GET, DELETE and POST actions on ARM ids, each recorded in the
 * store's request log. Compute instances follow ./compute.ts; any other resource is stored as sent, with its
 * `id`, `name` and `type` (the generic shape of an ARM resource).
 */
export interface ArmAnswer {
  readonly status: number;
  readonly body: Resource | null;
  readonly error?: string;
}

type Obj = { [key: string]: Value };

function isComputeId(id: string): boolean {
  return /\/providers\/microsoft\.machinelearningservices\/workspaces\/[^/]+\/computes\/[^/]+$/i.test(id);
}

/** `Microsoft.X/a/b` of an ARM id `.../providers/Microsoft.X/a/n1/b/n2`. */
export function armType(id: string): string {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0)
    return id.split('/').length > 3 ? 'Microsoft.Resources/resourceGroups' : 'Microsoft.Resources/subscriptions';
  const parts = id.slice(at + '/providers/'.length).split('/');
  return [parts[0], ...parts.slice(1).filter((_, i) => i % 2 === 0)].join('/');
}

export class Arm {
  constructor(private readonly store: AzureStore) {}

  put(id: string, body: Obj): ArmAnswer {
    this.store.record({ method: 'PUT', id, body });
    return this.store.transaction((resources) => {
      const key = id.toLowerCase();
      const stored = resources[key];
      if (isComputeId(id)) {
        if (!stored) {
          const other = nameConflict(resources, id, body.location ?? null);
          if (other) {
            return {
              status: 409,
              body: null,
              error: `Conflict: a compute named ${JSON.stringify(id.slice(id.lastIndexOf('/') + 1))} already exists in this region (${other})`,
            };
          }
        }
        resources[key] = stored ? updatedBy(stored, id, body) : answerOf(id, body);
      } else {
        resources[key] = { ...body, id, name: id.slice(id.lastIndexOf('/') + 1), type: armType(id) };
      }
      return { status: stored ? 200 : 201, body: resources[key] };
    });
  }

  get(id: string): ArmAnswer {
    this.store.record({ method: 'GET', id });
    const found = this.store.read()[id.toLowerCase()];
    return found ? { status: 200, body: found } : { status: 404, body: null, error: `ResourceNotFound: ${id}` };
  }

  delete(id: string): ArmAnswer {
    this.store.record({ method: 'DELETE', id });
    return this.store.transaction((resources) => {
      const existed = resources[id.toLowerCase()] !== undefined;
      delete resources[id.toLowerCase()];
      return { status: existed ? 200 : 204, body: null };
    });
  }

  /** POST `<id>/<action>`: compute `stop` and `updateIdleShutdownSetting` change the stored instance. */
  post(id: string, action: string, body: Value): ArmAnswer {
    this.store.record({ method: 'POST', id: action ? `${id}/${action}` : id, ...(body !== null ? { body } : {}) });
    return this.store.transaction((resources) => {
      const stored = resources[id.toLowerCase()];
      if (!stored) return { status: 404, body: null, error: `ResourceNotFound: ${id}` };
      if (isComputeId(id)) {
        const ci = ((stored.properties as Obj).properties ?? {}) as Obj;
        if (action === 'stop') ci.state = 'Stopped';
        if (action === 'start') ci.state = 'Running';
        if (action === 'updateIdleShutdownSetting') {
          const idle = (body as Obj | null)?.idleTimeBeforeShutdown;
          if (typeof idle === 'string') ci.idleTimeBeforeShutdown = idle;
        }
      }
      return { status: 200, body: {} };
    });
  }
}
