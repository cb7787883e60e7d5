import type { ArmComputeStartStopSchedule } from '../model/compute-arm';
import { Memo } from '../core/memo';
import { isToken } from '../core/tokens';
import { commonMinute, dependsOnCreationTime, entryStartMs, firingOf } from './firing';
import { commonWallClock, localPattern } from './wall-clock-pattern';
import { DAY_MS } from './zoned-time';

/**
 * Rules about the schedules of one compute instance taken together.
 */

export interface ScheduleSetProblem {
  readonly field: string;
  readonly value: unknown;
  readonly allowed: string;
}

/** Where a simulated comparison starts when neither schedule names a later startTime (fixed: output must not depend on today). */
const SIMULATION_START_MS = Date.UTC(2026, 0, 1);
const SIMULATION_DAYS = 366;

export function containsToken(value: unknown): boolean {
  if (isToken(value)) return true;
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsToken);
  return false;
}

function timeZoneOf(e: ArmComputeStartStopSchedule): string {
  return (e.triggerType === 'Cron' ? e.cron?.timeZone : e.recurrence?.timeZone) ?? 'UTC';
}

/**
 * The first UTC minute, within a year from the later of 2026-01-01 and both startTimes, in which both
 * schedules fire (firing.ts compares them without walking either minute by minute).
 */
function commonInstant(a: ArmComputeStartStopSchedule, b: ArmComputeStartStopSchedule): number | undefined {
  const from = Math.max(SIMULATION_START_MS, entryStartMs(a) ?? 0, entryStartMs(b) ?? 0);
  const end = from + SIMULATION_DAYS * DAY_MS;
  const fa = firingOf(a);
  const fb = firingOf(b);
  return fa && fb ? commonMinute(fa, fb, from, end) : undefined;
}

/** A short description of an entry for messages. */
export function describeEntry(e: ArmComputeStartStopSchedule): string {
  const zone = timeZoneOf(e);
  if (e.triggerType === 'Cron') return `${e.action} cron ${e.cron?.expression} (${zone})`;
  const r = e.recurrence;
  const days = r?.schedule.weekDays?.length ? ` on ${r.schedule.weekDays.join(',')}` : '';
  return `${e.action} every ${r?.interval} ${r?.frequency} at hours ${r?.schedule.hours.join(',')} minutes ${r?.schedule.minutes.join(',')}${days} (${zone})`;
}

function active(e: ArmComputeStartStopSchedule): boolean {
  return e.status !== 'Disabled';
}

/**
 * A Start and a Stop that fire in the same minute leave the instance's state to chance. Schedules in one
 * time zone that are wall-clock patterns are compared exactly; others over a whole year (from 2026-01-01, or
 * their later startTime), every minute of it in effect, by arithmetic in practice. Recurrences whose fire
 * times depend on when Azure creates them (no startTime) cannot be compared before deployment and are left out.
 */
export function sameMinuteProblems(entries: readonly ArmComputeStartStopSchedule[]): ScheduleSetProblem[] {
  // The entries are validated ones (toArm() of this copy's schedules): strings, integers and lists the
  // schema let through, so their JSON tells them apart; a field left undefined reads as absent here too.
  // The exact-data key that raw input needs (entry-validation) would cost more per instance, for nothing here.
  return [
    ...judgedEntryLists.through(JSON.stringify(entries), () => Object.freeze(uncachedSameMinuteProblems(entries))),
  ];
}

/**
 * `sameMinuteProblems` of the entries `entriesOf` gives, judged once per `setKey`: a fleet gives thousands
 * of instances the same few schedule sets. `setKey` must differ whenever the list of entries differs;
 * `StartStopSchedule.sameMinuteProblems` builds it from its schedules' keys instead of serializing every set.
 */
export function sameMinuteProblemsOfSet(
  setKey: string,
  entriesOf: () => readonly ArmComputeStartStopSchedule[],
): ScheduleSetProblem[] {
  return [...judgedScheduleSets.through(setKey, () => Object.freeze(uncachedSameMinuteProblems(entriesOf())))];
}

const judgedEntryLists = new Memo<readonly ScheduleSetProblem[]>(
  'same-minute problems by the JSON of the entries',
  1000,
);
const judgedScheduleSets = new Memo<readonly ScheduleSetProblem[]>("same-minute problems by the schedules' keys", 1000);

/** The same verdict without the memo: what the memo must always agree with. */
export function uncachedSameMinuteProblems(entries: readonly ArmComputeStartStopSchedule[]): ScheduleSetProblem[] {
  const comparable = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => active(e) && !containsToken(e) && !dependsOnCreationTime(e));
  const problems: ScheduleSetProblem[] = [];
  for (const b of comparable) {
    for (const a of comparable) {
      if (a.i >= b.i || a.e.action === b.e.action) continue;
      const pa = localPattern(a.e);
      const pb = localPattern(b.e);
      let when: string | undefined;
      if (pa && pb && timeZoneOf(a.e) === timeZoneOf(b.e)) {
        const wallClock = commonWallClock(pa, pb);
        if (wallClock) when = `at ${wallClock} (${timeZoneOf(a.e)})`;
      } else {
        const instant = commonInstant(a.e, b.e);
        if (instant !== undefined) when = `at ${new Date(instant).toISOString()}`;
      }
      if (when) {
        problems.push({
          field: `schedules[${b.i}]`,
          value: describeEntry(b.e),
          allowed: `a ${b.e.action} that never fires in the same minute as a ${a.e.action}; schedules[${a.i}] (${describeEntry(a.e)}) fires with it ${when}`,
        });
      }
    }
  }
  return problems;
}

/** True when the schedules start the instance but nothing scheduled ever stops it. */
export function startsButNeverStops(entries: readonly ArmComputeStartStopSchedule[]): boolean {
  return (
    entries.some((e) => active(e) && e.action === 'Start') && !entries.some((e) => active(e) && e.action === 'Stop')
  );
}
