import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformVariable } from 'cdktf';
import {
  Duration,
  SetupScript,
  ShutdownPolicy,
  ShutdownPolicyProps,
  StartStopSchedule,
  ValidationError,
} from '../../src';
import { isoDurationSecondsExpression } from '../../src/policy/iso-duration-expression';
import {
  addressOf,
  newStack,
  onlyResource,
  resources,
  SUBSCRIPTION,
  synthJson,
  thrown,
  warningsOf,
} from '../support/stack';
import { C, EXPECTED_RULES, IS_COMPUTE_INSTANCE, STOP_AT_22 } from '../support/policy-rules';

const MG_ID = '/providers/Microsoft.Management/managementGroups/mg-ml';
const EFFECT_PARAMETER = (allowedValues: string[], defaultValue: string, displayName = 'Effect') => ({
  type: 'String',
  metadata: {
    displayName,
    description: `${allowedValues
      .map(
        (e) =>
          ({
            Append: 'Append adds the values to a compute instance created without them',
            Audit: 'Audit reports a non-compliant compute instance',
            Deny: 'Deny refuses to create or update a non-compliant compute instance',
            Disabled: 'Disabled turns the rule off',
          })[e],
      )
      .join('; ')}.`,
  },
  allowedValues,
  defaultValue,
});

function definitionsByName(json: any): Record<string, any> {
  return Object.fromEntries(resources(json, 'azurerm_policy_definition').map((d) => [d.name, d]));
}

