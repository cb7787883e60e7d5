/**
 * ARM resource id shapes as segment templates, and the sentence that names the first segment of an id that
 * breaks its shape, so a message points at the mistake (`"workspace" where "workspaces" belongs`) instead of
 * only repeating the shape.
 */

/** A literal segment (matched case-insensitively, as ARM does), a name, or a subscription GUID. */
type Segment = string | { readonly name: string; readonly guid?: true };

export interface ArmIdShape {
  readonly label: string;
  readonly segments: readonly Segment[];
  readonly pattern: RegExp;
  readonly example: string;
}

const GROUP: readonly Segment[] = [
  'subscriptions',
  { name: 'subscription GUID', guid: true },
  'resourceGroups',
  { name: 'group' },
];
const GUID_TEXT = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const GUID = new RegExp(`^${GUID_TEXT}$`);
/**
 * The characters any name in these ids may hold: the union of Azure's rules for resource groups (letters and
 * digits, `_`, `-`, `.`, `(`, `)`), workspaces and user-assigned identities (alphanumerics, `-`, `_`), virtual
 * networks and subnets (alphanumerics, `_`, `.`, `-`) (MicrosoftDocs/azure-docs,
 * articles/azure-resource-manager/management/resource-name-rules.md). No `$`, `%`, `{` or `}`, so an id that
 * holds a Terraform template (`${file("creds.json")}`) is refused before it reaches any output.
 */
const NAME_TEXT = '[\\p{L}\\p{Nd}_.()-]';
const NAME = new RegExp(`^${NAME_TEXT}+$`, 'u');

function shape(label: string, segments: readonly Segment[]): ArmIdShape {
  const regex = segments
    .map((s) => (typeof s === 'string' ? s.replace(/\./g, '\\.') : s.guid ? GUID_TEXT : `${NAME_TEXT}+`))
    .join('/');
  const example = segments.map((s) => (typeof s === 'string' ? s : `<${s.name}>`)).join('/');
  return { label, segments, pattern: new RegExp(`^/${regex}$`, 'iu'), example: `/${example}` };
}

export const ARM_ID_SHAPES = {
  workspace: shape('an Azure ML workspace', [
    ...GROUP,
    'providers',
    'Microsoft.MachineLearningServices',
    'workspaces',
    { name: 'workspace' },
  ]),
  subnet: shape('a subnet', [
    ...GROUP,
    'providers',
    'Microsoft.Network',
    'virtualNetworks',
    { name: 'vnet' },
    'subnets',
    { name: 'subnet' },
  ]),
  userAssignedIdentity: shape('a user-assigned identity', [
    ...GROUP,
    'providers',
    'Microsoft.ManagedIdentity',
    'userAssignedIdentities',
    { name: 'identity' },
  ]),
  resourceGroup: shape('a resource group', GROUP),
} as const;

/** Shapes an id is often confused with, recognised to say what the id given is. */
const LOOK_ALIKES: readonly ArmIdShape[] = [
  ...Object.values(ARM_ID_SHAPES),
  shape('a virtual network', [...GROUP, 'providers', 'Microsoft.Network', 'virtualNetworks', { name: 'vnet' }]),
  shape('a compute of a workspace', [...ARM_ID_SHAPES.workspace.segments, 'computes', { name: 'compute' }]),
];

function segmentMatches(segment: Segment, part: string): boolean {
  if (typeof segment === 'string') return segment.toLowerCase() === part.toLowerCase();
  return segment.guid ? GUID.test(part) : NAME.test(part);
}

/** The characters of `part` no name in an ARM id holds, each once, quoted. */
function foreignCharacters(part: string): string {
  const foreign = [...new Set(part.replace(new RegExp(NAME_TEXT, 'gu'), ''))];
  return foreign.map((c) => JSON.stringify(c)).join(' ');
}

function describe(segment: Segment): string {
  return typeof segment === 'string' ? `"${segment}"` : `the ${segment.name}`;
}

/** Why `id` is not an id of `expected`, naming the wrong segment; undefined when it is one. */
export function wrongArmIdSegment(id: string, expected: ArmIdShape): string | undefined {
  if (expected.pattern.test(id)) return undefined;
  const other = LOOK_ALIKES.find((s) => s !== expected && s.pattern.test(id));
  if (other) {
    const rest = expected.segments.slice(other.segments.length);
    const extends_ =
      other.segments.length < expected.segments.length &&
      other.segments.every((s, i) => JSON.stringify(s) === JSON.stringify(expected.segments[i]));
    return (
      `this is the id of ${other.label}, not of ${expected.label}` +
      (extends_
        ? `; ${expected.label}'s id continues with /${rest.map((s) => (typeof s === 'string' ? s : `<${s.name}>`)).join('/')}`
        : '')
    );
  }
  if (!id.startsWith('/'))
    return id.toLowerCase().startsWith('subscriptions/')
      ? 'it lacks the leading "/"'
      : 'it does not start with /subscriptions/';
  const parts = id.slice(1).split('/');
  for (let i = 0; i < expected.segments.length; i++) {
    const segment = expected.segments[i];
    if (i >= parts.length) return `it stops where segment ${i + 1}, ${describe(segment)}, belongs`;
    if (!segmentMatches(segment, parts[i])) {
      if (parts[i] === '') return `segment ${i + 1} is empty where ${describe(segment)} belongs`;
      if (typeof segment !== 'string' && !segment.guid)
        return `segment ${i + 1}, ${describe(segment)}, holds ${foreignCharacters(parts[i])}: names in ARM ids hold only letters, digits, "_", "-", "." and "(" ")"`;
      return `segment ${i + 1} is "${parts[i]}" where ${describe(segment)} belongs`;
    }
  }
  return `it goes on after ${expected.label}'s id: "/${parts.slice(expected.segments.length).join('/')}"`;
}
