import { terminalText } from '../terminal-text';
import { Interval, localPosition, localTimeText, Week } from './week';

/**
 * The week chart as an SVG image: per instance a block of seven day rows over 24 hours of local time, and
 * one bar per running interval (split at midnight into one rect per day it covers, all carrying the
 * interval's number in `data-interval`). Black bars on a white grid with text labels: readable without
 * colour. Deterministic: the same input gives the same bytes.
 */

export interface SvgBlock {
  readonly title: string;
  readonly intervals: readonly Interval[];
  readonly summary: string;
}

const LABEL = 120;
const HOUR = 24;
const ROW = 18;
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Text for XML 1.0: unsafe and forbidden characters shown escaped as in the terminal, then markup escaped. */
function escapeXml(text: string): string {
  return terminalText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function svgChart(blocks: readonly SvgBlock[], week: Week): string {
  const width = LABEL + 24 * HOUR + 20;
  const blockHeight = 30 + 7 * ROW + 30;
  const height = blocks.length * blockHeight + 10;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="monospace" font-size="11">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  blocks.forEach((block, b) => {
    const top = b * blockHeight + 10;
    out.push(`<g class="instance">`);
    out.push(
      `<text x="4" y="${top + 12}" font-weight="bold">${escapeXml(block.title)} (${escapeXml(week.zone)})</text>`,
    );
    for (let h = 0; h <= 24; h += 3) {
      const x = LABEL + h * HOUR;
      out.push(`<text x="${x}" y="${top + 26}" text-anchor="middle">${String(h).padStart(2, '0')}</text>`);
      out.push(
        `<line x1="${x}" y1="${top + 30}" x2="${x}" y2="${top + 30 + 7 * ROW}" stroke="#999999" stroke-width="0.5"/>`,
      );
    }
    DAY_NAMES.forEach((name, d) => {
      const y = top + 30 + d * ROW;
      out.push(`<text x="4" y="${y + 13}">${name} ${week.days[d]}</text>`);
      out.push(
        `<rect x="${LABEL}" y="${y + 2}" width="${24 * HOUR}" height="${ROW - 4}" fill="none" stroke="#999999" stroke-width="0.5"/>`,
      );
    });
    block.intervals.forEach((iv, n) => {
      const from = localPosition(iv.startMs, week);
      // The end is exclusive: a run that ends at midnight ends on the day before, at 24:00.
      const last = localPosition(iv.endMs - 60_000, week);
      const label = `${DAY_NAMES[from.day] ?? ''} ${localTimeText(iv.startMs, week.zone)} to ${DAY_NAMES[last.day] ?? ''} ${localTimeText(iv.endMs, week.zone)}, ${((iv.endMs - iv.startMs) / 3_600_000).toFixed(1)} h`;
      for (let d = from.day; d <= Math.min(last.day, 6); d++) {
        const startMin = d === from.day ? from.minutes : 0;
        const endMin = d === last.day ? last.minutes + 1 : 1440;
        const x = LABEL + (startMin / 60) * HOUR;
        const w = ((endMin - startMin) / 60) * HOUR;
        const y = top + 30 + d * ROW + 4;
        out.push(
          `<rect class="run" data-interval="${n}" x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${ROW - 8}" fill="#000000"><title>${escapeXml(label)}</title></rect>`,
        );
      }
    });
    out.push(`<text x="4" y="${top + 30 + 7 * ROW + 16}">${escapeXml(block.summary)}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