describe('ShutdownPolicy at a management group, with every rule', () => {
  const { stack } = newStack();
  const policy = new ShutdownPolicy(stack, 'shutdown', {
    name: 'ml-shutdown',
    scope: { managementGroupId: 'mg-ml' },
    defaultSchedules: [STOP_AT_22],
    requireSchedules: 'Deny',
    idleShutdown: { effect: 'Append', default: Duration.hours(1), max: Duration.hours(4) },
    defaultSetupScript: SetupScript.inline('echo hi'),
    requireSetupScript: 'Audit',
  });
  const json = synthJson(stack);
  const definitions = definitionsByName(json);

  test('creates one custom definition per rule at the management group, named after the policy', () => {
    expect(Object.keys(definitions).sort()).toEqual([
      'ml-shutdown-default-schedules',
      'ml-shutdown-default-setup-script',
      'ml-shutdown-idle-shutdown',
      'ml-shutdown-require-setup-script',
      'ml-shutdown-require-stop-schedule',
    ]);
    for (const d of Object.values(definitions)) {
      expect(d.management_group_id).toBe(MG_ID);
      expect(d.mode).toBe('All');
      expect(d.policy_type).toBe('Custom');
      expect(JSON.parse(d.metadata)).toEqual({ category: 'Machine Learning' });
    }
    expect(definitions['ml-shutdown-require-stop-schedule'].display_name).toBe(
      'Compute instances should have an enabled Stop schedule',
    );
    expect(definitions['ml-shutdown-idle-shutdown'].description).toBe(
      'An Azure Machine Learning compute instance needs idle shutdown after at most 4 hours.',
    );
  });

  test('gives each definition an effect parameter with allowed values and a default', () => {
    const parameters = (name: string) => JSON.parse(definitions[name].parameters);
    expect(parameters('ml-shutdown-default-schedules')).toEqual({
      effect: EFFECT_PARAMETER(['Append', 'Disabled'], 'Append'),
    });
    expect(parameters('ml-shutdown-require-stop-schedule')).toEqual({
      effect: EFFECT_PARAMETER(['Audit', 'Deny', 'Disabled'], 'Audit'),
    });
    expect(parameters('ml-shutdown-idle-shutdown')).toEqual({
      effect: EFFECT_PARAMETER(['Append', 'Audit', 'Deny', 'Disabled'], 'Audit'),
    });
    expect(parameters('ml-shutdown-default-setup-script')).toEqual({
      effect: EFFECT_PARAMETER(['Append', 'Disabled'], 'Append'),
    });
    expect(parameters('ml-shutdown-require-setup-script')).toEqual({
      effect: EFFECT_PARAMETER(['Audit', 'Deny', 'Disabled'], 'Audit'),
    });
  });

  test('writes the default-schedules rule', () => {
    expect(JSON.parse(definitions['ml-shutdown-default-schedules'].policy_rule)).toEqual({
      if: { allOf: [...IS_COMPUTE_INSTANCE, { field: `${C}/schedules`, exists: 'false' }] },
      then: {
        effect: "[parameters('effect')]",
        details: [
          {
            field: `${C}/schedules`,
            value: {
              computeStartStop: [
                {
                  action: 'Stop',
                  triggerType: 'Cron',
                  status: 'Enabled',
                  cron: { expression: '0 22 * * *', timeZone: 'Pacific Standard Time' },
                },
              ],
            },
          },
        ],
      },
    });
  });

  test('writes the require-stop-schedule rule', () => {
    expect(JSON.parse(definitions['ml-shutdown-require-stop-schedule'].policy_rule)).toEqual(
      EXPECTED_RULES.requireStopSchedule,
    );
  });

  test('writes the idle-shutdown rule', () => {
    expect(JSON.parse(definitions['ml-shutdown-idle-shutdown'].policy_rule)).toEqual({
      if: {
        allOf: [
          ...IS_COMPUTE_INSTANCE,
          {
            anyOf: [
              { field: `${C}/idleTimeBeforeShutdown`, exists: 'false' },
              { field: `${C}/idleTimeBeforeShutdown`, equals: '' },
              { value: isoDurationSecondsExpression(`${C}/idleTimeBeforeShutdown`), greater: 14400 },
            ],
          },
        ],
      },
      then: { effect: "[parameters('effect')]", details: [{ field: `${C}/idleTimeBeforeShutdown`, value: 'PT1H' }] },
    });
  });

  test('writes the default-setup-script rule', () => {
    expect(JSON.parse(definitions['ml-shutdown-default-setup-script'].policy_rule)).toEqual({
      if: { allOf: [...IS_COMPUTE_INSTANCE, { field: `${C}/setupScripts.scripts.creationScript`, exists: 'false' }] },
      then: {
        effect: "[parameters('effect')]",
        details: [
          { field: `${C}/setupScripts.scripts.creationScript.scriptSource`, value: 'inline' },
          { field: `${C}/setupScripts.scripts.creationScript.scriptData`, value: 'ZWNobyBoaQ==' },
        ],
      },
    });
  });

  test('writes the require-setup-script rule', () => {
    expect(JSON.parse(definitions['ml-shutdown-require-setup-script'].policy_rule)).toEqual(
      EXPECTED_RULES.requireSetupScript,
    );
  });

  test('groups the definitions in one initiative at the management group, each effect passed from its parameter', () => {
    const initiative = onlyResource(json, 'azurerm_management_group_policy_set_definition');
    expect(initiative.name).toBe('ml-shutdown');
    expect(initiative.management_group_id).toBe(MG_ID);
    expect(initiative.policy_type).toBe('Custom');
    expect(initiative.display_name).toBe('Compute instance shutdown (ml-shutdown)');
    expect(initiative.description).toBe(
      'Azure Machine Learning compute instances: get default start/stop schedules; should have an enabled Stop schedule; should shut down when idle; get a default creation script; should have a creation script.',
    );
    expect(JSON.parse(initiative.parameters)).toEqual({
      defaultSchedulesEffect: EFFECT_PARAMETER(['Append', 'Disabled'], 'Append', 'Effect of DefaultSchedules'),
      requireStopScheduleEffect: EFFECT_PARAMETER(
        ['Audit', 'Deny', 'Disabled'],
        'Audit',
        'Effect of RequireStopSchedule',
      ),
      idleShutdownEffect: EFFECT_PARAMETER(['Append', 'Audit', 'Deny', 'Disabled'], 'Audit', 'Effect of IdleShutdown'),
      defaultSetupScriptEffect: EFFECT_PARAMETER(['Append', 'Disabled'], 'Append', 'Effect of DefaultSetupScript'),
      requireSetupScriptEffect: EFFECT_PARAMETER(
        ['Audit', 'Deny', 'Disabled'],
        'Audit',
        'Effect of RequireSetupScript',
      ),
    });
    const idOf = (rule: string) =>
      `\${azurerm_policy_definition.${addressOf(json, 'azurerm_policy_definition', `shutdown_Definition${rule}`).split('.')[1]}.id}`;
    expect(
      initiative.policy_definition_reference.map((r: any) => [
        r.reference_id,
        r.policy_definition_id,
        JSON.parse(r.parameter_values),
      ]),
    ).toEqual([
      ['DefaultSchedules', idOf('DefaultSchedules'), { effect: { value: "[parameters('defaultSchedulesEffect')]" } }],
      [
        'RequireStopSchedule',
        idOf('RequireStopSchedule'),
        { effect: { value: "[parameters('requireStopScheduleEffect')]" } },
      ],
      ['IdleShutdown', idOf('IdleShutdown'), { effect: { value: "[parameters('idleShutdownEffect')]" } }],
      [
        'DefaultSetupScript',
        idOf('DefaultSetupScript'),
        { effect: { value: "[parameters('defaultSetupScriptEffect')]" } },
      ],
      [
        'RequireSetupScript',
        idOf('RequireSetupScript'),
        { effect: { value: "[parameters('requireSetupScriptEffect')]" } },
      ],
    ]);
  });

  test('assigns the initiative once at the management group, setting every effect', () => {
    const assignment = onlyResource(json, 'azurerm_management_group_policy_assignment');
    const initiativeKey = Object.keys(json.resource.azurerm_management_group_policy_set_definition)[0];
    expect(assignment.name).toBe('ml-shutdown');
    expect(assignment.management_group_id).toBe(MG_ID);
    expect(assignment.policy_definition_id).toBe(
      `\${azurerm_management_group_policy_set_definition.${initiativeKey}.id}`,
    );
    expect(assignment.display_name).toBe('Compute instance shutdown (ml-shutdown)');
    expect(assignment.description).toBe('Assigns Compute instance shutdown (ml-shutdown) to management group mg-ml.');
    expect(JSON.parse(assignment.parameters)).toEqual({
      defaultSchedulesEffect: { value: 'Append' },
      requireStopScheduleEffect: { value: 'Deny' },
      idleShutdownEffect: { value: 'Append' },
      defaultSetupScriptEffect: { value: 'Append' },
      requireSetupScriptEffect: { value: 'Audit' },
    });
    expect(assignment.non_compliance_message).toEqual([
      {
        content: 'Compute instances without schedules get the default start/stop schedules.',
        policy_definition_reference_id: 'DefaultSchedules',
      },
      {
        content: 'Compute instances need an enabled schedule that stops them (action Stop, status Enabled).',
        policy_definition_reference_id: 'RequireStopSchedule',
      },
      {
        content: 'Compute instances need idle shutdown after at most 4 hours (idleTimeBeforeShutdown <= PT4H).',
        policy_definition_reference_id: 'IdleShutdown',
      },
      {
        content: 'Compute instances without a creation script get the default one.',
        policy_definition_reference_id: 'DefaultSetupScript',
      },
      { content: 'Compute instances need a creation script.', policy_definition_reference_id: 'RequireSetupScript' },
    ]);
  });

  test('needs no identity, location or role assignment: no rule modifies or deploys', () => {
    const assignment = onlyResource(json, 'azurerm_management_group_policy_assignment');
    expect(assignment.identity).toBeUndefined();
    expect(assignment.location).toBeUndefined();
    expect(json.resource.azurerm_role_assignment).toBeUndefined();
  });

  test('declares the azurerm provider with its features block, with no warning: the definitions name their management group', () => {
    expect(json.provider.azurerm).toEqual([{ features: [{}] }]);
    expect(warningsOf(policy)).toEqual([]);
  });

  test('synthesizes the same JSON every time', () => {
    const again = newStack();
    new ShutdownPolicy(again.stack, 'shutdown', {
      name: 'ml-shutdown',
      scope: { managementGroupId: MG_ID },
      defaultSchedules: [STOP_AT_22],
      requireSchedules: 'Deny',
      idleShutdown: { effect: 'Append', default: Duration.hours(1), max: Duration.hours(4) },
      defaultSetupScript: SetupScript.inline('echo hi'),
      requireSetupScript: 'Audit',
    });
    expect(synthJson(again.stack)).toEqual(json);
  });
});

