import { readFileSync } from 'fs';
import { resolve } from 'path';
import { ROOT, runCli } from '../../support/cli';

/**
 * `aml-compute review` on plans the real terraform made (test/fixtures/review, written by
 * test/terraform/review-plans.test.ts with the rig): team A replaces ci-alice (a bigger VM, office hours instead
 * of a stop only), keeps ci-bob (whose drift check fails), deletes ci-carol, creates ci-dave and imports ci-erin;
 * team B creates ci-frank without schedules and a shutdown policy. The plans' week is that of 2026-03-25: in
 * Berlin, daylight saving starts on its Sunday, so the week has 167 hours.
 */
const A = 'test/fixtures/review/team-a.plan.json';
const B = 'test/fixtures/review/team-b.plan.json';
const BERLIN = ['--tz', 'W. Europe Standard Time'];
const planText = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');
const OFFICE = 'Start cron 0 8 * * 1-5 (W. Europe Standard Time); Stop cron 0 18 * * 1-5 (W. Europe Standard Time)';

async function reviewJson(args: string[], files?: Record<string, string>): Promise<any> {
  const r = await runCli(['review', ...args, '--format', 'json'], { files });
  expect([r.code, r.err]).toEqual([0, '']);
  return JSON.parse(r.out);
}

describe('aml-compute review: what a fleet pull request does, from real plans', () => {
  test('each instance: name, user, action in words, the replacing field, schedules and hours before and after', async () => {
    const review = await reviewJson([A, B, ...BERLIN]);
    expect(review.week).toEqual({ zone: 'Europe/Berlin', from: '2026-03-23', to: '2026-03-29' });
    const [a, b] = review.stacks;
    expect(a.file).toBe(A);
    expect(a.instances.map((i: any) => [i.name, i.user, i.action, i.change])).toEqual([
      ['ci-alice', 'aaaaaaaa-0000-0000-0000-000000000001', 'replaced', 'replaced: the disk is wiped'],
      ['ci-bob', 'aaaaaaaa-0000-0000-0000-000000000002', 'unchanged', 'unchanged'],
      ['ci-carol', 'aaaaaaaa-0000-0000-0000-000000000003', 'deleted', 'deleted: the disk is wiped'],
      ['ci-dave', 'aaaaaaaa-0000-0000-0000-000000000004', 'created', 'created'],
      [
        'ci-erin',
        'aaaaaaaa-0000-0000-0000-000000000005',
        'imported',
        'imported (adopted as it is in Azure, not recreated)',
      ],
    ]);
    const [alice, bob, carol, dave] = a.instances;
    expect(alice.replacedBy).toEqual(['vmSize: standard_ds3_v2 → standard_ds4_v2']);
    expect(alice.vmSize).toEqual({ before: 'Standard_DS3_v2', after: 'Standard_DS4_v2' });
    expect(alice.schedules).toEqual({
      before: 'Stop cron 0 18 * * 1-5 (W. Europe Standard Time) (no Start: runs only when someone starts it)',
      after: OFFICE,
    });
    // A stop only: stopped all week unless someone starts it; office hours: 5 × 10 h.
    expect(alice.hoursPerWeek).toEqual({ before: 0, after: 50 });
    expect(bob.hoursPerWeek).toEqual({ before: 50, after: 50 });
    expect(carol.hoursPerWeek).toEqual({ before: 50 });
    expect(carol.schedules).toEqual({ before: OFFICE });
    expect(dave.hoursPerWeek).toEqual({ after: 65 });
    expect(a.checks).toEqual([
      {
        address: 'check.drift_ci_bob',
        status: 'fail',
        messages: ['ci-bob: Azure runs schedules the code does not declare (drift)'],
      },
    ]);
    // No schedules: runs the whole week, which is 167 h when daylight saving starts in it.
    expect(b.instances[0]).toMatchObject({ name: 'ci-frank', action: 'created', hoursPerWeek: { after: 167 } });
    expect(b.instances[0].schedules).toEqual({ after: 'none: runs until someone stops it' });
    expect(b.policies.map((p: any) => [p.change, p.type, p.name])).toEqual([
      ['created', 'azurerm_policy_definition', 'ml-shutdown-default-schedules'],
      ['created', 'azurerm_policy_definition', 'ml-shutdown-require-stop-schedule'],
      ['created', 'azurerm_policy_set_definition', 'ml-shutdown'],
      ['created', 'azurerm_subscription_policy_assignment', 'ml-shutdown'],
    ]);
    expect(review.headline).toBe(
      '2 created, 1 imported, 1 replaced (disk wiped), 1 deleted, 1 unchanged; running 150.0 → 382.0 (+232.0) h a week',
    );
  });

  test('costs by VM size from --prices (case-insensitive), --price-per-hour for the sizes it does not name', async () => {
    const prices = JSON.stringify({ standard_ds4_v2: 0.6, Standard_DS3_v2: 0.3 });
    const review = await reviewJson([A, '--prices', 'prices.json', ...BERLIN], { 'prices.json': prices });
    // Before: 150 h at 0.3; after: ci-alice's 50 h at 0.6, 165 h at 0.3. A month is 730.5 h, a week here 167.
    const alice = review.stacks[0].instances[0];
    expect(alice.costPerWeek).toEqual({ before: 0, after: 30 });
    // A month is 730.5 h: 50 h of a 167 h week is 50 × 730.5 / 167 h a month.
    expect(alice.costPerMonth.after).toBeCloseTo(((50 * 730.5) / 167) * 0.6, 10);
    expect(review.headline).toBe(
      '1 created, 1 imported, 1 replaced (disk wiped), 1 deleted, 1 unchanged; running 150.0 → 215.0 (+65.0) h a week; cost 45.00 → 79.50 (+34.50) a week, 196.84 → 347.75 (+150.91) a month',
    );
    const partial = await reviewJson([A, '--prices', 'p.json', ...BERLIN], { 'p.json': '{"Standard_DS3_v2": 0.3}' });
    expect(partial.headline).toContain('cost 45.00 → 49.50 (+4.50) a week');
    expect(partial.headline).toContain('(1 without a price left out)');
  });

  test('the text for a terminal: the total first, then each stack', async () => {
    const r = await runCli(['review', A, ...BERLIN, '--price-per-hour', '0.5', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 11)).toEqual([
      'aml-compute review: 1 created, 1 imported, 1 replaced (disk wiped), 1 deleted, 1 unchanged; running 150.0 → 215.0 (+65.0) h a week; cost 75.00 → 107.50 (+32.50) a week, 328.07 → 470.23 (+142.16) a month',
      'week of 2026-03-23 to 2026-03-29, Europe/Berlin',
      '',
      `${A}: 1 created, 1 imported, 1 replaced (disk wiped), 1 deleted, 1 unchanged`,
      '  ci-alice (user aaaaaaaa-0000-0000-0000-000000000001): replaced: the disk is wiped',
      '    because vmSize: standard_ds3_v2 → standard_ds4_v2',
      '    VM size: Standard_DS3_v2 → Standard_DS4_v2',
      '    schedules before: Stop cron 0 18 * * 1-5 (W. Europe Standard Time) (no Start: runs only when someone starts it)',
      `    schedules after: ${OFFICE}`,
      '    hours a week: 0.0 → 50.0 (+50.0)',
      '    cost: 0.00 → 25.00 (+25.00) a week, 0.00 → 109.36 (+109.36) a month',
    ]);
    expect(r.out).toContain(
      '  check check.drift_ci_bob fail: ci-bob: Azure runs schedules the code does not declare (drift)\n',
    );
  });

  test('markdown: the total, then one collapsible block per stack with a table row per instance', async () => {
    const r = await runCli(['review', A, B, ...BERLIN]);
    expect(r.code).toBe(0);
    const md = r.out;
    expect(md.startsWith('### aml-compute review\n\n**2 created, 1 imported, 1 replaced (disk wiped)')).toBe(true);
    expect(md.match(/<details>/g)).toHaveLength(2);
    expect(md.match(/<\/details>/g)).toHaveLength(2);
    expect(md).toContain(
      `<details><summary>\`${A}\`: 1 created, 1 imported, 1 replaced (disk wiped), 1 deleted, 1 unchanged</summary>`,
    );
    expect(md).toContain(
      '| `ci-alice` | `aaaaaaaa-0000-0000-0000-000000000001` | replaced: the disk is wiped<br>because `vmSize: standard_ds3_v2 → standard_ds4_v2` | `Standard_DS3_v2` → `Standard_DS4_v2` | `Stop cron 0 18 * * 1-5 (W. Europe Standard Time) (no Start: runs only when someone starts it)` →<br>`' +
        OFFICE +
        '` | 0.0 → 50.0 (+50.0) | – |',
    );
    expect(md).toContain(
      '- `check.drift_ci_bob` fail: `ci-bob: Azure runs schedules the code does not declare (drift)`',
    );
    expect(md).toContain('**Policy changes**:\n- created: `azurerm_policy_definition` `ml-shutdown-default-schedules`');
  });

  test('a replacement refused by deletion protection: the errored plan says so, and no disk is wiped', async () => {
    const review = await reviewJson(['test/fixtures/review/team-c.plan.json']);
    expect(review.headline).toBe(
      '1 refused (a replacement or deletion in a plan that errored); running 50.0 → 50.0 (±0.0) h a week',
    );
    const [grace] = review.stacks[0].instances;
    expect([review.stacks[0].errored, grace.name, grace.action, grace.refused, grace.change]).toEqual([
      true,
      'ci-grace',
      'replaced',
      true,
      'replacement refused: the plan errored (deletionProtection refuses this); the disk stays',
    ]);
    expect(grace.replacedBy).toEqual(['vmSize: standard_ds3_v2 → standard_ds4_v2']);
    // Not applied: the bigger VM's price does not count.
    const priced = await reviewJson(['test/fixtures/review/team-c.plan.json', '--prices', 'p.json'], {
      'p.json': '{"Standard_DS3_v2": 0.3, "Standard_DS4_v2": 0.6}',
    });
    expect(priced.stacks[0].instances[0].costPerWeek).toEqual({ before: 15, after: 15 });
    const md = (await runCli(['review', 'test/fixtures/review/team-c.plan.json'])).out;
    expect(md).toContain('**The plan errored**: terraform could not plan every change');
  });

  test('an instance rendered for azurerm: its user, the replacing attribute with its values, no schedules', async () => {
    const review = await reviewJson(['test/fixtures/review/team-d.plan.json', '--price-per-hour', '1']);
    expect(review.stacks[0].instances).toEqual([
      {
        name: 'ci-hank',
        address: 'azurerm_machine_learning_compute_instance.hank_073FFB9D',
        user: 'aaaaaaaa-0000-0000-0000-000000000008',
        action: 'replaced',
        change: 'replaced: the disk is wiped',
        refused: false,
        replacedBy: ['virtual_machine_size: Standard_DS3_v2 → Standard_DS4_v2'],
        vmSize: { before: 'Standard_DS3_v2', after: 'Standard_DS4_v2' },
        schedules: { before: 'none: runs until someone stops it', after: 'none: runs until someone stops it' },
        hoursPerWeek: { before: 168, after: 168 },
        costPerWeek: { before: 168, after: 168 },
        costPerMonth: { before: 730.5, after: 730.5 },
      },
    ]);
  });

  test('the same plans give the same output, byte for byte', async () => {
    const one = await runCli(['review', A, B, '--price-per-hour', '1']);
    const two = await runCli(['review', A, B, '--price-per-hour', '1']);
    expect(one.out).toBe(two.out);
  });
});

