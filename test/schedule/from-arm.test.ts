import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Ajv from 'ajv';
import { TerraformVariable } from 'cdktf';
import {
  ArmComputeStartStopSchedule,
  COMPUTE_START_STOP_LIST_SCHEMA,
  COMPUTE_START_STOP_SCHEDULE_SCHEMA,
  StartStopSchedule,
} from '../../src';
import { DOCS_POLICY_SCHEDULE, QUICKSTART_SCHEDULES } from '../support/azure-samples';
import { newStack, thrown } from '../support/stack';

/** The REST spec's example "Create an ComputeInstance Compute with Schedules" (2025-12-01). */
const REST_SPEC_SAMPLE: ArmComputeStartStopSchedule = {
  status: 'Enabled',
  action: 'Stop',
  triggerType: 'Cron',
  cron: { expression: '0 18 * * *', startTime: '2021-04-23T01:30:00', timeZone: 'Pacific Standard Time' },
};

const STOP_18: ArmComputeStartStopSchedule = QUICKSTART_SCHEDULES[0];

function fromArmError(entry: unknown): string {
  return thrown(() => StartStopSchedule.fromArm(entry as ArmComputeStartStopSchedule)).message;
}

function problems(path: string, ...lines: string[]): string {
  const head = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
  return [`Invalid input in ${path} (${head}):`, ...lines.map((l) => `  - ${path}: ${l}`)].join('\n');
}

describe('StartStopSchedule.fromArm round trips', () => {
  test.each(QUICKSTART_SCHEDULES.map((e, i) => [i, e]))(
    "gives back schedule %i of the docs' Resource Manager sample unchanged",
    (_i, entry) => {
      const copy = structuredClone(entry);
      expect(StartStopSchedule.fromArm(entry).toArm()).toEqual(copy);
      expect(JSON.stringify(StartStopSchedule.fromArm(entry).toArm())).toBe(JSON.stringify(copy));
    },
  );

  test("gives back the docs' Azure Policy sample schedule unchanged", () => {
    expect(StartStopSchedule.fromArm(DOCS_POLICY_SCHEDULE).toArm()).toEqual({
      triggerType: 'Cron',
      cron: { startTime: '2021-03-10T21:21:07', timeZone: 'Pacific Standard Time', expression: '0 22 * * *' },
      action: 'Stop',
      status: 'Enabled',
    });
  });

  test('gives back the REST spec example unchanged', () => {
    expect(JSON.stringify(StartStopSchedule.fromArm(REST_SPEC_SAMPLE).toArm())).toBe(JSON.stringify(REST_SPEC_SAMPLE));
  });

  test('gives back the whole sample list through fromArmList', () => {
    expect(StartStopSchedule.fromArmList(QUICKSTART_SCHEDULES).map((s) => s.toArm())).toEqual(QUICKSTART_SCHEDULES);
  });

  test('adds nothing Azure defaults: an entry without status or time zone stays without them', () => {
    const bare: ArmComputeStartStopSchedule = {
      action: 'Stop',
      triggerType: 'Cron',
      cron: { expression: '0 18 * * *' },
    };
    const s = StartStopSchedule.fromArm(bare);
    expect(s.toArm()).toEqual({ action: 'Stop', triggerType: 'Cron', cron: { expression: '0 18 * * *' } });
    expect(s.enabled).toBe(true);
    expect(s.timeZone).toBe('UTC');
  });

  test('keeps its own copy: changing the input or the output later changes nothing', () => {
    const entry = structuredClone(QUICKSTART_SCHEDULES[2]);
    const s = StartStopSchedule.fromArm(entry);
    (entry.recurrence!.schedule.hours as number[]).push(18);
    (s.toArm().recurrence!.schedule.minutes as number[]).push(30);
    expect(s.toArm().recurrence!.schedule).toEqual({ hours: [17], minutes: [0] });
  });
});

