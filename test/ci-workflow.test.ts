import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISABLE_STACK_TRACE_IN_METADATA } from 'cdktf/lib/annotations';
import { parse } from 'yaml';
import { stacksOf } from '../examples/ci/stacks';
import { synthFleet } from '../examples/fleet/fleet';

const WORKFLOW_FILE = join(__dirname, '..', '..', 'examples', 'ci', 'fleet.yml');
const text = readFileSync(WORKFLOW_FILE, 'utf8');
const workflow = parse(text);

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  'working-directory'?: string;
}
const steps = (job: string): Step[] => workflow.jobs[job].steps;
const indexOfRun = (job: string, pattern: RegExp) =>
  steps(job).findIndex((s) => s.run !== undefined && pattern.test(s.run));

describe('the fleet workflow (examples/ci/fleet.yml)', () => {
  test('runs on pull requests and on pushes to main', () => {
    expect(workflow.on).toEqual({ pull_request: null, push: { branches: ['main'] } });
  });

  test('synthesizes before it lists the stacks, and hands the list to the later jobs', () => {
    const synth = indexOfRun('synth', /^npm run synth$/);
    const list = steps('synth').findIndex((s) => s.id === 'stacks');
    expect(indexOfRun('synth', /^npm ci$/)).toBeGreaterThanOrEqual(0);
    expect(synth).toBeGreaterThan(indexOfRun('synth', /^npm ci$/));
    expect(list).toBeGreaterThan(synth);
    expect(steps('synth')[list].run).toBe(
      'echo "stacks=$(node dist/examples/ci/stacks.js cdktf.out/fleet)" >> "$GITHUB_OUTPUT"',
    );
    expect(workflow.jobs.synth.outputs).toEqual({ stacks: '${{ steps.stacks.outputs.stacks }}' });
  });

  test.each(['plan', 'apply'])('%s waits for synth and runs once per synthesized stack', (job) => {
    expect(workflow.jobs[job].needs).toBe('synth');
    expect(workflow.jobs[job].strategy.matrix).toEqual({ stack: '${{ fromJSON(needs.synth.outputs.stacks) }}' });
    const command = job === 'plan' ? /^terraform plan\b/ : /^terraform apply\b/;
    const init = indexOfRun(job, /^terraform init$/);
    expect(init).toBeGreaterThanOrEqual(0);
    expect(indexOfRun(job, command)).toBeGreaterThan(init);
    for (const s of steps(job).filter((x) => x.run?.startsWith('terraform')))
      expect(s['working-directory']).toBe('stacks/${{ matrix.stack }}');
  });

  test('the stack list is every stack the fleet synthesizes', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'ci-'));
    const app = synthFleet(outdir);
    const stacks = app.node.children.map((c) => c.node.id).sort();
    expect(stacks).toHaveLength(4);
    expect(stacksOf(outdir)).toEqual(stacks);
  });

  test('plans on pull requests; applies only on main, behind the production environment', () => {
    expect(workflow.jobs.plan.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.apply.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(workflow.jobs.apply.environment).toBe('production');
    expect(workflow.jobs.plan.environment).toBeUndefined();
  });

  test('signs in with OIDC from repository variables, and sets no secret', () => {
    expect(workflow.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(workflow.env).toMatchObject({
      ARM_USE_OIDC: 'true',
      ARM_CLIENT_ID: '${{ vars.ARM_CLIENT_ID }}',
      ARM_TENANT_ID: '${{ vars.ARM_TENANT_ID }}',
      ARM_SUBSCRIPTION_ID: '${{ vars.ARM_SUBSCRIPTION_ID }}',
    });
    expect(text).not.toMatch(/secrets\./);
    expect(text).not.toMatch(/CLIENT_SECRET|ACCESS_KEY|SAS_TOKEN|password/i);
    // No literal GUID (client, tenant, subscription) and no long token-like string (mixed case or digits) anywhere.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    const tokenLike = (text.match(/[A-Za-z0-9+/=_-]{32,}/g) ?? []).filter((t) => !/^[a-z_/@]+$/.test(t));
    expect(tokenLike).toEqual([]);
  });

  test("turns off Terraform's checkpoint call and the stack traces of cdktf annotations", () => {
    expect(workflow.env.CHECKPOINT_DISABLE).toBe('1');
    expect(DISABLE_STACK_TRACE_IN_METADATA).toBe('@cdktf/disable_stack_trace_in_metadata');
    expect(JSON.parse(workflow.env.CDKTF_CONTEXT_JSON)).toEqual({ [DISABLE_STACK_TRACE_IN_METADATA]: true });
  });
});
