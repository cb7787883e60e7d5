import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { ComputeInstance, Duration, SetupScript, StartStopSchedule, ValidationError } from '../../src';
import {
  addressOf,
  ED25519_KEY,
  SUBSCRIPTION,
  newStack,
  OBJECT_ID,
  onlyResource,
  REQUIRED,
  resources,
  SUBNET_ID,
  synthJson,
  TENANT_ID,
  thrown,
  warningsOf,
  WORKSPACE_ID,
} from '../support/stack';
import { AZAPI_COMPUTE_ATTRIBUTES } from '../support/azapi-compute';

describe('ComputeInstance with only its required props', () => {
  const { stack } = newStack();
  new ComputeInstance(stack, 'alice', REQUIRED);
  const json = synthJson(stack);
  const r = onlyResource(json, 'azapi_resource');

  test('renders an azapi_resource of computes@2025-12-01 under the workspace', () => {
    expect(r.type).toBe('Microsoft.MachineLearningServices/workspaces/computes@2025-12-01');
    expect(r.name).toBe('ci-alice');
    expect(r.parent_id).toBe(WORKSPACE_ID);
    expect(r.location).toBe('westeurope');
    expect(r.identity).toBeUndefined();
    expect(r.tags).toBeUndefined();
  });

  test('has secure defaults: SSH disabled, local auth disabled, nothing else set', () => {
    expect(r.body).toEqual({
      properties: {
        computeType: 'ComputeInstance',
        disableLocalAuth: true,
        properties: { vmSize: 'Standard_DS3_v2', sshSettings: { sshPublicAccess: 'Disabled' } },
      },
    });
  });

  test('is protected from destroy, and never updated in place: body, tags and identity are ignored after creation', () => {
    expect(r.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['body', 'tags', 'identity'] });
  });

  test('keeps the configured casing in state (ignore_casing)', () => {
    expect(r.ignore_casing).toBe(true);
  });

  test('replaces the instance when anything set at creation changes, compared without case where Azure ignores it', () => {
    expect(r.replace_triggers_external_values).toEqual({
      vmSize: 'standard_ds3_v2',
      sshSettings: { sshPublicAccess: 'Disabled' },
      description: null,
      disableLocalAuth: true,
      tags: null,
      identity: null,
    });
  });

  test('gives creation 30 minutes (no scripts) and deletion 60', () => {
    expect(r.timeouts).toEqual({ create: '30m', delete: '60m' });
  });

  test('renders exactly these attributes', () => {
    expect(Object.keys(r).sort()).toEqual(AZAPI_COMPUTE_ATTRIBUTES);
  });

  test('declares the azapi provider ~> 2.9 and no azurerm provider', () => {
    expect(json.terraform.required_providers).toEqual({ azapi: { source: 'Azure/azapi', version: '~> 2.9' } });
    expect(json.provider).toEqual({ azapi: [{}] });
  });

  test('creates no actions and no role assignment', () => {
    expect(json.resource.azapi_resource_action).toBeUndefined();
    expect(json.resource.azurerm_role_assignment).toBeUndefined();
  });
});

