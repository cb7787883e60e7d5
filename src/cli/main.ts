#!/usr/bin/env node
import { CliIo, EXIT, processIo, UnusableInput } from './io';
import { line, terminalText } from './terminal-text';

/** A verb: its arguments after the verb, the io; returns the exit code. */
export type Verb = (args: string[], io: CliIo) => number | Promise<number>;

/** Verbs by name, loaded when called (a lint does not load the policy code).  */
const VERBS: Record<string, () => Verb> = {
  lint: () => require('./lint/command').run,
  preview: () => require('./preview/command').run,
  audit: () => require('./audit/command').run,
  import: () => require('./import/command').run,
  review: () => require('./review/command').run,
};

export const USAGE = `usage: aml-compute <verb> [options]

  lint FILE... [--parameters FILE] [--format text|json|sarif]
      every compute-instance problem the library would refuse, with its file and JSON path
  preview FILE... | --cron EXPR... [--tz ZONE] [--from YYYY-MM-DD] [--price-per-hour N] [--svg FILE]
      a Monday-to-Sunday week of when each instance runs, hours per week and cost
  audit --policy FILE... INSTANCES... [--parameters FILE] [--format text|json|sarif]
      what a shutdown policy would append, deny or audit on each instance
  import FILE... [--framework cdktf|cdktn] [--out FILE]
      a TypeScript module declaring the existing instances (REST GET/list or az ml compute show|list output),
      each marked existing: true so that Terraform imports it; for cdktf or cdktn (default: the one the
      nearest package.json depends on)
  review PLAN.json... [--prices FILE] [--price-per-hour N] [--tz ZONE] [--from YYYY-MM-DD] [--format markdown|text|json]
      a pull request's terraform plans (terraform show -json) in words: whose instance is created, replaced
      (disk wiped) or deleted, schedules and running hours before and after, cost, failing checks, policies

Inputs are recognized by shape: ARM templates and parameter files, cdk.tf.json, Azure REST GET/list output,
az ml compute show|list -o json, policy definitions, initiatives and assignments.
Exit codes: 0 clean, 1 problems found (audit: an instance would be denied), 2 unusable input.
`;

/** Runs the command; never throws: unusable input is reported on `err` with exit code 2. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    (verb === undefined ? io.err : io.out)(USAGE);
    return verb === undefined ? EXIT.unusable : EXIT.clean;
  }
  const load = VERBS[verb];
  if (!load) {
    io.err(`${line`aml-compute: unknown verb "${verb}"`}${USAGE}`);
    return EXIT.unusable;
  }
  try {
    return await load()(rest, io);
  } catch (e) {
    if (e instanceof UnusableInput) {
      io.err(line`aml-compute ${verb}: ${e.message}`);
      return EXIT.unusable;
    }
    throw e;
  }
}

if (require.main === module) {
  // Output piped into `head` closes early: that is not an error of the command.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `aml-compute: internal error: ${((e as Error).stack ?? String(e)).split('\n').map(terminalText).join('\n')}\n`,
      );
      process.exitCode = EXIT.unusable;
    },
  );
}
