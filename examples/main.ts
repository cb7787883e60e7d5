import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';
import { ArmTemplate, ReportOutput, synthAndReport } from '../src';
import { armOnlyTemplate } from './arm-only';
import { synthFleet } from './fleet/fleet';
import { ShutdownPolicyStack } from './policy';
import { WorkstationsStack } from './workstations';

/**
 * Synthesizes every example: Terraform JSON under cdktf.out/stacks, ARM templates under cdktf.out/arm (the
 * ARM-only stack has no Terraform JSON), and the fleet under cdktf.out/fleet. The apps' warnings and errors
 * are printed to `output` (plain `node` prints none of its own), and an error sets a non-zero exit code.
 */
export function synthExamples(outdir = 'cdktf.out', output: ReportOutput = process.stderr): App {
  const app = new App({ outdir, skipValidation: false });
  new WorkstationsStack(app, 'workstations');
  // Checks every compute instance of the app (the management group's subscriptions are not in the ids).
  new ShutdownPolicyStack(app, 'shutdown-policy');
  synthAndReport(app, output);
  ArmTemplate.writeForApp(app);
  mkdirSync(join(outdir, 'arm'), { recursive: true });
  writeFileSync(join(outdir, 'arm', 'arm-only.json'), `${JSON.stringify(armOnlyTemplate(), null, 2)}\n`);
  // A platform team's fleet is an app of its own (its policy checks only its own instances):
  // <outdir>/fleet/stacks/fleet-<workspace>/cdk.tf.json and fleet-governance, from examples/fleet/roster.yaml.
  synthFleet(join(outdir, 'fleet'), undefined, output);
  return app;
}

if (require.main === module) synthExamples(process.argv[2]);