describe('ComputeInstance with every prop', () => {
  const { stack } = newStack();
  const ci = new ComputeInstance(stack, 'alice', {
    ...REQUIRED,
    description: "Alice's box",
    ssh: { publicKey: ED25519_KEY },
    subnetId: SUBNET_ID,
    assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID },
    schedules: [
      StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *', timeZone: 'Pacific Standard Time' }),
    ],
    idleShutdown: Duration.minutes(45),
    setupScripts: {
      creation: SetupScript.inline('echo hi'),
      startup: SetupScript.inline('ls', { timeout: Duration.minutes(20) }),
    },
    localAuth: true,
    sso: false,
    applicationSharingPolicy: 'Personal',
    identity: { type: 'SystemAssigned' },
    tags: { team: 'ml' },
    deletionProtection: false,
  });
  const json = synthJson(stack);
  const r = onlyResource(json, 'azapi_resource');

  test('renders each prop into the ARM body', () => {
    expect(r.body.properties).toEqual({
      computeType: 'ComputeInstance',
      description: "Alice's box",
      disableLocalAuth: false,
      properties: {
        vmSize: 'Standard_DS3_v2',
        subnet: { id: SUBNET_ID },
        applicationSharingPolicy: 'Personal',
        sshSettings: { sshPublicAccess: 'Enabled', adminPublicKey: ED25519_KEY },
        personalComputeInstanceSettings: { assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID } },
        setupScripts: {
          scripts: {
            creationScript: { scriptSource: 'inline', scriptData: Buffer.from('echo hi').toString('base64') },
            startupScript: { scriptSource: 'inline', scriptData: Buffer.from('ls').toString('base64'), timeout: '20m' },
          },
        },
        schedules: {
          computeStartStop: [
            {
              action: 'Stop',
              triggerType: 'Cron',
              status: 'Enabled',
              cron: { expression: '0 18 * * *', timeZone: 'Pacific Standard Time' },
            },
          ],
        },
        enableNodePublicIp: false,
        enableSSO: false,
        idleTimeBeforeShutdown: 'PT45M',
      },
    });
  });

  test('puts every field but schedules and idle shutdown in the replacement trigger, ids and the size in lower case', () => {
    expect(r.replace_triggers_external_values).toEqual({
      vmSize: 'standard_ds3_v2',
      subnet: { id: SUBNET_ID.toLowerCase() },
      applicationSharingPolicy: 'Personal',
      sshSettings: { sshPublicAccess: 'Enabled', adminPublicKey: ED25519_KEY },
      personalComputeInstanceSettings: { assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID } },
      setupScripts: r.body.properties.properties.setupScripts,
      enableNodePublicIp: false,
      enableSSO: false,
      description: "Alice's box",
      disableLocalAuth: false,
      tags: { team: 'ml' },
      identity: { type: 'SystemAssigned', userAssignedIdentityIds: [] },
    });
  });

  test("sizes the create timeout from the scripts: 30 minutes, 15 for the creation script (Azure's default), 20 for the startup one", () => {
    expect(r.timeouts).toEqual({ create: '65m', delete: '60m' });
    for (const action of resources(json, 'azapi_resource_action'))
      expect(action.timeouts).toEqual({ create: '65m', update: '65m' });
  });

  test('renders identity as a list and tags at the top level', () => {
    expect(r.identity).toEqual([{ type: 'SystemAssigned' }]);
    expect(r.tags).toEqual({ team: 'ml' });
  });

  test('drops prevent_destroy when deletion protection is off', () => {
    expect(r.lifecycle.prevent_destroy).toBe(false);
  });

  test('applies idle shutdown through updateIdleShutdownSetting, so a change is not a failing PUT', () => {
    const [action] = resources(json, 'azapi_resource_action');
    expect(action).toEqual({
      type: 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01',
      resource_id: `${'$'}{${addressOf(json, 'azapi_resource', 'alice')}.id}`,
      action: 'updateIdleShutdownSetting',
      method: 'POST',
      body: { idleTimeBeforeShutdown: 'PT45M' },
      provider: 'azapi',
      timeouts: { create: '65m', update: '65m' },
    });
  });

  test('exposes the ARM id and name for other resources', () => {
    const { stack: s2 } = newStack();
    const c2 = new ComputeInstance(s2, 'alice', REQUIRED);
    new TerraformOutput(s2, 'id', { value: c2.id });
    const j2 = synthJson(s2);
    expect(j2.output.id.value).toBe(`${'$'}{${addressOf(j2, 'azapi_resource', 'alice')}.id}`);
    expect(ci.name).toBe('ci-alice');
  });

  test('warns about each secure default turned off', () => {
    const { stack: s2 } = newStack();
    const w = new ComputeInstance(s2, 'w', {
      ...REQUIRED,
      ssh: { publicKey: ED25519_KEY },
      localAuth: true,
      subnetId: SUBNET_ID,
      nodePublicIp: true,
    });
    expect(warningsOf(w)).toEqual([
      'SSH is enabled (ssh.publicKey): the instance accepts SSH logins with that key.',
      "Local authentication is enabled (localAuth: true): Azure's built-in policy e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f reports it non-compliant.",
      'The instance has a public IP inside your subnet (nodePublicIp: true).',
    ]);
  });
});

