import type { Problems } from '../core/errors';
import type { ArmCustomService } from '../model/compute-arm';
import { isPlainObject } from '../core/plain-object';
import { screenEnvironmentValue } from '../validation/metadata-secrets';
import { checkBoolean, checkOneOf, checkString } from './checks';
import type { CustomService } from './props';

/**
 * Custom applications (`customServices`): the REST spec's `CustomService` (Azure/azure-rest-api-specs,
 * specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-12-01/
 * machineLearningServices.json: `CustomService`, `Image`, `Endpoint`, `Docker`, `EnvironmentVariable`). The spec
 * types the ports as integers and bounds nothing; 1 to 65535 is what a TCP or UDP port can be.
 */

const SHAPE =
  '{ name, image: { reference, type?, version? }, endpoints?, environmentVariables?, privileged?, volumes? }';

export function checkCustomServices(problems: Problems, services: unknown): void {
  if (services === undefined) return;
  if (!Array.isArray(services)) {
    problems.add('customServices', services, `a list of ${SHAPE}`);
    return;
  }
  const names = new Set<string>();
  services.forEach((s: unknown, i) => {
    const at = `customServices[${i}]`;
    if (!isPlainObject(s)) {
      problems.add(at, s, `an object ${SHAPE}`);
      return;
    }
    checkString(problems, `${at}.name`, s.name);
    if (typeof s.name === 'string') {
      if (names.has(s.name)) problems.add(`${at}.name`, s.name, 'a name no other custom service of the instance has');
      names.add(s.name);
    }
    if (!isPlainObject(s.image)) problems.add(`${at}.image`, s.image, 'an object { reference, type?, version? }');
    else {
      checkString(problems, `${at}.image.reference`, s.image.reference);
      checkOneOf(problems, `${at}.image.type`, s.image.type, ['docker', 'azureml']);
      if (s.image.version !== undefined) checkString(problems, `${at}.image.version`, s.image.version);
    }
    checkEndpoints(problems, at, s.endpoints);
    checkEnvironment(problems, at, s.environmentVariables);
    checkVolumes(problems, at, s.volumes);
    checkBoolean(problems, `${at}.privileged`, s.privileged);
  });
}

function checkEndpoints(problems: Problems, at: string, endpoints: unknown): void {
  if (endpoints === undefined) return;
  if (!Array.isArray(endpoints)) {
    problems.add(`${at}.endpoints`, endpoints, 'a list of { name, target, published, protocol?, hostIp? }');
    return;
  }
  endpoints.forEach((e: unknown, j) => {
    const here = `${at}.endpoints[${j}]`;
    if (!isPlainObject(e)) {
      problems.add(here, e, 'an object { name, target, published, protocol?, hostIp? }');
      return;
    }
    checkString(problems, `${here}.name`, e.name);
    checkOneOf(problems, `${here}.protocol`, e.protocol, ['tcp', 'udp', 'http']);
    for (const port of ['target', 'published'] as const) {
      const n = e[port];
      if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 65535)
        problems.add(`${here}.${port}`, n, 'a port number, a whole number from 1 to 65535');
    }
    if (e.hostIp !== undefined) checkString(problems, `${here}.hostIp`, e.hostIp);
  });
}

function checkVolumes(problems: Problems, at: string, volumes: unknown): void {
  if (volumes === undefined) return;
  if (!Array.isArray(volumes)) {
    problems.add(`${at}.volumes`, volumes, 'a list of { type, source, target, readOnly? }');
    return;
  }
  volumes.forEach((v: unknown, j) => {
    const here = `${at}.volumes[${j}]`;
    if (!isPlainObject(v)) {
      problems.add(here, v, 'an object { type, source, target, readOnly? }');
      return;
    }
    checkOneOf(problems, `${here}.type`, v.type, ['bind', 'volume', 'tmpfs', 'npipe'], true);
    checkString(problems, `${here}.source`, v.source);
    checkString(problems, `${here}.target`, v.target);
    checkBoolean(problems, `${here}.readOnly`, v.readOnly);
  });
}

