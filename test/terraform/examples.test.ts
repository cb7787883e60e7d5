import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthExamples } from '../../examples/main';
import { Scenario } from '../rig/scenario';

/**
 * Every example stack and every fleet stack, as `npm run synth` writes them, through the real terraform:
 * init (offline, emulated providers), validate, apply, and a second plan that must be "No changes".
 * The fleet's stacks share one emulated Azure, as they share one tenant.
 */
jest.setTimeout(600_000);

const out = mkdtempSync(join(tmpdir(), 'rig-examples-'));
synthExamples(out);
const stacksIn = (dir: string, fleet: boolean) =>
  readdirSync(join(out, dir))
    .sort()
    .map((name) => ({ name, file: join(out, dir, name, 'cdk.tf.json'), fleet }));
const WORKSPACE =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-shared';
const VARS: { [stack: string]: { [name: string]: string } } = { workstations: { shared_workspace_id: WORKSPACE } };
const fleetAzure = join(mkdtempSync(join(tmpdir(), 'rig-fleet-azure-')), 'azure.json');

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(fleetAzure, '..'), { recursive: true, force: true });
});

function resourceCount(stack: any): number {
  return Object.values(stack.resource ?? {}).reduce((n: number, byName: any) => n + Object.keys(byName).length, 0);
}

describe.each([...stacksIn('stacks', false), ...stacksIn('fleet/stacks', true)])(
  'the $name stack through terraform 1.11',
  ({ name, file, fleet }) => {
    test('init, validate, apply, then plan: No changes, and Azure holds each compute as its GET answers', () => {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      const s = new Scenario(file, VARS[name] ?? {}, fleet ? { azureFile: fleetAzure } : {});
      try {
        const init = s.init();
        expect([init.code, init.stdout]).toEqual([
          0,
          expect.stringContaining('Terraform has been successfully initialized!'),
        ]);
        if (json.terraform.required_providers.azapi)
          expect(init.stdout).toContain('Installed azure/azapi v2.12.0 (unauthenticated)');
        expect(init.stdout).toContain('Installed hashicorp/azurerm v4.55.0 (unauthenticated)');
        const validate = s.validate();
        expect([validate.code, validate.stdout.trim(), validate.stderr]).toEqual([
          0,
          'Success! The configuration is valid.',
          '',
        ]);
        const apply = s.apply();
        expect([apply.code, apply.stderr]).toEqual([0, '']);
        expect(apply.stdout).toContain(
          `Apply complete! Resources: ${resourceCount(json)} added, 0 changed, 0 destroyed.`,
        );
        const plan = s.plan();
        expect([plan.code, plan.stderr]).toEqual([0, '']);
        expect(plan.stdout).toContain('No changes. Your infrastructure matches the configuration.');
        const stored: any = s.resources();
        // The policy resources (the governance stacks) are in Azure at the ids azurerm gives them.
        for (const r of Object.values<any>(json.resource?.azurerm_policy_definition ?? {})) {
          const id = `${r.management_group_id}/providers/Microsoft.Authorization/policyDefinitions/${r.name}`;
          expect([id, stored[id.toLowerCase()]?.properties?.policy_rule]).toEqual([id, r.policy_rule]);
        }
        for (const type of [
          'azurerm_management_group_policy_set_definition',
          'azurerm_management_group_policy_assignment',
        ]) {
          const kind = type.endsWith('assignment') ? 'policyAssignments' : 'policySetDefinitions';
          for (const r of Object.values<any>(json.resource?.[type] ?? {})) {
            const id = `${r.management_group_id}/providers/Microsoft.Authorization/${kind}/${r.name}`.toLowerCase();
            expect([id, stored[id]?.properties?.display_name]).toEqual([id, r.display_name]);
          }
        }
        for (const r of Object.values<any>(json.resource?.azapi_resource ?? {})) {
          const parent = String(r.parent_id).replace('${var.shared_workspace_id}', WORKSPACE);
          const id = `${parent}/computes/${r.name}`.toLowerCase();
          expect([id, stored[id]?.properties?.properties?.vmSize]).toEqual([
            id,
            String(r.body.properties.properties.vmSize).toUpperCase(),
          ]);
        }
      } finally {
        s.cleanup();
      }
    });
  },
);
