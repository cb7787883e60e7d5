import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISABLE_STACK_TRACE_IN_METADATA } from 'cdktf/lib/annotations';
import { parse } from 'yaml';
import { runCli } from '../support/cli';
import { stacksOf } from '../../examples/ci/stacks';
import { synthFleet } from '../../examples/fleet/fleet';

const WORKFLOW_FILE = join(__dirname, '..', '..', '..', 'examples', 'ci', 'fleet.yml');
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

  describe('the review comment on pull requests', () => {
    const planSteps = steps('plan');
    const save = planSteps.find((s) => s.name === 'Save the plan for the review') as any;
    const review = workflow.jobs.review;

    test('each stack saves its plan (errored ones too) and shows it as JSON with what review reads', () => {
      expect(planSteps[indexOfRun('plan', /^terraform plan\b/)].run).toBe(
        'terraform plan -lock-timeout=5m -out=tfplan',
      );
      expect(save).toEqual({
        name: 'Save the plan for the review',
        if: '${{ !cancelled() }}',
        'working-directory': 'stacks/${{ matrix.stack }}',
        // bash as GitHub runs it with `shell: bash`: -o pipefail, so a failing terraform show fails the step.
        shell: 'bash',
        env: { STACK: '${{ matrix.stack }}' },
        run: `terraform show -json tfplan | jq '{format_version, timestamp, errored, resource_changes, checks}' > "$STACK.plan.json"`,
      });
      expect(planSteps[planSteps.indexOf(save) + 1]).toEqual({
        uses: 'actions/upload-artifact@v4',
        if: '${{ !cancelled() }}',
        with: {
          name: 'plan-${{ matrix.stack }}',
          path: 'stacks/${{ matrix.stack }}/${{ matrix.stack }}.plan.json',
          'retention-days': 1,
        },
      });
    });

    test("the kept keys give the review the whole plan gives (on the rig's plans)", async () => {
      const keys = /jq '\{([^}]+)\}'/
        .exec(save.run)![1]
        .split(',')
        .map((k: string) => k.trim());
      const files: Record<string, string> = {};
      const names = ['team-a', 'team-b', 'team-c', 'team-d'];
      for (const name of names) {
        const plan = JSON.parse(
          readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'review', `${name}.plan.json`), 'utf8'),
        );
        files[`full/${name}.plan.json`] = JSON.stringify(plan);
        // jq's {a, b} gives null for a missing key.
        files[`kept/${name}.plan.json`] = JSON.stringify(
          Object.fromEntries(keys.map((k: string) => [k, plan[k] ?? null])),
        );
      }
      const run = async (dir: string) =>
        (await runCli(['review', ...names.map((n) => `${dir}/${n}.plan.json`), '--format', 'json'], { files })).out;
      const full = await run('full');
      expect(JSON.parse(full).stacks).toHaveLength(4);
      expect((await run('kept')).replace(/kept\//g, 'full/')).toBe(full);
    });

    test('one job after every plan posts or updates one comment with gh, allowed to write only pull requests', () => {
      expect(review.needs).toBe('plan');
      expect(review.if).toBe("${{ !cancelled() && github.event_name == 'pull_request' }}");
      expect(review.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
      const s: any[] = review.steps;
      expect(s.find((x) => x.uses === 'actions/download-artifact@v4').with).toEqual({
        pattern: 'plan-*',
        'merge-multiple': true,
        path: 'plans',
      });
      const reviewStep = s.findIndex((x) => x.name === 'Review the plans');
      expect(s[reviewStep].run).toBe(
        'node dist/src/cli/main.js review plans/*.plan.json --prices examples/ci/vm-prices.json --tz "W. Europe Standard Time" > review.md',
      );
      expect(s.findIndex((x) => x.run === 'npm run -s build')).toBeLessThan(reviewStep);
      expect(s[reviewStep + 1]).toEqual({
        name: 'Post or update the comment',
        env: { GH_TOKEN: '${{ github.token }}', PR: '${{ github.event.pull_request.number }}' },
        run: 'gh pr comment "$PR" --repo "$GITHUB_REPOSITORY" --edit-last --create-if-none --body-file review.md',
      });
    });

    test("the review step's arguments and prices file work (on the rig's plans)", async () => {
      const args = (review.steps as any[])
        .find((x) => x.name === 'Review the plans')
        .run.replace('node dist/src/cli/main.js ', '')
        .replace(' > review.md', '')
        .replace('plans/*.plan.json', 'test/fixtures/review/team-a.plan.json')
        .replace('"W. Europe Standard Time"', 'W._Europe_Standard_Time')
        .split(' ')
        .map((a: string) => a.replace(/_/g, ' '));
      const r = await runCli(args);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toContain('cost 45.00 → 79.50 (+34.50) a week');
    });
  });
});
