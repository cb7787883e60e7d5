import { Construct } from 'constructs';
import { ComputeInstance, ComputeInstanceProps, Duration } from '../../src';
import { ED25519_KEY, REQUIRED, SUBNET_ID, WORKSPACE_ID } from '../support/stack';

/**
 * One invalid input: what it does, the field the error must name, and (for secrets) text that must not
 * appear in the message.
 */
export interface InvalidCase {
  readonly what: string;
  /** Builds the invalid thing inside `scope` (construct path `test/ci`) or calls a factory. */
  readonly run: (scope: Construct) => unknown;
  /** The path the error must name: `test/ci` for the construct, the factory call otherwise. */
  readonly path: string;
  readonly field: string;
  /** Text that must never appear in the message (secrets). */
  readonly secret?: string;
}

const CI_PATH = 'test/ci';

/** A case for one invalid ComputeInstance prop set. */
export function ciCase(
  what: string,
  props: Partial<Record<keyof ComputeInstanceProps, unknown>>,
  field: string,
  secret?: string,
): InvalidCase {
  return {
    what,
    run: (scope) => new ComputeInstance(scope, 'ci', { ...REQUIRED, ...props } as ComputeInstanceProps),
    path: CI_PATH,
    field,
    secret,
  };
}

const BAD_NAMES = [
  'ci-1',
  'ab',
  'a',
  '',
  ' ',
  '1abc',
  '-abc',
  'abc_def',
  'abc.def',
  'abc def',
  'a'.repeat(25),
  'ci-',
  'ci--',
  'ci-12',
  'ci-one-2',
  'ïnstance',
  'ci/alice',
  'ci\\alice',
  'ci:alice',
  '${var.x}',
  'ci-alice\n',
  'ci-alice ',
  ' ci-alice',
  'ci@alice',
  'CI_ALICE',
  'ci-00',
  'compute-instance-number-1',
  'a-1',
];

const BAD_SIZES = [
  'huge',
  'D3_v2',
  'Standard D3 v2',
  'Standard_',
  'Standard_D',
  '',
  'standard-d3-v2',
  'Standard_D3_v2 ',
  'Basic',
  'Standard_D3_v2;rm -rf /',
  'Premium_D3',
  'Standard__D3',
  'Standard_D3_vv2',
  'Standard_D3_v',
];

const RG = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';
const BAD_WORKSPACE_IDS = [
  '',
  'mlw',
  SUBNET_ID,
  `${RG}`,
  `${RG}/providers/Microsoft.MachineLearningServices/workspaces`,
  `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw/computes/ci`,
  `${RG}/providers/Microsoft.Storage/storageAccounts/sa`,
  '/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw',
  `subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw`,
  `${WORKSPACE_ID}/`,
  `${RG}/providers/Microsoft.MachineLearningServices/registries/r`,
  'https://ml.azure.com/workspaces/mlw',
];

const BAD_SUBNET_IDS = [
  '',
  'subnet',
  WORKSPACE_ID,
  `${RG}/providers/Microsoft.Network/virtualNetworks/vnet`,
  `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets`,
  `${RG}/providers/Microsoft.Network/subnets/s`,
  `${SUBNET_ID}/ipConfigurations/x`,
  '10.0.0.0/24',
];

const BAD_GUIDS = [
  '',
  'alice@contoso.com',
  'contoso.onmicrosoft.com',
  '00000000-0000-0000-0000-00000000000',
  '{00000000-0000-0000-0000-000000000000}',
  '00000000000000000000000000000000',
  'zzzzzzzz-0000-0000-0000-000000000000',
  '00000000-0000-0000-0000-0000000000001',
];

/** Secret-looking material users paste as a public key. */
const PRIVATE_KEYS = [
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQy\n-----END OPENSSH PRIVATE KEY-----',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAvSecretMaterialDoNotEchoQWERTY\n-----END RSA PRIVATE KEY-----',
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCsecretsecret\n-----END PRIVATE KEY-----',
  '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIOsecretECkeymaterialXYZ\n-----END EC PRIVATE KEY-----',
  'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: me\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIPuttySecretPublicPart\nPrivate-Lines: 1\nAAAAIPuttyPrivateSecretPart',
  'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPrivate-Lines: 1\nAAAAgPuttyTwoPrivateSecret',
];

const BAD_PUBLIC_KEYS: Array<[string, string]> = [
  ['a truncated key', ED25519_KEY.slice(0, 40)],
  ['a key without its type', ED25519_KEY.split(' ').slice(1).join(' ')],
  ['two keys on two lines', `${ED25519_KEY}\n${ED25519_KEY}`],
  ['an ed25519 body under the rsa type', ED25519_KEY.replace('ssh-ed25519', 'ssh-rsa')],
  ['an ed25519 body under an ecdsa type', ED25519_KEY.replace('ssh-ed25519', 'ecdsa-sha2-nistp256')],
  ['a DSA key', 'ssh-dss AAAAB3NzaC1kc3MAAACBAPsecretsecretsecret me'],
  [
    'an SSH2 public key block',
    '---- BEGIN SSH2 PUBLIC KEY ----\nComment: "me"\nAAAAC3NzaC1lZDI1NTE5AAAAIK33\n---- END SSH2 PUBLIC KEY ----',
  ],
  ['a key body that is not base64', 'ssh-ed25519 AAAA!!!!notbase64 me'],
  ['an empty key', ''],
  ['a body of the wrong length', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA me'],
];

const TOO_MANY_TAGS = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));

