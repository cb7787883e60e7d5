import { readFileSync } from 'fs';
import { resolve } from 'path';
import { USAGE } from '../../src/cli/main';
import { VERB_NAMES, VERBS_HELP } from '../../src/cli/usage';
import { ROOT, runCli } from '../support/cli';

const VERSION = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version;

describe('aml-compute help and version', () => {
  test.each(
    VERB_NAMES.flatMap((verb) => [
      [verb, '--help'],
      [verb, '-h'],
    ]),
  )("%s %s: the verb's help on stdout, exit 0", async (verb, flag) => {
    const r = await runCli([verb, flag]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`usage: ${VERBS_HELP[verb as keyof typeof VERBS_HELP].synopsis}`);
    expect(lines[2]).toBe(VERBS_HELP[verb as keyof typeof VERBS_HELP].summary);
    expect(lines[4]).toBe('options:');
    expect(r.out).toMatch(/\n {2}--help, -h {2,}this help\n/);
    expect(r.out).toMatch(/\nExit codes: 0 [^\n]+/);
  });

  test('help wins over other arguments and over a missing FILE, but not after "--" (a file named --help)', async () => {
    expect((await runCli(['lint', 'x.json', '--format', 'nope', '--help'])).code).toBe(0);
    const file = await runCli(['lint', '--', '--help']);
    expect(file.err).toBe('aml-compute lint: --help: cannot read it (ENOENT)\n');
    expect(file.code).toBe(2);
  });

  test("each verb's options in its help are the ones it takes", async () => {
    for (const verb of ['lint', 'preview', 'audit'] as const) {
      for (const [option] of VERBS_HELP[verb].options) {
        const name = option.split(' ')[0];
        const r = await runCli([verb, name]);
        // Known, so not "unknown option" (it may lack its value, or the files).
        expect([verb, name, r.err]).not.toEqual([verb, name, expect.stringContaining('unknown option')]);
      }
    }
  });

  test('--version prints the package version, exit 0', async () => {
    const r = await runCli(['--version']);
    expect(r.out).toBe(`aml-compute ${VERSION}\n`);
    expect(r.code).toBe(0);
  });

  test('the top-level help names every verb, --cron-tz and the "Start|Stop EXPR" form', async () => {
    const r = await runCli(['--help']);
    expect(r.out).toBe(USAGE);
    for (const verb of VERB_NAMES) expect(r.out).toContain(`\n  aml-compute ${verb} `);
    expect(r.out).toContain('--cron "Start|Stop EXPR"...');
    expect(r.out).toContain('[--cron-tz WINDOWS_ID]');
    expect(r.out).toContain('aml-compute --version');
  });

  test('an unknown option: one line, balanced quotes, the allowed options named', async () => {
    const r = await runCli(['audit', '--polcy', 'p.json', 'i.json']);
    expect(r.err).toBe(
      'aml-compute audit: unknown option "--polcy" (allowed: --policy, --parameters, --format, --help); a FILE whose name starts with "-" goes after "--", as in: -- "--polcy"\n',
    );
    expect(r.err.split('"').length % 2).toBe(1);
    expect(r.code).toBe(2);
  });

  test('"constructor" or "__proto__" as a verb is an unknown verb', async () => {
    for (const verb of ['constructor', '__proto__', 'toString']) {
      const r = await runCli([verb]);
      expect(r.err.split('\n')[0]).toBe(`aml-compute: unknown verb "${verb}"`);
      expect(r.code).toBe(2);
    }
  });
});
