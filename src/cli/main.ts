#!/usr/bin/env node
import { CliIo, EXIT, processIo, UnusableInput } from './io';
import { line, terminalText } from './terminal-text';
import { USAGE, verbHelp, VerbName } from './usage';
import { packageVersion } from './version';

/** A verb: its arguments after the verb, the io; returns the exit code. */
type Verb = (args: string[], io: CliIo) => number | Promise<number>;

/** Verbs by name, loaded when called (a lint does not load the policy code).  */
const VERBS: Record<VerbName, () => Verb> = {
  lint: () => require('./lint/command').run,
  preview: () => require('./preview/command').run,
  audit: () => require('./audit/command').run,
  import: () => require('./import/command').run,
  review: () => require('./review/command').run,
};

export { USAGE };

/** `--help` or `-h` among a verb's options (before `--`, after which every argument is a file). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Every line of `print` through terminalText, line breaks kept. */
function escapedLines(print: (text: string) => void): (text: string) => void {
  return (text) => print(text.split('\n').map(terminalText).join('\n'));
}

/**
 * The last guard between the verbs and the terminal: whatever a verb writes on stderr passes terminalText line
 * by line (lint, preview and audit escape each value they print already; this catches the rest). import's
 * stdout too, which is TypeScript: a bidirectional control written raw in a literal or a comment could make
 * the code read otherwise than it runs (CVE-2021-42574), and in a string literal `\u202e` is the same character.
 * Not preview's stdout, whose chart colours are escape sequences of its own, nor the JSON of --format json,
 * which terminalJson made already.
 */
function boundary(verb: VerbName, io: CliIo): CliIo {
  return {
    ...io,
    err: escapedLines(io.err),
    ...(verb === 'import' ? { out: escapedLines(io.out) } : {}),
  };
}

/** Runs the command; never throws: unusable input is reported on `err` with exit code 2. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    (verb === undefined ? io.err : io.out)(USAGE);
    return verb === undefined ? EXIT.unusable : EXIT.clean;
  }
  if (verb === '--version') {
    io.out(`aml-compute ${packageVersion()}\n`);
    return EXIT.clean;
  }
  const load = Object.hasOwn(VERBS, verb) ? VERBS[verb as VerbName] : undefined;
  if (!load) {
    io.err(`${line`aml-compute: unknown verb "${verb}"`}${USAGE}`);
    return EXIT.unusable;
  }
  if (asksForHelp(rest)) {
    io.out(verbHelp(verb as VerbName));
    return EXIT.clean;
  }
  try {
    return await load()(rest, boundary(verb as VerbName, io));
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
