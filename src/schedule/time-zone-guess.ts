/**
 * The Windows time zone id a near miss most likely means: a misspelling (`Tokyo Standrd Time`) or an
 * abbreviation that names one set of rules (`CET`).
 */

/**
 * Abbreviations that mean one UTC offset with one set of daylight-saving rules, and the Windows id that
 * keeps those rules. Where several Windows ids keep the same rules (CET is W. Europe, Romance, Central
 * Europe and Central European Standard Time, all UTC+01:00 with the EU's switch dates), a schedule fires at
 * the same instants in each, so one is named. Abbreviations that mean different rules in different places
 * (CST, IST, BST, AST, MST, EST) are deliberately absent. No published table maps abbreviations to Windows
 * ids; this one is the project's, checked against windows-iana's CLDR table for the zone each names.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  cet: 'W. Europe Standard Time',
  cest: 'W. Europe Standard Time',
  met: 'W. Europe Standard Time',
  mest: 'W. Europe Standard Time',
  eet: 'GTB Standard Time',
  eest: 'GTB Standard Time',
  wet: 'GMT Standard Time',
  west: 'GMT Standard Time',
  pst: 'Pacific Standard Time',
  pdt: 'Pacific Standard Time',
  edt: 'Eastern Standard Time',
  cdt: 'Central Standard Time',
  mdt: 'Mountain Standard Time',
  jst: 'Tokyo Standard Time',
  kst: 'Korea Standard Time',
  sgt: 'Singapore Standard Time',
  aedt: 'AUS Eastern Standard Time',
  nzst: 'New Zealand Standard Time',
  nzdt: 'New Zealand Standard Time',
  msk: 'Russian Standard Time',
};

/** The Windows id that abbreviation `value` stands for, when it stands for one. */
export function windowsIdOfAbbreviation(value: string): string | undefined {
  return ABBREVIATIONS[value.trim().toLowerCase()];
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The one id within a few edits of `value` (case and spaces ignored): up to 1 edit per 6 characters, at
 * most 3, so `Tokyo Standrd Time` finds `Tokyo Standard Time` and `Pacific Time` finds nothing.
 */
export function nearestWindowsId(value: string, ids: readonly string[]): string | undefined {
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
  const limit = Math.min(3, Math.floor(v.length / 6));
  if (limit === 0) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const id of ids) {
    const d = distance(v, id.toLowerCase(), limit);
    if (d < bestDistance) [best, bestDistance, tie] = [id, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best !== undefined && !tie ? best : undefined;
}
