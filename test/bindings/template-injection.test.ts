import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  ArmTemplate,
  ComputeInstance,
  ComputeInstanceProps,
  SetupScript,
  ShutdownPolicy,
  ShutdownPolicyScope,
  ValidationError,
} from '../../src';
import {
  newStack,
  OBJECT_ID,
  onlyResource,
  SUBNET_ID,
  SUBSCRIPTION,
  synthJson,
  TENANT_ID,
  thrown,
  WORKSPACE_ID,
} from '../support/stack';

// The attack of issue 19: Terraform evaluates `${...}` and `%{...}` in every string of `.tf.json` at plan, so an
// id such as this one made `terraform plan` read a local file.
const FILE = '${file("creds.json")}';
const DIRECTIVE = '%{ if true }x%{ endif }';
const GROUP = `/subscriptions/${SUBSCRIPTION}/resourceGroups`;
const IDENTITY_ID = `${GROUP}/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ci`;
const NAME_RULE = 'names in ARM ids hold only letters, digits, "_", "-", "." and "(" ")"';
const LITERAL_ONLY =
  'literal text without the cdktf token marker "${TfToken[": cdktf replaces the marker with the value it stands for (another resource\'s attribute), so this field takes no Terraform reference';

/** The message of the ValidationError `fn` throws (fails when it throws anything else). */
function validationMessage(fn: () => unknown): string {
  const e = thrown(fn);
  expect(ValidationError.isValidationError(e)).toBe(true);
  return e.message;
}

/**
 * Every `${` or `%{` Terraform would evaluate in `text`: what is left once its escapes `$${` and `%%{` are
 * taken out, scanning from the left (hashicorp/hcl hclsyntax/spec.md, "Template Literals"). Checked with
 * terraform 1.11.4: an output of "%%%{{" plans as "%%{{", one of "$$${x}" as "$${x}".
 */
