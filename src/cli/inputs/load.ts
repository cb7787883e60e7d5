import { CliIo, readJsonFile, UnusableInput } from '../io';
import { FoundInstance, findInstances, inputKind } from './instances';
import { jsonLines } from './json-lines';

interface LoadedInstances {
  readonly instances: FoundInstance[];
  /** By file: the line each JSON path starts on, for reports. */
  readonly lines: Map<string, Map<string, number>>;
}

/**
 * The compute instances of every file, templates resolved against `parametersFile`. A file that cannot be
 * read, is not JSON, or holds no compute instance is unusable input (exit 2), named in the error.
 */
export function loadInstances(io: CliIo, files: readonly string[], parametersFile?: string): LoadedInstances {
  const lines = new Map<string, Map<string, number>>();
  const read = (file: string) => {
    const { text, json } = readJsonFile(io, file);
    lines.set(file, jsonLines(text));
    return json;
  };
  const parameters = parametersFile === undefined ? undefined : { file: parametersFile, json: read(parametersFile) };
  if (parameters && inputKind(parameters.json) !== 'arm-parameters' && !isParameterShape(parameters.json)) {
    throw new UnusableInput(
      `${parametersFile}: not an ARM parameter file ({ "parameters": { "<name>": { "value": ... } } })`,
    );
  }
  const instances: FoundInstance[] = [];
  for (const file of files) {
    if (file === parametersFile) continue;
    const json = read(file);
    const found = findInstances(file, json, parameters);
    if (found.length === 0) {
      const kind = inputKind(json);
      const what =
        kind === 'unknown'
          ? 'not a shape this command reads (ARM template or parameter file, cdk.tf.json, Azure REST or az ml compute output)'
          : kind === 'arm-parameters'
            ? 'no schedules object (a parameter whose value is { "computeStartStop": [...] }) in it'
            : 'no compute instance in it';
      throw new UnusableInput(`${file}: ${what}`);
    }
    instances.push(...found);
  }
  return { instances, lines };
}

function isParameterShape(json: unknown): boolean {
  return typeof json === 'object' && json !== null && typeof (json as { parameters?: unknown }).parameters === 'object';
}
