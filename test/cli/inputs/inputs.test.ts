import { azMlField, isAzureComputeOutput, readAzureInstances } from '../../../src/cli/inputs/azure-instances';
import { findInstances } from '../../../src/cli/inputs/instances';
import { jsonLines, lineOf } from '../../../src/cli/inputs/json-lines';
import { readFixture } from '../../support/cli';

const json = (name: string) => JSON.parse(readFixture(name));

describe('readAzureInstances', () => {
  test('a REST spec GET example becomes the ARM resource, read-only fields dropped', () => {
    const [ci, ...rest] = readAzureInstances(json('rest-get-compute-instance.json'));
    expect(rest).toEqual([]);
    expect(ci.id).toBe(
      '/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.MachineLearningServices/workspaces/workspaces123/computes/compute123',
    );
    expect(ci.name).toBe('compute123');
    expect(ci.location).toBe('eastus2');
    expect(ci.properties.computeType).toBe('ComputeInstance');
    expect(ci.properties.description).toBe('some compute');
    const p = ci.properties.properties;
    expect(p.vmSize).toBe('STANDARD_NC6');
    expect(p.subnet).toEqual({ id: 'test-subnet-resource-id' });
    expect(p.applicationSharingPolicy).toBe('Shared');
    expect(p.sshSettings).toEqual({ sshPublicAccess: 'Enabled' });
    expect(p.personalComputeInstanceSettings).toEqual({
      assignedUser: {
        objectId: '00000000-0000-0000-0000-000000000000',
        tenantId: '00000000-0000-0000-0000-000000000000',
      },
    });
    expect(p.customServices).toHaveLength(1);
    expect(p.computeInstanceAuthorizationType).toBe('personal');
    for (const readOnly of ['state', 'createdBy', 'connectivityEndpoints', 'applications', 'errors', 'osImageMetadata'])
      expect(p).not.toHaveProperty(readOnly);
  });

  test('preview-only fields are dropped: what is read back deploys on 2025-12-01', () => {
    const [ci] = readAzureInstances({
      name: 'ci-x',
      properties: {
        computeType: 'ComputeInstance',
        properties: {
          vmSize: 'Standard_DS3_v2',
          enableRootAccess: true,
          enableOSPatching: true,
          releaseQuotaOnStop: true,
          autologgerSettings: {},
        },
      },
    });
    expect(ci.properties.properties).toEqual({ vmSize: 'Standard_DS3_v2' });
  });

  test('a REST list keeps only compute instances: the spec example lists two AKS computes', () => {
    expect(isAzureComputeOutput(json('rest-list-computes.json'))).toBe(true);
    expect(readAzureInstances(json('rest-list-computes.json'))).toEqual([]);
  });

  test('a REST GET body without the example wrapper, and a list of it', () => {
    const body = json('rest-get-compute-instance.json').responses['200'].body;
    expect(readAzureInstances(body).map((i) => i.name)).toEqual(['compute123']);
    expect(
      readAzureInstances({
        value: [body, { ...body, name: 'other', properties: { computeType: 'AmlCompute', properties: {} } }],
      }).map((i) => i.name),
    ).toEqual(['compute123']);
  });

  test("az ml compute list: the azure-ai-ml dump becomes ARM entries in Azure's spelling", () => {
    const [alice, owl, ...rest] = readAzureInstances(json('az-ml-compute-list.json'));
    expect(rest).toEqual([]);
    expect(alice.name).toBe('ci-alice');
    expect(alice.properties.properties).toEqual({
      vmSize: 'STANDARD_DS3_V2',
      sshSettings: { sshPublicAccess: 'Disabled' },
      personalComputeInstanceSettings: {
        assignedUser: {
          objectId: 'aaaaaaaa-0000-0000-0000-000000000001',
          tenantId: '11111111-1111-1111-1111-111111111111',
        },
      },
      schedules: {
        computeStartStop: [
          {
            action: 'Start',
            triggerType: 'Cron',
            status: 'Enabled',
            cron: { expression: '0 8 * * 1-5', timeZone: 'W. Europe Standard Time' },
          },
          {
            action: 'Stop',
            triggerType: 'Cron',
            status: 'Enabled',
            cron: { expression: '0 18 * * 1-5', timeZone: 'W. Europe Standard Time' },
          },
        ],
      },
      enableNodePublicIp: true,
      idleTimeBeforeShutdown: 'PT30M',
    });
    expect(owl.properties.properties.schedules).toEqual({
      computeStartStop: [
        {
          action: 'Start',
          triggerType: 'Recurrence',
          status: 'Enabled',
          recurrence: {
            frequency: 'Week',
            interval: 1,
            timeZone: 'Europe/Berlin',
            schedule: { hours: [7], minutes: [0], weekDays: ['Monday'] },
          },
        },
      ],
    });
    expect(owl.properties.properties.setupScripts).toEqual({
      scripts: {
        creationScript: { scriptSource: 'workspaceStorage', scriptData: 'Users/admin/setup.sh', timeout: '30m' },
      },
    });
    expect(owl.properties.properties.idleTimeBeforeShutdown).toBe('PT6H');
  });

  test('idle_time_before_shutdown_minutes alone gives the ISO duration', () => {
    const [ci] = readAzureInstances({ name: 'ci-x', type: 'computeinstance', idle_time_before_shutdown_minutes: 45 });
    expect(ci.properties.properties.idleTimeBeforeShutdown).toBe('PT45M');
  });

  test('az-ml field names for messages', () => {
    expect(azMlField('properties.properties.schedules.computeStartStop[1].cron.timeZone')).toBe(
      'schedules.compute_start_stop[1].trigger.time_zone',
    );
    expect(azMlField('properties.properties.schedules.computeStartStop[0].recurrence.schedule.weekDays[0]')).toBe(
      'schedules.compute_start_stop[0].trigger.schedule.week_days[0]',
    );
    expect(azMlField('properties.properties.schedules.computeStartStop[0].status')).toBe(
      'schedules.compute_start_stop[0].state',
    );
    expect(azMlField('properties.properties.vmSize')).toBe('size');
    expect(azMlField('properties.properties.setupScripts.scripts.creationScript.timeout')).toBe(
      'setup_scripts.creation_script.timeout_minutes',
    );
  });

  test('anything else is not Azure output', () => {
    expect(isAzureComputeOutput({ parameters: {} })).toBe(false);
    expect(isAzureComputeOutput([])).toBe(false);
    expect(readAzureInstances('text')).toEqual([]);
  });
});