test('renders both identity kinds in the spelling azapi validates, and ARM ids as identity_ids', () => {
  const { stack } = newStack();
  const uai =
    '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1';
  const ci = new ComputeInstance(stack, 'alice', {
    ...REQUIRED,
    identity: { type: 'SystemAssigned,UserAssigned', userAssignedIdentityIds: [uai] },
  });
  expect(onlyResource(synthJson(stack), 'azapi_resource').identity).toEqual([
    { type: 'SystemAssigned, UserAssigned', identity_ids: [uai] },
  ]);
  expect(ci.spec.identity).toEqual({ type: 'SystemAssigned,UserAssigned', userAssignedIdentities: { [uai]: {} } });
});

describe('ComputeInstance validation', () => {
  function errorFor(props: Partial<typeof REQUIRED> & Record<string, unknown>): ValidationError {
    const { stack } = newStack();
    const e = thrown(() => new ComputeInstance(stack, 'alice', { ...REQUIRED, ...props } as any));
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }

  test('lists every problem in one error, with path, field, value and rule', () => {
    const e = errorFor({ name: 'ci-1', vmSize: 'huge', idleShutdown: Duration.minutes(5) });
    expect(e.problems.map((p) => [p.path, p.field, p.received])).toEqual([
      ['test/alice', 'name', '"ci-1"'],
      ['test/alice', 'vmSize', '"huge"'],
      ['test/alice', 'idleShutdown', '"5 minutes"'],
    ]);
    expect(e.message).toContain(
      'test/alice: name: received "ci-1"; allowed: 3 to 24 letters, digits and "-", starting with a letter',
    );
    expect(e.message).toContain(
      'test/alice: vmSize: received "huge"; allowed: an Azure VM size name such as Standard_DS3_v2',
    );
    expect(e.message).toContain('test/alice: idleShutdown: received "5 minutes"; allowed: 15 minutes to 3 days');
  });

  test.each([
    ['abc', true],
    ['ci-one', true],
    ['a'.repeat(24), true],
    ['ci-1', false],
    ['ab', false],
    ['a'.repeat(25), false],
    ['1ci', false],
    ['ci_one', false],
    ['ci-', false],
    ['ci-1a', true],
  ])('name %p is %p', (name, ok) => {
    const { stack } = newStack();
    const make = () => new ComputeInstance(stack, 'x', { ...REQUIRED, name });
    if (ok) expect(make).not.toThrow();
    else expect(make).toThrow(/name: received/);
  });

  test('fails when two instances share a name in one workspace, naming the first', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'a', REQUIRED);
    expect(() => new ComputeInstance(stack, 'b', { ...REQUIRED, name: 'CI-ALICE' })).toThrow(
      'test/b: name: received "CI-ALICE"; allowed: a name no other compute instance of the app has in region westeurope (Azure requires it unique in the region, any workspace; test/a has it)',
    );
  });

  test('fails when two instances share a name in one region, in other workspaces and other stacks', () => {
    const { app, stack } = newStack();
    new ComputeInstance(stack, 'a', REQUIRED);
    const other = new TerraformStack(app, 'other');
    expect(
      () =>
        new ComputeInstance(other, 'b', {
          ...REQUIRED,
          location: 'West Europe',
          workspaceId: WORKSPACE_ID.replace('/mlw', '/mlw2'),
        }),
    ).toThrow(
      'other/b: name: received "ci-alice"; allowed: a name no other compute instance of the app has in region West Europe (Azure requires it unique in the region, any workspace; test/a has it)',
    );
  });

  test('accepts the same name in another region', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'a', REQUIRED);
    expect(
      () =>
        new ComputeInstance(stack, 'b', {
          ...REQUIRED,
          location: 'northeurope',
          workspaceId: WORKSPACE_ID.replace('/mlw', '/mlw2'),
        }),
    ).not.toThrow();
  });

  test('accepts vm sizes in any case', () => {
    for (const vmSize of ['STANDARD_D3_V2', 'Standard_NC24ads_A100_v4', 'Standard_M128-64ms', 'standard_e4ds_v4']) {
      const { stack } = newStack();
      expect(() => new ComputeInstance(stack, 'x', { ...REQUIRED, vmSize })).not.toThrow();
    }
  });

  test('fails when nodePublicIp is false without a subnet', () => {
    expect(errorFor({ nodePublicIp: false }).message).toContain(
      'nodePublicIp: received false; allowed: false only together with subnetId',
    );
  });

  test('fails when ids are not ARM ids of the right type', () => {
    const e = errorFor({ workspaceId: SUBNET_ID, subnetId: WORKSPACE_ID });
    expect(e.problems.map((p) => p.field)).toEqual(['workspaceId', 'subnetId']);
    expect(e.message).toContain(
      'allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>',
    );
  });

  test('fails when user ids are not GUIDs', () => {
    const e = errorFor({ assignedUser: { objectId: 'alice@contoso.com', tenantId: 'contoso' } });
    expect(e.message).toContain('assignedUser.objectId: received "alice@contoso.com"; allowed: a GUID');
    expect(e.message).toContain('assignedUser.tenantId: received "contoso"; allowed: a GUID');
  });

  test.each([
    [Duration.minutes(15), true],
    [Duration.days(3), true],
    [Duration.minutes(14), false],
    [Duration.seconds(259201), false],
  ])('idle shutdown %p is %p', (idleShutdown, ok) => {
    const { stack } = newStack();
    const make = () => new ComputeInstance(stack, 'x', { ...REQUIRED, idleShutdown });
    if (ok) expect(make).not.toThrow();
    else expect(make).toThrow(/idleShutdown: received .*; allowed: 15 minutes to 3 days/);
  });

  test('fails with more than 4 schedules', () => {
    const s = StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' });
    expect(errorFor({ schedules: [s, s, s, s, s] }).message).toContain(
      'schedules: received "5 schedules"; allowed: at most 4 schedules per compute instance',
    );
  });

  test("fails for tags beyond Azure's limits", () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(errorFor({ tags: many }).message).toContain('tags: received "51 tags"; allowed: at most 50 tags');
    expect(errorFor({ tags: { 'a/b': 'v' } }).message).toContain(
      'tags: received "a/b"; allowed: keys of 1 to 512 characters without < > % & \\ ? /',
    );
    expect(errorFor({ tags: { k: 'v'.repeat(257) } }).message).toContain(
      'tags.k: received "257 characters"; allowed: values of at most 256 characters',
    );
  });

  test('fails for a user-assigned identity without ids', () => {
    expect(errorFor({ identity: { type: 'UserAssigned' } }).message).toContain(
      'identity.userAssignedIdentityIds: received []; allowed: at least one identity id with type "UserAssigned"',
    );
  });

  test('rejects a private key as ssh.publicKey without repeating it', () => {
    const secret =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----';
    const e = errorFor({ ssh: { publicKey: secret } });
    expect(e.message).toContain(
      'ssh.publicKey: received <redacted: a private key>; allowed: one OpenSSH public key line',
    );
    expect(e.message).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ');
    expect(e.message).not.toContain('BEGIN');
  });

  test.each([
    [
      "a key type with another type's body",
      ED25519_KEY.replace('ssh-ed25519', 'ssh-rsa'),
      'a ssh-rsa key whose body is not a whole ssh-rsa key',
    ],
    ['a truncated key', ED25519_KEY.slice(0, 40), 'a ssh-ed25519 key whose body is not a whole ssh-ed25519 key'],
    ['a key body that is not base64', 'ssh-ed25519 AAAA$$$$ me', 'a ssh-ed25519 key whose body is not base64'],
    ['two keys', `${ED25519_KEY}\n${ED25519_KEY}`, '2 lines'],
    ['a PuTTY key', 'PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\nAAAAIGsecretsecretsecret', 'a private key'],
  ])('rejects %s', (_what, key, description) => {
    const e = errorFor({ ssh: { publicKey: key } });
    expect(e.problems[0].received).toBe(`<redacted: ${description}>`);
    expect(e.message).not.toContain(key.slice(-12));
    expect(e.message).not.toContain(key.slice(12, 30));
  });

  test('skips literal checks for Terraform references', () => {
    const { stack } = newStack();
    const v = (n: string) => new TerraformVariable(stack, n, { type: 'string' }).stringValue;
    expect(
      () =>
        new ComputeInstance(stack, 'x', {
          ...REQUIRED,
          workspaceId: v('ws'),
          subnetId: v('subnet'),
          assignedUser: { objectId: v('oid'), tenantId: v('tid') },
        }),
    ).not.toThrow();
  });
});