describe('ShutdownPolicy at a subscription', () => {
  const { stack } = newStack();
  new ShutdownPolicy(stack, 'shutdown', { scope: { subscriptionId: SUBSCRIPTION }, requireSchedules: 'Audit' });
  const json = synthJson(stack);

  test('creates the definition and the initiative in the subscription, named after the construct id', () => {
    const definition = onlyResource(json, 'azurerm_policy_definition');
    expect(definition.name).toBe('shutdown-require-stop-schedule');
    expect(definition.management_group_id).toBeUndefined();
    const initiative = onlyResource(json, 'azurerm_policy_set_definition');
    expect(initiative.name).toBe('shutdown');
    expect(initiative.management_group_id).toBeUndefined();
  });

  test('assigns the initiative to the subscription', () => {
    const assignment = onlyResource(json, 'azurerm_subscription_policy_assignment');
    expect(assignment.subscription_id).toBe(`/subscriptions/${SUBSCRIPTION}`);
    expect(JSON.parse(assignment.parameters)).toEqual({ requireStopScheduleEffect: { value: 'Audit' } });
    expect(assignment.description).toBe(
      `Assigns Compute instance shutdown (shutdown) to subscription ${SUBSCRIPTION}.`,
    );
  });

  test('points the azurerm provider at that subscription, where azurerm creates the definitions', () => {
    expect(json.provider.azurerm).toEqual([{ features: [{}], subscription_id: SUBSCRIPTION }]);
  });
});