describe('findInstances in an ARM template', () => {
  const template = json('quickstart.azuredeploy.json');
  const parameters = { file: 'p.json', json: json('quickstart.azuredeploy.parameters.json') };

  test('values come from the parameter file, with where they were written', () => {
    const [ci] = findInstances('t.json', template, parameters);
    expect(ci.name).toBe('GEN-UNIQUE-8');
    const p = ci.resource.properties.properties as any;
    expect(p.vmSize).toBe('Standard_DS3_v2');
    expect(p.personalComputeInstanceSettings.assignedUser).toEqual({ objectId: 'GEN-AZUREAD-OBJECTID' });
    expect(p.setupScripts.scripts.creationScript).toEqual({
      scriptSource: 'inline',
      scriptData: Buffer.from('ls').toString('base64'),
      scriptArguments: '',
    });
    expect(p.schedules.computeStartStop).toHaveLength(3);
    expect(ci.locate('properties.properties.schedules.computeStartStop[1].cron.timeZone')).toEqual({
      file: 'p.json',
      path: 'parameters.schedules.value.computeStartStop[1].cron.timeZone',
    });
    expect(ci.locate('properties.properties.vmSize')).toEqual({
      file: 't.json',
      path: 'parameters.vmSize.defaultValue',
    });
    expect(ci.locate('properties.properties.enableSSO')).toEqual({
      file: 't.json',
      path: 'resources[0].properties.properties.enableSSO',
    });
  });

  test('what only a deployment knows is skipped with a note', () => {
    const [ci] = findInstances('t.json', template, parameters);
    expect(ci.notes).toEqual([
      'location: skipped: [resourceGroup().location] uses resourceGroup(), known only when Azure deploys the template',
      "properties.properties.subnet: skipped: [if(and(not(empty(parameters('vnetResourceGroupName'))),not(empty(parameters('vnetName'))),not(empty(parameters('subnetName')))), variables('subnet'), json('null'))] uses empty(), known only when Azure deploys the template",
      'properties.properties.personalComputeInstanceSettings.assignedUser.tenantId: skipped: [subscription().tenantId] uses subscription(), known only when Azure deploys the template',
    ]);
  });

  test('without the parameter file, parameters without defaults are skipped and the name is unknown', () => {
    const [ci] = findInstances('t.json', template);
    expect(ci.nameUnknown).toBe(true);
    expect(ci.notes).toContain(
      'properties.properties.schedules: skipped: parameter schedules has no value (give one with --parameters FILE) and no default',
    );
  });

  test('a parameter file alone gives its schedules object', () => {
    const [s] = findInstances('p.json', parameters.json);
    expect(s.kind).toBe('schedules');
    expect(s.name).toBe('schedules');
    expect(s.locate('properties.properties.schedules.computeStartStop[2].recurrence.frequency').path).toBe(
      'parameters.schedules.value.computeStartStop[2].recurrence.frequency',
    );
  });
});

describe('jsonLines', () => {
  test("each path's line, and a missing field's nearest parent", () => {
    const lines = jsonLines('{\n  "a": {\n    "b": [\n      1,\n      {"c": "x"}\n    ]\n  },\n  "d e": true\n}\n');
    expect(lineOf(lines, 'a.b[1].c')).toBe(5);
    expect(lineOf(lines, 'a.b[0]')).toBe(4);
    expect(lineOf(lines, '["d e"]')).toBe(8);
    expect(lineOf(lines, 'a.b[1].missing')).toBe(5);
  });
});
