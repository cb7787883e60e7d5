import type * as WindowsIana from 'windows-iana';
import { nearestWindowsId, windowsIdOfAbbreviation } from './time-zone-guess';

/**
 * Windows time zone ids, the only kind Azure takes for a schedule's `timeZone`, from CLDR's windowsZones
 * table as packaged by windows-iana (loaded on first use: importing this library reads no tables).
 */

interface ZoneTables {
  /** Windows id -> its canonical IANA zone (CLDR territory 001). */
  readonly ianaByWindows: ReadonlyMap<string, string>;
  /** Lower-cased Windows id -> Windows id. */
  readonly windowsByLowerCase: ReadonlyMap<string, string>;
  /** Lower-cased IANA name or alias -> the Windows id to use. */
  readonly windowsByIana: ReadonlyMap<string, string>;
}

let tables: ZoneTables | undefined;

function zoneTables(): ZoneTables {
  if (tables) return tables;
  const { WINDOWS_TO_IANA_MAP, IANA_ALIAS_MAP } = require('windows-iana') as typeof WindowsIana;
  const ianaByWindows = new Map<string, string>();
  const windowsByIana = new Map<string, string>();
  for (const entry of WINDOWS_TO_IANA_MAP) {
    if (entry.territory === '001') ianaByWindows.set(entry.windowsName, entry.iana[0]);
    for (const iana of entry.iana) {
      if (!windowsByIana.has(iana.toLowerCase())) windowsByIana.set(iana.toLowerCase(), entry.windowsName);
    }
  }
  // Aliases (US/Pacific, Asia/Calcutta) take the Windows id of the zone they name.
  for (const { alias } of IANA_ALIAS_MAP) {
    const windows = alias.map((a) => windowsByIana.get(a.toLowerCase())).find((w) => w !== undefined);
    if (windows)
      for (const a of alias) if (!windowsByIana.has(a.toLowerCase())) windowsByIana.set(a.toLowerCase(), windows);
  }
  const windowsByLowerCase = new Map([...ianaByWindows.keys()].map((w) => [w.toLowerCase(), w] as [string, string]));
  tables = { ianaByWindows, windowsByLowerCase, windowsByIana };
  return tables;
}

/** The IANA zone that a Windows id means (`W. Europe Standard Time` -> `Europe/Berlin`). */
export function ianaZoneOf(windowsId: string): string {
  const iana = zoneTables().ianaByWindows.get(windowsId);
  if (!iana) throw new Error(`not a Windows time zone id: ${windowsId}`);
  return iana;
}

export const TIME_ZONE_ALLOWED =
  'a Windows time zone id, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"';

/** The `allowed:` text when `value` is not a Windows time zone id, with the id to write instead if known. */
export function timeZoneRefused(value: unknown): string | undefined {
  if (typeof value !== 'string') return TIME_ZONE_ALLOWED;
  const t = zoneTables();
  if (t.ianaByWindows.has(value)) return undefined;
  const lower = value.trim().toLowerCase();
  const sameIdOtherCase = t.windowsByLowerCase.get(lower);
  if (sameIdOtherCase) return `${TIME_ZONE_ALLOWED}, spelled exactly; write "${sameIdOtherCase}" instead`;
  const fromIana = t.windowsByIana.get(lower);
  if (fromIana) return `${TIME_ZONE_ALLOWED}; Azure does not take IANA names: write "${fromIana}" instead`;
  const fromAbbreviation = windowsIdOfAbbreviation(value);
  if (fromAbbreviation)
    return `${TIME_ZONE_ALLOWED}; Azure does not take abbreviations: write "${fromAbbreviation}" instead`;
  const near = nearestWindowsId(value, [...t.ianaByWindows.keys()]);
  if (near) return `${TIME_ZONE_ALLOWED}; write "${near}" instead`;
  return TIME_ZONE_ALLOWED;
}
