import { IConstruct } from 'constructs';
import { App } from './framework';
import { inSameFramework } from './framework-check';
import { terminalSafe } from './terminal-text';

/** One annotation of an app: a warning or error the library (or anything else) added to a construct. */
export interface SynthAnnotation {
  /** `Annotations.of(c).addError`, `addWarning` or `addInfo`. */
  readonly level: 'error' | 'warning' | 'info';
  /** The construct path, as cdktf's manifest names it. */
  readonly path: string;
  /** The text as added, unescaped (the printed line escapes control characters). */
  readonly message: string;
}

/** What `synthAndReport` found, in construct order. */
export interface SynthReport {
  /** Error annotations: a Deny rule broken, say. Any of them sets `process.exitCode` to 1. */
  readonly errors: readonly SynthAnnotation[];
  /** Warnings: secure defaults turned off, Audit findings, a provider without a subscription. */
  readonly warnings: readonly SynthAnnotation[];
  /** Notes: what an Append rule adds, what is judged only at apply. */
  readonly infos: readonly SynthAnnotation[];
}

/** Where `synthAndReport` prints: `process.stderr` unless given. */
export interface ReportOutput {
  /** Called once per line, with the line's newline. */
  write(text: string): unknown;
}

/**
 * Synthesizes `app` and prints every annotation of it, one line each: `ERROR [<construct path>] <message>`,
 * then `WARNING ...` and `INFO ...` lines, and sets `process.exitCode` to 1 when there is an error.
 *
 * Under the cdktf CLI (`cdktf synth`) the CLI prints annotations from `manifest.json`; a plain
 * `node main.js` (and so `npm run synth` in CI) prints none, and cdktf's `app.synth()` throws at the first
 * stack with an error annotation, naming only that stack's errors. Use this instead of `app.synth()` there.
 * Paths and messages are printed with control characters escaped, so an annotation cannot colour, move or
 * forge lines of the log. When `app.synth()` throws for anything but error annotations, that error is
 * thrown again, after the lines.
 */
export function synthAndReport(app: App, output: ReportOutput = process.stderr): SynthReport {
  inSameFramework(app);
  let failure: { readonly error: unknown } | undefined;
  try {
    app.synth();
  } catch (error) {
    failure = { error };
  }
  const all = annotationsOf(app);
  const report: SynthReport = {
    errors: all.filter((a) => a.level === 'error'),
    warnings: all.filter((a) => a.level === 'warning'),
    infos: all.filter((a) => a.level === 'info'),
  };
  for (const a of [...report.errors, ...report.warnings, ...report.infos]) {
    output.write(`${a.level.toUpperCase()} [${terminalSafe(a.path)}] ${terminalSafe(a.message)}\n`);
  }
  if (report.errors.length === 0) {
    if (failure !== undefined) throw failure.error;
    return report;
  }
  if (failure !== undefined)
    output.write('Synthesis stopped at the first stack with an error: stacks after it were not written.\n');
  process.exitCode = 1;
  return report;
}

/**
 * Annotations are construct metadata of types `@cdktf/error`, `@cdktf/warn` and `@cdktf/info` (cdktf and
 * cdktn alike: lib/annotations.js, `AnnotationMetadataEntryType`; both synthesizers copy them into the
 * manifest the same way, lib/synthesize/synthesizer.js).
 */
const LEVELS: Record<string, SynthAnnotation['level']> = {
  '@cdktf/error': 'error',
  '@cdktf/warn': 'warning',
  '@cdktf/info': 'info',
};

function annotationsOf(root: IConstruct): SynthAnnotation[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type in LEVELS)
        .map((m) => ({ level: LEVELS[m.type], path: c.node.path, message: String(m.data) })),
    );
}
