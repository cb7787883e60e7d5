import { readFileSync } from 'fs';
import { resolve } from 'path';
import { VERB_NAMES, VERBS_HELP } from '../../src/cli/usage';
import { ROOT, runCli } from '../support/cli';

describe("the README's samples", () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

  /** The lines after `$ <command>` in the README, up to the end of its code block. */
  function sample(command: string): string {
    const start = readme.indexOf(`$ ${command}\n`);
    expect(start).toBeGreaterThan(0);
    const body = readme.slice(start + command.length + 3);
    return body.slice(0, body.indexOf('```'));
  }

  test.each([
    'npx aml-compute preview test/fixtures/cli/quickstart.azuredeploy.parameters.json --from 2026-03-25 --tz "W. Europe Standard Time" --price-per-hour 0.5',
    'npx aml-compute lint test/fixtures/cli/quickstart.azuredeploy.json --parameters test/fixtures/cli/quickstart.azuredeploy.parameters.json',
    'npx aml-compute review test/fixtures/review/team-a.plan.json test/fixtures/review/team-b.plan.json test/fixtures/review/team-c.plan.json --prices examples/ci/vm-prices.json --tz "W. Europe Standard Time" --format text',
  ])('%s is the real output', async (command) => {
    const argv = command
      .replace(/^npx aml-compute /, '')
      .match(/"[^"]*"|\S+/g)!
      .map((a) => a.replace(/^"|"$/g, ''));
    const r = await runCli(argv);
    expect(sample(command)).toBe(r.out.replace(/\n\n/g, '\n'));
  });

  test("the synopsis block is every verb's synopsis, as the command's help prints it", () => {
    const start = readme.indexOf('```\naml-compute lint ');
    const block = readme.slice(start + 4, readme.indexOf('```', start + 4));
    expect(block).toBe(
      `${VERB_NAMES.map((v) => VERBS_HELP[v].synopsis).join('\n')}\naml-compute --help | VERB --help | --version\n`,
    );
  });
});