describe('ComputeInstance rendered with azurerm', () => {
  test('renders the azurerm resource for what it can express', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      terraformResource: 'azurerm',
      subnetId: SUBNET_ID,
      ssh: { publicKey: ED25519_KEY },
      assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID },
      description: 'd',
      tags: { team: 'ml' },
      identity: { type: 'SystemAssigned' },
    });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_machine_learning_compute_instance')).toEqual({
      name: 'ci-alice',
      machine_learning_workspace_id: WORKSPACE_ID,
      virtual_machine_size: 'Standard_DS3_v2',
      description: 'd',
      local_auth_enabled: false,
      node_public_ip_enabled: false,
      subnet_resource_id: SUBNET_ID,
      ssh: { public_key: ED25519_KEY },
      assign_to_user: { object_id: OBJECT_ID, tenant_id: TENANT_ID },
      identity: { type: 'SystemAssigned' },
      tags: { team: 'ml' },
      lifecycle: { prevent_destroy: true },
    });
    expect(json.resource.azapi_resource).toBeUndefined();
    // The workspace id names one subscription: azurerm 4 needs it.
    expect(json.provider.azurerm).toEqual([{ features: [{}], subscription_id: SUBSCRIPTION }]);
  });

  test('stops an azurerm instance once after creation too', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', { ...REQUIRED, terraformResource: 'azurerm', initialState: 'Stopped' });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azapi_resource_action')).toEqual({
      type: 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01',
      resource_id: `${'$'}{${addressOf(json, 'azurerm_machine_learning_compute_instance', 'alice')}.id}`,
      action: 'stop',
      method: 'POST',
      provider: 'azapi',
      timeouts: { create: '30m', update: '30m' },
    });
  });

  test('fails when asked for what azurerm cannot express, listing it', () => {
    const { stack } = newStack();
    expect(
      () =>
        new ComputeInstance(stack, 'alice', {
          ...REQUIRED,
          terraformResource: 'azurerm',
          schedules: [StartStopSchedule.cron({ action: 'Stop', expression: '0 18 * * *' })],
          setupScripts: { creation: SetupScript.inline('ls') },
          idleShutdown: Duration.minutes(30),
          sso: true,
        }),
    ).toThrow(
      'test/alice: terraformResource: received "azurerm"; allowed: "azapi" (the default) for an instance with setupScripts, sso, schedules, idleShutdown, which the azurerm resource cannot express',
    );
  });
});

