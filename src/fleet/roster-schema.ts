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
  additionalProperties: false,
  required: ['tenantId', 'workspaces', 'people'],
  properties: {
    tenantId: { type: 'string', description: 'The Entra tenant of every person (a GUID).' },
    workspaces: {
      type: 'object',
      description: 'Workspaces by a short key; each becomes a Terraform stack with its own state.',
      minProperties: 1,
      propertyNames: { pattern: '^[a-z][a-z0-9-]{0,30}$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'location'],
        properties: {
          id: { type: 'string', description: 'ARM id of the Microsoft.MachineLearningServices/workspaces.' },
          location: { type: 'string', description: "The workspace's region, such as westeurope." },
          subnetId: { type: 'string', description: 'ARM id of the subnet the instances join.' },
        },
      },
    },
    people: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'objectId', 'workspace', 'vmSize', 'timeZone', 'workingHours'],
        properties: {
          name: { type: 'string', description: 'Short name; the instance is named ci-<name>.' },
          objectId: { type: 'string', description: "The person's Entra object id (a GUID)." },
          workspace: { type: 'string', description: 'A key of workspaces.' },
          vmSize: { type: 'string' },
          timeZone: { type: 'string', description: 'A Windows time zone id, such as W. Europe Standard Time.' },
          workingHours: {
            type: 'object',
            additionalProperties: false,
            required: ['start', 'stop'],
            properties: {
              days: {
                type: 'array',
                items: { enum: [...WEEK_DAYS] },
                minItems: 1,
                uniqueItems: true,
                description: 'Default Monday to Friday.',
              },
              start: { type: 'string', description: 'HH:mm' },
              stop: { type: 'string', description: 'HH:mm' },
            },
          },
          idleShutdownMinutes: { type: 'integer', description: 'Default 60.' },
          setup: {
            type: 'object',
            additionalProperties: false,
            properties: {
              python: {
                type: 'string',
                description: "Python version of the person's conda environment, such as 3.11.",
              },
              packages: { type: 'array', items: { type: 'string' }, description: 'Conda packages.' },
              repository: { type: 'string', description: 'A git repository cloned into the home folder.' },
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