describe('StartStopSchedule.fromArm validation', () => {
  const P = 'StartStopSchedule.fromArm';

  test('fails on a Cron trigger without cron', () => {
    expect(fromArmError({ triggerType: 'Cron', action: 'Stop' })).toBe(
      problems(
        P,
        'cron: received nothing; allowed: with triggerType "Cron", an object { expression, timeZone?, startTime? }',
      ),
    );
  });

  test('fails on a recurrence next to a Cron trigger', () => {
    expect(
      fromArmError({
        ...STOP_18,
        recurrence: { frequency: 'Day', interval: 1, schedule: { hours: [17], minutes: [0] } },
      }),
    ).toBe(
      problems(
        P,
        'recurrence: received {"frequency":"Day","interval":1,"schedule":{"hours":[17],"minutes":[0]}}; allowed: nothing with triggerType "Cron": remove recurrence, or set triggerType "Recurrence"',
      ),
    );
  });

  test('fails on a cron next to a Recurrence trigger, and says nothing more about its inside', () => {
    expect(fromArmError({ ...QUICKSTART_SCHEDULES[2], cron: { expression: 'x', timeZone: 'Berlin' } })).toBe(
      problems(
        P,
        'cron: received {"expression":"x","timeZone":"Berlin"}; allowed: nothing with triggerType "Recurrence": remove cron, or set triggerType "Cron"',
      ),
    );
  });

  test('fails on a misspelt field, naming the right one', () => {
    expect(fromArmError({ ...STOP_18, cron: { timezone: 'UTC', expression: '0 18 * * *' } })).toBe(
      problems(
        P,
        'cron.timezone: received "UTC"; allowed: only the fields expression, timeZone, startTime; write "timeZone" instead',
      ),
    );
    expect(fromArmError({ ...STOP_18, Action: 'Stop' })).toBe(
      problems(
        P,
        'Action: received "Stop"; allowed: only the fields action, triggerType, status, cron, recurrence; write "action" instead',
      ),
    );
  });

  test('fails on read-only fields copied from a GET response', () => {
    expect(fromArmError({ ...STOP_18, id: 'abc', provisioningStatus: 'Completed' })).toBe(
      problems(
        P,
        'id: received "abc"; allowed: nothing: "id" is read-only (Azure assigns it); remove it',
        'provisioningStatus: received "Completed"; allowed: nothing: "provisioningStatus" is read-only (Azure reports it); remove it',
      ),
    );
  });

  test("fails on enumerations in another case, with Azure's spelling", () => {
    expect(fromArmError({ ...STOP_18, triggerType: 'cron' })).toBe(
      problems(P, 'triggerType: received "cron"; allowed: "Cron" or "Recurrence"; write "Cron" instead'),
    );
    expect(fromArmError({ ...STOP_18, status: 'enabled' })).toBe(
      problems(P, 'status: received "enabled"; allowed: "Enabled" or "Disabled"; write "Enabled" instead'),
    );
  });

  test('fails on a missing trigger type', () => {
    expect(fromArmError({ action: 'Stop', status: 'Enabled' })).toBe(
      problems(P, 'triggerType: received nothing; allowed: "Cron" or "Recurrence"'),
    );
  });

  test.each([['x'], [null], [[]]])('fails on %j, which is not an entry', (entry) => {
    expect(fromArmError(entry)).toBe(
      problems(
        P,
        `entry: received ${JSON.stringify(entry)}; allowed: a computeStartStop schedule: { action, triggerType, status?, cron? | recurrence? }`,
      ),
    );
  });

  test('fails on a cron that is not an object', () => {
    expect(fromArmError({ ...STOP_18, cron: '0 18 * * *' })).toBe(
      problems(
        P,
        'cron: received "0 18 * * *"; allowed: with triggerType "Cron", an object { expression, timeZone?, startTime? }',
      ),
    );
  });

  test('fails on a recurrence without minutes, and on monthDays', () => {
    const r = QUICKSTART_SCHEDULES[2];
    expect(fromArmError({ ...r, recurrence: { ...r.recurrence, schedule: { hours: [17], monthDays: [1] } } })).toBe(
      problems(
        P,
        'recurrence.schedule.minutes: received nothing; allowed: a list of minutes, integers from 0 to 59',
        'recurrence.schedule.monthDays: received [1]; allowed: nothing: Azure ML ignores monthDays on compute schedules (its own SDK drops them: "\'month_days\' is ignored for not supported on compute recurrence schedule"); use triggerType "Cron" with a day-of-month field instead',
      ),
    );
  });

  test('applies the cron, time zone and start time rules to ARM field names', () => {
    expect(
      fromArmError({
        ...DOCS_POLICY_SCHEDULE,
        cron: { startTime: '2021-03-10', timeZone: 'America/Los_Angeles', expression: '0 22 * * MON' },
      }),
    ).toBe(
      problems(
        P,
        'cron.expression: received "0 22 * * MON"; allowed: 5 fields, minute hour day-of-month month day-of-week (Sunday = 0), each * or a comma list of numbers and a-b ranges; day-of-week "MON" uses names; write "0 22 * * 1" instead',
        'cron.startTime: received "2021-03-10"; allowed: a date and time "yyyy-MM-ddTHH:mm:ss" in the schedule\'s time zone, without offset, such as "2025-01-06T08:00:00"; write "2021-03-10T00:00:00" instead',
        'cron.timeZone: received "America/Los_Angeles"; allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"; Azure does not take IANA names: write "Pacific Standard Time" instead',
      ),
    );
  });

  test('leaves Terraform references for Azure to judge, but cannot preview them', () => {
    const { stack } = newStack();
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' }).stringValue;
    const s = StartStopSchedule.fromArm({ ...STOP_18, cron: { expression: '0 18 * * *', timeZone: zone } });
    expect(s.toArm().cron?.timeZone).toBe(zone);
    expect(thrown(() => s.nextRuns(1, new Date('2025-01-01T00:00:00Z'))).message).toBe(
      problems(
        'StartStopSchedule.nextRuns',
        `schedule: received ${JSON.stringify(`Stop cron 0 18 * * * (${zone})`)}; allowed: a schedule without Terraform references (values known only at apply), whose fire times can be previewed`,
      ),
    );
  });
});

