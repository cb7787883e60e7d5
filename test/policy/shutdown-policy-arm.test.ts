import { TerraformVariable } from 'cdktf';
import { ArmTemplate, ComputeInstance, Duration, ShutdownPolicy, ValidationError } from '../../src';
import { C, STOP_AT_22 } from '../support/policy-rules';
import { newStack, REQUIRED, SUBSCRIPTION, thrown } from '../support/stack';

describe('ArmTemplate of a stack with a management-group ShutdownPolicy', () => {
  const { stack } = newStack('governance');
  new ShutdownPolicy(stack, 'shutdown', {
    scope: { managementGroupId: 'mg-ml' },
    defaultSchedules: [STOP_AT_22],
    idleShutdown: { effect: 'Deny', useBuiltInDefinition: true },
  });
  const template = ArmTemplate.synth(stack);
  const [definition, initiative, assignment] = template.resources as any[];

  test('holds the definition, the initiative and the assignment, for a deployment at the management group', () => {
    expect(template.resources.map((r: any) => [r.type, r.apiVersion, r.name])).toEqual([
      ['Microsoft.Authorization/policyDefinitions', '2023-04-01', 'shutdown-default-schedules'],
      ['Microsoft.Authorization/policySetDefinitions', '2023-04-01', 'shutdown'],
      ['Microsoft.Authorization/policyAssignments', '2023-04-01', 'shutdown'],
    ]);
    expect(initiative.comments).toBe(
      'Deploy this template at the management group (az deployment mg create): management group mg-ml.',
    );
    expect(template.parameters).toEqual({});
  });

  test('keeps the deploymentTemplate $schema that tools recognize as an ARM template, whatever the deployment scope', () => {
    expect(template.$schema).toBe('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#');
    const subscription = newStack('subscription-governance');
    new ShutdownPolicy(subscription.stack, 'shutdown', {
      scope: { subscriptionId: SUBSCRIPTION },
      requireSchedules: 'Deny',
    });
    expect(ArmTemplate.synth(subscription.stack).$schema).toBe(
      'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    );
  });

  test('writes policy-language expressions so that ARM hands them to Azure Policy unevaluated', () => {
    expect(definition.properties).toEqual({
      policyType: 'Custom',
      mode: 'All',
      displayName: 'Compute instances get default start/stop schedules',
      description: 'Adds start/stop schedules to an Azure Machine Learning compute instance created without any.',
      metadata: { category: 'Machine Learning' },
      parameters: {
        effect: {
          type: 'String',
          metadata: {
            displayName: 'Effect',
            description:
              'Append adds the values to a compute instance created without them; Disabled turns the rule off.',
          },
          allowedValues: ['Append', 'Disabled'],
          defaultValue: 'Append',
        },
      },
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: C },
            { field: `${C}/computeType`, equals: 'ComputeInstance' },
            { field: `${C}/schedules`, exists: 'false' },
          ],
        },
        then: {
          effect: "[string('[parameters(''effect'')]')]",
          details: [{ field: `${C}/schedules`, value: { computeStartStop: [STOP_AT_22.toArm()] } }],
        },
      },
    });
  });

  test("references its definitions at the deployment's management group, and the built-in by id", () => {
    expect(initiative.dependsOn).toEqual([
      "[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'shutdown-default-schedules')]",
    ]);
    expect(initiative.properties.policyDefinitions).toEqual([
      {
        policyDefinitionReferenceId: 'DefaultSchedules',
        policyDefinitionId:
          "[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'shutdown-default-schedules')]",
        parameters: { effect: { value: "[string('[parameters(''defaultSchedulesEffect'')]')]" } },
      },
      {
        policyDefinitionReferenceId: 'IdleShutdown',
        policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/679ddf89-ab8f-48a5-9029-e76054077449',
        parameters: { effect: { value: "[string('[parameters(''idleShutdownEffect'')]')]" } },
      },
    ]);
  });

  test('assigns the initiative with the chosen effects', () => {
    expect(assignment.dependsOn).toEqual([
      "[managementGroupResourceId('Microsoft.Authorization/policySetDefinitions', 'shutdown')]",
    ]);
    expect(assignment.properties).toEqual({
      displayName: 'Compute instance shutdown (shutdown)',
      description: 'Assigns Compute instance shutdown (shutdown) to management group mg-ml.',
      policyDefinitionId: "[managementGroupResourceId('Microsoft.Authorization/policySetDefinitions', 'shutdown')]",
      parameters: { defaultSchedulesEffect: { value: 'Append' }, idleShutdownEffect: { value: 'Deny' } },
      nonComplianceMessages: [
        {
          message: 'Compute instances without schedules get the default start/stop schedules.',
          policyDefinitionReferenceId: 'DefaultSchedules',
        },
        {
          message: 'Compute instances need idle shutdown (idleTimeBeforeShutdown).',
          policyDefinitionReferenceId: 'IdleShutdown',
        },
      ],
    });
  });
});

