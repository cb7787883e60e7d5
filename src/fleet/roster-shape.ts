import type * as AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { MAX_LISTED_PER_FIELD, show } from '../core/errors';
import { pointerSegments } from '../validation/json-pointer';
import { enumAllowed, nearMiss } from '../schedule/spelling';
import { ROSTER_SCHEMA } from './roster-schema';

/** One place where a roster breaks ROSTER_SCHEMA, in the library's wording. */
export interface RosterShapeProblem {
  /** Where in the roster: `['people', 3, 'workingHours', 'days', 0]`; a missing field's path names it. */
  readonly path: ReadonlyArray<string | number>;
  /** The value received, rendered for a message (`nothing` when missing; redacted where it may be secret). */
  readonly received: string;
  /** What the field allows, from the schema's description, with what to write instead where one is near. */
  readonly allowed: string;
  /** On the line that counts a list's unlisted problems: how many it stands for. */
  readonly unlisted?: number;
}

interface SchemaNode {
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly propertyNames?: SchemaNode;
}

let validator: ValidateFunction | undefined;

/** How a roster check names another entry in a message (`people[0] (alice), line 5`). */
export type RosterEntryName = (path: ReadonlyArray<string | number>) => string;

/**
 * Everything wrong with `roster` as data, one problem per place, in the library's wording (the field, the
 * value received, what is allowed; never ajv's text): its shape against ROSTER_SCHEMA, then what a schema
 * cannot say: each person's `workspace` is a key of `workspaces`, and no two people in one region have the
 * same instance name (Azure wants compute names unique in a region, whatever the workspace; see
 * ComputeInstance). `entryName` names the other entry of a duplicate (default `people[0] (alice)`). An empty
 * list means the data is right; the values (sizes, time zones, ids) are for ComputeInstance to judge.
 */
