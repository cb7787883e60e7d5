import type { ArmComputeStartStopSchedule, ScheduleAction } from '../../model/compute-arm';
import { ValidationError } from '../../core/errors';
import { armEntryProblems } from '../../schedule/entry-validation';
import { describeEntry } from '../../schedule/schedule-set-checks';
import { StartStopSchedule } from '../../schedule/start-stop-schedule';
import { isPlainObject } from '../../core/plain-object';
import { parseVerbArgs } from '../args';
import { dependsOnSkipped } from '../inputs/instances';
import { loadInstances } from '../inputs/load';
import { CliIo, EXIT, UnusableInput } from '../io';
import { line, terminalText } from '../terminal-text';
import { VERBS_HELP } from '../usage';
import { displayZone, HOURS_PER_MONTH, money } from './display-zone';
import { svgChart, SvgBlock } from './svg-chart';
import { textChart } from './text-chart';
import { hoursOf, Interval, minuteSlots, runningIntervals, weekOf } from './week';

const PREVIEW_USAGE = VERBS_HELP.preview.synopsis;

/** `--cron "Stop 0 18 * * 1-5"`: a schedule the library's factory validates. */
function cronSchedule(text: string, timeZone: string): ArmComputeStartStopSchedule {
  const m = /^\s*(start|stop)\s+(.+)$/i.exec(text);
  if (!m)
    throw new UnusableInput(
      `--cron ${JSON.stringify(text)}: allowed: "Start EXPR" or "Stop EXPR", such as "Stop 0 18 * * 1-5"`,
    );
  const action = (m[1].charAt(0).toUpperCase() + m[1].slice(1).toLowerCase()) as ScheduleAction;
  try {
    return StartStopSchedule.cron({ action, expression: m[2], timeZone }).toArm();
  } catch (e) {
    // One line, as every unusable-input message is: the library's problems joined, not its multi-line message.
    if (e instanceof ValidationError)
      throw new UnusableInput(
        `--cron ${JSON.stringify(text)}: ${e.problems.map((p) => `${p.field}: received ${p.received}; allowed: ${p.allowed}`).join(' | ')}`,
      );
    throw e;
  }
}

interface Charted {
  readonly title: string;
  readonly entries: ArmComputeStartStopSchedule[];
}

export function run(args: string[], io: CliIo): number {
  const { values, positionals } = parseVerbArgs(args, {
    tz: { type: 'string' },
    from: { type: 'string' },
    'price-per-hour': { type: 'string' },
    svg: { type: 'string' },
    cron: { type: 'string', multiple: true },
    'cron-tz': { type: 'string' },
    parameters: { type: 'string' },
  });
  const zone = displayZone((values.tz as string | undefined) ?? 'UTC');
  const from = (values.from as string | undefined) ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(`${from}T00:00:00Z`))) {
    throw new UnusableInput(`--from ${from}: allowed: a date YYYY-MM-DD (its week, from Monday, is shown)`);
  }
  const priceText = values['price-per-hour'] as string | undefined;
  const price = priceText === undefined ? undefined : Number(priceText);
  if (price !== undefined && (!Number.isFinite(price) || price < 0))
    throw new UnusableInput(`--price-per-hour ${priceText}: allowed: a number of 0 or more`);
  const crons = (values.cron as string[] | undefined) ?? [];
  if (crons.length === 0 && positionals.length === 0)
    throw new UnusableInput(`no FILE and no --cron given; usage: ${PREVIEW_USAGE}`);

  const charted: Charted[] = [];
  let problems = 0;
  if (crons.length > 0) {
    const cronZone = (values['cron-tz'] as string | undefined) ?? 'UTC';
    charted.push({ title: '--cron', entries: crons.map((c) => cronSchedule(c, cronZone)) });
  }
  if (positionals.length > 0) {
    for (const instance of loadInstances(io, positionals, values.parameters as string | undefined).instances) {
      const unknown = instance.skipped.filter((f) => dependsOnSkipped('properties.properties.schedules', [f]));
      if (unknown.length > 0) {
        io.out(
          `${line`${instance.name} (${instance.file}): not charted: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} known only at deployment (see aml-compute lint ${instance.file} for why)`}\n`,
        );
        continue;
      }
      const schedules: unknown = instance.resource.properties.properties.schedules;
      const entries: unknown[] =
        isPlainObject(schedules) && Array.isArray(schedules.computeStartStop) ? schedules.computeStartStop : [];
      const invalid = entries.filter((e) => armEntryProblems(e).length > 0).length;
      if (invalid > 0) {
        problems++;
        io.out(
          `${line`${instance.name} (${instance.file}): not charted: ${invalid} of its schedules ${invalid === 1 ? 'is' : 'are'} invalid; run aml-compute lint ${instance.file}`}\n`,
        );
        continue;
      }
      charted.push({ title: `${instance.name} (${instance.file})`, entries: entries as ArmComputeStartStopSchedule[] });
    }
  }

  const week = weekOf(from, zone);
  const weekHours = (week.endMs - week.startMs) / 3_600_000;
  const blocks: SvgBlock[] = [];
  const slots = minuteSlots(week);
  // Instances often share their schedules (a policy's defaults, a copied template): each set is walked once.
  const intervalsOf = new Map<string, Interval[]>();
  for (const c of charted) {
    const key = JSON.stringify(c.entries);
    const intervals = intervalsOf.get(key) ?? runningIntervals(c.entries, week);
    intervalsOf.set(key, intervals);
    const hours = hoursOf(intervals);
    // The title and the schedules are input: escaped; the chart's rows (with colour on a terminal) are this command's own.
    const lines = [
      terminalText(c.title),
      c.entries.length === 0
        ? '  no schedules: runs until someone stops it (idle shutdown aside)'
        : c.entries
            .map((e) => `  ${terminalText(describeEntry(e))}${e.status === 'Disabled' ? ' [disabled]' : ''}`)
            .join('\n'),
      ...(c.entries.length > 0 && !c.entries.some((e) => e.action === 'Start' && e.status !== 'Disabled')
        ? ['  no Start schedule: it runs only when someone starts it, which the chart cannot show']
        : []),
      ...textChart(intervals, week, io.isTTY, slots),
    ];
    const summary = `runs ${hours.toFixed(1)} h of ${weekHours.toFixed(0)} h in the week of ${week.days[0]} (${zone}), ${((100 * hours) / weekHours).toFixed(1)} %`;
    lines.push(summary);
    if (price !== undefined) {
      const weekly = hours * price;
      const monthly = hours * (HOURS_PER_MONTH / weekHours) * price;
      const alwaysWeekly = weekHours * price;
      const alwaysMonthly = HOURS_PER_MONTH * price;
      const saving = alwaysWeekly - weekly;
      lines.push(
        `cost at ${price}/h: ${money(weekly)} a week, ${money(monthly)} a month; always on: ${money(alwaysWeekly)} a week, ${money(alwaysMonthly)} a month; saving ${money(saving)} a week (${alwaysWeekly === 0 ? '0.0' : ((100 * saving) / alwaysWeekly).toFixed(1)} %)`,
      );
    }
    io.out(`${lines.join('\n')}\n\n`);
    blocks.push({ title: c.title, intervals, summary });
  }
  const svg = values.svg as string | undefined;
  if (svg !== undefined) {
    try {
      io.writeFile(svg, svgChart(blocks, week));
    } catch (e) {
      throw new UnusableInput(
        `--svg ${svg}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
  }
  return problems > 0 ? EXIT.problems : EXIT.clean;
}
