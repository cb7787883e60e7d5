import { Interval, minuteSlots, Week } from './week';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const COLOUR = { run: '\u001b[42;30m', part: '\u001b[43;30m', stop: '\u001b[2m', reset: '\u001b[0m' };

/**
 * One row per day, one column per half hour of local time: `#` running all of it, `+` part of it, `.`
 * stopped, blank for a half hour the day does not have (the hour skipped when daylight saving starts). The
 * same characters with colour on a terminal, so the chart reads the same in a log.
 */
export function textChart(intervals: readonly Interval[], week: Week, colour: boolean): string[] {
  const slots = minuteSlots(week);
  const total = Array.from({ length: 7 }, () => new Array<number>(48).fill(0));
  const running = Array.from({ length: 7 }, () => new Array<number>(48).fill(0));
  const perDay = new Array<number>(7).fill(0);
  slots.forEach(({ day, slot }, i) => {
    const t = week.startMs + i * 60_000;
    total[day][slot]++;
    if (intervals.some((iv) => t >= iv.startMs && t < iv.endMs)) {
      running[day][slot]++;
      perDay[day]++;
    }
  });
  const header = `               ${Array.from({ length: 24 }, (_, h) => (h % 3 === 0 ? String(h).padStart(2, '0').padEnd(6) : '')).join('')}`;
  const rows = DAY_NAMES.map((name, d) => {
    const cells = total[d]
      .map((n, s) => {
        if (n === 0) return ' ';
        const r = running[d][s];
        const [ch, c] = r === n ? ['#', COLOUR.run] : r === 0 ? ['.', COLOUR.stop] : ['+', COLOUR.part];
        return colour ? `${c}${ch}${COLOUR.reset}` : ch;
      })
      .join('');
    return `${name} ${week.days[d]} |${cells}| ${(perDay[d] / 60).toFixed(1).padStart(4)} h`;
  });
  return [header.trimEnd(), ...rows];
}
