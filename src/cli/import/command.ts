import * as path from 'node:path';
import { parseVerbArgs } from '../args';
import { verbHelp } from '../usage';
import { CliIo, EXIT, readJson, UnusableInput } from '../io';
import { isAzureComputeOutput, locateAzureInstances } from '../inputs/azure-instances';
import type { AzureInstance } from '../inputs/azure-instances';
import { inertText } from './code';
import { Framework, frameworkFor } from './framework';
import { camel, InstanceCode, instanceToCode } from './props-to-code';
import { unlistedFields, valueAt } from './unlisted-fields';
import { writeModule } from './write-module';

/** What import prints after an argument it cannot use: its help (src/cli/usage.ts holds every verb's). */
export const IMPORT_USAGE = verbHelp('import').trimEnd();

/**
 * `aml-compute import FILE... [--framework cdktf|cdktn] [--out FILE]`: writes a TypeScript module declaring
 * every compute instance found in the files, each marked `existing: true`, for the chosen framework. Exit 0
 * when written, 1 when written with instances that break a rule of the library, 2 when an argument or a file
 * is unusable or holds no compute instance (nothing is written then).
 */
export function run(args: string[], io: CliIo): number {
  // Every line names input (a file, a compute, a value): it reaches the terminal escaped, on one line.
  const report = (line: string) => io.err(`${inertText(line)}\n`);
  let files: string[];
  let framework: Framework;
  let out: string | undefined;
  try {
    const { values, positionals } = parseVerbArgs(args, { framework: { type: 'string' }, out: { type: 'string' } });
    files = positionals;
    out = values.out as string | undefined;
    if (files.length === 0) {
      io.err(`${IMPORT_USAGE}\n`);
      return EXIT.unusable;
    }
    framework = frameworkFor(values.framework as string | undefined, out !== undefined ? path.dirname(out) : '.', io);
  } catch (e) {
    if (!(e instanceof UnusableInput)) throw e;
    report(`aml-compute import: ${e.message}`);
    io.err(`${IMPORT_USAGE}\n`);
    return EXIT.unusable;
  }
  return importFiles(files, framework, out, io, report);
}

function importFiles(
  args: string[],
  framework: Framework,
  out: string | undefined,
  io: CliIo,
  report: (line: string) => void,
): number {
  const found: { instance: AzureInstance; file: string; unlisted: string[] }[] = [];
  for (const file of args) {
    let json: unknown;
    try {
      json = readJson(io, file);
    } catch (e) {
      if (!(e instanceof UnusableInput)) throw e;
      report(`aml-compute import: ${e.message}`);
      return EXIT.unusable;
    }
    const instances = locateAzureInstances(json);
    if (instances.length === 0) {
      const what = isAzureComputeOutput(json) ? 'computes, but no compute instance' : 'no compute instance';
      report(
        `aml-compute import: ${file}: ${what} (expected a REST GET or list of computes, or az ml compute show|list -o json)`,
      );
      return EXIT.unusable;
    }
    found.push(
      ...instances.map((l) => ({
        instance: l.instance,
        file,
        unlisted: unlistedFields(valueAt(json, l.path), l.instance.properties.properties),
      })),
    );
  }

  // One declaration per compute, in a stable order whatever the order of the files.
  const key = (i: AzureInstance) => (i.id ?? i.name).toLowerCase();
  const byId = new Map<string, (typeof found)[number]>();
  for (const f of found) {
    if (byId.has(key(f.instance)))
      report(`aml-compute import: ${f.file}: ${f.instance.name} appears again; declared once`);
    else byId.set(key(f.instance), f);
  }
  const sorted = [...byId.values()].sort((a, b) =>
    key(a.instance) < key(b.instance) ? -1 : key(a.instance) > key(b.instance) ? 1 : 0,
  );
  // Construct ids and script constant names, unique in the module (the same name in two workspaces, or
  // names that differ only in punctuation, get a number). constructs keeps a scope's children in a plain
  // object (constructs 10.7 lib/construct.js, Node.addChild), so an id that names a member of
  // Object.prototype (`constructor`, `__proto__`) is taken already there; an empty id is the root's.
  const taken = new Set<string>(Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase()));
  const unique = (base: string, join: string) => {
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${join}${n}`;
    taken.add(name.toLowerCase());
    return name;
  };
  const instances: InstanceCode[] = sorted.map(({ instance, unlisted }) => {
    const constructId = unique(instance.name === '' ? 'unnamed' : instance.name, '-');
    return instanceToCode(instance, constructId, unlisted, unique(camel(constructId), ''));
  });

  for (const [i, code] of instances.entries()) {
    const where = `aml-compute import: ${sorted[i].file}: ${code.constructId}`;
    for (const u of code.unsupported) report(`${where}: not expressed: ${u}`);
    for (const r of code.refusals) report(`${where}: the library refuses ${r}`);
  }
  const text = writeModule(instances, args, framework);
  if (out === undefined) io.out(text);
  else {
    try {
      io.writeFile(out, text);
    } catch (e) {
      report(
        `aml-compute import: ${out}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
      return EXIT.unusable;
    }
  }
  return instances.some((i) => i.refusals.length > 0) ? EXIT.problems : EXIT.clean;
}
