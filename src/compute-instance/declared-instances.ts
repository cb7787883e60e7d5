import { IConstruct } from 'constructs';
import { ComputeInstanceSpec } from '../model/compute-arm';

/** A compute instance as the checks that run over an app's instances see it: its ARM body. */
export interface DeclaredInstance extends IConstruct {
  readonly spec: ComputeInstanceSpec;
}

type Watcher = (instance: DeclaredInstance) => void;

interface AppInstances {
  readonly instances: DeclaredInstance[];
  readonly watchers: Watcher[];
}

const byApp = new WeakMap<IConstruct, AppInstances>();

function appOf(scope: IConstruct): AppInstances {
  const root = scope.node.root;
  let app = byApp.get(root);
  if (app === undefined) {
    app = { instances: [], watchers: [] };
    byApp.set(root, app);
  }
  return app;
}

/**
 * Records a compute instance of its app and hands it to the app's watchers. The instance calls this once its
 * spec is final; it knows nothing of who watches (the ShutdownPolicy does), so it imports none of them.
 */
export function declareInstance(instance: DeclaredInstance): void {
  const app = appOf(instance);
  app.instances.push(instance);
  for (const watch of app.watchers) watch(instance);
}

/**
 * Calls `watch` for every compute instance of the app of `scope`, in the order they are declared: those
 * declared already, now, and each one declared later, when it is.
 */
export function watchInstances(scope: IConstruct, watch: Watcher): void {
  const app = appOf(scope);
  app.watchers.push(watch);
  for (const instance of app.instances) watch(instance);
}
