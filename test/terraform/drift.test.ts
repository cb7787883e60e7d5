import { Testing, TerraformStack } from 'cdktf';
import { ComputeInstance, ComputeInstanceProps, Duration, StartStopSchedule } from '../../src';
import { AzureRequest } from '../rig/azure/store';
import { actionsOf, Scenario } from '../rig/scenario';
import { runCli } from '../support/cli';
import { REQUIRED } from '../support/stack';

/**
 * Issue 23 on the real terraform 1.11 with the emulated azapi and Azure (test/rig): what a plan *says* when
 * Azure and the code disagree on what Terraform cannot change in place (schedules, idle shutdown). One stack,
 * one instance per scenario (named d-<scenario>):
 * 1. apply the stack as the previous release wrote it (no drift checks), then plan this release's: the
 *    upgrade plans nothing and sends no PUT;
 * 2. apply, then the out-of-band edits in the emulated Azure (the studio), and the code's second version;
 * 3. plan: the warnings name exactly the drifted instances; the `replace` instance's refusal is checked apart.
 */
jest.setTimeout(900_000);

const STOP = StartStopSchedule.cron({
  action: 'Stop',
  expression: '0 19 * * 1-5',
  timeZone: 'W. Europe Standard Time',
});
const LATE_STOP = StartStopSchedule.cron({
  action: 'Stop',
  expression: '0 23 * * 1-5',
  timeZone: 'W. Europe Standard Time',
});
const WEEKLY = StartStopSchedule.recurrence({
  action: 'Start',
  frequency: 'Week',
  interval: 1,
  hours: [8],
  minutes: [0],
  weekDays: ['Monday', 'Friday'],
  timeZone: 'W. Europe Standard Time',
});
const FULL: ComputeInstanceProps = { ...REQUIRED, schedules: [STOP, WEEKLY], idleShutdown: Duration.minutes(30) };

interface Scenario2 {
  readonly v1?: ComputeInstanceProps;
  readonly v2?: ComputeInstanceProps;
  /** A studio edit of the stored instance's `properties.properties`. */
  readonly studio?: (ci: any) => void;
}

const SCENARIOS: { [name: string]: Scenario2 } = {
  same: { v1: FULL, v2: FULL },
  code: { v1: FULL, v2: { ...FULL, schedules: [LATE_STOP, WEEKLY] } },
  removed: { v1: FULL, v2: { ...FULL, schedules: undefined } },
  studio: {
    v1: FULL,
    v2: FULL,
    studio: (ci) => {
      ci.schedules.computeStartStop[0].cron.expression = '0 23 * * 1-5';
    },
  },
  idle: {
    v1: FULL,
    v2: FULL,
    studio: (ci) => {
      ci.idleTimeBeforeShutdown = 'PT3H';
    },
  },
  // Azure answering the same schedules in another case and order, with its own fields: no drift.
  recased: {
    v1: FULL,
    v2: FULL,
    studio: (ci) => {
      const [a, b] = ci.schedules.computeStartStop;
      a.action = 'STOP';
      a.cron.timeZone = 'w. europe standard time';
      b.recurrence.schedule.weekDays = ['friday', 'MONDAY'];
      ci.schedules.computeStartStop = [b, a];
    },
  },
  optedout: {
    v1: { ...FULL, driftCheck: false },
    v2: { ...FULL, driftCheck: false },
    studio: (ci) => {
      ci.schedules.computeStartStop = [];
    },
  },
  fresh: { v2: FULL },
};
const NAMES = Object.keys(SCENARIOS);

function stackOf(version: 'v1' | 'v2', extra: (name: string) => Partial<ComputeInstanceProps> = () => ({})): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'drift');
  for (const name of NAMES) {
    const props = SCENARIOS[name][version];
    if (props) new ComputeInstance(stack, name, { ...props, name: `d-${name}`, ...extra(name) });
  }
  return JSON.parse(Testing.synth(stack));
}

const computeId = (name: string) => `${REQUIRED.workspaceId}/computes/d-${name}`.toLowerCase();
const changing = (requests: AzureRequest[]) => requests.filter((r) => r.method !== 'GET');

