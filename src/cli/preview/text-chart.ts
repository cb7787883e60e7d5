import { MINUTE_MS } from '../../schedule/zoned-time';
import { Interval, MinuteSlot, Week } from './week';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const COLOUR = { run: '\u001b[42;30m', part: '\u001b[43;30m', stop: '\u001b[2m', reset: '\u001b[0m' };

/**
 * One row per day, one column per half hour of local time: `#` running all of it, `+` part of it, `.`
 * stopped, blank for a half hour the day does not have (the hour skipped when daylight saving starts). The
 * same characters with colour on a terminal, so the chart reads the same in a log. `slots` is
 * `minuteSlots(week)`, the same for every instance charted in the week, so it is worked out once by the
 * caller (it converts each of the week's 10,080 minutes to local time, which is where preview's time went).
 */
export function textChart(
  intervals: readonly Interval[],
  week: Week,
  colour: boolean,
  slots: readonly MinuteSlot[],
): string[] {
  const total = Array.from({ length: 7 }, () => new Array<number>(48).fill(0));
  const running = Array.from({ length: 7 }, () => new Array<number>(48).fill(0));
  const perDay = new Array<number>(7).fill(0);
  // Minute i of the week starts at startMs + i minutes; it runs when an interval holds that instant.
  const isRunning = new Uint8Array(slots.length);
  for (const iv of intervals) {
    const from = Math.max(0, Math.ceil((iv.startMs - week.startMs) / MINUTE_MS));
    const to = Math.min(slots.length, Math.ceil((iv.endMs - week.startMs) / MINUTE_MS));
    isRunning.fill(1, from, Math.max(from, to));
  }
  slots.forEach(({ day, slot }, i) => {
    total[day][slot]++;
    if (isRunning[i]) {
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
