import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
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
  let out = '';
  let err = '';
  const code = run(files, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTTY: false,
    readFile: (p) => fs.readFileSync(p, 'utf8'),
    writeFile: () => {
      throw new Error('import writes no file');
    },
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-import-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(REPO, path.join(dir, 'node_modules', 'cdktf-azureml-compute'));
  fs.symlinkSync(path.join(REPO, 'node_modules', 'constructs'), path.join(dir, 'node_modules', 'constructs'));
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
  const modules: Record<string, (scope: TerraformStack) => void> = {};
  if (diagnostics.length === 0) {
    for (const name of Object.keys(sources)) modules[name] = require(path.join(dir, `${name}.js`)).addInstances;
  }
  return { modules, diagnostics };
}

/** The synthesized Terraform JSON of a fresh stack that `addInstances` filled. */
export function synthesize(addInstances: (scope: TerraformStack) => void): any {
  const stack = new TerraformStack(Testing.app(), 'adopted');
  addInstances(stack);
  return JSON.parse(Testing.synth(stack, true));
}
