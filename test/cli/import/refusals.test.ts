import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IMPORT_USAGE } from '../../../src/cli/import/command';
import { compileModules, fixture, runImport, synthesize } from '../../support/import-harness';

const IANA =
  'schedules[0].timeZone: received "Europe/Berlin"; allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"; Azure does not take IANA names: write "W. Europe Standard Time" instead';
const NAME =
  'name: received "ci-2"; allowed: 3 to 24 letters, digits and "-", starting with a letter, where every "-" is followed later by a letter (ci-one, not ci-1 or ci-)';
const IDLE = 'idleShutdown: received "10 minutes"; allowed: 15 minutes to 3 days';
const SECRET =
  "setupScripts.creation.text line 2: received <redacted: password>; allowed: no secrets in a setup script, since Azure stores it readable with the compute and logs its output to the workspace share; fetch secrets when the script runs (Key Vault with the instance's managed identity), or pass allowSecrets: true if this is deliberate";

/** Each kind of refusal: the fixture, the instance, the problem, and the line of code the comment sits above. */
const REFUSALS = {
  ianaTimeZone: {
    file: 'refused-iana-time-zone',
    instance: 'ci-carol',
    problem: IANA,
    constructField: 'schedules',
    before: '      StartStopSchedule.cron({',
  },
  name: { file: 'refused-name', instance: 'ci-2', problem: NAME, constructField: 'name', before: "    name: 'ci-2'," },
  idleShutdown: {
    file: 'refused-idle-shutdown',
    instance: 'ci-dave',
    problem: IDLE,
    constructField: 'idleShutdown',
    before: '    idleShutdown: Duration.minutes(10),',
  },
  scriptSecret: {
    file: 'refused-script-secret',
    instance: 'ci-erin',
    problem: SECRET,
    constructField: 'setupScripts',
    before: '      creation: SetupScript.inline(ciErinCreationScript),',
  },
};

const runs = Object.fromEntries(
  Object.entries(REFUSALS).map(([k, r]) => [k, runImport(fixture(`import/${r.file}.json`))]),
);
const specExample = runImport(fixture('cli/rest-get-compute-instance.json'));
const compiled = compileModules({
  ...Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.out])),
  specExample: specExample.out,
});

