import { describeEntry } from '../../schedule/schedule-set-checks';
import { money } from '../preview/display-zone';
import type { Week } from '../preview/week';
import type { FailedCheck, InstanceAction, InstanceChange, InstanceSide, OtherChange, StackChanges } from './changes';
import type { InstanceFigures, SideFigures, Totals } from './figures';

/**
 * The review as data: what every format prints, in words a reviewer reads. Strings here still hold the
 * plan's text unescaped: each format escapes them for its medium.
 */
interface InstanceSummary {
  readonly name: string;
  readonly address: string;
  readonly user?: string;
  readonly action: InstanceAction;
  readonly change: string;
  /** Planned in a plan that errored: not applied. */
  readonly refused: boolean;
  readonly replacedBy: readonly string[];
  readonly vmSize: { readonly before?: string; readonly after?: string };
  readonly schedules: { readonly before?: string; readonly after?: string };
  readonly hoursPerWeek: { readonly before?: number; readonly after?: number };
  readonly costPerWeek: { readonly before?: number; readonly after?: number };
  readonly costPerMonth: { readonly before?: number; readonly after?: number };
}

export interface StackSummary {
  readonly file: string;
  readonly headline: string;
  readonly errored: boolean;
  readonly instances: readonly InstanceSummary[];
  readonly policies: readonly (OtherChange & { readonly change: string })[];
  readonly checks: readonly FailedCheck[];
}

export interface Review {
  readonly headline: string;
  readonly week: { readonly zone: string; readonly from: string; readonly to: string };
  readonly totals: Totals;
  readonly stacks: readonly StackSummary[];
}

const WORDS: Record<InstanceAction, string> = {
  created: 'created',
  imported: 'imported (adopted as it is in Azure, not recreated)',
  replaced: 'replaced: the disk is wiped',
  deleted: 'deleted: the disk is wiped',
  updated: 'updated in place',
  unchanged: 'unchanged',
  forgotten: 'removed from the state, kept in Azure',
};

function schedulesText(side: InstanceSide | undefined): string | undefined {
  if (!side) return undefined;
  if (!side.schedules) return side.schedulesUnknown ?? 'unknown';
  if (side.schedules.length === 0) return 'none: runs until someone stops it';
  // As preview says: without a Start, the hours counted are none, though someone may start it by hand.
  const noStart = !side.schedules.some((e) => e.action === 'Start' && e.status !== 'Disabled');
  return `${side.schedules.map((e) => `${describeEntry(e)}${e.status === 'Disabled' ? ' [disabled]' : ''}`).join('; ')}${noStart ? ' (no Start: runs only when someone starts it)' : ''}`;
}

const pick = <K extends keyof SideFigures>(f: InstanceFigures, key: K) => ({
  before: f.before?.[key],
  after: f.after?.[key],
});

function instanceSummary(c: InstanceChange, f: InstanceFigures): InstanceSummary {
  return {
    name: c.name,
    address: c.address,
    ...(c.user ? { user: c.user } : {}),
    action: c.action,
    change: c.refused
      ? `${c.action === 'replaced' ? 'replacement' : 'deletion'} refused: the plan errored (deletionProtection refuses this); the disk stays`
      : WORDS[c.action],
    refused: c.refused,
    replacedBy: c.replacedBy,
    vmSize: { before: f.before && c.before?.vmSize, after: f.after && c.after?.vmSize },
    schedules: { before: f.before && schedulesText(c.before), after: f.after && schedulesText(c.after) },
    hoursPerWeek: pick(f, 'hours'),
    costPerWeek: pick(f, 'weekly'),
    costPerMonth: pick(f, 'monthly'),
  };
}

/** `12.5 → 50.0 (+37.5)`, `– → 50.0`, `50.0 → –`. */
export function beforeAfter(v: { before?: number; after?: number }, digits: number): string {
  const n = (x: number | undefined) => (x === undefined ? '–' : digits === 2 ? money(x) : x.toFixed(digits));
  if (v.before === undefined && v.after === undefined) return '–';
  const delta = (v.after ?? 0) - (v.before ?? 0);
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${n(v.before)} → ${n(v.after)} (${sign}${Math.abs(delta).toFixed(digits)})`;
}

function countsText(counts: Readonly<Record<string, number>>): string {
  const order = ['created', 'imported', 'replaced', 'deleted', 'refused', 'updated', 'forgotten', 'unchanged'];
  const label: Record<string, string> = {
    replaced: 'replaced (disk wiped)',
    refused: 'refused (a replacement or deletion in a plan that errored)',
  };
  const parts = order.filter((a) => counts[a]).map((a) => `${counts[a]} ${label[a] ?? a}`);
  return parts.length === 0 ? 'no compute instances' : parts.join(', ');
}

export function totalLine(totals: Totals, pricesGiven: boolean): string {
  const t = totals;
  const hours = `running ${beforeAfter({ before: t.before.hours, after: t.after.hours }, 1)} h a week`;
  const unknownHours = t.before.missingHours + t.after.missingHours;
  const parts = [countsText(t.counts), unknownHours > 0 ? `${hours} (${unknownHours} unknown left out)` : hours];
  if (pricesGiven) {
    const missing = t.before.missingCost + t.after.missingCost;
    parts.push(
      `cost ${beforeAfter({ before: t.before.weekly, after: t.after.weekly }, 2)} a week, ${beforeAfter({ before: t.before.monthly, after: t.after.monthly }, 2)} a month${missing > 0 ? ` (${missing} without a price left out)` : ''}`,
    );
  }
  return parts.join('; ');
}

export function stackSummary(changes: StackChanges, figures: readonly InstanceFigures[], totals: Totals): StackSummary {
  return {
    file: changes.file,
    headline: countsText(totals.counts),
    errored: changes.errored,
    instances: changes.instances.map((c, i) => instanceSummary(c, figures[i])),
    policies: changes.policies.map((p) => ({ ...p, change: WORDS[p.action].replace(': the disk is wiped', '') })),
    checks: changes.checks,
  };
}

export function weekText(week: Week): { zone: string; from: string; to: string } {
  return { zone: week.zone, from: week.days[0], to: week.days[6] };
}