export function rosterShapeProblems(
  roster: unknown,
  entryName: RosterEntryName = personName(roster),
): RosterShapeProblem[] {
  // Loaded on first use: importing the package loads no ajv (see the schedule validators, compiled at build).
  if (validator === undefined) {
    const Ajv = (require('ajv') as typeof AjvModule).default;
    validator = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(ROSTER_SCHEMA);
  }
  const problems: RosterShapeProblem[] = [];
  const seen = new Set<string>();
  const push = (problem: RosterShapeProblem) => {
    const key = JSON.stringify(problem.path);
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  if (!validator(roster)) {
    // As in a ValidationError, a list's items count as one field: the first few are listed, the rest counted.
    const perList = new Map<string, number>();
    for (const error of validator.errors ?? []) {
      // A property name's own pattern error repeats the propertyNames error that names the key.
      if ((error as { propertyName?: string }).propertyName !== undefined) continue;
      const problem = problemOf(error, roster);
      const list = typeof problem.path.at(-1) === 'number' ? JSON.stringify(problem.path.slice(0, -1)) : undefined;
      const listed = list === undefined ? 0 : (perList.get(list) ?? 0);
      if (list !== undefined) perList.set(list, listed + 1);
      if (listed < MAX_LISTED_PER_FIELD) push(problem);
    }
    for (const [list, n] of perList) {
      if (n <= MAX_LISTED_PER_FIELD) continue;
      const more = n - MAX_LISTED_PER_FIELD;
      // Not through push: the list itself may have a problem of its own at this path (too long, repeats).
      problems.push({
        path: JSON.parse(list) as Array<string | number>,
        received: `${more} more ${more === 1 ? 'problem' : 'problems'} in this list, not listed`,
        allowed: `the first ${MAX_LISTED_PER_FIELD} problems of a list are listed; fix these and run again to see the rest`,
        unlisted: more,
      });
    }
  }
  referenceProblems(roster, entryName).forEach(push);
  return problems;
}

/** The default way to name a person: `people[0] (alice)`. */
function personName(roster: unknown): RosterEntryName {
  return (path) => {
    const name = (fieldOf(roster, ['people', path[1] as number]) as { name?: unknown } | undefined)?.name;
    return `people[${path[1]}]${typeof name === 'string' ? ` (${name})` : ''}`;
  };
}

/** Unknown workspace keys and instance names taken twice in one region. */
function referenceProblems(roster: unknown, entryName: RosterEntryName): RosterShapeProblem[] {
  const people = fieldOf(roster, ['people']);
  const workspaces = fieldOf(roster, ['workspaces']);
  if (!Array.isArray(people) || !isObject(workspaces)) return [];
  const keys = Object.keys(workspaces);
  const problems: RosterShapeProblem[] = [];
  const takenBy = new Map<string, number>();
  people.forEach((person: unknown, i) => {
    if (!isObject(person) || typeof person.workspace !== 'string') return;
    if (!Object.hasOwn(workspaces, person.workspace)) {
      const meant = nearMiss(person.workspace, keys);
      problems.push({
        path: ['people', i, 'workspace'],
        received: show(person.workspace),
        allowed: `a key of workspaces: ${keys.join(', ')}${meant ? `; write "${meant}" instead` : ''}`,
      });
      return;
    }
    const location = fieldOf(workspaces, [person.workspace, 'location']);
    if (typeof person.name !== 'string' || typeof location !== 'string') return;
    const key = `${location.toLowerCase().replace(/\s+/g, '')}|${person.name.toLowerCase()}`;
    const first = takenBy.get(key);
    if (first === undefined) {
      takenBy.set(key, i);
      return;
    }
    problems.push({
      path: ['people', i, 'name'],
      received: show(person.name),
      allowed:
        `a name no other person of the roster has in region ${location} (Azure wants compute names unique in a region, ` +
        `whatever the workspace, and compares them here without case; ${entryName(['people', first, 'name'])} has it)`,
    });
  });
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at `path` inside `value`, own fields only (a key such as `constructor` finds nothing). */
function fieldOf(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

function problemOf(error: ErrorObject, roster: unknown): RosterShapeProblem {
  const at = pointerSegments(error.instancePath, roster);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const params = error.params as Record<string, unknown>;
  const described = schema.description;
  switch (error.keyword) {
    case 'required': {
      const missing = params.missingProperty as string;
      const allowed = schema.properties?.[missing]?.description ?? 'a value';
      return { path: [...at, missing], received: 'nothing', allowed: `${allowed} (required)` };
    }
    case 'additionalProperties': {
      const extra = params.additionalProperty as string;
      const known = Object.keys(schema.properties ?? {});
      const meant = nearMiss(extra, known);
      const value = (error.data as Record<string, unknown>)[extra];
      return {
        path: [...at, extra],
        received: show(value),
        allowed: `only the fields ${known.join(', ')}${meant ? `; write "${meant}" instead` : ''}`,
      };
    }
    case 'propertyNames': {
      const name = params.propertyName as string;
      return { path: [...at, name], received: show(name), allowed: `${schema.propertyNames?.description}` };
    }
    case 'enum':
      return {
        path: at,
        received: show(error.data),
        allowed: enumAllowed(error.data, params.allowedValues as string[]),
      };
    case 'uniqueItems': {
      const list = error.data as unknown[];
      return { path: at, received: show(list), allowed: `${described}; ${show(list[params.j as number])} is repeated` };
    }
    case 'minItems':
    case 'maxItems':
    case 'minProperties': {
      const limit = params.limit as number;
      const bound = error.keyword.startsWith('min') ? 'at least' : 'at most';
      const received = Array.isArray(error.data) ? `a list of ${error.data.length} items` : show(error.data);
      return { path: at, received, allowed: `${described} (${bound} ${limit})` };
    }
    case 'type':
      return { path: at, received: show(error.data), allowed: described ?? TYPE_WORDS[String(params.type)] };
    default:
      return { path: at, received: show(error.data), allowed: described ?? `${error.message}` };
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
};
