/**
 * Suggestions for near misses of Azure's enumerations (`Mon` for `Monday`, `Weekly` for `Week`), so an error
 * says what to write instead.
 */

/** Words people write for a frequency, by Azure's spelling. */
const FREQUENCY_ALIASES: Record<string, string> = {
  minutely: 'Minute',
  minutes: 'Minute',
  hourly: 'Hour',
  hours: 'Hour',
  daily: 'Day',
  days: 'Day',
  weekly: 'Week',
  weeks: 'Week',
  monthly: 'Month',
  months: 'Month',
};

/** Azure's spelling that `value` most likely means, or undefined when nothing is close. */
export function nearMiss(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  const exact = allowed.find((a) => a.toLowerCase() === v);
  if (exact) return exact;
  const alias = FREQUENCY_ALIASES[v];
  if (alias && allowed.includes(alias)) return alias;
  // Abbreviations: Mon, Tues, Wed, Thur, Sat.
  if (v.length >= 2) {
    const prefixed = allowed.filter((a) => a.toLowerCase().startsWith(v));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

/** `"a", "b" or "c"` */
function quotedList(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** The `allowed:` text for an enumeration, with the near miss to write instead when there is one. */
export function enumAllowed(value: unknown, allowed: readonly string[]): string {
  const suggestion = nearMiss(value, allowed);
  return `${quotedList(allowed)}${suggestion ? `; write "${suggestion}" instead` : ''}`;
}
