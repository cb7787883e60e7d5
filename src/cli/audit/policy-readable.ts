import { isPlainObject } from '../../core/plain-object';
import { joinPath } from '../inputs/json-path';

/**
 * The policy rules judge `ArmComputeInstanceProperties`: the fields they read (schedules, setup scripts,
 * idle shutdown) with the JSON types API 2025-12-01 declares for them. An instance read from a file may
 * hold anything there; what the rules cannot read is not judged, and this says which field and why.
 * Undefined when every field the rules read has its declared type.
 */
export function unreadableByRules(properties: Record<string, unknown>): { field: string; why: string } | undefined {
  const wrong = (field: string, value: unknown, declared: string) => ({
    field,
    why: `${field} is ${typeName(value)} where the API declares ${declared}`,
  });
  const { schedules, setupScripts, idleTimeBeforeShutdown } = properties;
  if (idleTimeBeforeShutdown !== undefined && typeof idleTimeBeforeShutdown !== 'string')
    return wrong('idleTimeBeforeShutdown', idleTimeBeforeShutdown, 'a string');
  if (schedules !== undefined) {
    if (!isPlainObject(schedules)) return wrong('schedules', schedules, 'an object');
    const entries = schedules.computeStartStop;
    if (entries !== undefined) {
      if (!Array.isArray(entries)) return wrong('schedules.computeStartStop', entries, 'a list');
      for (const [i, entry] of entries.entries()) {
        const field = joinPath('schedules.computeStartStop', i);
        if (!isPlainObject(entry)) return wrong(field, entry, 'an object');
        for (const key of ['action', 'status'])
          if (entry[key] !== undefined && typeof entry[key] !== 'string')
            return wrong(`${field}.${key}`, entry[key], 'a string');
      }
    }
  }
  if (setupScripts !== undefined) {
    if (!isPlainObject(setupScripts)) return wrong('setupScripts', setupScripts, 'an object');
    if (!isPlainObject(setupScripts.scripts)) return wrong('setupScripts.scripts', setupScripts.scripts, 'an object');
    for (const key of ['creationScript', 'startupScript']) {
      const script = setupScripts.scripts[key];
      if (script !== undefined && !isPlainObject(script))
        return wrong(`setupScripts.scripts.${key}`, script, 'an object');
    }
  }
  return undefined;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