function unescapedTemplates(text: string): string[] {
  // An escape is replaced, not removed: `%%%{` is `%` then the escape, and must not read as `%{` afterwards.
  return text.replace(/\$\$\{|%%\{/g, '\u0000').match(/[$%]\{/g) ?? [];
}

/** Every string of a JSON document, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe('ids that hold a Terraform template are refused', () => {
  const workspaceIn = (group: string) => `${GROUP}/${group}/providers/Microsoft.MachineLearningServices/workspaces/mlw`;

  test.each([
    [
      'workspaceId',
      { workspaceId: workspaceIn(`rg-${FILE}`) },
      `test/ci: workspaceId: received "${GROUP}/rg-\${file(\\"creds.json\\")}/providers/Microsoft.MachineLearningServices/workspaces/mlw"; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>; segment 4, the group, holds "$" "{" "\\"" "}": ${NAME_RULE}`,
    ],
    [
      'workspaceId with a directive',
      { workspaceId: `${workspaceIn('rg-ml')}${DIRECTIVE}` },
      `test/ci: workspaceId: received "${workspaceIn('rg-ml')}${DIRECTIVE}"; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>; segment 8, the workspace, holds "%" "{" " " "}": ${NAME_RULE}`,
    ],
    [
      'subnetId',
      { subnetId: `${GROUP}/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/${FILE}` },
      `test/ci: subnetId: received "${GROUP}/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/\${file(\\"creds.json\\")}"; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>; segment 10, the subnet, holds "$" "{" "\\"" "}": ${NAME_RULE}`,
    ],
    [
      'identity.userAssignedIdentityIds[0]',
      { identity: { type: 'UserAssigned' as const, userAssignedIdentityIds: [`${IDENTITY_ID}${DIRECTIVE}`] } },
      `test/ci: identity.userAssignedIdentityIds[0]: received "${IDENTITY_ID}${DIRECTIVE}"; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<identity>; segment 8, the identity, holds "%" "{" " " "}": ${NAME_RULE}`,
    ],
  ])('%s', (_field, props, message) => {
    const { stack } = newStack();
    const error = validationMessage(() => new ComputeInstance(stack, 'ci', { ...REQUIRED_PROPS, ...props }));
    expect(error).toBe(`Invalid input in test/ci (1 problem):\n  - ${message}`);
  });

  test('the import id of an existing instance and the role scope come from workspaceId: refused with it', () => {
    const { stack } = newStack();
    const error = validationMessage(
      () =>
        new ComputeInstance(stack, 'ci', {
          ...REQUIRED_PROPS,
          workspaceId: workspaceIn(`rg-${FILE}`),
          existing: true,
          assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: true },
        }),
    );
    expect(error).toContain('test/ci: workspaceId: received');
    expect(error).toContain(`segment 4, the group, holds "$" "{" "\\"" "}": ${NAME_RULE}`);
    // Nothing was declared for the refused instance.
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('text joined to a reference in an id may not hold a template either', () => {
    const { stack } = newStack();
    const ws = new TerraformVariable(stack, 'ws', { type: 'string' }).stringValue;
    const error = validationMessage(
      () => new ComputeInstance(stack, 'ci', { ...REQUIRED_PROPS, workspaceId: `${ws}${FILE}` }),
    );
    expect(error).toMatch(
      /^Invalid input in test\/ci \(1 problem\):\n {2}- test\/ci: workspaceId: received "\$\{TfToken\[TOKEN\.\d+\]\}\$\{file\(\\"creds\.json\\"\)\}"; allowed: a Terraform reference, alone or joined to text without "\$\{" or "%\{" \(an ARM id holds no "\$", "%", "\{" or "\}"\)$/,
    );
  });

  test.each<[string, ShutdownPolicyScope, string]>([
    [
      'scope.resourceGroupId',
      { resourceGroupId: `${GROUP}/rg-${FILE}` },
      `test/policy: scope.resourceGroupId: received "${GROUP}/rg-\${file(\\"creds.json\\")}"; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>; segment 4, the group, holds "$" "{" "\\"" "}": ${NAME_RULE}`,
    ],
    [
      'scope.managementGroupId',
      { managementGroupId: `mg-${DIRECTIVE}` },
      `test/policy: scope.managementGroupId: received "mg-${DIRECTIVE}"; allowed: a management group name (up to 90 letters, digits, -, _, (, ), .) or its id /providers/Microsoft.Management/managementGroups/<name>`,
    ],
    [
      'scope.subscriptionId',
      { subscriptionId: `/subscriptions/${FILE}` },
      `test/policy: scope.subscriptionId: received "/subscriptions/\${file(\\"creds.json\\")}"; allowed: a subscription GUID, or /subscriptions/<GUID>`,
    ],
  ])('policy %s', (_field, scope, message) => {
    const { stack } = newStack();
    const error = validationMessage(() => new ShutdownPolicy(stack, 'policy', { scope, requireSchedules: 'Audit' }));
    expect(error).toBe(`Invalid input in test/policy (1 problem):\n  - ${message}`);
  });
});

const REQUIRED_PROPS: ComputeInstanceProps = {
  name: 'ci-alice',
  workspaceId: WORKSPACE_ID,
  location: 'westeurope',
  vmSize: 'Standard_DS3_v2',
};

describe('free text reaches Terraform as text', () => {
  const description = `cost ${FILE} and ${DIRECTIVE} and $\${kept}`;
  const escapedDescription = 'cost $${file("creds.json")} and %%{ if true }x%%{ endif } and $$${kept}';

  test('azapi: description and tags escaped once, in the body, the replacement trigger and the tags', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'ci', { ...REQUIRED_PROPS, description, tags: { [`k${FILE}`]: DIRECTIVE } });
    const r = onlyResource(synthJson(stack), 'azapi_resource');
    expect(r.body.properties.description).toBe(escapedDescription);
    expect(r.tags).toEqual({ 'k$${file("creds.json")}': '%%{ if true }x%%{ endif }' });
    expect(r.replace_triggers_external_values.description).toBe(escapedDescription);
  });

  test('azurerm: description and tags escaped the same way', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'ci', {
      ...REQUIRED_PROPS,
      terraformResource: 'azurerm',
      description,
      tags: { note: FILE },
    });
    const r = onlyResource(synthJson(stack), 'azurerm_machine_learning_compute_instance');
    expect(r.description).toBe(escapedDescription);
    expect(r.tags).toEqual({ note: '$${file("creds.json")}' });
  });

  test('top-level arguments: text joined to a reference in name and location is escaped, the reference kept', () => {
    const { stack } = newStack();
    const v = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    new ComputeInstance(stack, 'ci', { ...REQUIRED_PROPS, name: `${v}${FILE}`, location: `${v}${DIRECTIVE}` });
    const r = onlyResource(synthJson(stack), 'azapi_resource');
    expect(r.name).toBe('${var.v}$${file("creds.json")}');
    expect(r.location).toBe('${var.v}%%{ if true }x%%{ endif }');
  });

  test('a policy rule escaped once: the setup script argument in the policy JSON', () => {
    const { stack } = newStack();
    new ShutdownPolicy(stack, 'policy', {
      scope: { subscriptionId: SUBSCRIPTION },
      defaultSetupScript: SetupScript.inline('echo hi', { arguments: FILE }),
    });
    const definitions = Object.values<any>(synthJson(stack).resource.azurerm_policy_definition);
    const rules = definitions.map((d) => d.policy_rule as string).join('\n');
    expect(rules).toContain('$${file(\\"creds.json\\")}');
    expect(unescapedTemplates(rules)).toEqual([]);
  });

  test.each([
    ['description', { description: 'see ${TfToken[TOKEN.0]}' }, 'description', '"see ${TfToken[TOKEN.0]}"'],
    ['a tag value', { tags: { owner: '${TfToken[TOKEN.0]}' } }, 'tags.owner', '"${TfToken[TOKEN.0]}"'],
    ['a tag name', { tags: { '${TfToken[TOKEN.0]}': 'x' } }, 'tags', '"${TfToken[TOKEN.0]}"'],
  ])('a cdktf token marker typed in %s is refused, not turned into a reference', (_what, props, field, shown) => {
    const { stack } = newStack();
    // TOKEN.0 exists: cdktf would resolve the marker to whatever it stands for.
    new TerraformVariable(stack, 'v', { type: 'string' });
    const error = validationMessage(() => new ComputeInstance(stack, 'ci', { ...REQUIRED_PROPS, ...props }));
    expect(error).toBe(
      `Invalid input in test/ci (1 problem):\n  - test/ci: ${field}: received ${shown}; allowed: ${LITERAL_ONLY}`,
    );
  });
});

describe("a cdktf token marker with a key cdktf never issued (cdktf's synth would throw without a path)", () => {
  const UNKNOWN =
    'literal text, or a Terraform reference this program made: the text holds cdktf\'s token marker "${TfToken[" with a key cdktf never issued, which would fail the synth';

  test('is refused at construction, in a prop and inside a setup script, each with its field', () => {
    const { stack } = newStack();
    const error = validationMessage(
      () =>
        new ComputeInstance(stack, 'ci', {
          ...REQUIRED_PROPS,
          location: 'x${TfToken[TOKEN]}',
          setupScripts: { startup: SetupScript.inline('echo hi', { arguments: 'a ${TfToken[NOPE.1]}' }) },
        }),
    );
    expect(error).toBe(
      'Invalid input in test/ci (2 problems):\n' +
        `  - test/ci: location: received "x\${TfToken[TOKEN]}"; allowed: ${UNKNOWN}\n` +
        `  - test/ci: properties.properties.setupScripts.scripts.startupScript.scriptArguments: received "a \${TfToken[NOPE.1]}"; allowed: ${UNKNOWN}`,
    );
  });

  test('is refused by a ShutdownPolicy too, in its scope and its default setup script (the property test found the scope)', () => {
    const { stack } = newStack();
    const error = validationMessage(
      () =>
        new ShutdownPolicy(stack, 'policy', {
          scope: { resourceGroupId: '/subscriptions${TfToken[TOKEN]}/resourceGroups/rg-ml' },
          requireSchedules: 'Audit',
          defaultSetupScript: SetupScript.inline('echo hi', { arguments: 'a ${TfToken[NOPE.1]}' }),
        }),
    );
    expect(error).toBe(
      'Invalid input in test/policy (2 problems):\n' +
        `  - test/policy: scope.resourceGroupId: received "/subscriptions\${TfToken[TOKEN]}/resourceGroups/rg-ml"; allowed: ${UNKNOWN}\n` +
        `  - test/policy: defaultSetupScript.scriptArguments: received "a \${TfToken[NOPE.1]}"; allowed: ${UNKNOWN}`,
    );
  });

  test('a reference the program made passes the same check', () => {
    const { stack } = newStack();
    const v = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    new ComputeInstance(stack, 'ci', { ...REQUIRED_PROPS, location: v });
    expect(onlyResource(synthJson(stack), 'azapi_resource').location).toBe('${var.v}');
  });
});

describe('property: whatever goes into an id or a text prop, nothing reaches Terraform as a template', () => {
  /** Text with every piece of template and ARM syntax, cdktf's marker, path separators and id parts. */
  const pieces = (marker: boolean) =>
    fc.array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 6 }),
        fc.constantFrom(
          '${',
          '%{',
          '$${',
          '%%{',
          '}',
          '$',
          '%',
          '{',
          FILE,
          DIRECTIVE,
          '${TfToken[',
          marker ? '${TfToken[TOKEN.0]}' : '${TfToken[TOKEN',
          ']}',
          '[',
          ']',
          '/',
          '"',
          '\n',
          'rg-ml',
          'Microsoft.MachineLearningServices',
        ),
      ),
      { maxLength: 8 },
    );
  /** Text for the props that take only literal text, cdktf's whole token marker included (refused there). */
  const hostile = pieces(true).map((parts) => parts.join(''));
  /**
   * Text for the props that take references (ids, name, location, script arguments): without the whole
   * marker, which cdktf reads as a reference wherever it is, typed or not (see LITERAL_TEXT_ONLY).
   */
  const hostileText = pieces(false).map((parts) => parts.join(''));
  /** An id with a hostile name in one of its segments, or hostile text alone. */
  const hostileId = (valid: string) =>
    fc.oneof(
      hostileText,
      fc.tuple(fc.nat(), hostileText).map(([i, h]) => {
        const parts = valid.split('/');
        const at = 1 + (i % (parts.length - 1));
        parts[at] = `${parts[at]}${h}`;
        return parts.join('/');
      }),
    );

  const RESOURCE_GROUP_ID = `${GROUP}/rg-ml`;
  /** Each run puts hostile text in one prop, so that a refused id does not hide what the text props do. */
  const FIELDS = {
    workspaceId: hostileId(WORKSPACE_ID),
    subnetId: hostileId(SUBNET_ID),
    userAssignedIdentityId: hostileId(IDENTITY_ID),
    policyResourceGroupId: hostileId(RESOURCE_GROUP_ID),
    name: hostileText,
    location: hostileText,
    description: hostile,
    tagName: hostile,
    tagValue: hostile,
    scriptArguments: hostileText,
  };
  type Field = keyof typeof FIELDS;
  const PLAIN: Record<Field, string> = {
    workspaceId: WORKSPACE_ID,
    subnetId: SUBNET_ID,
    userAssignedIdentityId: IDENTITY_ID,
    policyResourceGroupId: RESOURCE_GROUP_ID,
    name: 'ci-alice',
    location: 'westeurope',
    description: 'plain',
    tagName: 'team',
    tagValue: 'ml',
    scriptArguments: 'plain',
  };
  const runs = fc.record({
    hostile: fc.oneof(
      ...Object.entries(FIELDS).map(([field, value]) => value.map((v) => ({ field: field as Field, value: v }))),
    ),
    existing: fc.boolean(),
    grantAccess: fc.boolean(),
    terraformResource: fc.constantFrom('azapi' as const, 'azurerm' as const),
  });

  /** The instance in a stack, the policy in another (an ARM deployment has one scope). */
  function declare(run: typeof runs extends fc.Arbitrary<infer R> ? R : never): TerraformStack[] {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const policyStack = new TerraformStack(app, 'policy');
    const { field, value } = run.hostile;
    const azapiOnly = run.terraformResource === 'azapi';
    new ComputeInstance(stack, 'ci', {
      ...REQUIRED_PROPS,
      ...(field === 'name' ? { name: value } : {}),
      ...(field === 'location' ? { location: value } : {}),
      ...(field === 'workspaceId' ? { workspaceId: value } : {}),
      terraformResource: run.terraformResource,
      subnetId: field === 'subnetId' ? value : SUBNET_ID,
      ...(field === 'userAssignedIdentityId' && azapiOnly
        ? { identity: { type: 'UserAssigned' as const, userAssignedIdentityIds: [value] } }
        : {}),
      description: field === 'description' ? value : 'plain',
      tags: field === 'tagName' ? { [value]: 'v' } : { team: field === 'tagValue' ? value : 'ml' },
      ...(field === 'scriptArguments' && azapiOnly
        ? { setupScripts: { startup: SetupScript.inline('echo hi', { arguments: value }) } }
        : {}),
      existing: run.existing,
      assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID, grantAccess: run.grantAccess },
    });
    new ShutdownPolicy(policyStack, 'policy', {
      scope: { resourceGroupId: field === 'policyResourceGroupId' ? value : RESOURCE_GROUP_ID },
      requireSchedules: 'Audit',
      defaultSetupScript: SetupScript.inline('echo hi', {
        arguments: field === 'scriptArguments' ? value : 'plain',
      }),
    });
    return [stack, policyStack];
  }

  test('the Terraform JSON has no unescaped ${ or %{, or a ValidationError is thrown; the ARM template keeps [ escaped', () => {
    const synthesized = new Map<Field, number>();
    fc.assert(
      fc.property(runs, (run) => {
        let stacks: TerraformStack[];
        try {
          stacks = declare(run);
        } catch (e) {
          // Refused: with the library's error, never another one.
          if (!ValidationError.isValidationError(e)) throw e;
          return;
        }
        synthesized.set(run.hostile.field, (synthesized.get(run.hostile.field) ?? 0) + 1);
        const json = stacks.map((stack) => JSON.parse(Testing.synth(stack)));
        // The library's own references (`${azapi_resource.x.id}`) are the only templates: as many as in the
        // same stack declared with plain values.
        const baseline = declare({ ...run, hostile: { field: run.hostile.field, value: PLAIN[run.hostile.field] } });
        const templates = (doc: unknown) => strings(doc).flatMap(unescapedTemplates).length;
        expect(templates(json)).toBe(templates(baseline.map((stack) => JSON.parse(Testing.synth(stack)))));
        // ARM: each literal string that reads as an expression (`[...]`) starts with `[[`.
        const arm = ArmTemplate.synth(stacks[0]);
        const compute = (arm.resources as any[]).find(
          (r) => r.type === 'Microsoft.MachineLearningServices/workspaces/computes',
        );
        for (const s of strings({ properties: compute.properties, tags: compute.tags })) {
          if (s.startsWith('[') && s.endsWith(']')) expect(s.startsWith('[[')).toBe(true);
        }
        const { field, value } = run.hostile;
        const arm_ = value.startsWith('[') && value.endsWith(']') ? `[${value}` : value;
        if (field === 'description') expect(compute.properties.description).toBe(arm_);
        if (field === 'tagValue') expect(compute.tags.team).toBe(arm_);
      }),
      { numRuns: 400 },
    );
    // Not a test that only ever sees refusals: the text props synthesized their hostile values.
    for (const field of ['description', 'tagValue', 'scriptArguments'] as const) {
      expect(synthesized.get(field) ?? 0).toBeGreaterThan(10);
    }
  });
});
