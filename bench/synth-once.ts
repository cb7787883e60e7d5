/**
 * One measured synth, in a fresh process:
 * `node dist/bench/synth-once.js <library|baseline|floor|policy-fixture> <n> <outdir> [shared|distinct] [checks-on|checks-off]`,
 * or `<library-fleet|baseline-fleet> <stacks>x<instances per stack> <outdir> shared [checks-on|checks-off]` for the
 * fleet workload. The instances' drift checks are on unless `checks-off`, as users get them.
 * Prints one JSON line: { ms, maxRssMb }. Time covers building the constructs and writing the output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import type { PolicyFixture } from './baseline';

/**
 * Each side is required only in the mode that measures it: the baseline process never loads the library
 * (its load time is the library's cost), and the library process never loads the baseline.
 */
const library = () => require('./workload') as typeof import('./workload');
const baseline = () => require('./baseline') as typeof import('./baseline');

const [mode, count, outdir, workload, checks] = process.argv.slice(2);
const distinct = workload === 'distinct';
const driftCheck = checks !== 'checks-off';
const [n, perStack] = count.split('x').map(Number);
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
/** CPU time of this process (all its threads, GC included), steadier than wall time on a shared machine. */
const cpuMs = () => {
  const u = process.cpuUsage(cpuStart);
  return (u.user + u.system) / 1000;
};
const POLICY_TYPES = /^azurerm_(management_group_)?policy_|^azurerm_.*policy_assignment$/;
if (mode === 'policy-fixture') {
  // Not measured: the policy resources as the library writes them, for the baseline to copy.
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, 'bench');
  library().buildPolicy(stack);
  app.synth();
  const json = JSON.parse(require('node:fs').readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const fixture = Object.fromEntries(Object.entries(json.resource).filter(([type]) => POLICY_TYPES.test(type)));
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, 'policy-fixture.json'), JSON.stringify(fixture));
} else if (mode === 'floor') {
  // The floor: serializing and writing a document of the same size, without cdktf.
  const doc = JSON.parse(require('node:fs').readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const t0 = process.hrtime.bigint();
  mkdirSync(join(outdir, 'floor'), { recursive: true });
  writeFileSync(join(outdir, 'floor', 'cdk.tf.json'), JSON.stringify(doc, null, 2));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
} else {
  // Validations on, as `cdktf synth` runs them: the library's policy check is one, cdktf's provider check another.
  const app = new App({ outdir, skipValidation: false });
  const fixture = () =>
    JSON.parse(require('node:fs').readFileSync(join(outdir, '..', 'policy-fixture.json'), 'utf8')) as PolicyFixture;
  if (mode === 'library') library().buildLibraryStack(app, n, distinct, driftCheck);
  else if (mode === 'library-fleet') library().buildLibraryFleet(app, n, perStack, driftCheck);
  else if (mode === 'baseline-fleet') baseline().buildBaselineFleet(app, n, perStack, fixture(), driftCheck);
  else baseline().buildBaselineStack(app, n, fixture(), distinct, driftCheck);
  app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: cpuMs(), maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