function checkEnvironment(problems: Problems, at: string, variables: unknown): void {
  if (variables === undefined) return;
  if (!isPlainObject(variables)) {
    problems.add(`${at}.environmentVariables`, variables, 'variable names to string values');
    return;
  }
  for (const [name, value] of Object.entries(variables)) {
    const field = `${at}.environmentVariables.${name}`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      problems.add(
        `${at}.environmentVariables`,
        name,
        'variable names of letters, digits and _, not starting with a digit',
      );
    if (typeof value !== 'string') problems.add(field, value, 'a string');
    else screenEnvironmentValue(problems, field, value);
  }
}

/** The ARM entries of valid custom services. */
export function customServicesToArm(services: readonly CustomService[] | undefined): ArmCustomService[] | undefined {
  if (services === undefined || services.length === 0) return undefined;
  return services.map((s) => {
    const variables = Object.entries(s.environmentVariables ?? {});
    return {
      name: s.name,
      image: {
        ...(s.image.type !== undefined ? { type: s.image.type } : {}),
        reference: s.image.reference,
        ...(s.image.version !== undefined ? { version: s.image.version } : {}),
      },
      ...(variables.length > 0
        ? {
            environmentVariables: Object.fromEntries(
              variables.map(([name, value]) => [name, { type: 'local' as const, value }]),
            ),
          }
        : {}),
      ...(s.privileged !== undefined ? { docker: { privileged: s.privileged } } : {}),
      ...(s.volumes !== undefined && s.volumes.length > 0
        ? {
            volumes: s.volumes.map((v) => ({
              type: v.type,
              source: v.source,
              target: v.target,
              ...(v.readOnly !== undefined ? { readOnly: v.readOnly } : {}),
            })),
          }
        : {}),
      ...(s.endpoints !== undefined && s.endpoints.length > 0
        ? {
            endpoints: s.endpoints.map((e) => ({
              name: e.name,
              ...(e.protocol !== undefined ? { protocol: e.protocol } : {}),
              target: e.target,
              published: e.published,
              ...(e.hostIp !== undefined ? { hostIp: e.hostIp } : {}),
            })),
          }
        : {}),
    };
  });
}

/**
 * The props of ARM custom services (an existing instance's, a template's), for the same check. Only the fields
 * the props have are read: what else Azure has (a Jupyter `kernel`) is not expressed, which the import reports
 * by comparing what the library would write back.
 */
export function customServicesFromArm(services: unknown): unknown {
  if (!Array.isArray(services)) return services;
  return services.map((s: unknown) => {
    if (!isPlainObject(s)) return s;
    const { docker, environmentVariables } = s;
    return {
      ...pick(s, ['name']),
      ...(s.image !== undefined ? { image: picked(s.image, ['type', 'reference', 'version']) } : {}),
      ...(Array.isArray(s.endpoints)
        ? { endpoints: s.endpoints.map((e) => picked(e, ['name', 'protocol', 'target', 'published', 'hostIp'])) }
        : pick(s, ['endpoints'])),
      ...(isPlainObject(environmentVariables)
        ? {
            environmentVariables: Object.fromEntries(
              Object.entries(environmentVariables).map(([k, v]) => [k, isPlainObject(v) ? v.value : v]),
            ),
          }
        : pick(s, ['environmentVariables'])),
      ...(isPlainObject(docker) && docker.privileged !== undefined ? { privileged: docker.privileged } : {}),
      ...(Array.isArray(s.volumes)
        ? { volumes: s.volumes.map((v) => picked(v, ['type', 'source', 'target', 'readOnly'])) }
        : pick(s, ['volumes'])),
    };
  });
}

/** The given keys of an object that has them. */
function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]));
}

/** `pick` of an object, or the value itself when it is none (for the check to refuse). */
function picked(value: unknown, keys: readonly string[]): unknown {
  return isPlainObject(value) ? pick(value, keys) : value;
}