describe('ShutdownPolicy at a resource group', () => {
  const groupId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml`;
  const { stack } = newStack();
  new ShutdownPolicy(stack, 'shutdown', { scope: { resourceGroupId: groupId }, idleShutdown: { effect: 'Deny' } });
  const json = synthJson(stack);

  test("keeps the definitions in the group's subscription and assigns the initiative to the group", () => {
    expect(onlyResource(json, 'azurerm_policy_definition').management_group_id).toBeUndefined();
    expect(onlyResource(json, 'azurerm_resource_group_policy_assignment').resource_group_id).toBe(groupId);
    expect(json.provider.azurerm).toEqual([{ features: [{}], subscription_id: SUBSCRIPTION }]);
  });

  test('accepts a subscription given as an id', () => {
    const other = newStack();
    new ShutdownPolicy(other.stack, 'p', {
      scope: { subscriptionId: `/subscriptions/${SUBSCRIPTION}` },
      requireSchedules: 'Audit',
    });
    expect(onlyResource(synthJson(other.stack), 'azurerm_subscription_policy_assignment').subscription_id).toBe(
      `/subscriptions/${SUBSCRIPTION}`,
    );
  });
});

describe('ShutdownPolicy with the built-in idle-shutdown definition', () => {
  const { stack } = newStack();
  new ShutdownPolicy(stack, 'shutdown', {
    scope: { managementGroupId: 'mg-ml' },
    idleShutdown: { effect: 'Deny', useBuiltInDefinition: true },
  });
  const json = synthJson(stack);

  test("references Azure's definition 679ddf89-... instead of creating one, passing the effect", () => {
    expect(json.resource.azurerm_policy_definition).toBeUndefined();
    const initiative = onlyResource(json, 'azurerm_management_group_policy_set_definition');
    expect(initiative.policy_definition_reference).toEqual([
      {
        reference_id: 'IdleShutdown',
        policy_definition_id:
          '/providers/Microsoft.Authorization/policyDefinitions/679ddf89-ab8f-48a5-9029-e76054077449',
        parameter_values: JSON.stringify({ effect: { value: "[parameters('idleShutdownEffect')]" } }),
      },
    ]);
    expect(JSON.parse(onlyResource(json, 'azurerm_management_group_policy_assignment').parameters)).toEqual({
      idleShutdownEffect: { value: 'Deny' },
    });
  });
});

describe('ShutdownPolicy scopes known only at apply', () => {
  test('takes a management group id reference as it is', () => {
    const { stack } = newStack();
    const mg = new TerraformVariable(stack, 'mg', { type: 'string' });
    new ShutdownPolicy(stack, 'shutdown', { scope: { managementGroupId: mg.stringValue }, requireSchedules: 'Audit' });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_policy_definition').management_group_id).toBe('${var.mg}');
    expect(onlyResource(json, 'azurerm_management_group_policy_assignment').management_group_id).toBe('${var.mg}');
  });

  test('turns a subscription reference into a subscription id, and warns about the provider', () => {
    const { stack } = newStack();
    const sub = new TerraformVariable(stack, 'sub', { type: 'string' });
    const policy = new ShutdownPolicy(stack, 'shutdown', {
      scope: { subscriptionId: sub.stringValue },
      requireSchedules: 'Audit',
    });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_subscription_policy_assignment').subscription_id).toBe(
      '/subscriptions/${replace(var.sub, "/subscriptions/", "")}',
    );
    expect(warningsOf(policy)).toEqual([
      'The policy definitions are created in the subscription the azurerm provider targets: make it the subscription of the scope.',
    ]);
  });
});

describe('ShutdownPolicy and an azurerm provider of the stack', () => {
  test('warns when the provider names no subscription', () => {
    const { stack } = newStack();
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const policy = new ShutdownPolicy(stack, 'shutdown', {
      scope: { subscriptionId: SUBSCRIPTION },
      requireSchedules: 'Audit',
    });
    expect(warningsOf(policy)).toEqual([
      `The policy definitions are created in the subscription the azurerm provider targets: make it ${SUBSCRIPTION}.`,
    ]);
  });

  test('fails when the provider targets another subscription', () => {
    const { stack } = newStack();
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '99999999-0000-0000-0000-000000000000' });
    const e = thrown(
      () =>
        new ShutdownPolicy(stack, 'shutdown', { scope: { subscriptionId: SUBSCRIPTION }, requireSchedules: 'Audit' }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        `  - test/shutdown: scope: received "${SUBSCRIPTION}"; allowed: the subscription of the stack's azurerm provider (99999999-0000-0000-0000-000000000000), where azurerm creates the definitions; or put the policy in a stack whose provider targets ${SUBSCRIPTION}`,
      ].join('\n'),
    );
  });
});