/** Invalid ComputeInstance props, one problem each. */
export const COMPUTE_INSTANCE_CASES: InvalidCase[] = [
  ...BAD_NAMES.map((name) => ciCase(`name ${JSON.stringify(name)}`, { name }, 'name')),
  ciCase('a name that is a number', { name: 42 }, 'name'),
  ciCase('no name', { name: undefined }, 'name'),
  ...BAD_SIZES.map((vmSize) => ciCase(`vmSize ${JSON.stringify(vmSize)}`, { vmSize }, 'vmSize')),
  ciCase('no vmSize', { vmSize: undefined }, 'vmSize'),
  ...BAD_WORKSPACE_IDS.map((workspaceId) =>
    ciCase(`workspaceId ${JSON.stringify(workspaceId)}`, { workspaceId }, 'workspaceId'),
  ),
  ...BAD_SUBNET_IDS.map((subnetId) => ciCase(`subnetId ${JSON.stringify(subnetId)}`, { subnetId }, 'subnetId')),
  ...['', 'west europe!', 'west_europe', '-westeurope', 'westeurope-'].map((location) =>
    ciCase(`location ${JSON.stringify(location)}`, { location }, 'location'),
  ),
  ...BAD_GUIDS.map((objectId) =>
    ciCase(
      `assignedUser.objectId ${JSON.stringify(objectId)}`,
      { assignedUser: { objectId, tenantId: '11111111-1111-1111-1111-111111111111' } },
      'assignedUser.objectId',
    ),
  ),
  ...BAD_GUIDS.map((tenantId) =>
    ciCase(
      `assignedUser.tenantId ${JSON.stringify(tenantId)}`,
      { assignedUser: { objectId: '11111111-1111-1111-1111-111111111111', tenantId } },
      'assignedUser.tenantId',
    ),
  ),
  ciCase(
    'assignedUser.grantAccess "yes"',
    {
      assignedUser: {
        objectId: '11111111-1111-1111-1111-111111111111',
        tenantId: '11111111-1111-1111-1111-111111111111',
        grantAccess: 'yes',
      },
    },
    'assignedUser.grantAccess',
  ),
  ...PRIVATE_KEYS.map((key, i) =>
    ciCase(
      `a private key pasted as ssh.publicKey (${i + 1})`,
      { ssh: { publicKey: key } },
      'ssh.publicKey',
      key.split('\n')[1],
    ),
  ),
  ...BAD_PUBLIC_KEYS.map(([what, key]) =>
    ciCase(
      `ssh.publicKey: ${what}`,
      { ssh: { publicKey: key } },
      'ssh.publicKey',
      key.split(/\s+/)[1]?.slice(0, 24) || undefined,
    ),
  ),
  ciCase('ssh.publicKey that is not a string', { ssh: { publicKey: 42 } }, 'ssh.publicKey'),
  ciCase('nodePublicIp false without a subnet', { nodePublicIp: false }, 'nodePublicIp'),
  ciCase('nodePublicIp "no"', { nodePublicIp: 'no', subnetId: SUBNET_ID }, 'nodePublicIp'),
  ciCase('idleShutdown of 14 minutes', { idleShutdown: Duration.minutes(14) }, 'idleShutdown'),
  ciCase('idleShutdown of 0', { idleShutdown: Duration.seconds(0) }, 'idleShutdown'),
  ciCase('idleShutdown of 3 days and a second', { idleShutdown: Duration.seconds(3 * 86400 + 1) }, 'idleShutdown'),
  ciCase('idleShutdown of 4 days', { idleShutdown: Duration.days(4) }, 'idleShutdown'),
  ciCase('idleShutdown as a number', { idleShutdown: 30 }, 'idleShutdown'),
  ciCase('idleShutdown as an ISO string', { idleShutdown: 'PT30M' }, 'idleShutdown'),
  ciCase('schedules that are not a list', { schedules: 'Stop at 6' }, 'schedules'),
  ciCase(
    'a schedule that is a plain ARM entry',
    { schedules: [{ action: 'Stop', triggerType: 'Cron', cron: { expression: '0 18 * * *' } }] },
    'schedules[0]',
  ),
  ciCase('a setup script that is a string', { setupScripts: { creation: 'echo hi' } }, 'setupScripts.creation'),
  ciCase(
    'a startup script that is an ARM reference',
    { setupScripts: { startup: { scriptSource: 'inline', scriptData: 'ZWNobw==' } } },
    'setupScripts.startup',
  ),
  ciCase('tags: 51 of them', { tags: TOO_MANY_TAGS }, 'tags'),
  ...['a<b', 'a>b', 'a%b', 'a&b', 'a\\b', 'a?b', 'a/b', ''].map((key) =>
    ciCase(`tag key ${JSON.stringify(key)}`, { tags: { [key]: 'v' } }, 'tags'),
  ),
  ciCase('a tag key of 513 characters', { tags: { ['k'.repeat(513)]: 'v' } }, 'tags'),
  ciCase('a tag value of 257 characters', { tags: { k: 'v'.repeat(257) } }, 'tags.k'),
  ciCase('a tag value that is a number', { tags: { k: 1 } }, 'tags.k'),
  ciCase('identity type "Managed"', { identity: { type: 'Managed' } }, 'identity.type'),
  ciCase('identity type "systemassigned"', { identity: { type: 'systemassigned' } }, 'identity.type'),
  ciCase('UserAssigned without ids', { identity: { type: 'UserAssigned' } }, 'identity.userAssignedIdentityIds'),
  ciCase(
    'SystemAssigned with ids',
    {
      identity: {
        type: 'SystemAssigned',
        userAssignedIdentityIds: [`${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`],
      },
    },
    'identity.userAssignedIdentityIds',
  ),
  ciCase(
    'a user-assigned identity id of another type',
    { identity: { type: 'UserAssigned', userAssignedIdentityIds: [WORKSPACE_ID] } },
    'identity.userAssignedIdentityIds[0]',
  ),
  ciCase('applicationSharingPolicy "personal"', { applicationSharingPolicy: 'personal' }, 'applicationSharingPolicy'),
  ciCase('applicationSharingPolicy "Private"', { applicationSharingPolicy: 'Private' }, 'applicationSharingPolicy'),
  ciCase('initialState "Off"', { initialState: 'Off' }, 'initialState'),
  ciCase('terraformResource "azurerm_v4"', { terraformResource: 'azurerm_v4' }, 'terraformResource'),
  ciCase(
    'azurerm asked for idle shutdown',
    { terraformResource: 'azurerm', idleShutdown: Duration.minutes(30) },
    'terraformResource',
  ),
  ciCase('azurerm asked for SSO', { terraformResource: 'azurerm', sso: true }, 'terraformResource'),
  ciCase('localAuth "false"', { localAuth: 'false' }, 'localAuth'),
  ciCase('sso 1', { sso: 1 }, 'sso'),
  ciCase('deletionProtection "no"', { deletionProtection: 'no' }, 'deletionProtection'),
  ciCase('description that is an object', { description: { text: 'x' } }, 'description'),
  {
    what: 'props that are null',
    run: (scope) => new ComputeInstance(scope, 'ci', null as any),
    path: CI_PATH,
    field: 'props',
  },
  {
    what: 'props that are a string',
    run: (scope) => new ComputeInstance(scope, 'ci', 'ci-alice' as any),
    path: CI_PATH,
    field: 'props',
  },
  ...(['ssh', 'assignedUser', 'identity', 'setupScripts', 'tags'] as const).map((field) =>
    ciCase(`${field} that is null`, { [field]: null }, field),
  ),
  ciCase('tags that are a string', { tags: 'team=ml' }, 'tags'),
  ciCase('a tag named __proto__', { tags: JSON.parse('{"__proto__":"x"}') }, 'tags'),
  ciCase('tags that are a list', { tags: ['team'] }, 'tags'),
  ciCase('tag names that differ only in case', { tags: { Team: 'a', team: 'b' } }, 'tags'),
  ciCase(
    'identity ids that are a string',
    { identity: { type: 'UserAssigned', userAssignedIdentityIds: WORKSPACE_ID } },
    'identity.userAssignedIdentityIds',
  ),
  ciCase('ssh given as the key text itself', { ssh: PRIVATE_KEYS[0] }, 'ssh', PRIVATE_KEYS[0].split('\n')[1]),
  ciCase(
    'ssh.publicKey that is a list holding a private key',
    { ssh: { publicKey: [PRIVATE_KEYS[1]] } },
    'ssh.publicKey',
    PRIVATE_KEYS[1].split('\n')[1],
  ),
];

/** Valid edge cases: each must construct without error. */
export const VALID_EDGES: Array<[string, Partial<ComputeInstanceProps>]> = [
  ['a 3-character name', { name: 'abc' }],
  ['a 24-character name', { name: 'a'.repeat(24) }],
  ['a name with a dash followed by a letter', { name: 'ci-1a' }],
  ['idle shutdown of 15 minutes', { idleShutdown: Duration.minutes(15) }],
  ['idle shutdown of 3 days', { idleShutdown: Duration.days(3) }],
  ['50 tags', { tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) }],
  ['a 512-character tag key and 256-character value', { tags: { ['k'.repeat(512)]: 'v'.repeat(256) } }],
  ['an upper-case VM size', { vmSize: 'STANDARD_D3_V2' }],
  ['an ed25519 key', { ssh: { publicKey: ED25519_KEY } }],
  ['a key with surrounding whitespace', { ssh: { publicKey: `  ${ED25519_KEY}\n` } }],
];
