import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import * as cdktn from 'cdktn';
import * as ts from 'typescript';
import { run } from '../../src/cli/import/command';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const fixture = (name: string) => path.join(REPO, 'test', 'fixtures', name);

export interface ImportRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `aml-compute import FILES...` with the files read from disk and the output captured. */
export function runImport(...files: string[]): ImportRun {
  return runImportWith(files, (p) => fs.readFileSync(p, 'utf8'));
}

/** `aml-compute import ARGS...` (options too) with files read from disk; what it writes is kept in `written`. */
export function runImportArgs(args: string[]): ImportRun & { written: Record<string, string> } {
  const written: Record<string, string> = {};
  const r = runImportWith(
    args,
    (p) => fs.readFileSync(p, 'utf8'),
    (p, t) => {
      written[p] = t;
    },
  );
  return { ...r, written };
}

/** `aml-compute import` on files held in memory: their names may be any text, not only what a disk takes. */
export function runImportOn(files: Record<string, string>): ImportRun {
  return runImportWith(Object.keys(files), (p) => {
    if (!Object.hasOwn(files, p)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    return files[p];
  });
}

function runImportWith(
  args: string[],
  readFile: (file: string) => string,
  writeFile: (file: string, text: string) => void = () => {
    throw new Error('import writes no file without --out');
  },
): ImportRun {
  let out = '';
  let err = '';
  const code = run(args, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTTY: false,
    readFile,
    writeFile,
  });
  return { code, out, err };
}

/**
 * Compiles generated modules with the TypeScript compiler, as a user's project would (strict), against the
 * built package, and loads them: `cdktf-azureml-compute` and `constructs` resolve through a node_modules
 * folder beside them that links to this repository. Returns each module's `addInstances`, or the compiler's
 * diagnostics.
 */
export function compileModules(sources: Record<string, string>): {
  modules: Record<string, (scope: TerraformStack) => void>;
  diagnostics: string[];
} {
  const dir = compileDirectory();
  const { diagnostics } = compileIn(dir, sources);
  const modules: Record<string, (scope: TerraformStack) => void> = {};
  if (diagnostics.length === 0) {
    for (const name of Object.keys(sources)) modules[name] = require(path.join(dir, `${name}.js`)).addInstances;
  }
  return { modules, diagnostics };
}

/** A temporary directory whose node_modules links `cdktf-azureml-compute` to this repository. */
function compileDirectory(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-import-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(REPO, path.join(dir, 'node_modules', 'cdktf-azureml-compute'));
  fs.symlinkSync(path.join(REPO, 'node_modules', 'constructs'), path.join(dir, 'node_modules', 'constructs'));
  return dir;
}

/** Writes `sources` as .ts files in `dir` and compiles them in one program (strict), emitting beside them. */
function compileIn(dir: string, sources: Record<string, string>): { diagnostics: string[] } {
  const files = Object.entries(sources).map(([name, text]) => {
    const file = path.join(dir, `${name}.ts`);
    fs.writeFileSync(file, text);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    skipLibCheck: true,
    noUnusedLocals: true,
    outDir: dir,
    types: [],
  });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
  return { diagnostics };
}

/** What running generated modules did: the compiler's diagnostics, and each module's error when it threw. */
export interface ExecutedModules {
  readonly diagnostics: string[];
  /** The name of each module whose load or `addInstances` threw, with the error's name (ValidationError, ...). */
  readonly thrown: Record<string, string>;
}

/**
 * Compiles generated modules in one TypeScript program and then loads and runs every one of them, whatever
 * the compiler said (tsc emits despite type errors, as a user's ts-node --transpile-only or a careless build
 * would run them): each `addInstances` is called with a real stack. An attack shows as a side effect
 * (a file written), which the caller checks.
 */
export function compileAndExecute(sources: Record<string, string>): ExecutedModules {
  const dir = compileDirectory();
  const program = compileIn(dir, sources);
  const thrown: Record<string, string> = {};
  for (const name of Object.keys(sources)) {
    try {
      const stack = new TerraformStack(Testing.app(), 'adopted');
      require(path.join(dir, `${name}.js`)).addInstances(stack);
      Testing.synth(stack);
    } catch (e) {
      thrown[name] = (e as Error).name;
    }
  }
  return { diagnostics: program.diagnostics, thrown };
}

/** The synthesized Terraform JSON of a fresh stack of `framework` that `addInstances` filled. */
export function synthesize(addInstances: (scope: any) => void, framework: 'cdktf' | 'cdktn' = 'cdktf'): any {
  if (framework === 'cdktn') {
    const stack = new cdktn.TerraformStack(cdktn.Testing.app(), 'adopted');
    addInstances(stack);
    return JSON.parse(cdktn.Testing.synth(stack, true));
  }
  const stack = new TerraformStack(Testing.app(), 'adopted');
  addInstances(stack);
  return JSON.parse(Testing.synth(stack, true));
}