describe('ShutdownPolicy validation', () => {
  const fails = (props: any, id = 'shutdown') => {
    const { stack } = newStack();
    const e = thrown(() => new ShutdownPolicy(stack, id, props));
    expect(e).toBeInstanceOf(ValidationError);
    return e.message;
  };
  const MG = { managementGroupId: 'mg-ml' };

  test('fails without any rule', () => {
    expect(fails({ scope: MG })).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: props: received "no rule"; allowed: at least one of defaultSchedules, requireSchedules, idleShutdown, defaultSetupScript, requireSetupScript',
      ].join('\n'),
    );
  });

  test('fails with two scopes, or none', () => {
    expect(fails({ scope: { ...MG, subscriptionId: SUBSCRIPTION }, requireSchedules: 'Audit' })).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: scope: received {"managementGroupId":"mg-ml","subscriptionId":"00000000-0000-0000-0000-000000...; allowed: exactly one of { managementGroupId }, { subscriptionId } or { resourceGroupId }',
      ].join('\n'),
    );
    expect(fails({ requireSchedules: 'Audit' })).toContain(
      'test/shutdown: scope: received nothing; allowed: exactly one of',
    );
  });

  test('fails on malformed scope ids, listing every problem', () => {
    expect(
      fails({
        scope: { managementGroupId: '/providers/Microsoft.Management/managementGroups/' },
        requireSchedules: 'Audit',
      }),
    ).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: scope.managementGroupId: received "/providers/Microsoft.Management/managementGroups/"; allowed: a management group name (up to 90 letters, digits, -, _, (, ), .) or its id /providers/Microsoft.Management/managementGroups/<name>',
      ].join('\n'),
    );
    expect(fails({ scope: { subscriptionId: 'my-sub' }, requireSchedules: 'Audit' })).toContain(
      'test/shutdown: scope.subscriptionId: received "my-sub"; allowed: a subscription GUID, or /subscriptions/<GUID>',
    );
    expect(fails({ scope: { resourceGroupId: 'rg-ml' }, requireSchedules: 'Sometimes' })).toBe(
      [
        'Invalid input in test/shutdown (2 problems):',
        '  - test/shutdown: scope.resourceGroupId: received "rg-ml"; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>; it does not start with /subscriptions/',
        '  - test/shutdown: requireSchedules: received "Sometimes"; allowed: "Audit", "Deny" or "Disabled"',
      ].join('\n'),
    );
  });

  test('fails when the name is too long for a management-group assignment', () => {
    expect(fails({ scope: MG, requireSchedules: 'Audit', name: 'compute-instance-shutdown' })).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: name: received "compute-instance-shutdown"; allowed: 1 to 24 letters, digits and -, starting with a letter or digit (a management-group assignment name has at most 24 characters); this one has 25 characters',
      ].join('\n'),
    );
    expect(fails({ scope: MG, requireSchedules: 'Audit' }, 'Shutdown Policy')).toContain(
      'test/Shutdown Policy: name (from the construct id): received "Shutdown Policy"; allowed: 1 to 24 letters',
    );
  });

  test('fails when two policies of the app take the same name at the same place', () => {
    const { stack } = newStack();
    new ShutdownPolicy(stack, 'a', { scope: MG, name: 'shutdown', requireSchedules: 'Audit' });
    new ShutdownPolicy(stack, 'b', {
      scope: { managementGroupId: 'mg-other' },
      name: 'shutdown',
      requireSchedules: 'Audit',
    });
    const e = thrown(
      () =>
        new ShutdownPolicy(stack, 'c', {
          scope: { managementGroupId: MG_ID },
          name: 'shutdown',
          requireSchedules: 'Audit',
        }),
    );
    expect(e.message).toBe(
      [
        'Invalid input in test/c (1 problem):',
        '  - test/c: name: received "shutdown"; allowed: a name no other ShutdownPolicy uses for the same management group mg-ml (test/a has it)',
      ].join('\n'),
    );
  });

  test('fails on idle shutdown settings Azure or the rule cannot take', () => {
    expect(fails({ scope: MG, idleShutdown: { effect: 'Append' } })).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: idleShutdown.default: received nothing; allowed: a Duration with effect "Append" (the value Azure adds)',
      ].join('\n'),
    );
    expect(
      fails({ scope: MG, idleShutdown: { effect: 'Audit', default: Duration.minutes(10), max: Duration.days(4) } }),
    ).toBe(
      [
        'Invalid input in test/shutdown (2 problems):',
        '  - test/shutdown: idleShutdown.default: received "10 minutes"; allowed: 15 minutes to 3 days',
        '  - test/shutdown: idleShutdown.max: received "4 days"; allowed: 15 minutes to 3 days',
      ].join('\n'),
    );
    expect(
      fails({ scope: MG, idleShutdown: { effect: 'Append', default: Duration.hours(2), max: Duration.hours(1) } }),
    ).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: idleShutdown.default: received "2 hours"; allowed: at most max (1 hour)',
      ].join('\n'),
    );
  });

  test('fails when the built-in idle-shutdown definition is asked for what it cannot do', () => {
    expect(
      fails({
        scope: MG,
        idleShutdown: {
          effect: 'Append',
          default: Duration.hours(1),
          max: Duration.hours(2),
          useBuiltInDefinition: true,
        },
      }),
    ).toBe(
      [
        'Invalid input in test/shutdown (3 problems):',
        '  - test/shutdown: idleShutdown.effect: received "Append"; allowed: "Audit" or "Deny" with useBuiltInDefinition (the built-in cannot append)',
        '  - test/shutdown: idleShutdown.default: received "1 hour"; allowed: nothing with useBuiltInDefinition (the built-in takes no default)',
        '  - test/shutdown: idleShutdown.max: received "2 hours"; allowed: nothing with useBuiltInDefinition (the built-in takes no maximum)',
      ].join('\n'),
    );
  });

  test('fails on default schedules Azure cannot take, or that a Deny on schedules would refuse', () => {
    const five = Array.from({ length: 5 }, () => STOP_AT_22);
    expect(fails({ scope: MG, defaultSchedules: five })).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: defaultSchedules: received "5 schedules"; allowed: 1 to 4 schedules',
      ].join('\n'),
    );
    expect(fails({ scope: MG, defaultSchedules: [{ action: 'Stop' }] })).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: defaultSchedules[0]: received {"action":"Stop"}; allowed: a StartStopSchedule made by its factories (StartStopSchedule.cron(...) and the others)',
      ].join('\n'),
    );
    const startOnly = [StartStopSchedule.cron({ action: 'Start', expression: '0 8 * * *' })];
    expect(fails({ scope: MG, defaultSchedules: startOnly, requireSchedules: 'Deny' })).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: defaultSchedules: received ["Start Enabled"]; allowed: with requireSchedules "Deny", an enabled Stop schedule among the defaults (otherwise every instance that gets them is still non-compliant)',
      ].join('\n'),
    );
  });
});