describe('ArmTemplate of subscription and resource-group policies', () => {
  test("a subscription policy references its resources in the deployment's subscription", () => {
    const { stack } = newStack('governance');
    new ShutdownPolicy(stack, 'shutdown', { scope: { subscriptionId: SUBSCRIPTION }, requireSchedules: 'Deny' });
    const resources = ArmTemplate.synth(stack).resources as any[];
    expect(resources[1].comments).toBe(
      `Deploy this template in the subscription (az deployment sub create): subscription ${SUBSCRIPTION}.`,
    );
    expect(resources[2].properties.policyDefinitionId).toBe(
      "[subscriptionResourceId('Microsoft.Authorization/policySetDefinitions', 'shutdown')]",
    );
  });

  test('a resource-group assignment is a nested deployment into the group', () => {
    const { stack } = newStack('governance');
    new ShutdownPolicy(stack, 'shutdown', {
      scope: { resourceGroupId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml` },
      requireSchedules: 'Audit',
    });
    const nested = (ArmTemplate.synth(stack).resources as any[])[2];
    expect(nested).toEqual({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'shutdown-assignment',
      resourceGroup: 'rg-ml',
      dependsOn: ["[subscriptionResourceId('Microsoft.Authorization/policySetDefinitions', 'shutdown')]"],
      properties: {
        mode: 'Incremental',
        template: {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          resources: [expect.objectContaining({ type: 'Microsoft.Authorization/policyAssignments', name: 'shutdown' })],
        },
      },
    });
  });

  test('a resource group known only at apply becomes a template parameter', () => {
    const { stack } = newStack('governance');
    const group = new TerraformVariable(stack, 'group', { type: 'string' });
    new ShutdownPolicy(stack, 'shutdown', { scope: { resourceGroupId: group.stringValue }, requireSchedules: 'Audit' });
    const template = ArmTemplate.synth(stack);
    expect((template.resources as any[])[2].resourceGroup).toBe(
      "[last(split(parameters('shutdown.resourceGroupId'), '/'))]",
    );
    expect(template.parameters).toEqual({
      'shutdown.resourceGroupId': { type: 'string', metadata: { description: 'Terraform: "${var.group}"' } },
    });
  });
});

describe('ArmTemplate refuses a deployment with two scopes', () => {
  test('fails for a stack that also holds compute instances', () => {
    const { stack } = newStack('mixed');
    new ComputeInstance(stack, 'alice', { ...REQUIRED, idleShutdown: Duration.hours(1) });
    new ShutdownPolicy(stack, 'shutdown', { scope: { managementGroupId: 'mg-ml' }, requireSchedules: 'Audit' });
    const e = thrown(() => ArmTemplate.synth(stack));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe(
      [
        'Invalid input in mixed/shutdown (1 problem):',
        '  - mixed/shutdown: ArmTemplate: received "a stack with compute instances (mixed/alice)"; allowed: a stack of its own: the policy deploys at a management group or subscription, compute instances at a resource group, and one ARM deployment has one scope',
      ].join('\n'),
    );
  });

  test('fails for policies of one stack at different management groups', () => {
    const { stack } = newStack('governance');
    new ShutdownPolicy(stack, 'a', { scope: { managementGroupId: 'mg-a' }, requireSchedules: 'Audit' });
    new ShutdownPolicy(stack, 'b', { scope: { managementGroupId: 'mg-b' }, requireSchedules: 'Audit' });
    expect(thrown(() => ArmTemplate.synth(stack)).message).toBe(
      [
        'Invalid input in governance/a (1 problem):',
        '  - governance/a: ArmTemplate: received "policies deployed at management group mg-a and management group mg-b"; allowed: policies of one stack deployed at one management group or one subscription',
      ].join('\n'),
    );
  });
});
