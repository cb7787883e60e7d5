import * as fs from 'fs';
import { parseJsonData } from './inputs/json-data';

/** What a verb reads and writes: the process's streams and files, or a test's buffers. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when `out` is a terminal: colour is used only then. */
  isTTY: boolean;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

/** The process's own streams and file system. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    readFile: (path) => fs.readFileSync(path, 'utf8'),
    writeFile: (path, text) => fs.writeFileSync(path, text),
  };
}

/** Exit codes: 0 clean, 1 problems found (or an instance denied), 2 unusable input or usage. */
export const EXIT = { clean: 0, problems: 1, unusable: 2 } as const;

/** Input the command cannot use: not JSON, unreadable, nothing it knows in it, or a wrong argument. */
export class UnusableInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableInput';
  }
}

/** A JSON file as read (once: a FIFO or /dev/fd/N cannot be read again) and as parsed. */
interface JsonFile {
  readonly text: string;
  readonly json: unknown;
}

/** Reads and parses a JSON file (objects without prototypes, nesting bounded), or throws UnusableInput naming it. */
export function readJsonFile(io: CliIo, file: string): JsonFile {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw new UnusableInput(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const parsed = parseJsonData(text);
  if (!parsed.ok) throw new UnusableInput(`${file}: ${parsed.problem}`);
  return { text, json: parsed.json };
}

/** Reads and parses a JSON file, or throws UnusableInput naming it. */
export function readJson(io: CliIo, file: string): unknown {
  return readJsonFile(io, file).json;
}
