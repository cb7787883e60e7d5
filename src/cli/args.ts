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
    const unknown = /^Unknown option '(.*)'\. /s.exec((e as Error).message)?.[1];
    if ((e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== undefined) {
      // Node's own message ends `as in '-- "--x"`, its quotes unbalanced: this one says the same, balanced.
      const allowed = [...Object.keys(options).map((o) => `--${o}`), '--help'].join(', ');
      throw new UnusableInput(
        `unknown option ${JSON.stringify(unknown)} (allowed: ${allowed}); a FILE whose name starts with "-" goes after "--", as in: -- ${JSON.stringify(unknown)}`,
      );
    }
    throw new UnusableInput((e as Error).message);
  }
}

type Format = 'text' | 'json' | 'sarif';

export function formatOf(value: unknown): Format {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new UnusableInput(`--format ${String(format)}: allowed: text, json or sarif`);
  return format;
}
