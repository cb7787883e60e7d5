import { Testing } from 'cdktf';
import { CronExpressionParser } from 'cron-parser';
import * as fc from 'fast-check';
import {
  ArmTemplate,
  ComputeInstance,
  ComputeInstanceProps,
  Duration,
  SetupScript,
  StartStopSchedule,
  ValidationError,
} from '../../src';
import { newStack, OBJECT_ID, onlyResource, SUBNET_ID, synthJson, TENANT_ID, WORKSPACE_ID } from '../support/stack';

/** Terraform's template escaping, undone: what Terraform hands to the provider. */
function terraformValue(s: string): string {
  return s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/**
 * ARM's expression escaping, undone as the template language documents it: a string that starts with `[[`
 * and ends with `]` loses one `[`; any other string is literal.
 */
function armValue(s: string): string {
  return s.startsWith('[[') && s.endsWith(']') ? s.slice(1) : s;
}

function deepMap(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, f));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), deepMap(v, f)]));
  return value;
}

// Written from Azure's rule, not from the library's code: the pattern of the REST spec, plus the docs'
// "a dash must be followed by a letter".
const validName = fc
  .stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{2,23}$/)
  .filter((n) => !n.includes('-') || /[a-zA-Z]/.test(n.slice(n.lastIndexOf('-'))));

/** Text users type: template syntax, ARM brackets, quotes, newlines and non-ASCII. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '${var.x}',
    '%{ if x }',
    '$${x}',
    '[concat()]',
    '[[x]',
    '"quoted"',
    "it's",
    'ünïcødé ✓',
    'a\nb\tc',
    '$',
    '%',
    '{',
    '}',
  ),
  fc
    .array(fc.constantFrom('${', '%{', '}', '[', ']', '"', "'", '\n', 'é', '$', '%', 'x'), { maxLength: 12 })
    .map((a) => a.join('')),
);

const tagKey = text.filter((k) => k.length > 0 && k.length <= 512 && !/[<>%&\\?/]/.test(k) && k !== '__proto__');
const tagValue = text.filter((v) => v.length <= 256);
/** Tags as Azure takes them: names unique without case. */
const tags = (maxKeys: number) =>
  fc
    .dictionary(tagKey, tagValue, { maxKeys })
    .filter((d) => new Set(Object.keys(d).map((k) => k.toLowerCase())).size === Object.keys(d).length);

const validProps: fc.Arbitrary<ComputeInstanceProps> = fc
  .record({
    name: validName,
    vmSize: fc.constantFrom(
      'Standard_DS3_v2',
      'STANDARD_D3_V2',
      'Standard_NC24ads_A100_v4',
      'Standard_E4ds_v4',
      'Standard_M128-64ms',
    ),
    description: fc.option(text, { nil: undefined }),
    subnet: fc.boolean(),
    assigned: fc.boolean(),
    idleMinutes: fc.option(fc.integer({ min: 15, max: 3 * 1440 }), { nil: undefined }),
    localAuth: fc.option(fc.boolean(), { nil: undefined }),
    sso: fc.option(fc.boolean(), { nil: undefined }),
    tags: fc.option(tags(5), { nil: undefined }),
  })
  .map((r) => ({
    name: r.name,
    workspaceId: WORKSPACE_ID,
    location: 'westeurope',
    vmSize: r.vmSize,
    ...(r.description !== undefined ? { description: r.description } : {}),
    ...(r.subnet ? { subnetId: SUBNET_ID } : {}),
    ...(r.assigned ? { assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID } } : {}),
    ...(r.idleMinutes !== undefined ? { idleShutdown: Duration.minutes(r.idleMinutes) } : {}),
    ...(r.localAuth !== undefined ? { localAuth: r.localAuth } : {}),
    ...(r.sso !== undefined ? { sso: r.sso } : {}),
    ...(r.tags !== undefined ? { tags: r.tags } : {}),
  }));

