import type { FieldProblem } from './field-problem';
import { FREQUENCIES, MAX_INTERVAL } from '../model/limits';

function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `allowed:` text for a recurrence's interval, with the limit of its frequency when that is known. */
export function intervalAllowed(frequency: unknown): string {
  if (!FREQUENCIES.includes(frequency as (typeof FREQUENCIES)[number])) return 'an integer of at least 1';
  const max = MAX_INTERVAL[frequency as (typeof FREQUENCIES)[number]];
  return `an integer from 1 to ${withThousands(max)} with frequency "${frequency}" (the Logic Apps recurrence limit)`;
}

/**
 * What a recurrence means follows the Logic Apps recurrence that Azure ML points to
 * (logic-apps-workflow-actions-triggers.md, Recurrence trigger): hours and minutes apply only with frequency
 * "Day" or "Week", weekDays only with "Week". Azure ML's own schema requires hours and minutes in every
 * recurrence, so other frequencies take empty lists.
 */
export function recurrenceRuleProblems(recurrence: Record<string, any>): FieldProblem[] {
  const frequency = recurrence.frequency;
  const schedule = recurrence.schedule;
  if (!FREQUENCIES.includes(frequency) || schedule === null || typeof schedule !== 'object') return [];
  const problems: FieldProblem[] = [];
  const atSetTimes = frequency === 'Day' || frequency === 'Week';
  for (const [key, what, range] of [
    ['hours', 'hour', '0 to 23'],
    ['minutes', 'minute', '0 to 59'],
  ] as const) {
    const list = schedule[key];
    if (!Array.isArray(list)) continue;
    if (atSetTimes && list.length === 0) {
      problems.push({
        field: `recurrence.schedule.${key}`,
        value: list,
        allowed: `at least one ${what} from ${range} with frequency "${frequency}": the schedule fires at each of its hours at each of its minutes`,
      });
    }
    if (!atSetTimes && list.length > 0) {
      problems.push({
        field: `recurrence.schedule.${key}`,
        value: list,
        allowed: `[] with frequency "${frequency}" (a recurrence reads hours and minutes only with "Day" or "Week"); use frequency "Day" or "Week" to fire at set times`,
      });
    }
  }
  const weekDays = schedule.weekDays;
  if (Array.isArray(weekDays) && weekDays.length > 0 && frequency !== 'Week') {
    problems.push({
      field: 'recurrence.schedule.weekDays',
      value: weekDays,
      allowed: `weekDays only with frequency "Week" (a recurrence reads them only then); set frequency "Week" or remove weekDays`,
    });
  }
  return problems;
}