describe('ComputeInstance access and initial state', () => {
  test('grants the assigned user a least-privilege role on this instance only', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true },
    });
    new ComputeInstance(stack, 'bob', {
      ...REQUIRED,
      name: 'ci-bob',
      assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true },
    });
    const json = synthJson(stack);
    const group = `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml`;
    expect(onlyResource(json, 'azurerm_role_definition')).toEqual({
      name: 'AzureML compute instance user (00000000-0000-0000-0000-000000000001/rg-ml, test)',
      scope: group,
      assignable_scopes: [group],
      description: 'Start, stop, restart, open and reschedule the Azure ML compute instances assigned to you.',
      permissions: [
        {
          actions: [
            'Microsoft.MachineLearningServices/workspaces/computes/read',
            'Microsoft.MachineLearningServices/workspaces/computes/start/action',
            'Microsoft.MachineLearningServices/workspaces/computes/stop/action',
            'Microsoft.MachineLearningServices/workspaces/computes/restart/action',
            'Microsoft.MachineLearningServices/workspaces/computes/applicationaccess/action',
            'Microsoft.MachineLearningServices/workspaces/computes/updateSchedules/action',
            'Microsoft.MachineLearningServices/workspaces/computes/enableSso/action',
          ],
          not_actions: [],
        },
      ],
    });
    // One definition shared by the group's instances, its id derived from the group (not from creation order).
    expect(Object.keys(json.resource.azurerm_role_definition)).toEqual([
      expect.stringMatching(/^ComputeUserRole-[0-9a-f]{8}$/),
    ]);
    const roleId = `${'$'}{azurerm_role_definition.${Object.keys(json.resource.azurerm_role_definition)[0]}.role_definition_resource_id}`;
    expect(resources(json, 'azurerm_role_assignment')).toEqual([
      {
        scope: `${'$'}{${addressOf(json, 'azapi_resource', 'alice')}.id}`,
        role_definition_id: roleId,
        principal_id: OBJECT_ID,
        principal_type: 'User',
      },
      {
        scope: `${'$'}{${addressOf(json, 'azapi_resource', 'bob')}.id}`,
        role_definition_id: roleId,
        principal_id: OBJECT_ID,
        principal_type: 'User',
      },
    ]);
  });

  test('cuts the role scope from a workspace known only at apply', () => {
    const { stack } = newStack();
    const ws = new TerraformVariable(stack, 'ws', { type: 'string' }).stringValue;
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      workspaceId: ws,
      assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true },
    });
    const role = onlyResource(synthJson(stack), 'azurerm_role_definition');
    expect(role.scope).toBe('${join("/", slice(split("/", var.ws), 0, 5))}');
    expect(role.name).toBe(
      'AzureML compute instance user (${element(split("/", var.ws), 2)}/${element(split("/", var.ws), 4)}, test)',
    );
  });

  test('shares one role among instances of one workspace reference, and of one group written in another case', () => {
    const { stack } = newStack();
    const ws = new TerraformVariable(stack, 'ws', { type: 'string' });
    const grant = { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true };
    new ComputeInstance(stack, 'a', { ...REQUIRED, name: 'ci-a', workspaceId: ws.stringValue, assignedUser: grant });
    new ComputeInstance(stack, 'b', { ...REQUIRED, name: 'ci-b', workspaceId: ws.stringValue, assignedUser: grant });
    new ComputeInstance(stack, 'c', { ...REQUIRED, name: 'ci-c', assignedUser: grant });
    new ComputeInstance(stack, 'd', {
      ...REQUIRED,
      name: 'ci-d',
      workspaceId: WORKSPACE_ID.replace('rg-ml', 'RG-ML'),
      assignedUser: grant,
    });
    expect(resources(synthJson(stack), 'azurerm_role_definition')).toHaveLength(2);
  });

  test('stops a new instance once when its initial state is Stopped', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', { ...REQUIRED, initialState: 'Stopped' });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azapi_resource_action')).toEqual({
      type: 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01',
      resource_id: `${'$'}{${addressOf(json, 'azapi_resource', 'alice')}.id}`,
      action: 'stop',
      method: 'POST',
      provider: 'azapi',
      timeouts: { create: '30m', update: '30m' },
    });
  });
});

