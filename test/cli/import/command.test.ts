import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readAzureInstances } from '../../../src/cli/inputs/azure-instances';
import { compileModules, fixture, REPO, runImport, runImportArgs, synthesize } from '../../support/import-harness';

/** `prettier --check` with the project's own configuration (.prettierrc.json) on `text` as a .ts file. */
function prettierCheck(text: string): { status: number | null; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-prettier-'));
  fs.writeFileSync(path.join(dir, 'instances.ts'), text);
  const bin = path.join(REPO, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const r = spawnSync(
    process.execPath,
    [bin, '--config', path.join(REPO, '.prettierrc.json'), '--check', 'instances.ts'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { status: r.status, stdout: r.stdout };
}
/** Azure's only value and default; the library does not write it (README, "Adopting existing instances"). */
const NOT_WRITTEN = ['computeInstanceAuthorizationType'];

const ROUND_TRIPS = {
  restList: ['import/rest-list-compute-instances.json'],
  azList: ['import/az-ml-compute-list-team.json'],
};

const FRAMEWORKS = ['cdktf', 'cdktn'] as const;
/** Each input under each framework: `restList` (cdktf), `restListCdktn`, ... */
const CASES = FRAMEWORKS.flatMap((framework) =>
  Object.entries(ROUND_TRIPS).map(([kind, files]) => ({
    name: framework === 'cdktf' ? kind : `${kind}Cdktn`,
    kind,
    framework,
    files,
  })),
);

const runs = Object.fromEntries(
  CASES.map((c) => [c.name, runImportArgs([...c.files.map(fixture), '--framework', c.framework])]),
);
const compiled = compileModules(Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.out])));

/** The azapi_resource of compute `name`, and its address. */
function computeOf(json: any, name: string): { address: string; r: any } {
  const entries = Object.entries<any>(json.resource.azapi_resource).filter(([, r]) => r.name === name);
  expect(entries).toHaveLength(1);
  return { address: `azapi_resource.${entries[0][0]}`, r: entries[0][1] };
}

describe.each(CASES)('aml-compute import round trip: $kind under $framework', ({ name, files, framework }) => {
  const result = runs[name];
  const inputs = files.flatMap((f) => readAzureInstances(JSON.parse(fs.readFileSync(fixture(f), 'utf8'))));

  test('exits 0 with nothing on stderr', () => {
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
  });

  test('the module compiles with tsc (strict)', () => {
    expect(compiled.diagnostics).toEqual([]);
  });

  test("the module imports the library from the framework's entry", () => {
    const entry = framework === 'cdktf' ? 'cdktf-azureml-compute' : 'cdktf-azureml-compute/cdktn';
    expect(result.out).toMatch(new RegExp(`^import \\{ [A-Za-z, ]+ \\} from '${entry}';$`, 'm'));
    expect(result.out.match(/^import .*$/gm)).toHaveLength(2);
  });

  test("the module is formatted as the project's Prettier formats it (prettier --check)", () => {
    expect(prettierCheck(result.out)).toEqual({
      status: 0,
      stdout: 'Checking formatting...\nAll matched files use Prettier code style!\n',
    });
  });

  test('each synthesized compute body equals the writable properties Azure reported, field by field', () => {
    const json = synthesize(compiled.modules[name], framework);
    expect(Object.keys(json.resource.azapi_resource)).toHaveLength(inputs.length);
    for (const input of inputs) {
      const { r } = computeOf(json, input.name);
      const workspaceId = input.id!.replace(/\/computes\/[^/]+$/, '');
      expect(r.parent_id).toBe(workspaceId);
      expect(r.location).toBe(input.location);
      expect(r.tags).toEqual(input.tags);
      const outer = r.body.properties;
      expect(outer.computeType).toBe('ComputeInstance');
      expect(outer.description).toBe(input.properties.description);
      expect(outer.disableLocalAuth).toBe(input.properties.disableLocalAuth ?? true);
      const expected = Object.fromEntries(
        Object.entries(input.properties.properties).filter(([k]) => !NOT_WRITTEN.includes(k)),
      );
      expect(Object.keys(outer.properties).sort()).toEqual(Object.keys(expected).sort());
      for (const [field, value] of Object.entries(expected))
        expect([field, outer.properties[field]]).toEqual([field, value]);
      const identity = input.identity as any;
      if (identity === undefined) {
        expect(r.identity).toBeUndefined();
      } else {
        const ids = Object.keys(identity.userAssignedIdentities ?? {});
        expect(r.identity).toEqual([{ type: identity.type, ...(ids.length > 0 ? { identity_ids: ids } : {}) }]);
      }
    }
  });

  test('each instance has an import block: to its azapi_resource, id its ARM id with ?api-version=2025-12-01', () => {
    const json = synthesize(compiled.modules[name], framework);
    const expected = inputs.map((input) => ({
      to: computeOf(json, input.name).address,
      id: `${input.id}?api-version=2025-12-01`,
    }));
    expect([...json.import].sort((a, b) => a.to.localeCompare(b.to))).toEqual(
      expected.sort((a, b) => a.to.localeCompare(b.to)),
    );
  });
});

