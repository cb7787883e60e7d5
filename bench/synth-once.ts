/**
 * One measured synth, in a fresh process: `node dist/bench/synth-once.js <library|baseline|floor> <n> <outdir>`.
 * Prints one JSON line: { ms, maxRssMb }. Time covers building the constructs and writing the output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';
import { buildBaselineStack } from './baseline';
import { buildLibraryStack } from './workload';

const [mode, count, outdir] = process.argv.slice(2);
const n = Number(count);
const start = process.hrtime.bigint();
if (mode === 'floor') {
  // The floor: serializing and writing a document of the same size, without cdktf.
  const doc = JSON.parse(require('node:fs').readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const t0 = process.hrtime.bigint();
  mkdirSync(join(outdir, 'floor'), { recursive: true });
  writeFileSync(join(outdir, 'floor', 'cdk.tf.json'), JSON.stringify(doc, null, 2));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
} else {
  const app = new App({ outdir, skipValidation: true });
  if (mode === 'library') buildLibraryStack(app, n);
  else buildBaselineStack(app, n);
  app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
