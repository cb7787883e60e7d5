import type { ArmComputeStartStopSchedule } from '../../model/compute-arm';
import { HOURS_PER_MONTH } from '../preview/display-zone';
import { hoursOf, runningIntervals, Week } from '../preview/week';
import type { InstanceChange, InstanceSide, StackChanges } from './changes';
import type { Prices } from './prices';

/**
 * Running hours and cost of each side of a change, in one week of the display zone, from the schedules'
 * fire times (`runningIntervals`, the engine `aml-compute preview` charts with: daylight saving included).
 */
export interface SideFigures {
  readonly hours?: number;
  readonly weekly?: number;
  readonly monthly?: number;
}

export interface InstanceFigures {
  readonly before?: SideFigures;
  readonly after?: SideFigures;
}

/** A side that exists: deleted instances have no after, created ones no before. */
function exists(change: InstanceChange, side: 'before' | 'after'): InstanceSide | undefined {
  if (side === 'before' && (change.action === 'created' || change.action === 'forgotten')) return undefined;
  if (side === 'after' && (change.action === 'deleted' || change.action === 'forgotten')) return undefined;
  return change[side];
}

export class WeekFigures {
  private readonly hoursBySchedules = new Map<string, number>();
  readonly weekHours: number;

  constructor(
    readonly week: Week,
    readonly prices: Prices,
  ) {
    this.weekHours = (week.endMs - week.startMs) / 3_600_000;
  }

  private hours(schedules: readonly ArmComputeStartStopSchedule[]): number {
    // Fleets share schedules: each set is walked once.
    const key = JSON.stringify(schedules);
    let hours = this.hoursBySchedules.get(key);
    if (hours === undefined) {
      hours = hoursOf(runningIntervals(schedules, this.week));
      this.hoursBySchedules.set(key, hours);
    }
    return hours;
  }

  side(side: InstanceSide | undefined): SideFigures | undefined {
    if (!side) return undefined;
    if (!side.schedules) return {};
    const hours = this.hours(side.schedules);
    const price = this.prices.of(side.vmSize);
    if (price === undefined) return { hours };
    return { hours, weekly: hours * price, monthly: hours * (HOURS_PER_MONTH / this.weekHours) * price };
  }

  instance(change: InstanceChange): InstanceFigures {
    const before = this.side(exists(change, 'before'));
    // A refused replacement or deletion is not applied: the instance stays as it is.
    return { before, after: change.refused ? before : this.side(exists(change, 'after')) };
  }
}

/** Sums over instances; `missing` counts the sides whose figure is not known (unknown schedules, no price). */
interface Total {
  hours: number;
  weekly: number;
  monthly: number;
  missingHours: number;
  missingCost: number;
}

export interface Totals {
  readonly before: Total;
  readonly after: Total;
  readonly counts: Readonly<Record<string, number>>;
}

export function totalsOf(stacks: readonly { changes: StackChanges; figures: readonly InstanceFigures[] }[]): Totals {
  const zero = (): Total => ({ hours: 0, weekly: 0, monthly: 0, missingHours: 0, missingCost: 0 });
  const totals = { before: zero(), after: zero(), counts: {} as Record<string, number> };
  for (const { changes, figures } of stacks) {
    changes.instances.forEach((change, i) => {
      const key = change.refused ? 'refused' : change.action;
      totals.counts[key] = (totals.counts[key] ?? 0) + 1;
      for (const side of ['before', 'after'] as const) {
        const f = figures[i][side];
        if (!f) continue;
        const t = totals[side];
        if (f.hours === undefined) t.missingHours++;
        else t.hours += f.hours;
        if (f.weekly === undefined || f.monthly === undefined) t.missingCost++;
        else {
          t.weekly += f.weekly;
          t.monthly += f.monthly;
        }
      }
    });
  }
  return totals;
}
