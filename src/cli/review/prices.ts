import { isPlainObject } from '../../core/plain-object';
import { CliIo, readJson, UnusableInput } from '../io';

/**
 * Hourly prices by VM size, from `--prices FILE` and `--price-per-hour N` (the price of every size the file
 * does not name). The file is a JSON object of VM size to price per hour, in one currency of the user's
 * choice: `{ "Standard_DS3_v2": 0.293, "Standard_DS4_v2": 0.585 }`. Sizes are matched without regard to case,
 * as Azure answers them in another case than they were sent (azapi's ignore_casing, in
 * src/render/azapi-compute-instance.ts). No price is looked up on the network.
 */
export interface Prices {
  /** The hourly price of a size, or undefined when none was given. */
  of(vmSize: string | undefined): number | undefined;
  readonly given: boolean;
}

function priceOf(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new UnusableInput(
      `${where}: received ${JSON.stringify(value) ?? String(value)}; allowed: a number of 0 or more`,
    );
  return value;
}

export function readPrices(io: CliIo, file: string | undefined, perHour: string | undefined): Prices {
  const fallback =
    perHour === undefined ? undefined : priceOf(perHour.trim() === '' ? NaN : Number(perHour), '--price-per-hour');
  const bySize = new Map<string, number>();
  if (file !== undefined) {
    const json = readJson(io, file);
    if (!isPlainObject(json))
      throw new UnusableInput(
        `--prices ${file}: allowed: a JSON object of VM size to hourly price, {"Standard_DS3_v2": 0.293}`,
      );
    for (const [size, price] of Object.entries(json))
      bySize.set(size.toLowerCase(), priceOf(price, `--prices ${file}: ${JSON.stringify(size).slice(0, 80)}`));
  }
  return {
    given: file !== undefined || fallback !== undefined,
    of: (vmSize) => (vmSize === undefined ? fallback : (bySize.get(vmSize.toLowerCase()) ?? fallback)),
  };
}