/** Terraform's warnings, whitespace collapsed (it wraps diagnostics at 78 columns). */
const warningsOf = (out: string) =>
  out
    .split(/\n(?=Warning: |Error: )/)
    .filter((d) => d.startsWith('Warning: '))
    .map((d) => d.replace(/\s+/g, ' ').replace(/[│╷╵]/g, '').trim());

let upgrade: { code: number; stdout: string; stderr: string; changing: AzureRequest[]; actions: object } = {
  code: -1,
  stdout: '',
  stderr: '',
  changing: [],
  actions: {},
};
let afterApply = { code: -1, stdout: '', stderr: '' };
let drifted = {
  code: -1,
  stdout: '',
  stderr: '',
  checks: [] as any[],
  actions: {} as { [a: string]: string[] },
  shown: {} as unknown,
};
let replaceRefused = { code: -1, stderr: '' };

beforeAll(() => {
  // 1. The previous release: the same stack without drift checks.
  const s = new Scenario(stackOf('v1', () => ({ driftCheck: false })));
  try {
    expect(s.init().code).toBe(0);
    const first = s.apply();
    expect([first.code, first.stderr]).toEqual([0, '']);
    s.write(stackOf('v1'));
    const mark = s.mark();
    const plan = s.plan();
    upgrade = {
      ...plan,
      changing: changing(s.requestsSince(mark)),
      actions: actionsOf(s.showPlan()),
    };
    const applied = s.apply();
    expect([applied.code, applied.stderr]).toEqual([0, '']);
    afterApply = s.plan();

    // 2. Out-of-band edits, then the code's second version.
    s.editAzure((resources) => {
      for (const name of NAMES) {
        const edit = SCENARIOS[name].studio;
        if (edit) edit((resources[computeId(name)] as any).properties.properties);
      }
    });
    s.write(stackOf('v2'));
    const p = s.plan();
    const shown = s.showPlan();
    drifted = { ...p, checks: shown.checks ?? [], actions: actionsOf(shown), shown };

    // 3. onScheduleChange 'replace': the code's change of schedules replaces, refused by deletionProtection.
    s.write(stackOf('v2', (name) => (name === 'code' ? { onScheduleChange: 'replace' } : {})));
    replaceRefused = s.plan();
  } finally {
    s.cleanup();
  }
});

