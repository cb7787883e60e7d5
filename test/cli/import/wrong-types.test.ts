import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileModules, fixture, runImport } from '../../support/import-harness';

/*
 * Issue 19, item 1: a value of another type than its field's (a list where text belongs) was printed with
 * String(), so a list of text became code: `vmSize: ["require('fs')..."]` wrote `vmSize: require('fs')...`.
 * Such values are now "not expressed" (a comment and a stderr line), and the module compiles.
 */

const base = JSON.parse(fs.readFileSync(fixture('import/refused-iana-time-zone.json'), 'utf8'));
const CODE = "require('fs').writeFileSync('PWNED','')";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-types-'));

function imported(change: (inner: any) => void): { file: string; run: ReturnType<typeof runImport> } {
  const c = JSON.parse(JSON.stringify(base));
  change(c.properties.properties);
  const file = path.join(dir, `${fs.readdirSync(dir).length}.json`);
  fs.writeFileSync(file, JSON.stringify(c));
  return { file, run: runImport(file) };
}

const vmSize = imported((inner) => {
  inner.vmSize = [CODE];
});
const expression = imported((inner) => {
  inner.schedules.computeStartStop[0].cron.expression = [CODE];
});
const timeZone = imported((inner) => {
  inner.schedules.computeStartStop[0].cron.timeZone = { zone: CODE };
});

describe('aml-compute import with a list where text belongs', () => {
  test('vmSize as a list: not expressed, written as an empty string the library refuses', () => {
    const where = `aml-compute import: ${vmSize.file}: ci-carol`;
    expect(vmSize.run.err.split('\n')[0]).toBe(`${where}: not expressed: vmSize (["${CODE}"]): not text`);
    expect(vmSize.run.out).toContain("    vmSize: '',\n");
    expect(vmSize.run.out).not.toMatch(/^\s*vmSize: require/m);
  });

  test("a schedule's expression or time zone that is not text: the entry is not expressed, not written", () => {
    expect(expression.run.code).toBe(0);
    expect(expression.run.err).toBe(
      `aml-compute import: ${expression.file}: ci-carol: not expressed: schedules.computeStartStop[0].cron.expression (["${CODE}"]): not text\n`,
    );
    expect(expression.run.out).not.toContain('StartStopSchedule');
    expect(timeZone.run.err).toBe(
      `aml-compute import: ${timeZone.file}: ci-carol: not expressed: schedules.computeStartStop[0].cron.timeZone ({"zone":"${CODE}"}): not text\n`,
    );
  });

  test('the modules compile with tsc (strict)', () => {
    expect(
      compileModules({ vmSize: vmSize.run.out, expression: expression.run.out, timeZone: timeZone.run.out })
        .diagnostics,
    ).toEqual([]);
  });
});
