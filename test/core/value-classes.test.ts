import * as path from 'node:path';
import * as ts from 'typescript';
import { ComputeInstance, Duration, SetupScript, ShutdownPolicy, StartStopSchedule, ValidationError } from '../../src';
import { newStack, onlyResource, REQUIRED, synthJson, thrown } from '../support/stack';

/** The schedule the value classes must never let through: Azure's grammar has no step, and Mars no time zone. */
const MARS_ENTRY = {
  action: 'Stop',
  triggerType: 'Cron',
  status: 'Enabled',
  cron: { expression: '*/5 * * * MON', timeZone: 'Mars/Olympus' },
};
const MARS_PROBLEMS = [
  'schedules[0].cron.timeZone: received "Mars/Olympus";',
  'schedules[0].cron.expression: received "*/5 * * * MON";',
];
const STOP_AT_18 = StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' });
const SCHEDULE_CONSTRUCTOR =
  'Invalid input in StartStopSchedule (1 problem):\n  - StartStopSchedule: constructor: received %s; ' +
  'allowed: a schedule from StartStopSchedule.cron, .recurrence, .workingHours, .fromArm or .fromArmList (the class cannot be constructed or extended)';

function instanceError(props: object): string {
  const { stack } = newStack();
  return thrown(() => new ComputeInstance(stack, 'alice', { ...REQUIRED, ...props })).message;
}

function synthesizedProperties(props: object): any {
  const { stack } = newStack();
  new ComputeInstance(stack, 'alice', { ...REQUIRED, ...props });
  return onlyResource(synthJson(stack), 'azapi_resource').body.properties.properties;
}