describe('ShutdownPolicy validation of values that are not what the props declare', () => {
  const MG = { managementGroupId: 'mg-ml' };
  const message = (props: unknown, id = 'shutdown') => {
    const { stack } = newStack();
    const e = thrown(() => new ShutdownPolicy(stack, id, props as ShutdownPolicyProps));
    expect(e).toBeInstanceOf(ValidationError);
    return e.message;
  };
  const one = (line: string) =>
    ['Invalid input in test/shutdown (1 problem):', `  - test/shutdown: ${line}`].join('\n');
  const PROPS_ALLOWED =
    'allowed: an object of ShutdownPolicyProps: { scope, and at least one of defaultSchedules, requireSchedules, idleShutdown, defaultSetupScript, requireSetupScript }';
  const IDLE_ALLOWED = 'allowed: an object { effect, default?, max?, useBuiltInDefinition? }';
  const SCHEDULE_ALLOWED =
    'allowed: a StartStopSchedule made by its factories (StartStopSchedule.cron(...) and the others)';

  test('fails when the props are not an object', () => {
    expect(message(null)).toBe(one(`props: received null; ${PROPS_ALLOWED}`));
    expect(message(undefined)).toBe(one(`props: received nothing; ${PROPS_ALLOWED}`));
    expect(message('Deny')).toBe(one(`props: received "Deny"; ${PROPS_ALLOWED}`));
    expect(message([{ scope: MG, requireSchedules: 'Deny' }])).toBe(
      one(`props: received [{"scope":{"managementGroupId":"mg-ml"},"requireSchedules":"Deny"}]; ${PROPS_ALLOWED}`),
    );
  });

  test('takes props made without a prototype', () => {
    const { stack } = newStack();
    const props = Object.assign(Object.create(null), { scope: MG, requireSchedules: 'Deny' }) as ShutdownPolicyProps;
    expect(new ShutdownPolicy(stack, 'shutdown', props).rules.map((r) => r.name)).toEqual(['RequireStopSchedule']);
  });

  test('fails when a scope id is not a string', () => {
    expect(message({ scope: { subscriptionId: 42 }, requireSchedules: 'Audit' })).toBe(
      one('scope.subscriptionId: received 42; allowed: a subscription GUID, or /subscriptions/<GUID>'),
    );
    expect(message({ scope: { managementGroupId: null }, requireSchedules: 'Audit' })).toBe(
      one(
        'scope.managementGroupId: received null; allowed: a management group name (up to 90 letters, digits, -, _, (, ), .) or its id /providers/Microsoft.Management/managementGroups/<name>',
      ),
    );
    expect(message({ scope: { resourceGroupId: { id: 'rg' } }, requireSchedules: 'Audit' })).toBe(
      one(
        'scope.resourceGroupId: received {"id":"rg"}; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>',
      ),
    );
  });

  test('fails on a null name instead of taking the construct id', () => {
    expect(message({ scope: MG, requireSchedules: 'Audit', name: null })).toBe(
      one(
        'name: received null; allowed: 1 to 24 letters, digits and -, starting with a letter or digit (a management-group assignment name has at most 24 characters)',
      ),
    );
  });

  test('fails when idleShutdown is not an object of settings', () => {
    expect(message({ scope: MG, idleShutdown: null })).toBe(one(`idleShutdown: received null; ${IDLE_ALLOWED}`));
    expect(message({ scope: MG, idleShutdown: 'Deny' })).toBe(one(`idleShutdown: received "Deny"; ${IDLE_ALLOWED}`));
    expect(message({ scope: MG, idleShutdown: [{ effect: 'Deny' }] })).toBe(
      one(`idleShutdown: received [{"effect":"Deny"}]; ${IDLE_ALLOWED}`),
    );
  });

  test('fails on a Duration given as idleShutdown, saying that a ComputeInstance is where a Duration goes', () => {
    expect(message({ scope: MG, idleShutdown: Duration.hours(1) })).toBe(
      one(
        `idleShutdown: received "1 hour"; ${IDLE_ALLOWED} (a ComputeInstance takes a Duration here; a ShutdownPolicy takes the requirement)`,
      ),
    );
  });

  test('fails on a useBuiltInDefinition that is not a boolean, without judging the rest as for the built-in', () => {
    expect(
      message({ scope: MG, idleShutdown: { effect: 'Deny', useBuiltInDefinition: 'yes', max: Duration.hours(2) } }),
    ).toBe(one('idleShutdown.useBuiltInDefinition: received "yes"; allowed: true or false'));
    expect(message({ scope: MG, idleShutdown: { effect: 'Deny', useBuiltInDefinition: 1 } })).toBe(
      one('idleShutdown.useBuiltInDefinition: received 1; allowed: true or false'),
    );
  });

  test('takes useBuiltInDefinition false as a custom definition', () => {
    const { stack } = newStack();
    const policy = new ShutdownPolicy(stack, 'shutdown', {
      scope: MG,
      idleShutdown: { effect: 'Deny', useBuiltInDefinition: false, max: Duration.hours(2) },
    });
    expect(policy.rules.map((r) => [r.name, r.builtInDefinitionId, r.policyRule !== undefined])).toEqual([
      ['IdleShutdown', undefined, true],
    ]);
  });

  test('fails on default schedules that only look like StartStopSchedule, without calling them', () => {
    const toArm = jest.fn(() => null);
    expect(message({ scope: MG, defaultSchedules: [{ toArm }] })).toBe(
      one(`defaultSchedules[0]: received {}; ${SCHEDULE_ALLOWED}`),
    );
    expect(toArm).not.toHaveBeenCalled();
    const stop = StartStopSchedule.cron({ action: 'Stop', expression: '0 22 * * *' });
    expect(message({ scope: MG, defaultSchedules: [stop, { toArm: () => ({}) }, null] })).toBe(
      [
        'Invalid input in test/shutdown (2 problems):',
        `  - test/shutdown: defaultSchedules[1]: received {}; ${SCHEDULE_ALLOWED}`,
        `  - test/shutdown: defaultSchedules[2]: received null; ${SCHEDULE_ALLOWED}`,
      ].join('\n'),
    );
  });

  test('fails on default schedules that are not a list', () => {
    expect(
      message({ scope: MG, defaultSchedules: StartStopSchedule.cron({ action: 'Stop', expression: '0 22 * * *' }) }),
    ).toBe(
      one(
        'defaultSchedules: received {"action":"Stop","triggerType":"Cron","status":"Enabled","cron":{"expression"...; allowed: a list of 1 to 4 StartStopSchedule',
      ),
    );
    expect(message({ scope: MG, defaultSchedules: [] })).toBe(
      one('defaultSchedules: received "0 schedules"; allowed: 1 to 4 schedules'),
    );
  });
});