describe('StartStopSchedule.fromArmList', () => {
  const P = 'StartStopSchedule.fromArmList';

  test('fails on more than 4 entries', () => {
    expect(thrown(() => StartStopSchedule.fromArmList([STOP_18, STOP_18, STOP_18, STOP_18, STOP_18])).message).toBe(
      problems(P, 'list: received "5 schedules"; allowed: at most 4 schedules per compute instance'),
    );
  });

  test("names each entry's problems by its index", () => {
    expect(
      thrown(() => StartStopSchedule.fromArmList([STOP_18, { ...STOP_18, cron: { expression: '*/30 * * * *' } }]))
        .message,
    ).toBe(
      problems(
        P,
        '[1].cron.expression: received "*/30 * * * *"; allowed: 5 fields, minute hour day-of-month month day-of-week (Sunday = 0), each * or a comma list of numbers and a-b ranges; minute "*/30" has a step (/); write "0,30 * * * *" instead',
      ),
    );
  });

  test('fails on something that is not a list', () => {
    expect(thrown(() => StartStopSchedule.fromArmList('x' as never)).message).toBe(
      problems(P, 'list: received "x"; allowed: a list of computeStartStop schedules'),
    );
  });
});

describe('the exported JSON Schemas', () => {
  const ajv = new Ajv({ allErrors: true });
  ajv.addSchema(COMPUTE_START_STOP_SCHEDULE_SCHEMA as object);
  const validateList = ajv.compile(COMPUTE_START_STOP_LIST_SCHEMA as object);

  test('are valid draft-07 JSON Schemas (the library compiles them without this check)', () => {
    expect(ajv.validateSchema(COMPUTE_START_STOP_SCHEDULE_SCHEMA as object)).toBe(true);
    expect(ajv.validateSchema(COMPUTE_START_STOP_LIST_SCHEMA as object)).toBe(true);
  });

  test("accept the docs' samples with a plain ajv of their own", () => {
    expect(validateList(QUICKSTART_SCHEDULES)).toBe(true);
    expect(validateList([DOCS_POLICY_SCHEDULE, REST_SPEC_SAMPLE])).toBe(true);
  });

  test('reject what the grammar, the enumerations and the list limit exclude', () => {
    expect(validateList([{ ...STOP_18, cron: { expression: '*/5 * * * *' } }])).toBe(false);
    for (const expression of [
      ' 0 18 * * *',
      '0 18 * * * ',
      '0\t18 * * *',
      '0 18 * *\n*',
      '0  18 * * *',
      '00 18 * * *',
      '0 018 * * *',
      '0 18 01-05 * *',
    ]) {
      expect(validateList([{ ...STOP_18, cron: { expression } }])).toBe(false);
    }
    expect(validateList([{ ...STOP_18, cron: { expression: '0 0,10 10 1-10 0' } }])).toBe(true);
    expect(validateList([{ ...STOP_18, action: 'Halt' }])).toBe(false);
    expect(validateList([STOP_18, STOP_18, STOP_18, STOP_18, STOP_18])).toBe(false);
    expect(
      validateList([
        {
          ...QUICKSTART_SCHEDULES[2],
          recurrence: { frequency: 'Day', interval: 1, schedule: { hours: [17], minutes: [0], monthDays: [1] } },
        },
      ]),
    ).toBe(false);
    const daily = (interval: number, schedule: object) => [
      { ...QUICKSTART_SCHEDULES[2], recurrence: { frequency: 'Day', interval, schedule } },
    ];
    expect(validateList(daily(1, { hours: [17, 17], minutes: [0] }))).toBe(false);
    expect(validateList(daily(1, { hours: [17], minutes: [0, 30, 0] }))).toBe(false);
    expect(validateList(daily(501, { hours: [17], minutes: [0] }))).toBe(false);
    expect(validateList(daily(500, { hours: [17], minutes: [0] }))).toBe(true);
  });

  test('are frozen', () => {
    expect(Object.isFrozen(COMPUTE_START_STOP_SCHEDULE_SCHEMA)).toBe(true);
    expect(Object.isFrozen(COMPUTE_START_STOP_SCHEDULE_SCHEMA.properties.cron.properties)).toBe(true);
  });

  test('importing the package loads neither ajv, cron-parser nor windows-iana (nothing is compiled until a schedule is made)', () => {
    const index = join(__dirname, '..', '..', 'src', 'index.js');
    const script =
      `require(${JSON.stringify(index)});` +
      'const heavy = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](ajv|cron-parser|luxon|windows-iana)[\\\\/]/.test(k));' +
      'process.stdout.write(JSON.stringify(heavy));';
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual([]);
  });
});