/** Type-checks `code` against the compiled declarations, as a user's program would see them. */
function typeErrors(code: string): string[] {
  const file = path.join(__dirname, 'user-code.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile;
  host.readFile = (f) => (f === file ? code : readFile(f));
  const fileExists = host.fileExists;
  host.fileExists = (f) => f === file || fileExists(f);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('value classes cannot be subclassed past validation', () => {
  test('fails to compile a TypeScript subclass of StartStopSchedule, SetupScript or Duration', () => {
    const errors = typeErrors(`
      import { Duration, SetupScript, StartStopSchedule } from '../../src';
      export class Mars extends StartStopSchedule {}
      export class Script extends SetupScript {}
      export class Weeks extends Duration {}
    `);
    // TypeScript names each class with its module's path: keep the name.
    expect(errors.map((e) => e.replace(/'"[^"]*"\./, "'"))).toEqual([
      "Cannot extend a class 'StartStopSchedule'. Class constructor is marked as private.",
      "Cannot extend a class 'SetupScript'. Class constructor is marked as private.",
      "Cannot extend a class 'Duration'. Class constructor is marked as private.",
    ]);
  }, 30_000);

  test('compiles the same code against a value class whose constructor is only protected (the check can fail)', () => {
    expect(typeErrors('class Open { protected constructor() {} }\nexport class Sub extends Open {}')).toEqual([]);
  }, 30_000);

  test('fails when JavaScript extends StartStopSchedule and calls its constructor', () => {
    const Base = StartStopSchedule as unknown as new (...args: unknown[]) => object;
    class Mars extends Base {
      constructor() {
        super(MARS_ENTRY, undefined);
      }
    }
    expect(thrown(() => new Mars()).message).toBe(SCHEDULE_CONSTRUCTOR.replace('%s', '"Mars"'));
    // Nor can it borrow the symbol from a factory's call: it is module-private and not registered.
    expect(Object.getOwnPropertySymbols(STOP_AT_18).map(String)).toEqual([
      'Symbol(cdktf-azureml-compute.StartStopSchedule)',
    ]);
  });

  test('fails when JavaScript calls the constructor of StartStopSchedule directly', () => {
    const Ctor = StartStopSchedule as unknown as new (...args: unknown[]) => object;
    expect(thrown(() => new Ctor(MARS_ENTRY)).message).toBe(SCHEDULE_CONSTRUCTOR.replace('%s', '"StartStopSchedule"'));
  });

  test('fails when JavaScript extends SetupScript or Duration', () => {
    const ScriptBase = SetupScript as unknown as new (...args: unknown[]) => object;
    class Script extends ScriptBase {
      constructor() {
        super({ scriptSource: 'inline', scriptData: 'bm90IGNoZWNrZWQ=' }, undefined, []);
      }
    }
    expect(thrown(() => new Script()).message).toBe(
      'Invalid input in SetupScript (1 problem):\n  - SetupScript: constructor: received "Script"; ' +
        'allowed: a script from SetupScript.inline, .fromFile or .fromWorkspace, or SetupScriptBuilder.build (the class cannot be constructed or extended)',
    );
    const DurationBase = Duration as unknown as new (...args: unknown[]) => object;
    class Weeks extends DurationBase {
      constructor() {
        super(1, 'minutes');
      }
    }
    expect(thrown(() => new Weeks()).message).toBe(
      'Invalid input in Duration (1 problem):\n  - Duration: constructor: received "Weeks"; ' +
        'allowed: a Duration from Duration.seconds, .minutes, .hours, .days or .parseIso (the class cannot be extended)',
    );
  });

  test('fails to change a schedule after it was made: it is frozen', () => {
    const s = StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' });
    expect(() => {
      (s as any).toArm = () => MARS_ENTRY;
    }).toThrow(TypeError);
    expect(() => Object.setPrototypeOf(s, { toArm: () => MARS_ENTRY })).toThrow(TypeError);
    expect(Object.isFrozen(Duration.minutes(30))).toBe(true);
    expect(Object.isFrozen(SetupScript.inline('echo hi'))).toBe(true);
    expect(Object.isFrozen(SetupScript.inline('echo hi\r\n').warnings)).toBe(true);
  });

  test('fails on an object made from the prototype of StartStopSchedule, without its brand', () => {
    const fake = Object.create(StartStopSchedule.prototype, { toArm: { value: () => MARS_ENTRY } });
    expect(instanceError({ schedules: [fake] })).toBe(
      'Invalid input in test/alice (1 problem):\n  - test/alice: schedules[0]: received ' +
        '{"action":"Stop","triggerType":"Cron","status":"Enabled","cron":{"expression"...; allowed: a StartStopSchedule made by its factories',
    );
  });

  test('fails on an object with the brand whose toArm() is the Mars schedule, naming each problem', () => {
    const fake = { [Symbol.for('cdktf-azureml-compute.StartStopSchedule')]: true, toArm: () => MARS_ENTRY };
    expect(StartStopSchedule.isStartStopSchedule(fake)).toBe(true);
    const message = instanceError({ schedules: [fake] });
    expect(message).toMatch(/^Invalid input in test\/alice \(2 problems\):\n/);
    for (const problem of MARS_PROBLEMS) expect(message).toContain(`  - test/alice: ${problem}`);
    const { stack } = newStack();
    expect(
      thrown(
        () =>
          new ShutdownPolicy(stack, 'shutdown', {
            scope: { managementGroupId: 'mg-ml' },
            defaultSchedules: [fake as any],
          }),
      ).message,
    ).toContain('test/shutdown: defaultSchedules[0].cron.expression: received "*/5 * * * MON";');
  });

  test("uses what a branded object's toArm() gave once it passes, read once", () => {
    let calls = 0;
    const fake = {
      [Symbol.for('cdktf-azureml-compute.StartStopSchedule')]: true,
      toArm: () => (calls++ === 0 ? STOP_AT_18.toArm() : MARS_ENTRY),
    };
    expect(synthesizedProperties({ schedules: [fake] }).schedules.computeStartStop).toEqual([
      { action: 'Stop', triggerType: 'Cron', status: 'Enabled', cron: { expression: '0 18 * * *', timeZone: 'UTC' } },
    ]);
    expect(calls).toBe(1);
  });

  test('keeps what fromArm validated: a getter is read once, and an entry that inherits its fields fails', () => {
    let reads = 0;
    const cron = { timeZone: 'UTC' } as Record<string, unknown>;
    Object.defineProperty(cron, 'expression', {
      enumerable: true,
      get: () => (reads++ < 4 ? '0 18 * * *' : '*/5 * * * MON'),
    });
    expect(StartStopSchedule.fromArm({ ...STOP_AT_18.toArm(), cron } as any).toArm().cron).toEqual({
      timeZone: 'UTC',
      expression: '0 18 * * *',
    });
    expect(reads).toBe(1);
    expect(thrown(() => StartStopSchedule.fromArm(Object.create(STOP_AT_18.toArm()))).message).toBe(
      'Invalid input in StartStopSchedule.fromArm (1 problem):\n  - StartStopSchedule.fromArm: entry: received {}; ' +
        'allowed: an entry of plain objects (object literals or parsed JSON), not class instances or objects that inherit their fields',
    );
    expect(
      thrown(() => StartStopSchedule.fromArmList([STOP_AT_18.toArm(), Object.create(STOP_AT_18.toArm())])).message,
    ).toBe(
      'Invalid input in StartStopSchedule.fromArmList (1 problem):\n  - StartStopSchedule.fromArmList: [1]: received {}; ' +
        'allowed: an entry of plain objects (object literals or parsed JSON), not class instances or objects that inherit their fields',
    );
  });

  test('fails on a branded Duration out of range and a branded SetupScript with a bad reference', () => {
    const duration = (seconds: number) => ({
      [Symbol.for('cdktf-azureml-compute.Duration')]: true,
      toSeconds: () => seconds,
    });
    expect(instanceError({ idleShutdown: duration(60) })).toBe(
      'Invalid input in test/alice (1 problem):\n  - test/alice: idleShutdown: received "1 minute"; allowed: 15 minutes to 3 days',
    );
    expect(instanceError({ idleShutdown: duration(-1) })).toBe(
      'Invalid input in test/alice (1 problem):\n  - test/alice: idleShutdown.amount: received -1; allowed: a finite number >= 0 that makes a whole number of seconds',
    );
    const script = (reference: object) => ({
      [Symbol.for('cdktf-azureml-compute.SetupScript')]: true,
      toArm: () => reference,
    });
    expect(instanceError({ setupScripts: { creation: script({ scriptSource: 'http', scriptData: 'x' }) } })).toBe(
      'Invalid input in test/alice (1 problem):\n  - test/alice: setupScripts.creation.scriptSource: received "http"; allowed: "inline" or "workspaceStorage"',
    );
    expect(
      instanceError({
        setupScripts: { creation: script({ scriptSource: 'workspaceStorage', scriptData: '../etc/passwd' }) },
      }),
    ).toMatch(
      /^Invalid input in test\/alice \(1 problem\):\n {2}- test\/alice: setupScripts\.creation\.path: received "\.\.\/etc\/passwd"; allowed: /,
    );
    expect(
      instanceError({
        setupScripts: { startup: script({ scriptSource: 'inline', scriptData: 'ZWNobyBoaQ==', timeout: '900s' }) },
      }),
    ).toBe(
      'Invalid input in test/alice (1 problem):\n  - test/alice: setupScripts.startup: received <redacted: a SetupScript whose script reference no factory gives>; ' +
        'allowed: a SetupScript made by its factories',
    );
    expect(
      instanceError({
        setupScripts: { startup: script({ scriptSource: 'inline', scriptData: 'ZWNobyBoaQ==', timeout: '2d' }) },
      }),
    ).toBe(
      'Invalid input in test/alice (1 problem):\n  - test/alice: setupScripts.startup.timeout: received "2 days"; allowed: 1 second to 1 day (Azure\'s default is 15 minutes)',
    );
  });
});

describe('two copies of the library', () => {
  /** A second installed copy: the compiled library required again from another folder. */
  const second = (() => {
    const fs = require('node:fs') as typeof import('node:fs');
    const copy = path.join(__dirname, '..', '..', 'second-copy', 'src');
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    fs.cpSync(path.join(__dirname, '..', '..', 'src'), copy, { recursive: true });
    return require(copy) as typeof import('../../src');
  })();

  test("are two copies: instanceof does not see the other's values", () => {
    expect(second.StartStopSchedule).not.toBe(StartStopSchedule);
    expect(second.Duration.minutes(30)).not.toBeInstanceOf(Duration);
  });

  test("recognize each other's value classes and errors by their brand", () => {
    expect(
      StartStopSchedule.isStartStopSchedule(
        second.StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' }),
      ),
    ).toBe(true);
    expect(second.StartStopSchedule.isStartStopSchedule(STOP_AT_18)).toBe(true);
    expect(Duration.isDuration(second.Duration.minutes(30))).toBe(true);
    expect(SetupScript.isSetupScript(second.SetupScript.inline('echo hi'))).toBe(true);
    expect(ValidationError.isValidationError(thrown(() => second.Duration.minutes(-1)))).toBe(true);
    expect(StartStopSchedule.isStartStopSchedule(Duration.minutes(1))).toBe(false);
    expect(Duration.isDuration({ toSeconds: () => 60 })).toBe(false);
    expect(SetupScript.isSetupScript(null)).toBe(false);
    expect(ValidationError.isValidationError(new Error('x'))).toBe(false);
  });

  test("synthesize an instance from the other copy's values as from their own", () => {
    const values = (lib: typeof import('../../src')) => ({
      schedules: [
        lib.StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * 1-5', timeZone: 'W. Europe Standard Time' }),
        lib.StartStopSchedule.recurrence({
          action: 'Start',
          frequency: 'Week',
          hours: [8],
          minutes: [0],
          weekDays: ['Monday'],
        }),
      ],
      idleShutdown: lib.Duration.minutes(45),
      setupScripts: {
        creation: lib.SetupScript.inline('#!/bin/bash\necho "$1"\r\n', {
          arguments: ['a b', "it's"],
          timeout: lib.Duration.minutes(20),
        }),
        startup: lib.SetupScript.fromWorkspace('Users/admin/start.sh', {
          arguments: '--fast',
          timeout: lib.Duration.hours(2),
        }),
      },
    });
    const ours = synthesizedProperties(values(require('../../src')));
    expect(synthesizedProperties(values(second))).toEqual(ours);
    expect(ours.setupScripts.scripts.creationScript.timeout).toBe('20m');
    expect(ours.idleTimeBeforeShutdown).toBe('PT45M');
  });

  test("synthesize a ShutdownPolicy from the other copy's values as from their own", () => {
    const synth = (lib: typeof import('../../src')) => {
      const { stack } = newStack();
      new ShutdownPolicy(stack, 'shutdown', {
        scope: { managementGroupId: 'mg-ml' },
        defaultSchedules: [
          lib.StartStopSchedule.cron({ action: 'Stop', expression: '0 22 * * *' }) as StartStopSchedule,
        ],
        idleShutdown: {
          effect: 'Append',
          default: lib.Duration.hours(1) as Duration,
          max: lib.Duration.hours(4) as Duration,
        },
        defaultSetupScript: lib.SetupScript.inline('echo hi') as SetupScript,
      });
      return synthJson(stack).resource;
    };
    expect(synth(second)).toEqual(synth(require('../../src')));
  });

  test('share one azapi provider in a stack where both declare instances', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', REQUIRED);
    new second.ComputeInstance(stack, 'bob', { ...REQUIRED, name: 'ci-bob' });
    const json = synthJson(stack);
    expect(json.provider).toEqual({ azapi: [{}] });
    expect(Object.keys(json.resource.azapi_resource)).toHaveLength(2);
  });

  test("adopt the other copy's ValidationError into one list of problems", () => {
    const { Problems } = require('../../src/core/errors') as typeof import('../../src/core/errors');
    const problems = new Problems('test/alice');
    problems.collect('idleShutdown', () => second.Duration.minutes(-1));
    expect(thrown(() => problems.throwIfAny()).message).toBe(
      'Invalid input in test/alice (1 problem):\n' +
        '  - test/alice: idleShutdown.amount: received -1; allowed: a finite number >= 0 that makes a whole number of seconds',
    );
  });
});
