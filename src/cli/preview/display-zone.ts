import { ianaZoneOf } from '../../schedule/time-zones';
import { UnusableInput } from '../io';

/** A month is 365.25 × 24 / 12 hours: the average over a leap cycle. */
export const HOURS_PER_MONTH = 730.5;

/** The display zone of `--tz`: a Windows id (as schedules name zones) or an IANA name. */
export function displayZone(tz: string): string {
  let zone = tz;
  try {
    zone = ianaZoneOf(tz);
  } catch {
    // Not a Windows id: an IANA name, if the runtime knows it.
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new UnusableInput(
      `--tz ${tz}: allowed: a Windows time zone id ("W. Europe Standard Time") or an IANA name ("Europe/Berlin")`,
    );
  }
  return zone;
}

export function money(n: number): string {
  return n.toFixed(2);
}