describe('Terraform template syntax', () => {
  test('keeps ${ literal next to a Terraform reference in the same string', () => {
    const { stack } = newStack();
    const ws = new TerraformVariable(stack, 'ws', { type: 'string' });
    new ComputeInstance(stack, 'alice', {
      ...REQUIRED,
      setupScripts: { creation: SetupScript.inline('ls', { arguments: `--ws ${ws.stringValue} --dir \${HOME}/x` }) },
    });
    const r = onlyResource(synthJson(stack), 'azapi_resource');
    expect(r.body.properties.properties.setupScripts.scripts.creationScript.scriptArguments).toBe(
      '--ws ${var.ws} --dir $${HOME}/x',
    );
  });

  test('keeps ${ and %{ literal in descriptions and tags', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'alice', { ...REQUIRED, description: 'cost ${x} %{if}', tags: { 'k${a}': 'v%{b}' } });
    const r = onlyResource(synthJson(stack), 'azapi_resource');
    expect(r.body.properties.description).toBe('cost $${x} %%{if}');
    expect(r.tags).toEqual({ 'k$${a}': 'v%%{b}' });
  });
});

describe('SSO on an instance created on behalf of a user', () => {
  const onBehalf = { ...REQUIRED, assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID } };

  test('fails with sso: true when the instance has a setup script, saying what Azure does instead', () => {
    const { stack } = newStack();
    expect(
      () =>
        new ComputeInstance(stack, 'x', {
          ...onBehalf,
          sso: true,
          setupScripts: { startup: SetupScript.inline('echo hi') },
        }),
    ).toThrow(
      'test/x: sso: received true; allowed: false or unset for an instance created on behalf of a user (assignedUser) with setup scripts: Azure disables SSO at its creation, and only the assigned user can enable it afterwards (in the studio, with the computes/enableSso/action permission), not the creator',
    );
  });

  test.each([
    ['without a setup script', { ...onBehalf, sso: true }],
    ['unset, with a setup script', { ...onBehalf, setupScripts: { startup: SetupScript.inline('echo hi') } }],
    [
      'true, with a setup script but no assigned user',
      { ...REQUIRED, sso: true, setupScripts: { startup: SetupScript.inline('echo hi') } },
    ],
  ])('accepts sso %s', (_case, props) => {
    const { stack } = newStack();
    expect(() => new ComputeInstance(stack, 'x', props as never)).not.toThrow();
  });

  test('lets the assigned user enable SSO: the access grant has computes/enableSso/action', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'x', { ...onBehalf, assignedUser: { ...onBehalf.assignedUser, grantAccess: true } });
    const role = onlyResource(synthJson(stack), 'azurerm_role_definition');
    expect(role.permissions[0].actions).toContain(
      'Microsoft.MachineLearningServices/workspaces/computes/enableSso/action',
    );
  });
});

describe('replacement trigger of an instance whose ids are Terraform references', () => {
  test('lower-cases the reference in Terraform (lower()), so a case change at apply replaces nothing', () => {
    const { stack } = newStack();
    const subnet = new TerraformVariable(stack, 'subnet', { type: 'string' });
    new ComputeInstance(stack, 'alice', { ...REQUIRED, subnetId: subnet.stringValue });
    const r = onlyResource(synthJson(stack), 'azapi_resource');
    expect(r.body.properties.properties.subnet).toEqual({ id: '${var.subnet}' });
    expect(r.replace_triggers_external_values.subnet).toEqual({ id: '${lower(var.subnet)}' });
  });
});
