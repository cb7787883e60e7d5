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

/** One workspace of a roster; it becomes a Terraform stack with its own state. */
export interface RosterWorkspace {
  /** The ARM id of the `Microsoft.MachineLearningServices/workspaces` resource. */
  readonly id: string;
  /** The workspace's Azure region, such as `westeurope`. */
  readonly location: string;
  /** The ARM id of the subnet the workspace's instances join (no subnet of your own when left out). */
  readonly subnetId?: string;
}

/** One person of a roster and how their compute instance is set up. */
export interface RosterPerson {
  /** A short name; the instance is named `ci-<name>`. */
  readonly name: string;
  /** The person's Microsoft Entra object id, a GUID: the instance is created on their behalf. */
  readonly objectId: string;
  /** The key in `Roster.workspaces` of the workspace the instance is created in. */
  readonly workspace: string;
  /** An Azure VM size, such as `Standard_DS3_v2`. */
  readonly vmSize: string;
  /** A Windows time zone id, such as `W. Europe Standard Time`, that `workingHours` are read in. */
  readonly timeZone: string;
  /**
   * When the instance runs: started at `start` and stopped at `stop` (`HH:mm`) on `days` (Monday to Friday
   * when left out).
   */
  readonly workingHours: { readonly days?: WeekDay[]; readonly start: string; readonly stop: string };
  /** Whole minutes without activity before Azure stops the instance (60 when left out). */
  readonly idleShutdownMinutes?: number;
  /**
   * What to set up on the instance: a conda environment of `python` (such as `3.11`) with the conda
   * `packages`, and a git `repository` URL to clone into the home folder.
   */
  readonly setup?: { readonly python?: string; readonly packages?: string[]; readonly repository?: string };
}

/** A roster that passed ROSTER_SCHEMA. */
export interface Roster {
  /** The Microsoft Entra tenant id of every person, a GUID. */
  readonly tenantId: string;
  /** The workspaces by a short key (a lower-case letter, then up to 30 lower-case letters, digits or `-`). */
  readonly workspaces: Readonly<Record<string, RosterWorkspace>>;
  /** The people, each with one compute instance. */
  readonly people: readonly RosterPerson[];
}
