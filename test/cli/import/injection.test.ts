import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileAndExecute, fixture, runImport } from '../../support/import-harness';

/*
 * Issue 19, item 1: input text that ends a `//` comment of the generated module (a key, a value shown in a
 * comment, the input file's name) ran as code when the module was loaded or addInstances was called. Each
 * attack below is run through import; the module is compiled (one program for all) and executed with a real
 * stack; the payload would write a marker file named after the attack.
 */

/** What ends a comment: the four line terminators of JavaScript, CRLF, and the end of a block comment. */
const ENDS = { lf: '\n', cr: '\r', crlf: '\r\n', ls: '\u2028', ps: '\u2029', end: '*/' } as const;

const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-pwned-'));
process.env.AML_PWNED = `${markers}${path.sep}`;
/** Code that writes the marker `id`: single quotes, so that JSON.stringify leaves it as it is. */
const code = (id: string) => `require('fs').writeFileSync(process.env.AML_PWNED+'${id}','')`;
/**
 * Text that ends the comment it lands in, runs the payload, and comments out the rest of the line; in an
 * object literal (a refusal's comment sits above the property) the payload is a computed key.
 */
function payload(end: string, id: string, inObject: boolean): string {
  const run = inObject ? `[${code(id)}]:0,` : code(id);
  return end === '*/' ? `x*/${run}/*` : `x${end}${run}${end}//`;
}

const base = JSON.parse(fs.readFileSync(fixture('import/refused-iana-time-zone.json'), 'utf8'));
const WEEKLY = {
  action: 'Start',
  triggerType: 'Recurrence',
  status: 'Enabled',
  recurrence: { frequency: 'Week', interval: 1, timeZone: 'UTC', schedule: { hours: [8], minutes: [0] } },
};

/** Where an attack goes (short names: a refusal shows 80 characters of the value): a change to a REST GET body. */
const PLACES: Record<string, (compute: any, text: string) => void> = {
  key: (c, t) => {
    c.properties.properties[t] = 1;
  },
  services: (c, t) => {
    c.properties.properties.customServices = [t];
  },
  identity: (c, t) => {
    c.identity = { type: t };
  },
  weekDays: (c, t) => {
    c.properties.properties.schedules.computeStartStop = [
      { ...WEEKLY, recurrence: { ...WEEKLY.recurrence, schedule: { hours: [8], minutes: [0], weekDays: [t] } } },
    ];
  },
  vmSize: (c, t) => {
    c.properties.properties.vmSize = t;
  },
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-injection-'));
interface Attack {
  readonly file: string;
  readonly text: string;
}
const attacks: Record<string, Attack> = {};
for (const [endName, end] of Object.entries(ENDS)) {
  for (const [place, put] of Object.entries(PLACES)) {
    const id = `${place}-${endName}`;
    const compute = JSON.parse(JSON.stringify(base));
    const text = payload(end, id, place === 'vmSize');
    put(compute, text);
    const file = path.join(dir, `${id}.json`);
    fs.writeFileSync(file, JSON.stringify(compute));
    attacks[id] = { file, text };
  }
  // The file's name: `/` cannot be in a name, so the payload closes with a statement that takes the "."
  // written after the name (`0.`); a block end takes a directory named `x*`.
  const id = `file-${endName}`;
  const name = end === '*/' ? path.join('x*', `${code(id)};0`) : `x${end}${code(id)};0`;
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(base));
  attacks[id] = { file, text: file };
}
const runs = Object.fromEntries(Object.entries(attacks).map(([id, a]) => [id, runImport(a.file)]));
const executed = compileAndExecute(Object.fromEntries(Object.entries(runs).map(([id, r]) => [id, r.out])));

describe('aml-compute import writes input text inert (issue 19, item 1)', () => {
  test('there are 36 attacks: 6 comment ends in 6 places', () => {
    expect(Object.keys(runs)).toHaveLength(36);
  });

  test('every module compiles with tsc (strict), with no diagnostic', () => {
    expect(executed.diagnostics).toEqual([]);
  });

  test('running every module (load, addInstances with a real stack, synth) writes no marker: no payload ran', () => {
    expect(fs.readdirSync(markers)).toEqual([]);
  });

  test("each module throws only the library's ValidationError (the IANA time zone, a refused vmSize), nothing else", () => {
    const refused = Object.keys(attacks).filter((id) => !id.startsWith('weekDays'));
    expect(executed.thrown).toEqual(Object.fromEntries(refused.map((id) => [id, 'ValidationError'])));
  });

  test.each(Object.keys(attacks))(
    '%s: import exits 1 (0 for weekDays), and its text holds no line terminator but LF',
    (id) => {
      const { code: exit, out, err } = runs[id];
      // 1: the base instance keeps its refused IANA time zone, except where weekDays replaced that schedule.
      expect([id, exit]).toEqual([id, id.startsWith('weekDays') ? 0 : 1]);
      expect(out).not.toMatch(/[\r\u2028\u2029]/);
      expect(err).not.toMatch(/[\r\u2028\u2029]/);
      // One line of stderr a finding: a terminator in the input never makes a second.
      for (const line of err.split('\n').slice(0, -1)) expect(line).toMatch(/^aml-compute import: /);
    },
  );

  test.each(Object.keys(attacks))('%s: the text is in the module with its terminators escaped', (id) => {
    // Up to the payload's call: a comment shows the first 80 characters of a value.
    const text = attacks[id].text;
    const escaped = text
      .slice(0, text.indexOf('.writeFileSync'))
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')
      .replace(/\*\//g, '*\\/');
    expect(runs[id].out).toContain(escaped);
  });
});
