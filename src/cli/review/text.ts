import { line } from '../terminal-text';
import { beforeAfter, Review } from './summary';

/** The review for a terminal: every value from the plan through `line` (escaped). */
export function reviewText(review: Review): string {
  const out: string[] = [
    line`aml-compute review: ${review.headline}`,
    line`week of ${review.week.from} to ${review.week.to}, ${review.week.zone}`,
  ];
  for (const s of review.stacks) {
    out.push('\n', line`${s.file}: ${s.headline}`);
    if (s.errored) out.push(line`  the plan errored: terraform could not plan every change; its own output says which`);
    for (const i of s.instances) {
      out.push(line`  ${i.name}${i.user ? ` (user ${i.user})` : ''}: ${i.change}`);
      for (const r of i.replacedBy) out.push(line`    because ${r}`);
      if (i.vmSize.before !== i.vmSize.after)
        out.push(line`    VM size: ${i.vmSize.before ?? '–'} → ${i.vmSize.after ?? '–'}`);
      else out.push(line`    VM size: ${i.vmSize.after ?? '–'}`);
      if (i.schedules.before !== undefined && i.schedules.before !== i.schedules.after)
        out.push(line`    schedules before: ${i.schedules.before}`);
      if (i.schedules.after !== undefined)
        out.push(
          line`    schedules${i.schedules.before !== undefined && i.schedules.before !== i.schedules.after ? ' after' : ''}: ${i.schedules.after}`,
        );
      out.push(line`    hours a week: ${beforeAfter(i.hoursPerWeek, 1)}`);
      if (i.costPerWeek.before !== undefined || i.costPerWeek.after !== undefined)
        out.push(line`    cost: ${beforeAfter(i.costPerWeek, 2)} a week, ${beforeAfter(i.costPerMonth, 2)} a month`);
    }
    for (const c of s.checks)
      out.push(line`  check ${c.address} ${c.status}: ${c.messages.join('; ') || '(no message)'}`);
    for (const p of s.policies) out.push(line`  policy ${p.change}: ${p.type} ${p.name ?? ''} (${p.address})`);
  }
  return out.join('');
}
