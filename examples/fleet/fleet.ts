import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ReportOutput, synthAndReport } from '../../src';
import { BackendSettings, backendSettingsFromEnv } from './backend';
import { loadRoster, RosterError } from './roster';
import { GovernanceStack, WorkspaceStack } from './stacks';

export const DEFAULT_ROSTER = join(__dirname, '..', '..', '..', 'examples', 'fleet', 'roster.yaml');

/** The stack of workspace `key`: `fleet-<key>`. */
export const workspaceStackId = (key: string) => `fleet-${key}`;
export const GOVERNANCE_STACK_ID = 'fleet-governance';

/**
 * A platform team's fleet as its own cdktf app: one stack per workspace of the roster, plus the governance
 * stack. The roster is checked whole first (`loadRoster`), so a bad entry builds nothing.
 */
export function buildFleet(
  app: App,
  rosterFile: string,
  backend: BackendSettings = backendSettingsFromEnv(),
): TerraformStack[] {
  const roster = loadRoster(rosterFile);
  const stacks: TerraformStack[] = [new GovernanceStack(app, GOVERNANCE_STACK_ID, backend)];
  for (const key of Object.keys(roster.workspaces).sort()) {
    stacks.push(new WorkspaceStack(app, workspaceStackId(key), roster, key, backend));
  }
  return stacks;
}

/**
 * Synthesizes the fleet into `<outdir>/stacks/<stack>/cdk.tf.json`, printing the policy check's findings and
 * the other warnings to `output`; a Deny violation sets a non-zero exit code.
 */
export function synthFleet(
  outdir = join('cdktf.out', 'fleet'),
  rosterFile = DEFAULT_ROSTER,
  output: ReportOutput = process.stderr,
): App {
  mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  buildFleet(app, rosterFile);
  synthAndReport(app, output);
  return app;
}

// `node dist/examples/fleet/fleet.js [roster] [outdir]`
if (require.main === module) {
  try {
    synthFleet(process.argv[3], process.argv[2]);
  } catch (e) {
    if (!(e instanceof RosterError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  }
}