describe("ShutdownPolicy default schedules judged as one instance's schedules", () => {
  const MG = { managementGroupId: 'mg-ml' };
  const start = (expression: string, timeZone = 'UTC', enabled = true) =>
    StartStopSchedule.cron({ action: 'Start', expression, timeZone, enabled });
  const stop = (expression: string, timeZone = 'UTC') =>
    StartStopSchedule.cron({ action: 'Stop', expression, timeZone });

  test('fails on a Start and a Stop in the same minute, as a ComputeInstance does', () => {
    const { stack } = newStack();
    const e = thrown(
      () =>
        new ShutdownPolicy(stack, 'shutdown', {
          scope: MG,
          defaultSchedules: [start('0 8 * * 1-5'), stop('0 8 * * *')],
        }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: defaultSchedules[1]: received "Stop cron 0 8 * * * (UTC)"; allowed: a Stop that never fires in the same minute as a Start; defaultSchedules[0] (Start cron 0 8 * * 1-5 (UTC)) fires with it at 08:00 (UTC); Azure Policy would add both to every compute instance created without schedules',
      ].join('\n'),
    );
  });

  test('fails on a Start and a Stop in different time zones that meet at one instant', () => {
    const { stack } = newStack();
    const e = thrown(
      () =>
        new ShutdownPolicy(stack, 'shutdown', {
          scope: MG,
          defaultSchedules: [stop('0 18 * * *', 'W. Europe Standard Time'), start('0 17 * * *')],
        }),
    );
    expect(e.message).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: defaultSchedules[1]: received "Start cron 0 17 * * * (UTC)"; allowed: a Start that never fires in the same minute as a Stop; defaultSchedules[0] (Stop cron 0 18 * * * (W. Europe Standard Time)) fires with it at 2026-01-01T17:00:00.000Z; Azure Policy would add both to every compute instance created without schedules',
      ].join('\n'),
    );
  });

  test('takes a disabled Start in the same minute as a Stop, and Starts and Stops at different minutes', () => {
    const { stack } = newStack();
    expect(
      () =>
        new ShutdownPolicy(stack, 'a', {
          scope: MG,
          defaultSchedules: [start('0 8 * * *', 'UTC', false), stop('0 8 * * *')],
        }),
    ).not.toThrow();
    expect(
      () => new ShutdownPolicy(stack, 'b', { scope: MG, defaultSchedules: [start('0 8 * * *'), stop('1 8 * * *')] }),
    ).not.toThrow();
  });

  test('reports a default Stop without status together with a Deny on schedules, saying why it does not count', () => {
    const { stack } = newStack();
    const noStatus = StartStopSchedule.fromArm({
      action: 'Stop',
      triggerType: 'Cron',
      cron: { expression: '0 22 * * *', timeZone: 'UTC' },
    });
    const e = thrown(
      () =>
        new ShutdownPolicy(stack, 'shutdown', { scope: MG, defaultSchedules: [noStatus], requireSchedules: 'Deny' }),
    );
    expect(e.message).toBe(
      [
        'Invalid input in test/shutdown (1 problem):',
        '  - test/shutdown: defaultSchedules: received ["Stop (status missing)"]; allowed: with requireSchedules "Deny", an enabled Stop schedule among the defaults (otherwise every instance that gets them is still non-compliant); defaultSchedules[0] is a Stop without status: Azure runs it, but Azure Policy\'s rule requires status "Enabled" written explicitly (a missing status does not equal "Enabled")',
      ].join('\n'),
    );
  });
});
