import { TerraformVariable } from 'cdktf';
import { ArmTemplate, ComputeInstance, SetupScript, StartStopSchedule } from '../../src';
import {
  newStack,
  OBJECT_ID,
  onlyResource,
  REQUIRED,
  SUBNET_ID,
  synthJson,
  TENANT_ID,
  WORKSPACE_ID,
} from '../support/stack';

describe('ArmTemplate.synth', () => {
  test('declares each compute instance as a child of its workspace on API 2025-12-01', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', { ...REQUIRED, tags: { team: 'ml' } });
    expect(ArmTemplate.synth(stack)).toEqual({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: {},
      resources: [
        {
          type: 'Microsoft.MachineLearningServices/workspaces/computes',
          apiVersion: '2025-12-01',
          name: "[concat('mlw', '/', 'ci-alice')]",
          location: 'westeurope',
          tags: { team: 'ml' },
          properties: {
            computeType: 'ComputeInstance',
            disableLocalAuth: true,
            properties: { vmSize: 'Standard_DS3_v2', sshSettings: { sshPublicAccess: 'Disabled' } },
          },
        },
      ],
    });
  });

  test('carries exactly the properties of the azapi body (one spec, two renderings)', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      subnetId: SUBNET_ID,
      assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID },
      schedules: [StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' })],
      setupScripts: { creation: SetupScript.inline('ls') },
    });
    const azapi = onlyResource(synthJson(stack), 'azapi_resource');
    const [arm] = ArmTemplate.synth(stack).resources as any[];
    expect(arm.properties).toEqual(azapi.body.properties);
  });

  test('turns Terraform references into template parameters', () => {
    const { stack } = newStack();
    const ws = new TerraformVariable(stack, 'ws', { type: 'string' });
    const subnet = new TerraformVariable(stack, 'subnet', { type: 'string' });
    new ComputeInstance(stack, 'alice', { ...REQUIRED, workspaceId: ws.stringValue, subnetId: subnet.stringValue });
    const template = ArmTemplate.synth(stack);
    expect(template.parameters).toEqual({
      'alice.workspaceId': { type: 'string', metadata: { description: 'Terraform: "${var.ws}"' } },
      'alice.subnetId': { type: 'string', metadata: { description: 'Terraform: "${var.subnet}"' } },
    });
    const [arm] = template.resources as any[];
    expect(arm.name).toBe("[concat(last(split(parameters('alice.workspaceId'), '/')), '/', 'ci-alice')]");
    expect(arm.properties.properties.subnet).toEqual({ id: "[parameters('alice.subnetId')]" });
  });

  test('names every parameter <construct path>.<prop>, the prop the user wrote, wherever ARM puts the value', () => {
    const { stack } = newStack();
    const v = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      vmSize: v('size'),
      location: v('loc'),
      assignedUser: { objectId: v('oid'), tenantId: v('tid') },
      // description and tags take literal text only (a cdktf token marker there is refused).
    });
    expect(Object.keys(ArmTemplate.synth(stack).parameters).sort()).toEqual([
      'alice.assignedUser.objectId',
      'alice.assignedUser.tenantId',
      'alice.location',
      'alice.vmSize',
    ]);
  });

  test('escapes literal strings that ARM would read as expressions', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      description: '[not an expression]',
      tags: { k: "it's [x]", '[key]': '[v]', '[draft': '[wip' },
    });
    const [arm] = ArmTemplate.synth(stack).resources as any[];
    expect(arm.properties.description).toBe('[[not an expression]');
    // Only a string that starts with [ and ends with ] reads as an expression; others stay as they are.
    expect(arm.tags).toEqual({ k: "it's [x]", '[[key]': '[[v]', '[draft': '[wip' });
  });

  test('lists instances in construct order, so output is stable', () => {
    const { stack } = newStack();
    for (const n of ['ci-c', 'ci-a', 'ci-b']) new ComputeInstance(stack, n, { ...REQUIRED, name: n });
    const names = (ArmTemplate.synth(stack).resources as any[]).map((r) => r.name);
    expect(names).toEqual([
      "[concat('mlw', '/', 'ci-c')]",
      "[concat('mlw', '/', 'ci-a')]",
      "[concat('mlw', '/', 'ci-b')]",
    ]);
  });
});

describe('ArmTemplate.synth and what only Terraform does', () => {
  test('names, in the template metadata, the access grant and the initial stop it cannot deploy', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      initialState: 'Stopped',
      assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true },
    });
    new ComputeInstance(stack, 'bob', { ...REQUIRED, name: 'ci-bob' });
    const template = ArmTemplate.synth(stack);
    expect(template.metadata).toEqual({
      notInThisTemplate: [
        'the access grant of ci-alice (custom role and role assignment)',
        'the stop of ci-alice after creation (initialState "Stopped"): run az ml compute stop',
      ],
    });
    expect(template.resources).toHaveLength(2);
  });

  test('has no metadata when the template deploys everything', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', REQUIRED);
    expect(ArmTemplate.synth(stack).metadata).toBeUndefined();
  });

  test('fails for instances whose workspaces are in different resource groups', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', REQUIRED);
    new ComputeInstance(stack, 'bob', {
      ...REQUIRED,
      name: 'ci-bob',
      workspaceId: WORKSPACE_ID.replace('rg-ml', 'rg-other'),
    });
    expect(() => ArmTemplate.synth(stack)).toThrow(
      'test: ArmTemplate: received "instances in 2 resource groups"; allowed: compute instances whose workspaces are in one resource group, the group a template is deployed to ' +
        '(here /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml: test/alice; /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-other: test/bob); ' +
        'put the others in a stack of their own',
    );
  });

  test('accepts one group written in two cases', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', REQUIRED);
    new ComputeInstance(stack, 'bob', {
      ...REQUIRED,
      name: 'ci-bob',
      workspaceId: WORKSPACE_ID.replace('rg-ml', 'RG-ML'),
    });
    expect(ArmTemplate.synth(stack).resources).toHaveLength(2);
  });
});
