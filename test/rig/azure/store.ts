import {
  appendFileSync,
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import type { Value } from '../wire';

/**
 * The emulated Azure's memory: one JSON file, one object keyed by lower-cased ARM id, each value the resource
 * as Azure's GET returns it. Every provider process of every terraform run reads and writes the same file, so
 * separate plan and apply runs see one Azure. Tests edit the file to make out-of-band changes.
 *
 * Requests are appended, one JSON line each, to `<file>.requests.jsonl` ({method, id, body?}), so a test can
 * assert which requests a run sent (none, for an import).
 */
export type Resource = { [key: string]: Value };
export type Resources = { [lowerId: string]: Resource };

export interface AzureRequest {
  readonly method: 'PUT' | 'GET' | 'DELETE' | 'POST';
  readonly id: string;
  readonly body?: Value;
}

export class AzureStore {
  constructor(readonly file: string) {}

  get requestLog(): string {
    return `${this.file}.requests.jsonl`;
  }

  /** Reads, lets `change` edit, and writes back, under a lock that the provider processes share. */
  transaction<T>(change: (resources: Resources) => T): T {
    const unlock = this.lock();
    try {
      const resources = this.read();
      const before = JSON.stringify(resources);
      const out = change(resources);
      const after = JSON.stringify(sorted(resources), null, 2);
      if (after !== JSON.stringify(sorted(JSON.parse(before)), null, 2)) {
        const tmp = `${this.file}.${process.pid}.tmp`;
        writeFileSync(tmp, `${after}\n`);
        renameSync(tmp, this.file);
      }
      return out;
    } finally {
      unlock();
    }
  }

  read(): Resources {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Resources) : {};
  }

  record(request: AzureRequest): void {
    // One short append per request: O_APPEND keeps lines whole across processes.
    appendFileSync(this.requestLog, `${JSON.stringify(request)}\n`);
  }

  requests(): AzureRequest[] {
    if (!existsSync(this.requestLog)) return [];
    return readFileSync(this.requestLog, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as AzureRequest);
  }

  private lock(): () => void {
    const path = `${this.file}.lock`;
    const wait = new Int32Array(new SharedArrayBuffer(4));
    for (let attempt = 0; ; attempt++) {
      try {
        closeSync(openSync(path, 'wx'));
        return () => unlinkSync(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        // A lock older than 10 s belongs to a process that died holding it.
        if (attempt % 100 === 99 && Date.now() - safeMtime(path) > 10_000) unlinkSync(path);
        Atomics.wait(wait, 0, 0, 5);
      }
    }
  }
}

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

function sorted(resources: Resources): Resources {
  return Object.fromEntries(
    Object.keys(resources)
      .sort()
      .map((k) => [k, resources[k]]),
  );
}

export function azureStore(): AzureStore {
  const file = process.env.RIG_AZURE_FILE;
  if (!file) throw new Error('RIG_AZURE_FILE is not set: the emulated providers need the emulated Azure file');
  return new AzureStore(file);
}
