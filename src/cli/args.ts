import { parseArgs, ParseArgsConfig } from 'util';
import { UnusableInput } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a verb's arguments; a wrong one is a usage error (exit 2). */
export function parseVerbArgs<T extends Options>(
  args: string[],
  options: T,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    throw new UnusableInput((e as Error).message);
  }
}

export type Format = 'text' | 'json' | 'sarif';

export function formatOf(value: unknown): Format {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new UnusableInput(`--format ${String(format)}: allowed: text, json or sarif`);
  return format;
}
