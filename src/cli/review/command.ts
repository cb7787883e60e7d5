import { parseVerbArgs } from '../args';
import { CliIo, EXIT, UnusableInput } from '../io';
import { displayZone } from '../preview/display-zone';
import { weekOf } from '../preview/week';
import { terminalJson } from '../terminal-text';
import { VERBS_HELP } from '../usage';
import { stackChanges } from './changes';
import { totalsOf, WeekFigures } from './figures';
import { reviewMarkdown } from './markdown';
import { readPlanFile } from './plan-file';
import { readPrices } from './prices';
import { Review, stackSummary, totalLine, weekText } from './summary';
import { reviewText } from './text';

const REVIEW_USAGE = VERBS_HELP.review.synopsis;

type ReviewFormat = 'markdown' | 'text' | 'json';

function reviewFormatOf(value: unknown): ReviewFormat {
  const format = value ?? 'markdown';
  if (format !== 'markdown' && format !== 'text' && format !== 'json')
    throw new UnusableInput(`--format ${String(format)}: allowed: markdown, text or json`);
  return format;
}

/**
 * The week charted: `--from`'s, else the week of the first plan's `timestamp` (when terraform planned), so
 * that the same plan files give the same review on every run.
 */
function weekStart(from: string | undefined, timestamp: string | undefined): string {
  const date = from ?? timestamp?.slice(0, 10);
  if (date === undefined)
    throw new UnusableInput(
      'no --from and the first plan has no timestamp (terraform 1.5 and later write one): give --from YYYY-MM-DD',
    );
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new UnusableInput(
      `${from !== undefined ? '--from' : 'the plan timestamp'} ${date.slice(0, 40)}: allowed: a date YYYY-MM-DD`,
    );
  return date;
}

export function run(args: string[], io: CliIo): number {
  const { values, positionals } = parseVerbArgs(args, {
    prices: { type: 'string' },
    'price-per-hour': { type: 'string' },
    tz: { type: 'string' },
    from: { type: 'string' },
    format: { type: 'string' },
  });
  const format = reviewFormatOf(values.format);
  if (positionals.length === 0) throw new UnusableInput(`no PLAN.json given; usage: ${REVIEW_USAGE}`);
  const zone = displayZone((values.tz as string | undefined) ?? 'UTC');
  const prices = readPrices(io, values.prices as string | undefined, values['price-per-hour'] as string | undefined);
  const plans = positionals.map((file) => readPlanFile(io, file));
  const week = weekOf(weekStart(values.from as string | undefined, plans[0].timestamp), zone);
  const figures = new WeekFigures(week, prices);

  const stacks = plans.map((plan) => {
    const changes = stackChanges(plan);
    return { changes, figures: changes.instances.map((c) => figures.instance(c)) };
  });
  const totals = totalsOf(stacks);
  const review: Review = {
    headline: totalLine(totals, prices.given),
    week: weekText(week),
    totals,
    stacks: stacks.map((s) => stackSummary(s.changes, s.figures, totalsOf([s]))),
  };
  if (format === 'json') io.out(terminalJson(review));
  else if (format === 'text') io.out(reviewText(review));
  else io.out(reviewMarkdown(review));
  return EXIT.clean;
}