describe.each(Object.entries(REFUSALS))('aml-compute import keeps a value the library refuses: %s', (kind, c) => {
  const result = runs[kind];

  test('exits 1 with one stderr line naming the file, the instance and the problem', () => {
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `aml-compute import: ${fixture(`import/${c.file}.json`)}: ${c.instance}: the library refuses ${c.problem}\n`,
    );
  });

  test('marks the kept value with a comment saying why', () => {
    expect(result.out).toContain(`// aml-compute import: the library refuses ${c.problem}\n${c.before}\n`);
  });

  test('says at the top of the module that addInstances throws until the value is changed', () => {
    expect(result.out).toContain(
      '// 1 instance breaks a rule of cdktf-azureml-compute: the values are kept and marked\n',
    );
  });

  test("the module compiles; addInstances throws the library's ValidationError with the same problem", () => {
    expect(compiled.diagnostics).toEqual([]);
    const error = (() => {
      try {
        synthesize(compiled.modules[kind]);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.name).toBe('ValidationError');
    expect(error?.message).toContain(c.problem.replace(/^[^:]*: /, ''));
  });
});

describe('aml-compute import on the REST spec example (get/ComputeInstance.json, 2025-12-01)', () => {
  test('exits 1: its subnet id is not an ARM id, and SSH is on with no key returned', () => {
    expect(specExample.code).toBe(1);
    expect(
      specExample.err
        .split('\n')
        .filter((l) => l.includes('refuses'))
        .map((l) => l.replace(/^.*refuses /, '').slice(0, 40)),
    ).toEqual(['subnetId: received "test-subnet-resource', 'ssh.publicKey: received <redacted: text ']);
  });

  test('notes what Azure did not report and the library writes: disableLocalAuth, enableNodePublicIp in a subnet', () => {
    expect(specExample.out).toContain(
      '  // aml-compute import: Azure did not report disableLocalAuth: the library sends true (local authentication off); if the instance has it on, add localAuth: true (it is create-only: a change replaces the instance)\n',
    );
    expect(specExample.out).toContain(
      '  // aml-compute import: Azure did not report enableNodePublicIp: inside a subnet the library sends false (no public IP); if the instance has one, add nodePublicIp: true (it is create-only: a change replaces the instance)\n',
    );
  });

  test("once those two values are written, the module synthesizes to the example's compute, field by field (plus the two defaults noted)", () => {
    const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK33/Qpei5tjffpRI3CwcZ1pb38cymQ8fAK2V3LHoMBi test@example';
    const SUBNET =
      '/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.Network/virtualNetworks/v/subnets/s';
    const fixed = specExample.out
      .replace("subnetId: 'test-subnet-resource-id'", `subnetId:\n      '${SUBNET}'`)
      .replace("publicKey: ''", `publicKey: '${KEY}'`);
    const { modules, diagnostics } = compileModules({ fixed });
    expect(diagnostics).toEqual([]);
    const json = synthesize(modules.fixed);
    const [[key, r]] = Object.entries<any>(json.resource.azapi_resource);
    expect(r.name).toBe('compute123');
    expect(r.location).toBe('eastus2');
    expect(r.parent_id).toBe(
      '/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.MachineLearningServices/workspaces/workspaces123',
    );
    expect(r.body.properties.description).toBe('some compute');
    expect(r.body.properties.disableLocalAuth).toBe(true);
    expect(r.body.properties.properties).toEqual({
      vmSize: 'STANDARD_NC6',
      subnet: { id: SUBNET },
      applicationSharingPolicy: 'Shared',
      enableNodePublicIp: false,
      sshSettings: { sshPublicAccess: 'Enabled', adminPublicKey: KEY },
      personalComputeInstanceSettings: {
        assignedUser: {
          objectId: '00000000-0000-0000-0000-000000000000',
          tenantId: '00000000-0000-0000-0000-000000000000',
        },
      },
      // The example's custom application, every field of it (the library writes the spec's key order).
      customServices: [
        {
          name: 'rstudio',
          image: { type: 'docker', reference: 'ghcr.io/azure/rocker-rstudio-ml-verse:latest' },
          environmentVariables: { test_var: { type: 'local', value: 'test_val' } },
          docker: { privileged: true },
          volumes: [
            {
              type: 'bind',
              source: '/home/azureuser/cloudfiles',
              target: '/home/azureuser/cloudfiles',
              readOnly: false,
            },
          ],
          endpoints: [{ name: 'connect', protocol: 'http', target: 8787, published: 8787 }],
        },
      ],
    });
    expect(json.import).toEqual([
      {
        to: `azapi_resource.${key}`,
        id: '/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.MachineLearningServices/workspaces/workspaces123/computes/compute123?api-version=2025-12-01',
      },
    ]);
  });
});

const UNSUPPORTED = {
  customServices: {
    file: 'unsupported-custom-services',
    instance: 'ci-frank',
    line: 'customServices[0].kernel ({"argv":["python","-m","ipykernel_launcher","-f","{connection_file}"],"displa...): the library has no field for it',
  },
  dataMounts: {
    file: 'unsupported-data-mounts',
    instance: 'ci-gina',
    line: 'dataMounts ([{"source":"azureml://datastores/workspaceblobstore/paths/data","sourceType":...): set them again with az ml compute update or in the studio',
  },
  unknownField: {
    file: 'unsupported-unknown',
    instance: 'ci-hank',
    line: 'enableQuantumBoost (true): a field this version of the library does not know',
  },
};

describe.each(Object.entries(UNSUPPORTED))('aml-compute import on what the library cannot express: %s', (_kind, c) => {
  const result = runImport(fixture(`import/${c.file}.json`));

  test('exits 0 with one stderr line', () => {
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      `aml-compute import: ${fixture(`import/${c.file}.json`)}: ${c.instance}: not expressed: ${c.line}\n`,
    );
  });

  test('writes a comment at the instance', () => {
    expect(result.out).toContain(
      `  // aml-compute import: not expressed: ${c.line}\n  new ComputeInstance(scope, '${c.instance}', {\n`,
    );
  });
});

describe('aml-compute import exit code 2', () => {
  test("a list of computes without a compute instance (the REST spec's list example, AKS only), naming the file", () => {
    const file = fixture('cli/rest-list-computes.json');
    expect(runImport(file)).toEqual({
      code: 2,
      out: '',
      err: `aml-compute import: ${file}: computes, but no compute instance (expected a REST GET or list of computes, or az ml compute show|list -o json)\n`,
    });
  });

  test("JSON that is not Azure's compute output (a workspace)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-import-'));
    const file = path.join(dir, 'workspace.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        id: '/subscriptions/x/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w',
        name: 'w',
        properties: { friendlyName: 'w' },
      }),
    );
    expect(runImport(file)).toEqual({
      code: 2,
      out: '',
      err: `aml-compute import: ${file}: no compute instance (expected a REST GET or list of computes, or az ml compute show|list -o json)\n`,
    });
  });

  test('a file that is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-import-'));
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'compute123');
    const r = runImport(file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      new RegExp(`^aml-compute import: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not JSON \\(`),
    );
  });

  test('no file given: the usage', () => {
    expect(IMPORT_USAGE.split('\n')[0]).toBe(
      'usage: aml-compute import FILE... [--framework cdktf|cdktn] [--out FILE]',
    );
    expect(runImport()).toEqual({
      code: 2,
      out: '',
      err: `${IMPORT_USAGE}\n`,
    });
  });
});