describe('random valid props', () => {
  test('synthesize, and the ARM template carries what the azapi body carries', () => {
    fc.assert(
      fc.property(validProps, (props) => {
        const { stack } = newStack();
        new ComputeInstance(stack, 'ci', props);
        const azapi = onlyResource(synthJson(stack), 'azapi_resource');
        const [arm] = ArmTemplate.synth(stack).resources as any[];
        expect(deepMap(arm.properties, armValue)).toEqual(deepMap(azapi.body.properties, terraformValue));
        expect(deepMap(arm.tags, armValue)).toEqual(deepMap(azapi.tags, terraformValue));
      }),
      { numRuns: 150 },
    );
  });

  test('synthesize to the same bytes twice in one process', () => {
    fc.assert(
      fc.property(validProps, (props) => {
        const once = () => {
          const { stack } = newStack();
          new ComputeInstance(stack, 'ci', props);
          return Testing.synth(stack);
        };
        expect(once()).toBe(once());
      }),
      { numRuns: 50 },
    );
  });

  test("bring description and tags back unchanged once Terraform's escaping is undone", () => {
    fc.assert(
      fc.property(text, tags(4), (description, tagSet) => {
        const { stack } = newStack();
        new ComputeInstance(stack, 'ci', {
          name: 'ci-alice',
          workspaceId: WORKSPACE_ID,
          location: 'westeurope',
          vmSize: 'Standard_DS3_v2',
          description,
          tags: tagSet,
        });
        const r = onlyResource(synthJson(stack), 'azapi_resource');
        expect(terraformValue(r.body.properties.description)).toBe(description);
        expect(deepMap(r.tags ?? {}, terraformValue)).toEqual(tagSet);
      }),
      { numRuns: 200 },
    );
  });
});

// --- schedules ----------------------------------------------------------------------------------------

const ZONES = [
  'UTC',
  'W. Europe Standard Time',
  'Pacific Standard Time',
  'India Standard Time',
  'AUS Eastern Standard Time',
  'UTC-11',
];

/** A cron field in Azure's grammar: *, or a list of distinct numbers within [lo, hi], runs written as ranges. */
function cronField(lo: number, hi: number): fc.Arbitrary<string> {
  const list = fc.uniqueArray(fc.integer({ min: lo, max: hi }), { minLength: 1, maxLength: 6 }).map((values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
      i = j + 1;
    }
    return parts.join(',');
  });
  return fc.oneof(fc.constant('*'), list);
}

const validCron = fc
  .tuple(
    cronField(0, 59),
    cronField(0, 23),
    fc.oneof(fc.constant('*'), cronField(1, 28)),
    cronField(1, 12),
    cronField(0, 6),
  )
  .map((f) => f.join(' '));

const validSchedule = fc.oneof(
  fc
    .record({
      action: fc.constantFrom('Start', 'Stop'),
      expression: validCron,
      timeZone: fc.constantFrom(...ZONES),
      enabled: fc.boolean(),
    })
    .map((p) => StartStopSchedule.cron(p as any)),
  fc
    .record({
      action: fc.constantFrom('Start', 'Stop'),
      hours: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 3 }),
      minutes: fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 2 }),
      weekDays: fc.uniqueArray(
        fc.constantFrom('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'),
        { minLength: 1, maxLength: 3 },
      ),
      timeZone: fc.constantFrom(...ZONES),
    })
    .map((p) => StartStopSchedule.recurrence({ ...p, frequency: 'Week', interval: 1 } as any)),
);

