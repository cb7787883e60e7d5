import type { ValidateFunction } from 'ajv';
import { AZURE_CRON_ALLOWED, AZURE_CRON_PATTERN } from './azure-cron';
import { START_TIME_ALLOWED, START_TIME_PATTERN } from './start-time';
import { TIME_ZONE_ALLOWED } from './time-zones';
import { FREQUENCIES, MAX_INTERVAL, MAX_SCHEDULES } from '../model/limits';

/**
 * JSON Schemas (draft-07) of one `schedules.computeStartStop` entry and of the list, as this library
 * accepts them. Each `description` is the sentence an error uses for "allowed". Rules a schema cannot say
 * (cron value ranges, Windows time zone ids, real dates, which recurrence fields go with which frequency)
 * are checked in code after the schema.
 */

export const WEEK_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const MONTH_DAYS_REJECTED =
  'nothing: Azure ML ignores monthDays on compute schedules (its own SDK drops them: "\'month_days\' is ignored for not supported on compute recurrence schedule"); ' +
  'use triggerType "Cron" with a day-of-month field instead';

const timeZone = { type: 'string', description: TIME_ZONE_ALLOWED };
const startTime = { type: 'string', pattern: START_TIME_PATTERN, description: START_TIME_ALLOWED };

function integerList(what: string, min: number, max: number): object {
  return {
    type: 'array',
    description: `a list of ${what}s, integers from ${min} to ${max}`,
    // A repeat fires no more often; cron lists that repeat values are rejected too.
    uniqueItems: true,
    items: { type: 'integer', minimum: min, maximum: max, description: `an integer from ${min} to ${max}` },
  };
}

/** Per frequency, the interval's upper limit (the schema's way of saying "if frequency is X, interval <= N"). */
function intervalLimits(): object[] {
  return FREQUENCIES.map((frequency) => ({
    if: { type: 'object', required: ['frequency'], properties: { frequency: { const: frequency } } },
    then: {
      properties: {
        interval: {
          type: 'number',
          maximum: MAX_INTERVAL[frequency],
          description: `an integer from 1 to ${MAX_INTERVAL[frequency]} with frequency "${frequency}"`,
        },
      },
    },
  }));
}

const CRON_DESCRIPTION = 'with triggerType "Cron", an object { expression, timeZone?, startTime? }';
const RECURRENCE_DESCRIPTION =
  'with triggerType "Recurrence", an object { frequency, interval, schedule, timeZone?, startTime? }';

const forbidden = (why: string) => ({ not: {}, description: why });

export const COMPUTE_START_STOP_SCHEDULE_SCHEMA_ID = 'urn:cdktf-azureml-compute:compute-start-stop-schedule';
export const COMPUTE_START_STOP_LIST_SCHEMA_ID = 'urn:cdktf-azureml-compute:compute-start-stop-list';

/** One entry of `properties.schedules.computeStartStop` of a compute instance. */
export const COMPUTE_START_STOP_SCHEDULE_SCHEMA = deepFreeze({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: COMPUTE_START_STOP_SCHEDULE_SCHEMA_ID,
  title: 'computeStartStop schedule',
  description: 'a computeStartStop schedule: { action, triggerType, status?, cron? | recurrence? }',
  type: 'object',
  required: ['action', 'triggerType'],
  additionalProperties: false,
  properties: {
    action: { enum: ['Start', 'Stop'], description: '"Start" or "Stop"' },
    triggerType: { enum: ['Cron', 'Recurrence'], description: '"Cron" or "Recurrence"' },
    status: { enum: ['Enabled', 'Disabled'], description: '"Enabled" or "Disabled"' },
    cron: {
      type: 'object',
      description: CRON_DESCRIPTION,
      required: ['expression'],
      additionalProperties: false,
      properties: {
        expression: { type: 'string', pattern: AZURE_CRON_PATTERN, description: AZURE_CRON_ALLOWED },
        timeZone,
        startTime,
      },
    },
    recurrence: {
      type: 'object',
      description: RECURRENCE_DESCRIPTION,
      required: ['frequency', 'interval', 'schedule'],
      additionalProperties: false,
      properties: {
        frequency: { enum: [...FREQUENCIES], description: '"Minute", "Hour", "Day", "Week" or "Month"' },
        interval: { type: 'integer', minimum: 1, description: 'an integer of at least 1' },
        timeZone,
        startTime,
        schedule: {
          type: 'object',
          description: 'an object { hours, minutes, weekDays? }',
          required: ['hours', 'minutes'],
          additionalProperties: false,
          properties: {
            hours: integerList('hour', 0, 23),
            minutes: integerList('minute', 0, 59),
            weekDays: {
              type: 'array',
              description: 'a list of days, "Monday" to "Sunday"',
              uniqueItems: true,
              items: { enum: [...WEEK_DAYS], description: '"Monday" to "Sunday"' },
            },
            monthDays: forbidden(MONTH_DAYS_REJECTED),
          },
        },
      },
      allOf: intervalLimits(),
    },
  },
  allOf: [
    {
      if: { type: 'object', required: ['triggerType'], properties: { triggerType: { const: 'Cron' } } },
      then: {
        type: 'object',
        required: ['cron'],
        properties: {
          cron: { description: CRON_DESCRIPTION },
          recurrence: forbidden('nothing with triggerType "Cron": remove recurrence, or set triggerType "Recurrence"'),
        },
      },
    },
    {
      if: { type: 'object', required: ['triggerType'], properties: { triggerType: { const: 'Recurrence' } } },
      then: {
        type: 'object',
        required: ['recurrence'],
        properties: {
          recurrence: { description: RECURRENCE_DESCRIPTION },
          cron: forbidden('nothing with triggerType "Recurrence": remove cron, or set triggerType "Cron"'),
        },
      },
    },
  ],
});

/** `properties.schedules.computeStartStop`: at most MAX_SCHEDULES entries. */
export const COMPUTE_START_STOP_LIST_SCHEMA = deepFreeze({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: COMPUTE_START_STOP_LIST_SCHEMA_ID,
  title: 'computeStartStop schedules',
  description: `a list of at most ${MAX_SCHEDULES} computeStartStop schedules`,
  type: 'array',
  maxItems: MAX_SCHEDULES,
  items: { $ref: COMPUTE_START_STOP_SCHEDULE_SCHEMA_ID },
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

interface GeneratedValidators {
  readonly scheduleEntry: ValidateFunction;
  readonly scheduleList: ValidateFunction;
}

let validators: GeneratedValidators | undefined;

/**
 * The validators ajv compiled from the schemas above at build time (scripts/generate-schedule-validators.js,
 * run by `npm run build`), loaded on first use: a process neither loads ajv's compiler nor compiles, and
 * a program that declares no schedule loads nothing. Errors list every problem, each with its schema.
 */
function generatedValidators(): GeneratedValidators {
  if (!validators) {
    try {
      validators = require('./schedule-validators.generated.js') as GeneratedValidators;
    } catch (e) {
      throw new Error(`the compiled schedule schemas are missing (${(e as Error).message}): run npm run build`);
    }
  }
  return validators;
}

/** The validator of one entry. */
export function scheduleEntryValidator(): ValidateFunction {
  return generatedValidators().scheduleEntry;
}

/** The validator of the list. */
export function scheduleListValidator(): ValidateFunction {
  return generatedValidators().scheduleList;
}
