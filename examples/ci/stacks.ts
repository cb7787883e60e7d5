import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The stacks a synthesized app holds, from its manifest.json, as the JSON list a GitHub Actions matrix
 * takes: `node dist/examples/ci/stacks.js cdktf.out/fleet` prints `["fleet-forecast-eus",...]`.
 */
export function stacksOf(outdir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
    stacks: Record<string, unknown>;
  };
  return Object.keys(manifest.stacks).sort();
}

if (require.main === module) process.stdout.write(`${JSON.stringify(stacksOf(process.argv[2] ?? 'cdktf.out'))}\n`);