describe('aml-compute review: unusable plans exit 2 and say why', () => {
  test.each([
    ['not JSON', 'terraform plan output, not JSON', /^aml-compute review: p\.json: not JSON/],
    ['an array', '[]', /p\.json: not a Terraform plan \(JSON array, expected an object\)/],
    [
      'no format_version',
      '{"resource_changes": []}',
      /p\.json: not a Terraform plan \(no format_version; expected the output of terraform show -json PLANFILE\)/,
    ],
    [
      'format 2.0',
      '{"format_version": "2.0", "resource_changes": []}',
      /p\.json: plan format_version "2\.0" is not one this command knows \(it reads format 1\.x/,
    ],
    [
      'a state',
      '{"format_version": "1.0", "values": {}}',
      /p\.json: not a Terraform plan \(format 1\.0 without resource_changes or planned_values: a state/,
    ],
  ])('%s', async (_what, text, message) => {
    const r = await runCli(['review', 'p.json'], { files: { 'p.json': text } });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  test('a bad --format, --prices or --price-per-hour', async () => {
    expect((await runCli(['review', A, '--format', 'html'])).err).toBe(
      'aml-compute review: --format html: allowed: markdown, text or json\n',
    );
    expect(
      (await runCli(['review', A, '--prices', 'p.json'], { files: { 'p.json': '{"Standard_DS3_v2": "cheap"}' } })).err,
    ).toBe(
      'aml-compute review: --prices p.json: "Standard_DS3_v2": received "cheap"; allowed: a number of 0 or more\n',
    );
    expect((await runCli(['review', A, '--price-per-hour=-1'])).err).toBe(
      'aml-compute review: --price-per-hour: received -1; allowed: a number of 0 or more\n',
    );
  });
});

/** Team A's plan with ci-alice's name (in before and after) set to `name`. */
function renamed(name: string): string {
  const plan = JSON.parse(planText(A));
  for (const rc of plan.resource_changes)
    for (const side of ['before', 'after']) if (rc.change[side]?.name === 'ci-alice') rc.change[side].name = name;
  return JSON.stringify(plan);
}

describe('aml-compute review: the plan is hostile input', () => {
  const HOSTILE =
    'x`` </details><img src=x onerror=alert(1)> @octocat [click](https://evil.example) | ok |\n# heading \u202e\u001b[31m';

  test('markdown: a name cannot close the details, add HTML, a link, a mention, a cell or a line', async () => {
    const r = await runCli(['review', 'p.json'], { files: { 'p.json': renamed(HOSTILE) } });
    expect(r.code).toBe(0);
    const md = r.out;
    // Our own one pair of tags; the name's `</details>` is inside a code span, on the row's line.
    expect(md.match(/<details>/g)).toHaveLength(1);
    const rowLine = md.split('\n').find((l) => l.includes('onerror'))!;
    expect(
      rowLine.startsWith(
        '| ```x`` </details><img src=x onerror=alert(1)> @octocat [click](https://evil.example) \\| ok \\|\\u000a# heading \\u202e\\u001b[31m``` |',
      ),
    ).toBe(true);
    // The row still has its 7 cells: every | of the name is escaped.
    expect(rowLine.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(md).not.toMatch(/\u202e|\u001b/);
  });

  test('text: control and bidirectional characters are shown escaped', async () => {
    const r = await runCli(['review', 'p.json', '--format', 'text'], { files: { 'p.json': renamed(HOSTILE) } });
    expect(r.out).toContain(
      '\\u000a# heading \\u202e\\u001b[31m (user aaaaaaaa-0000-0000-0000-000000000001): replaced',
    );
    expect(r.out).not.toMatch(/\u202e|\u001b/);
  });

  test('markdown: a long value is cut at 300 characters, a stack lists 20 failing checks and says how many more', async () => {
    const plan = JSON.parse(planText(A));
    const [check] = plan.checks;
    plan.checks = Array.from({ length: 25 }, (_, n) => ({
      ...check,
      address: { ...check.address, to_display: `check.c${n}` },
      instances: [{ ...check.instances[0], problems: [{ message: `${'`'.repeat(1000)}${'x'.repeat(100_000)}` }] }],
    }));
    const md = (await runCli(['review', 'p.json'], { files: { 'p.json': JSON.stringify(plan) } })).out;
    expect(md.length).toBeLessThan(65_536);
    expect(md).toContain('- `check.c19` fail: ');
    expect(md).not.toContain('check.c20');
    expect(md).toContain('\n- … and 5 more\n');
    // 300 backticks of the message, cut with "…", in a fence of 301.
    expect(md).toContain(`- \`check.c0\` fail: ${'`'.repeat(301)} ${'`'.repeat(300)}… ${'`'.repeat(301)}\n`);
  });

  test('a body known only after apply: schedules and hours unknown, not taken as none (always on)', async () => {
    const plan = JSON.parse(planText(A));
    const dave = plan.resource_changes.find((rc: any) => rc.change.after?.name === 'ci-dave');
    delete dave.change.after.body;
    dave.change.after_unknown = { ...dave.change.after_unknown, body: true };
    const review = await reviewJson(['p.json', '--from', '2026-07-01'], { 'p.json': JSON.stringify(plan) });
    expect(review.week).toEqual({ zone: 'Etc/UTC', from: '2026-06-29', to: '2026-07-05' });
    const i = review.stacks[0].instances.find((x: any) => x.name === 'ci-dave');
    expect([i.action, i.schedules, i.hoursPerWeek]).toEqual(['created', { after: 'known only after apply' }, {}]);
  });

  test('invalid schedules in a plan are not charted, and say so', async () => {
    const plan = JSON.parse(planText(A));
    const dave = plan.resource_changes.find((rc: any) => rc.change.after?.name === 'ci-dave');
    dave.change.after.body.properties.properties.schedules.computeStartStop[0].cron.expression = '*/1 * * * * *';
    const review = await reviewJson(['p.json'], { 'p.json': JSON.stringify(plan) });
    const i = review.stacks[0].instances.find((x: any) => x.name === 'ci-dave');
    expect(i.schedules.after).toBe('1 of 2 schedules are invalid (aml-compute lint says why)');
    expect(i.hoursPerWeek).toEqual({});
    expect(review.headline).toContain('(1 unknown left out)');
  });

  test('a fleet too large for one comment is cut under 65,536 characters with how many were left out', async () => {
    const plan = JSON.parse(planText(A));
    const alice = plan.resource_changes.find((rc: any) => rc.change.after?.name === 'ci-alice');
    plan.resource_changes = Array.from({ length: 2000 }, (_, n) => {
      const copy = JSON.parse(JSON.stringify(alice));
      copy.address = `azapi_resource.ci_${n}`;
      copy.change.before.name = copy.change.after.name = `ci-${n}`;
      return copy;
    });
    const r = await runCli(['review', 'p.json', 'q.json'], {
      files: { 'p.json': JSON.stringify(plan), 'q.json': planText(B) },
    });
    expect(r.code).toBe(0);
    expect(r.out.length).toBeLessThanOrEqual(65_536);
    const shown = r.out.split('\n').filter((l) => l.startsWith('| `ci-')).length;
    expect(shown).toBeGreaterThan(100);
    expect(r.out).toContain(
      `**… and ${2000 - shown + 1} more instances in 1 more stack**, not shown: a comment holds at most 65,536 characters.`,
    );
    // Team B's stack is left out whole: its ci-frank is one of those counted.
    expect(r.out).not.toContain('ci-frank');
    expect(r.out.startsWith('### aml-compute review\n\n**1 created, 2000 replaced (disk wiped);')).toBe(true);
  });
});
