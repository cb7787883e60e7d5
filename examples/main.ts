import { App } from 'cdktf';
import { ArmTemplate } from '../src';
import { ShutdownPolicyStack } from './policy';
import { WorkstationsStack } from './workstations';

/** Synthesizes every example: Terraform JSON under cdktf.out/stacks, ARM templates under cdktf.out/arm. */
export function synthExamples(outdir = 'cdktf.out'): App {
  const app = new App({ outdir, skipValidation: false });
  new WorkstationsStack(app, 'workstations');
  // Checks every compute instance of the app (the management group's subscriptions are not in the ids).
  new ShutdownPolicyStack(app, 'shutdown-policy');
  app.synth();
  ArmTemplate.writeForApp(app);
  return app;
}

if (require.main === module) synthExamples(process.argv[2]);