describe('random schedules', () => {
  test('come back from fromArm(toArm()) unchanged', () => {
    fc.assert(
      fc.property(validSchedule, (s) => {
        const again = StartStopSchedule.fromArm(s.toArm());
        expect(again.toArm()).toEqual(s.toArm());
        expect(again.nextRuns(3, new Date('2026-03-27T00:00:00Z'))).toEqual(
          s.nextRuns(3, new Date('2026-03-27T00:00:00Z')),
        );
      }),
      { numRuns: 150 },
    );
  });

  test('random strings given as cron never crash the validator', () => {
    const noise = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .array(
          fc.constantFrom(
            '*',
            '/',
            '-',
            ',',
            '?',
            'L',
            'W',
            '#',
            'MON',
            'JAN',
            '@daily',
            '0',
            '7',
            '15',
            '59',
            '60',
            '1-5',
            ' ',
            '  ',
          ),
          { maxLength: 12 },
        )
        .map((a) => a.join('')),
      fc
        .array(
          fc.oneof(fc.constantFrom('*', '*/5', '1-5', '0', '99', 'x'), fc.integer({ min: -1, max: 70 }).map(String)),
          { minLength: 4, maxLength: 7 },
        )
        .map((a) => a.join(' ')),
    );
    fc.assert(
      fc.property(noise, (expression) => {
        let accepted: StartStopSchedule | undefined;
        try {
          accepted = StartStopSchedule.cron({ action: 'Stop', expression });
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
        }
        // What it accepts, it can also preview (cron-parser refuses, for example, repeated values).
        if (accepted) expect(accepted.nextRuns(2, new Date('2026-01-01T00:00:00Z'))).toHaveLength(2);
      }),
      { numRuns: 1000 },
    );
  });

  test('every cron it accepts fires when cron-parser says (a day matching both day fields when both are set)', () => {
    // The counterexample fast-check once found, first; then random ones.
    expect(
      StartStopSchedule.cron({ action: 'Stop', expression: '* * 13 1,5 5', timeZone: 'UTC' })
        .nextRuns(2, new Date('2026-03-20T00:00:00Z'))
        .map((d) => d.toISOString()),
    ).toEqual(['2033-05-13T00:00:00.000Z', '2033-05-13T00:01:00.000Z']);
    const from = new Date('2026-03-20T00:00:00Z');
    fc.assert(
      fc.property(validCron, (expression) => {
        const ours = StartStopSchedule.cron({ action: 'Stop', expression, timeZone: 'UTC' }).nextRuns(4, from);
        const [, , dom, , dow] = expression.split(' ');
        const both = dom !== '*' && dow !== '*';
        const it = CronExpressionParser.parse(expression, { currentDate: new Date(from.getTime() - 1), tz: 'UTC' });
        const theirs: Date[] = [];
        const domSet = cronValues(dom, 1, 31);
        const dowSet = cronValues(dow, 0, 6);
        let guard = 0;
        for (; theirs.length < 4 && guard < 100000; guard++) {
          const d = it.next().toDate();
          if (!both || (domSet.has(d.getUTCDate()) && dowSet.has(d.getUTCDay()))) theirs.push(d);
        }
        if (theirs.length === 4) {
          expect(ours).toEqual(theirs);
          return;
        }
        // cron-parser reads the two day fields as either-or, so a rare day (Friday the 13th of May: "* * 13 5 5"
        // fires first in 2033) can lie beyond the minutes it was walked: what it found comes first, and every one
        // of ours is a minute the expression names, in order.
        const [minute, hour, , month] = expression.split(' ');
        expect(ours.slice(0, theirs.length)).toEqual(theirs);
        expect(ours).toHaveLength(4);
        for (const d of ours) {
          expect([
            cronValues(minute, 0, 59).has(d.getUTCMinutes()),
            cronValues(hour, 0, 23).has(d.getUTCHours()),
            domSet.has(d.getUTCDate()),
            cronValues(month, 1, 12).has(d.getUTCMonth() + 1),
            dowSet.has(d.getUTCDay()),
          ]).toEqual([true, true, true, true, true]);
        }
        expect([...ours].sort((a, b) => a.getTime() - b.getTime())).toEqual(ours);
      }),
      { numRuns: 100 },
    );
  });
});

function cronValues(field: string, lo: number, hi: number): Set<number> {
  const out = new Set<number>();
  if (field === '*') for (let v = lo; v <= hi; v++) out.add(v);
  else
    for (const part of field.split(',')) {
      const [a, b] = part.split('-').map(Number);
      for (let v = a; v <= (b ?? a); v++) out.add(v);
    }
  return out;
}

// --- setup scripts ------------------------------------------------------------------------------------

describe('random setup script text and arguments', () => {
  test("come back unchanged from the synthesized JSON once Terraform's escaping is undone", () => {
    fc.assert(
      fc.property(
        text.filter((t) => t.trim() !== '' && !t.includes('\0')),
        text.filter((a) => !a.includes('\0')),
        (script, args) => {
          const { stack } = newStack();
          new ComputeInstance(stack, 'ci', {
            name: 'ci-alice',
            workspaceId: WORKSPACE_ID,
            location: 'westeurope',
            vmSize: 'Standard_DS3_v2',
            setupScripts: { creation: SetupScript.inline(script, { arguments: args, allowSecrets: true }) },
          });
          const ref = onlyResource(synthJson(stack), 'azapi_resource').body.properties.properties.setupScripts.scripts
            .creationScript;
          expect(Buffer.from(ref.scriptData, 'base64').toString('utf8')).toBe(script);
          expect(ref.scriptArguments === undefined ? '' : terraformValue(ref.scriptArguments)).toBe(args);
        },
      ),
      { numRuns: 200 },
    );
  });
});
