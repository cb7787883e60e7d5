import Ajv from 'ajv';
import { fixture, readFixture, runCli } from '../../support/cli';
import { ED25519_KEY } from '../../support/stack';

const QUICKSTART = [
  fixture('quickstart.azuredeploy.json'),
  '--parameters',
  fixture('quickstart.azuredeploy.parameters.json'),
];

/** A REST GET body with these inner properties (and name). */
function restInstance(
  properties: Record<string, unknown>,
  name = 'ci-alice',
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify(
    {
      name,
      location: 'westeurope',
      ...extra,
      properties: { computeType: 'ComputeInstance', properties: { vmSize: 'Standard_DS3_v2', ...properties } },
    },
    null,
    2,
  );
}

/** The SARIF 2.1.0 schema (draft-04) under ajv 8: `id` read as `$id`; formats (uri, date-time) are not checked. */
function sarifValidator() {
  const schema = JSON.parse(readFixture('sarif-schema-2.1.0.json'));
  const { $schema, id, ...rest } = schema;
  void $schema;
  return new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile({ ...rest, $id: id });
}

describe('aml-compute lint', () => {
  test('the quickstart template with its parameter file: its placeholders are what the library refuses', async () => {
    const r = await runCli(['lint', ...QUICKSTART]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out.split('\n')).toEqual([
      'test/fixtures/cli/quickstart.azuredeploy.json:88: resources[0].name: GEN-UNIQUE-8: received "GEN-UNIQUE-8"; allowed: 3 to 24 letters, digits and "-", starting with a letter, where every "-" is followed later by a letter (ci-one, not ci-1 or ci-)',
      'test/fixtures/cli/quickstart.azuredeploy.parameters.json:12: parameters.objectId.value: GEN-UNIQUE-8: received "GEN-AZUREAD-OBJECTID"; allowed: a GUID like 00000000-0000-0000-0000-000000000000',
      'note: test/fixtures/cli/quickstart.azuredeploy.json: GEN-UNIQUE-8: location: skipped: [resourceGroup().location] uses resourceGroup(), known only when Azure deploys the template',
      "note: test/fixtures/cli/quickstart.azuredeploy.json: GEN-UNIQUE-8: properties.properties.subnet: skipped: [if(and(not(empty(parameters('vnetResourceGroupName'))),not(empty(parameters('vnetName'))),not(empty(parameters('subnetName')))), variables('subnet'), json('null'))] uses empty(), known only when Azure deploys the template",
      'note: test/fixtures/cli/quickstart.azuredeploy.json: GEN-UNIQUE-8: properties.properties.personalComputeInstanceSettings.assignedUser.tenantId: skipped: [subscription().tenantId] uses subscription(), known only when Azure deploys the template',
      '2 problems in 1 instance',
      '',
    ]);
  });

  test('the quickstart parameter file alone: its three schedules are valid', async () => {
    const r = await runCli(['lint', fixture('quickstart.azuredeploy.parameters.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('no problems in 1 instance\n');
  });

  test('a schedule problem in a parameter file is reported at its path there', async () => {
    const params = JSON.parse(readFixture('quickstart.azuredeploy.parameters.json'));
    params.parameters.schedules.value.computeStartStop[1].cron.timeZone = 'Europe/Berlin';
    params.parameters.schedules.value.computeStartStop[0].cron.expression = '0 18 * * MON-FRI';
    const r = await runCli(['lint', 'params.json'], { files: { 'params.json': JSON.stringify(params, null, 2) } });
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'params.json:29: parameters.schedules.value.computeStartStop[1].cron.timeZone: schedules: received "Europe/Berlin"; allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"; Azure does not take IANA names: write "W. Europe Standard Time" instead\n',
    );
    expect(r.out).toContain(
      'parameters.schedules.value.computeStartStop[0].cron.expression: schedules: received "0 18 * * MON-FRI";',
    );
    expect(r.out).toContain('write "0 18 * * 1-5" instead');
    expect(r.out).toMatch(/2 problems in 1 instance\n$/);
  });

  test("a Start and a Stop in the same minute, found by the library's schedule-set rule", async () => {
    const entry = (action: string) => ({
      action,
      triggerType: 'Cron',
      status: 'Enabled',
      cron: { expression: '0 18 * * *', timeZone: 'UTC' },
    });
    const r = await runCli(['lint', 'ci.json'], {
      files: { 'ci.json': restInstance({ schedules: { computeStartStop: [entry('Start'), entry('Stop')] } }) },
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'ci.json:19: properties.properties.schedules.computeStartStop[1]: ci-alice: received "Stop cron 0 18 * * * (UTC)"; allowed: a Stop that never fires in the same minute as a Start; computeStartStop[0] (Start cron 0 18 * * * (UTC)) fires with it at 18:00 (UTC)\n',
    );
  });

  test('the REST spec GET example: its subnet id is not an ARM id', async () => {
    const r = await runCli(['lint', fixture('rest-get-compute-instance.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'test/fixtures/cli/rest-get-compute-instance.json:25: responses["200"].body.properties.properties.subnet.id: compute123: received "test-subnet-resource-id"; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>; it does not start with /subscriptions/\n1 problem in 1 instance\n',
    );
  });

  test("az ml compute list: the problem is named by the CLI's own field", async () => {
    const r = await runCli(['lint', fixture('az-ml-compute-list.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'test/fixtures/cli/az-ml-compute-list.json:65: [1].schedules.compute_start_stop[0].trigger.time_zone: ci-nightowl: received "Europe/Berlin"; allowed: a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"; Azure does not take IANA names: write "W. Europe Standard Time" instead\n1 problem in 2 instances\n',
    );
  });

  test("setup scripts go through the library's factories: secrets are found and never shown", async () => {
    const script = Buffer.from('#!/bin/bash\necho start\nexport DB_PASSWORD=hunter2hunter2\n').toString('base64');
    const r = await runCli(['lint', 'ci.json'], {
      files: {
        'ci.json': restInstance({
          setupScripts: {
            scripts: {
              creationScript: { scriptSource: 'inline', scriptData: script, timeout: '2d' },
              startupScript: { scriptSource: 'workspaceStorage', scriptData: '../setup.sh' },
            },
          },
        }),
      },
    });
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('hunter2');
    expect(r.out).toContain(
      'properties.properties.setupScripts.scripts.creationScript.scriptData (decoded) line 3: ci-alice: received <redacted: password>; allowed: no secrets in a setup script',
    );
    expect(r.out).toContain(
      'properties.properties.setupScripts.scripts.creationScript.timeout: ci-alice: received "2 days"; allowed: 1 second to 1 day (Azure\'s default is 15 minutes)',
    );
    expect(r.out).toContain(
      'properties.properties.setupScripts.scripts.startupScript.scriptData: ci-alice: received "../setup.sh"; allowed: a path in the workspace\'s notebooks file share, like Users/admin/setup.sh: no "." or ".." segments',
    );
  });

  test('idle shutdown, SSH key, assigned user, VM size, tags and identity: every field the library checks', async () => {
    const r = await runCli(['lint', 'ci.json'], {
      files: {
        'ci.json': restInstance(
          {
            vmSize: 'DS3',
            idleTimeBeforeShutdown: 'PT5M',
            sshSettings: {
              sshPublicAccess: 'Enabled',
              adminPublicKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----',
            },
            personalComputeInstanceSettings: {
              assignedUser: { objectId: 'alice', tenantId: '11111111-1111-1111-1111-111111111111' },
            },
          },
          'ci-1',
          { tags: { Team: 'a', team: 'b' }, identity: { type: 'UserAssigned' } },
        ),
      },
    });
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('BEGIN OPENSSH');
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => l.replace(/^ci\.json:\d+: /, ''));
    expect(lines).toEqual([
      'name: ci-1: received "ci-1"; allowed: 3 to 24 letters, digits and "-", starting with a letter, where every "-" is followed later by a letter (ci-one, not ci-1 or ci-)',
      'properties.properties.vmSize: ci-1: received "DS3"; allowed: an Azure VM size name such as Standard_DS3_v2 or Standard_NC6s_v3 (case-insensitive)',
      'properties.properties.sshSettings.adminPublicKey: ci-1: received <redacted: a private key>; allowed: one OpenSSH public key line: ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521, a base64 key body of that type, and an optional comment',
      'properties.properties.personalComputeInstanceSettings.assignedUser.objectId: ci-1: received "alice"; allowed: a GUID like 00000000-0000-0000-0000-000000000000',
      'tags: ci-1: received "team"; allowed: tag names that differ in more than case (Azure treats "team" and "Team" as one tag)',
      'identity.userAssignedIdentities: ci-1: received []; allowed: at least one identity id with type "UserAssigned"',
      'properties.properties.idleTimeBeforeShutdown: ci-1: received "PT5M"; allowed: 15 minutes to 3 days',
      '7 problems in 1 instance',
    ]);
  });

  test('a valid instance with a real SSH key is clean', async () => {
    const r = await runCli(['lint', 'ci.json'], {
      files: {
        'ci.json': restInstance({
          sshSettings: { sshPublicAccess: 'Enabled', adminPublicKey: ED25519_KEY },
          idleTimeBeforeShutdown: 'PT30M',
        }),
      },
    });
    expect(r.out).toBe('no problems in 1 instance\n');
    expect(r.code).toBe(0);
  });

  test('a cdk.tf.json: paths into the azapi body; Terraform references are skipped with a note', async () => {
    const tf = {
      resource: {
        azapi_resource: {
          ci: {
            type: 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01',
            name: 'ci-alice',
            location: 'westeurope',
            parent_id: '${azurerm_machine_learning_workspace.w.id}',
            body: {
              properties: {
                computeType: 'ComputeInstance',
                properties: {
                  vmSize: 'Standard_DS3_v2',
                  subnet: { id: '${azurerm_subnet.s.id}' },
                  idleTimeBeforeShutdown: 'P4D',
                },
              },
            },
          },
          other: { type: 'Microsoft.Storage/storageAccounts@2023-01-01', name: 'x', body: {} },
        },
      },
    };
    const r = await runCli(['lint', 'cdk.tf.json'], { files: { 'cdk.tf.json': JSON.stringify(tf) } });
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        'cdk.tf.json:1: resource.azapi_resource.ci.body.properties.properties.idleTimeBeforeShutdown: ci-alice: received "P4D"; allowed: 15 minutes to 3 days',
        'note: cdk.tf.json: ci-alice: properties.properties.subnet.id: skipped: ${azurerm_subnet.s.id} is a Terraform reference, known only at apply',
        '1 problem in 1 instance',
        '',
      ].join('\n'),
    );
  });

  test('--format json lists instances, problems with line and rule, and notes', async () => {
    const r = await runCli(['lint', fixture('rest-get-compute-instance.json'), '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.instances).toEqual([
      { file: 'test/fixtures/cli/rest-get-compute-instance.json', name: 'compute123' },
    ]);
    expect(report.problems).toEqual([
      {
        file: 'test/fixtures/cli/rest-get-compute-instance.json',
        path: 'responses["200"].body.properties.properties.subnet.id',
        instance: 'compute123',
        received: '"test-subnet-resource-id"',
        allowed:
          'an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>; it does not start with /subscriptions/',
        line: 25,
        rule: 'id',
      },
    ]);
    expect(report.notes).toEqual([]);
  });

  test('--format sarif validates against the SARIF 2.1.0 schema and points at file and line', async () => {
    const validate = sarifValidator();
    const r = await runCli(['lint', ...QUICKSTART, fixture('az-ml-compute-list.json'), '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out);
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0].results;
    expect(
      results.map((x: any) => [
        x.ruleId,
        x.level,
        x.locations[0].physicalLocation.artifactLocation.uri,
        x.locations[0].physicalLocation.region.startLine,
      ]),
    ).toEqual([
      ['name', 'error', 'test/fixtures/cli/quickstart.azuredeploy.json', 88],
      ['id', 'error', 'test/fixtures/cli/quickstart.azuredeploy.parameters.json', 12],
      ['schedule', 'error', 'test/fixtures/cli/az-ml-compute-list.json', 65],
    ]);
    expect(log.runs[0].tool.driver.rules.map((x: any) => x.id)).toEqual(['schedule', 'id', 'name']);
    for (const x of results) expect(log.runs[0].tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
    // A clean run is a valid log too.
    const clean = await runCli(['lint', fixture('quickstart.azuredeploy.parameters.json'), '--format', 'sarif']);
    expect(clean.code).toBe(0);
    expect(validate(JSON.parse(clean.out))).toBe(true);
  });

  test('the same input gives the same bytes', async () => {
    const a = await runCli(['lint', ...QUICKSTART, '--format', 'sarif']);
    const b = await runCli(['lint', ...QUICKSTART, '--format', 'sarif']);
    expect(a.out).toBe(b.out);
  });
});

describe('exit code 2: unusable input, naming the file', () => {
  test.each([
    [['lint', 'missing.json'], 'aml-compute lint: missing.json: cannot read it (ENOENT)\n'],
    [['lint', 'bad.json'], "aml-compute lint: bad.json: not JSON (Unexpected token 'o')\n"],
    [
      ['lint', fixture('rest-list-computes.json')],
      'aml-compute lint: test/fixtures/cli/rest-list-computes.json: no compute instance in it\n',
    ],
    [
      ['lint', 'other.json'],
      'aml-compute lint: other.json: not a shape this command reads (ARM template or parameter file, cdk.tf.json, Azure REST or az ml compute output)\n',
    ],
    [
      ['lint', 'noschedules.json'],
      'aml-compute lint: noschedules.json: no schedules object (a parameter whose value is { "computeStartStop": [...] }) in it\n',
    ],
    [
      ['lint'],
      'aml-compute lint: no FILE given; usage: aml-compute lint FILE... [--parameters FILE] [--format text|json|sarif]\n',
    ],
    [['lint', 'other.json', '--format', 'xml'], 'aml-compute lint: --format xml: allowed: text, json or sarif\n'],
    [
      ['lint', fixture('quickstart.azuredeploy.json'), '--parameters', 'other.json'],
      'aml-compute lint: other.json: not an ARM parameter file ({ "parameters": { "<name>": { "value": ... } } })\n',
    ],
  ])('%j', async (argv, err) => {
    const r = await runCli(argv, {
      files: {
        'bad.json': 'not json',
        'other.json': '{"hello": "world"}',
        'noschedules.json':
          '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {"x": {"value": 1}}}',
      },
    });
    expect(r.err).toBe(err);
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
  });

  test('an unknown option is a usage error', async () => {
    const r = await runCli(['lint', '--nope', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'aml-compute lint: unknown option "--nope" (allowed: --parameters, --format, --help); a FILE whose name starts with "-" goes after "--", as in: -- "--nope"\n',
    );
  });

  test('an unknown verb and no verb print the usage', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^aml-compute: unknown verb "frobnicate"\nusage: aml-compute <verb>/);
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^usage: aml-compute <verb>/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain(
      'Exit codes: 0 clean, 1 problems found (audit: an instance would be denied), 2 unusable input (audit: or\nnothing judged).\n',
    );
  });
});