describe('upgrade from the release without drift checks', () => {
  test('the first plan changes nothing and sends no request that changes Azure', () => {
    expect([upgrade.code, upgrade.stderr]).toEqual([0, '']);
    expect(upgrade.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect(warningsOf(upgrade.stdout)).toEqual([]);
    expect(upgrade.changing).toEqual([]);
    expect(Object.values(upgrade.actions).every((a: any) => a.join() === 'no-op' || a.join() === 'read')).toBe(true);
  });

  test('no change: the plan after the apply is No changes, without a warning', () => {
    expect([afterApply.code, afterApply.stderr]).toEqual([0, '']);
    expect(afterApply.stdout).toContain('No changes.');
    expect(warningsOf(afterApply.stdout)).toEqual([]);
  });
});

describe('drift after edits in the code and in the studio', () => {
  const warnings = () => warningsOf(drifted.stdout);
  const about = (name: string) => warnings().filter((w) => w.includes(`compute instance d-${name} `));

  test('the plan succeeds; only the fresh instance is created', () => {
    expect([drifted.code, drifted.stderr]).toEqual([2, '']);
    const created = Object.entries(drifted.actions)
      .filter(([, a]) => a.join() !== 'no-op' && a.join() !== 'read')
      .map(([address, a]) => `${address.split('.')[1].split('_')[0]}: ${a.join()}`)
      .sort();
    expect(created).toEqual(['fresh: create', 'fresh: create']);
  });

  test('a schedule changed in the code warns, with what Azure has, what the code says and the ways out', () => {
    const [w, ...more] = about('code');
    expect(more).toEqual([]);
    expect(w).toContain('Warning: Check block assertion failed');
    expect(w).toContain('aml-compute drift (schedules): compute instance d-code (drift/code): Azure has ');
    expect(w).toContain(
      'Azure has [{"action":"Stop","cron":{"expression":"0 19 * * 1-5","timeZone":"W. Europe Standard Time"},"id":"00000001-',
    );
    expect(w).toContain(
      'the code says [{"action":"Stop","triggerType":"Cron","status":"Enabled","cron":{"expression":"0 23 * * 1-5","timeZone":"W. Europe Standard Time"}},',
    );
    expect(w).toContain(
      'Terraform cannot change the schedules of an existing instance: edit them in the studio to match the code, or replace the instance (set deletionProtection: false, then terraform apply -replace=azapi_resource.code_',
    );
  });

  test('schedules removed from the code warn (Azure keeps them)', () => {
    const [w, ...more] = about('removed');
    expect(more).toEqual([]);
    expect(w).toContain('aml-compute drift (schedules): compute instance d-removed (drift/removed)');
    expect(w).toContain('the code says []. ');
  });

  test('a schedule edited in the studio warns', () => {
    const [w, ...more] = about('studio');
    expect(more).toEqual([]);
    expect(w).toContain('"expression":"0 23 * * 1-5"');
    expect(w).toContain('"expression":"0 19 * * 1-5"');
  });

  test('an idle time edited in the studio warns, naming the action to replace', () => {
    const [w, ...more] = about('idle');
    expect(more).toEqual([]);
    expect(w).toMatch(
      /aml-compute drift \(idle shutdown\): compute instance d-idle \(drift\/idle\): Azure has PT3H, the code says PT30M\. If this plan creates or updates (azapi_resource_action\.idle_IdleShutdownSetting_[0-9A-F]{8}), applying it sends the code's value; otherwise re-send it with terraform apply -replace=\1, or edit it in the studio to match\./,
    );
  });

  test("Azure's case, order and extra fields are no drift; an opted-out instance and a fresh one say nothing", () => {
    expect(about('same')).toEqual([]);
    expect(about('recased')).toEqual([]);
    expect(about('optedout')).toEqual([]);
    expect(about('fresh')).toEqual([]);
    expect(warnings()).toHaveLength(4);
  });

  test("the plan JSON's checks: one per checked instance, failing for the drifted ones with the same message", () => {
    const byName = Object.fromEntries(
      drifted.checks
        .filter((c) => c.address.kind === 'check')
        .map((c) => [
          c.address.name.split('_')[0],
          {
            status: c.status,
            problems: (c.instances ?? []).flatMap((i: any) =>
              (i.problems ?? []).map(
                (p: any) => /^aml-compute drift \([^)]+\): compute instance d-\w+ /.exec(p.message)?.[0],
              ),
            ),
          },
        ]),
    );
    expect(byName).toEqual({
      same: { status: 'pass', problems: [] },
      code: { status: 'fail', problems: ['aml-compute drift (schedules): compute instance d-code '] },
      removed: { status: 'fail', problems: ['aml-compute drift (schedules): compute instance d-removed '] },
      studio: { status: 'fail', problems: ['aml-compute drift (schedules): compute instance d-studio '] },
      idle: { status: 'fail', problems: ['aml-compute drift (idle shutdown): compute instance d-idle '] },
      recased: { status: 'pass', problems: [] },
      fresh: { status: 'pass', problems: [] },
    });
  });

  test('aml-compute review of that plan lists the drift warnings of the drifted instances, and only theirs', async () => {
    const r = await runCli(['review', 'plan.json', '--format', 'json'], {
      files: { 'plan.json': JSON.stringify(drifted.shown) },
    });
    expect([r.code, r.err]).toEqual([0, '']);
    const warnings = (
      JSON.stringify(JSON.parse(r.out)).match(/aml-compute drift \([^)]+\): compute instance d-\w+/g) ?? []
    )
      .filter((w, i, all) => all.indexOf(w) === i)
      .sort();
    expect(warnings).toEqual([
      'aml-compute drift (idle shutdown): compute instance d-idle',
      'aml-compute drift (schedules): compute instance d-code',
      'aml-compute drift (schedules): compute instance d-removed',
      'aml-compute drift (schedules): compute instance d-studio',
    ]);
  });
});

test("onScheduleChange 'replace': the code's change of schedules plans a replacement, refused by deletionProtection", () => {
  expect(replaceRefused.code).toBe(1);
  const errors = replaceRefused.stderr.replace(/\s+/g, ' ');
  expect(errors.match(/Error: Instance cannot be destroyed/g)).toHaveLength(1);
  expect(errors).toMatch(/Resource azapi_resource\.code_[0-9A-F]{8} has lifecycle\.prevent_destroy set/);
});
