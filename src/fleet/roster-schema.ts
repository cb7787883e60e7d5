import type { WeekDay } from '../model/compute-arm';
import { WEEK_DAYS } from '../schedule/schemas';

/**
 * The JSON Schema of a fleet roster: the people of a platform team, the workspace each works in, and how
 * their compute instance is set up. It checks the roster's shape (which fields, of which types); the
 * values themselves (names, sizes, time zones, ids) are checked by ComputeInstance, whose messages say what
 * to write instead. `examples/fleet/` loads a roster with it.
 *
 * ```ts
 * import Ajv from 'ajv';
 * import { ROSTER_SCHEMA, Roster } from 'cdktf-azureml-compute';
 * const validate = new Ajv({ allErrors: true }).compile<Roster>(ROSTER_SCHEMA);
 * ```
 */

export const ROSTER_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/cdktf-azureml-compute/roster.schema.json',
  title: 'Azure ML compute fleet roster',
  type: 'object',
  description: 'an object { tenantId, workspaces, people }',
  additionalProperties: false,
  required: ['tenantId', 'workspaces', 'people'],
  properties: {
    tenantId: { type: 'string', description: 'the Entra tenant id of every person, a GUID' },
    workspaces: {
      type: 'object',
      description: 'an object of workspaces by a short key; each becomes a Terraform stack with its own state',
      minProperties: 1,
      propertyNames: {
        pattern: '^[a-z][a-z0-9-]{0,30}$',
        description: 'a workspace key of a lower-case letter, then up to 30 lower-case letters, digits or "-"',
      },
      additionalProperties: {
        type: 'object',
        description: 'an object { id, location, subnetId? }',
        additionalProperties: false,
        required: ['id', 'location'],
        properties: {
          id: { type: 'string', description: 'the ARM id of a Microsoft.MachineLearningServices/workspaces' },
          location: { type: 'string', description: "the workspace's region, such as westeurope" },
          subnetId: { type: 'string', description: 'the ARM id of the subnet the instances join' },
        },
      },
    },
    people: {
      type: 'array',
      description: 'a list of people',
      minItems: 1,
      items: {
        type: 'object',
        description:
          'an object { name, objectId, workspace, vmSize, timeZone, workingHours, idleShutdownMinutes?, setup? }',
        additionalProperties: false,
        required: ['name', 'objectId', 'workspace', 'vmSize', 'timeZone', 'workingHours'],
        properties: {
          name: { type: 'string', description: 'a short name; the instance is named ci-<name>' },
          objectId: { type: 'string', description: "the person's Entra object id, a GUID" },
          workspace: { type: 'string', description: 'a key of workspaces' },
          vmSize: { type: 'string', description: 'an Azure VM size, such as Standard_DS3_v2' },
          timeZone: { type: 'string', description: 'a Windows time zone id, such as W. Europe Standard Time' },
          workingHours: {
            type: 'object',
            description: 'an object { start, stop, days? }',
            additionalProperties: false,
            required: ['start', 'stop'],
            properties: {
              days: {
                type: 'array',
                // A type on the items lets ajv check uniqueItems in one pass (without it, it compares every pair).
                items: { type: 'string', enum: [...WEEK_DAYS] },
                minItems: 1,
                maxItems: WEEK_DAYS.length,
                uniqueItems: true,
                description: 'a list of days, "Monday" to "Sunday", each listed once (Monday to Friday when left out)',
              },
              start: { type: 'string', description: 'a time of day, "HH:mm"' },
              stop: { type: 'string', description: 'a time of day, "HH:mm"' },
            },
          },
          idleShutdownMinutes: { type: 'integer', description: 'a whole number of minutes (60 when left out)' },
          setup: {
            type: 'object',
            description: 'an object { python?, packages?, repository? }',
            additionalProperties: false,
            properties: {
              python: {
                type: 'string',
                description: "the Python version of the person's conda environment, such as 3.11",
              },
              packages: {
                type: 'array',
                items: { type: 'string', description: 'a conda package name' },
                description: 'a list of conda package names',
              },
              repository: { type: 'string', description: 'a git repository URL, cloned into the home folder' },
            },
          },
        },
      },
    },
  },
} as const;

export interface RosterWorkspace {
  readonly id: string;
  readonly location: string;
  readonly subnetId?: string;
}

export interface RosterPerson {
  readonly name: string;
  readonly objectId: string;
  readonly workspace: string;
  readonly vmSize: string;
  readonly timeZone: string;
  readonly workingHours: { readonly days?: WeekDay[]; readonly start: string; readonly stop: string };
  readonly idleShutdownMinutes?: number;
  readonly setup?: { readonly python?: string; readonly packages?: string[]; readonly repository?: string };
}

/** A roster that passed ROSTER_SCHEMA. */
export interface Roster {
  readonly tenantId: string;
  readonly workspaces: Readonly<Record<string, RosterWorkspace>>;
  readonly people: readonly RosterPerson[];
}
