import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

// Plain JavaScript, shared with the command line (node scripts/forgotten-exports.js).
const { forgottenExports } = require('../../../scripts/forgotten-exports.js') as {
  forgottenExports: (entry: string, packageDir?: string) => string[];
};

const ENTRY = path.join(__dirname, '..', '..', 'src', 'index.d.ts');

/** The declarations a user of the package sees: the entry point's exports, read from the emitted .d.ts. */
function publicSurface() {
  const program = ts.createProgram([ENTRY], {
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(ENTRY)!)!);
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const members = (name: string) => {
    const symbol = resolve(exports.find((s) => s.getName() === name)!);
    const declared = (table: ts.SymbolTable | undefined) =>
      [...(table?.values() ?? [])]
        .filter((m) => !m.getName().startsWith('__') && !m.getName().startsWith('#'))
        .filter(
          (m) =>
            !(m.declarations ?? []).some(
              (d) => ts.getCombinedModifierFlags(d as ts.Declaration) & ts.ModifierFlags.Private,
            ),
        )
        .map((m) => m.getName())
        .sort();
    return { statics: declared(symbol.exports).filter((n) => n !== 'prototype'), instance: declared(symbol.members) };
  };
  return { names: exports.map((s) => s.getName()).sort(), members };
}

describe('the public API', () => {
  const surface = publicSurface();

  test('exports what a user constructs, passes, receives or names, and nothing else', () => {
    expect(surface.names).toEqual([
      'ArmComputeInstanceProperties',
      'ArmComputeStartStopSchedule',
      'ArmCron',
      'ArmCustomService',
      'ArmCustomServiceEndpoint',
      'ArmIdentity',
      'ArmParameter',
      'ArmRecurrence',
      'ArmScriptReference',
      'ArmTemplate',
      'ArmTemplateDocument',
      'AssignedUser',
      'AzapiEndpoint',
      'AzapiProvider',
      'AzapiProviderProps',
      'AzurermProvider',
      'AzurermProviderConfig',
      'COMPUTE_API_VERSION',
      'COMPUTE_RESOURCE_TYPE',
      'COMPUTE_START_STOP_LIST_SCHEMA',
      'COMPUTE_START_STOP_SCHEDULE_SCHEMA',
      'ComputeIdentity',
      'ComputeInstance',
      'ComputeInstanceProps',
      'ComputeInstanceSpec',
      'CondaEnvironmentOptions',
      'CronScheduleProps',
      'CustomService',
      'CustomServiceEndpoint',
      'CustomServiceImage',
      'CustomServiceVolume',
      'DRIFT_CHECK_CONTEXT',
      'DriftCheckProps',
      'Duration',
      'GitCloneOptions',
      'IdentityType',
      'IdleShutdownRequirement',
      'JupyterLabExtensionsOptions',
      'PipInstallOptions',
      'Problem',
      'ProxyOptions',
      'ROSTER_SCHEMA',
      'RecurrenceFrequency',
      'RecurrenceScheduleProps',
      'ReportOutput',
      'RequirementEffect',
      'Roster',
      'RosterEntryName',
      'RosterPerson',
      'RosterShapeProblem',
      'RosterWorkspace',
      'RunOptions',
      'ScheduleAction',
      'ScheduleStatus',
      'SetupScript',
      'SetupScriptBuilder',
      'SetupScriptBuilderOptions',
      'SetupScriptOptions',
      'SetupScripts',
      'ShutdownPolicy',
      'ShutdownPolicyProps',
      'ShutdownPolicyScope',
      'SshAccess',
      'StartStopSchedule',
      'SynthAnnotation',
      'SynthReport',
      'ValidationError',
      'WeekDay',
      'WeeklyUptimeOptions',
      'WorkingHoursProps',
      'rosterShapeProblems',
      'synthAndReport',
    ]);
  });

  test('leaves the internal members out of the declarations', () => {
    expect(surface.members('ShutdownPolicy').instance).toEqual(['assignmentId', 'initiativeId', 'name']);
    expect(surface.members('ShutdownPolicy').statics).toEqual(['isShutdownPolicy']);
    expect(surface.members('ComputeInstance').instance).toEqual(['id', 'name', 'spec', 'terraformResource']);
    expect(surface.members('SetupScript').instance).toEqual(['text', 'toArm']);
    expect(surface.members('SetupScript').statics).toEqual(['fromFile', 'fromWorkspace', 'inline', 'isSetupScript']);
    expect(surface.members('StartStopSchedule').statics).toEqual([
      'cron',
      'fromArm',
      'fromArmList',
      'isStartStopSchedule',
      'recurrence',
      'weeklyUptime',
      'workingHours',
    ]);
    expect(surface.members('Duration').statics).toEqual([
      'days',
      'hours',
      'isDuration',
      'minutes',
      'parseIso',
      'seconds',
    ]);
    expect(surface.members('ValidationError').statics).toEqual(['isValidationError']);
  });

  test('exports every type its declarations use', () => {
    expect(forgottenExports(ENTRY)).toEqual([]);
  });

  test('finds a type used by an export but not exported (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-exports-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'props.d.ts'),
        'export interface Hidden { a: Inner }\ninterface Inner { b: string }\nexport interface Shown<T> { c: T }\n',
      );
      fs.writeFileSync(
        path.join(dir, 'index.d.ts'),
        [
          "import { Hidden, Shown } from './props';",
          'export declare class Thing { constructor(props: Hidden); shown: Shown<string>; static of(x: unknown): typeof Secret; }',
          'declare const Secret: unique symbol;',
          'export type { Shown };',
          '',
        ].join('\n'),
      );
      expect(forgottenExports(path.join(dir, 'index.d.ts'))).toEqual([
        'Hidden (props.d.ts) used by Thing',
        'Secret (index.d.ts) used by Thing',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