describe('aml-compute import output', () => {
  test('writes schedules through the factories: workingHours where the entries fit it, else recurrence or cron', () => {
    const out = runs.restList.out;
    expect(out).toContain('schedules: StartStopSchedule.workingHours([');
    expect(out).toContain(
      "days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'],\n        start: '09:00',\n        stop: '18:00',",
    );
    expect(out).toContain("StartStopSchedule.recurrence({\n        action: 'Start',\n        frequency: 'Week',");
    expect(out).toContain(
      "StartStopSchedule.cron({\n        action: 'Stop',\n        expression: '0 20 * * *',\n        timeZone: 'Pacific Standard Time',\n        enabled: false,\n        startTime: '2025-12-01T00:00:00',\n      }),",
    );
  });

  test('writes idle shutdown as a Duration and scripts as SetupScript, inline text decoded', () => {
    const out = runs.restList.out;
    expect(out).toContain('idleShutdown: Duration.minutes(30),');
    expect(out).toContain(
      'const ciAliceCreationScript = `#!/bin/bash\nset -euo pipefail\necho "setting up \\${CI_NAME}" > /tmp/setup.log\n`;',
    );
    expect(out).toContain('creation: SetupScript.inline(ciAliceCreationScript),');
    expect(out).toContain(
      "startup: SetupScript.fromWorkspace('Users/alice/startup.sh', {\n        arguments: '--team ml',\n        timeout: Duration.minutes(10),\n      }),",
    );
  });

  test('exports addInstances(scope: Construct) and imports only the library names it uses', () => {
    const out = runs.azList.out;
    expect(out).toContain(
      "import { Construct } from 'constructs';\nimport { ComputeInstance, Duration, SetupScript, StartStopSchedule } from 'cdktf-azureml-compute';\n",
    );
    expect(out).toContain('export function addInstances(scope: Construct): void {\n  // ');
  });

  test('is the same whatever the order of the files, and from run to run', () => {
    const both = [fixture('import/rest-list-compute-instances.json'), fixture('import/az-ml-compute-list-team.json')];
    const a = runImport(...both);
    expect(runImport(...[...both].reverse()).out).toBe(a.out);
    expect(runImport(...both).out).toBe(a.out);
  });

  test('notes at an az ml instance that Azure did not report disableLocalAuth', () => {
    expect(runs.azList.out).toContain(
      "  // aml-compute import: Azure did not report disableLocalAuth: the library sends true (local authentication off); if the instance has it on, add localAuth: true (it is create-only: a change replaces the instance)\n  new ComputeInstance(scope, 'ci-ivy', {",
    );
  });
});

describe('aml-compute import as a verb of the command', () => {
  test("main dispatches it: the cli's az ml fixture exits 1 (ci-nightowl has an IANA time zone) and prints the module", async () => {
    const { main } = await import('../../../src/cli/main');
    let out = '';
    let err = '';
    const file = fixture('cli/az-ml-compute-list.json');
    const code = await main(['import', file], {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      isTTY: false,
      readFile: (p) => fs.readFileSync(p, 'utf8'),
      writeFile: () => undefined,
    });
    expect(code).toBe(1);
    expect(err).toBe(
      `aml-compute import: ${file}: ci-nightowl: the library refuses schedules[0].timeZone: received "Europe/Berlin"; allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"; Azure does not take IANA names: write "W. Europe Standard Time" instead\n`,
    );
    expect(out).toContain("  new ComputeInstance(scope, 'ci-alice', {\n    existing: true,\n");
    expect(out).toContain("  new ComputeInstance(scope, 'ci-nightowl', {\n    existing: true,\n");
  });
});

describe('aml-compute import names', () => {
  const rest = JSON.parse(fs.readFileSync(fixture('import/rest-list-compute-instances.json'), 'utf8'));
  const alice = rest.value.find((c: any) => c.name === 'ci-alice');
  // Another workspace in another region: names are unique per region.
  const other = {
    ...JSON.parse(JSON.stringify(alice).replace(/workspaces\/mlw/g, 'workspaces/mlw-two')),
    location: 'northeurope',
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-import-'));
  const file = path.join(dir, 'two-workspaces.json');
  fs.writeFileSync(file, JSON.stringify({ value: [alice, other] }));

  test('the same compute name in two workspaces (two regions) gives two constructs and two script constants', () => {
    const r = runImport(file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("new ComputeInstance(scope, 'ci-alice', {");
    expect(r.out).toContain("new ComputeInstance(scope, 'ci-alice-2', {");
    expect(r.out).toContain('const ciAliceCreationScript = `');
    expect(r.out).toContain('const ciAlice2CreationScript = `');
    const { modules, diagnostics } = compileModules({ twoWorkspaces: r.out });
    expect(diagnostics).toEqual([]);
    const ids = synthesize(modules.twoWorkspaces)
      .import.map((i: any) => i.id.replace(/^.*\/workspaces\//, ''))
      .sort();
    expect(ids).toEqual([
      'mlw-two/computes/ci-alice?api-version=2025-12-01',
      'mlw/computes/ci-alice?api-version=2025-12-01',
    ]);
  });

  test('an instance in two files is declared once, with a line on stderr', () => {
    const r = runImport(file, file);
    expect(r.err).toBe(
      `aml-compute import: ${file}: ci-alice appears again; declared once\naml-compute import: ${file}: ci-alice appears again; declared once\n`,
    );
    expect(r.out.match(/new ComputeInstance\(/g)).toHaveLength(2);
  });
});
