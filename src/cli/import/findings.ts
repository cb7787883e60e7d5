import { ValidationError } from '../../core/errors';

/** What the import found about one instance, besides its code. */
export interface Findings {
  /** Input the library cannot express: a comment at the instance and one stderr line each. */
  readonly unsupported: string[];
  /** Rules of the library the input breaks (the values are kept): one stderr line each. */
  readonly refusals: string[];
}

/** Runs `build` (a factory of the library); its ValidationError becomes lines `field: received ...; allowed ...`. */
export function refusalsOf(build: () => unknown, fieldPrefix = ''): string[] {
  try {
    build();
    return [];
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return e.problems.map((p) => `${fieldPrefix}${p.field}: received ${p.received}; allowed: ${p.allowed}`);
  }
}

/** The comment lines that mark a kept value the library refuses. */
export function refusalComments(refusals: readonly string[]): string[] {
  return refusals.map((r) => `aml-compute import: the library refuses ${r}`);
}

/** The comment lines of input the library cannot express. */
export function unsupportedComments(unsupported: readonly string[]): string[] {
  return unsupported.map((u) => `aml-compute import: not expressed: ${u}`);
}
