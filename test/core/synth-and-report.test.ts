import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExamples } from '../../examples/main';
import { synthFleet } from '../../examples/fleet/fleet';
import { ComputeInstance, Duration, ShutdownPolicy, synthAndReport, ValidationError } from '../../src';
import { REQUIRED, SUBSCRIPTION, thrown } from '../support/stack';

const REPO = join(__dirname, '..', '..', '..');

/** Lines written to the output, and the exit code set, by `fn`; the exit code is put back afterwards. */
function captured(fn: (output: { write(text: string): boolean }) => void): { lines: string[]; exitCode: unknown } {
  const before = process.exitCode;
  const text: string[] = [];
  try {
    fn({ write: (t) => text.push(t) > 0 });
    return { lines: text.join('').split('\n').slice(0, -1), exitCode: process.exitCode };
  } finally {
    process.exitCode = before;
  }
}

const newApp = () => new App({ outdir: mkdtempSync(join(tmpdir(), 'report-')) });

describe('synthAndReport', () => {
  test('prints each warning with its construct path, writes the stacks, and leaves the exit code alone', () => {
    const app = newApp();
    new ComputeInstance(new TerraformStack(app, 'workstations'), 'alice', { ...REQUIRED, localAuth: true });
    const { lines, exitCode } = captured((out) => {
      const report = synthAndReport(app, out);
      expect(report.errors).toEqual([]);
      expect(report.warnings).toEqual([
        {
          level: 'warning',
          path: 'workstations/alice',
          message:
            "Local authentication is enabled (localAuth: true): Azure's built-in policy e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f reports it non-compliant.",
        },
      ]);
    });
    expect(lines).toEqual([
      "WARNING [workstations/alice] Local authentication is enabled (localAuth: true): Azure's built-in policy e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f reports it non-compliant.",
    ]);
    expect(exitCode).toBe(undefined);
    expect(JSON.parse(readFileSync(join(app.outdir, 'stacks', 'workstations', 'cdk.tf.json'), 'utf8'))).toHaveProperty(
      'resource.azapi_resource',
    );
  });

  test('prints a Deny violation as an error instead of throwing, says the synth stopped, and sets exit code 1', () => {
    const app = newApp();
    new ShutdownPolicy(new TerraformStack(app, 'governance'), 'shutdown', {
      scope: { subscriptionId: SUBSCRIPTION },
      idleShutdown: { effect: 'Deny', max: Duration.hours(1) },
    });
    new ComputeInstance(new TerraformStack(app, 'workstations'), 'alice', {
      ...REQUIRED,
      idleShutdown: Duration.hours(2),
    });
    const { lines, exitCode } = captured((out) => synthAndReport(app, out));
    expect(lines).toEqual([
      'ERROR [workstations/alice] IdleShutdown (Deny, ShutdownPolicy governance/shutdown): idleTimeBeforeShutdown: received "PT2H"; allowed: an idle shutdown of at most 1 hour (PT1H). Azure Policy refuses this instance.',
      'Synthesis stopped at the first stack with an error: stacks after it were not written.',
    ]);
    expect(exitCode).toBe(1);
  });

  test('escapes control and bidi characters in paths and messages: one annotation is one inert line', () => {
    const app = newApp();
    const child = new Construct(new TerraformStack(app, 'ws'), 'x\u001b]0;title\u0007');
    Annotations.of(child).addWarning('red \u001b[31mtext\u001b[0m\n::error::forged line \u202egnp.exe\r\tend\u0085');
    const { lines } = captured((out) => synthAndReport(app, out));
    expect(lines).toEqual([
      'WARNING [ws/x\\x1b]0;title\\x07] red \\x1b[31mtext\\x1b[0m\\n::error::forged line \\u202egnp.exe\\r\\tend\\x85',
    ]);
  });

  test('throws again what app.synth() throws for anything but error annotations', () => {
    const app = newApp();
    new TerraformStack(app, 'broken').node.addValidation({ validate: () => ['not an annotation'] });
    const { lines } = captured((out) => {
      expect(() => synthAndReport(app, out)).toThrow('not an annotation');
    });
    expect(lines).toEqual([]);
  });
});

describe('the examples print what their apps report (npm run synth, the CI synth step)', () => {
  test('the azurerm subscription warnings of the policy stacks, with their paths', () => {
    const { lines, exitCode } = captured((out) => synthExamples(mkdtempSync(join(tmpdir(), 'examples-')), out));
    const notice =
      'The azurerm provider the library declares for this stack names no subscription (a management-group policy names none), and azurerm 4 needs one: declare your own azurerm provider with subscriptionId, or set ARM_SUBSCRIPTION_ID in the pipeline.';
    expect(lines).toContain(`WARNING [shutdown-policy] ${notice}`);
    expect(lines).toContain(`WARNING [fleet-governance] ${notice}`);
    expect(lines.every((l) => /^(WARNING|INFO) \[[^\]]+\] /.test(l))).toBe(true);
    expect(exitCode).toBe(undefined);
  });

  test('the fleet over the Deny cap: the error line, and a failing exit code for the CI step', () => {
    const roster = join(REPO, 'examples', 'fleet', 'roster-over-cap.yaml');
    const { lines, exitCode } = captured((out) => synthFleet(mkdtempSync(join(tmpdir(), 'fleet-')), roster, out));
    expect(lines).toContain(
      'ERROR [fleet-nlp-weu/erin] IdleShutdown (Deny, ShutdownPolicy fleet-governance/shutdown): idleTimeBeforeShutdown: received "PT8H"; allowed: an idle shutdown of at most 4 hours (PT4H). Azure Policy refuses this instance.',
    );
    expect(exitCode).toBe(1);
  });
});

test('refuses an app of the other framework, naming the entry to import', () => {
  const cdktn = require('cdktn') as typeof import('cdktn');
  const e = thrown(() => synthAndReport(new cdktn.App() as unknown as App));
  expect(ValidationError.isValidationError(e)).toBe(true);
  expect(e.message).toBe(
    "Invalid input in the app (1 problem):\n  - the app: scope: received cdktn.App (the app), of CDK Terrain (cdktn); allowed: a construct of CDK for Terraform (cdktf): this is the package's cdktf entry, 'cdktf-azureml-compute'; with cdktn, import from 'cdktf-azureml-compute/cdktn'",
  );
});
