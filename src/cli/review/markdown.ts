import { terminalText } from '../terminal-text';
import { beforeAfter, Review, StackSummary } from './summary';

/**
 * The review as a GitHub pull-request comment. Every value from the plan is shown as a code span: inside one,
 * GitHub renders no Markdown, no HTML (a `</details>` or `<img>` is text), no link and no @mention. The span's
 * fence is longer than any run of backticks in the value, line breaks and invisible characters are escaped by
 * `terminalText` (a value cannot start a new line, so cannot start an HTML block), and `|` is escaped as GFM
 * asks inside a table cell ("GitHub Flavored Markdown Spec", 4.10 Tables: `\|` in a code span in a cell).
 */

/** GitHub refuses a comment body over 65,536 characters (its API's error: "Body is too long (maximum is 65536 characters)"). */
const COMMENT_LIMIT = 65_536;
/** Room kept under the limit for the last line that says what was left out. */
const RESERVE = 600;

/** A value from the plan is cut at this length, and a stack's list of checks or policies at this many. */
const MAX_VALUE = 300;
const MAX_LISTED = 20;

function code(value: string): string {
  const cut = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  const t = terminalText(cut).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

const opt = (v: string | undefined) => (v === undefined ? '–' : code(v));

function row(i: StackSummary['instances'][number]): string {
  const change = [i.change, ...i.replacedBy.map((r) => `because ${code(r)}`)].join('<br>');
  const size =
    i.vmSize.before === i.vmSize.after ? opt(i.vmSize.after) : `${opt(i.vmSize.before)} → ${opt(i.vmSize.after)}`;
  const schedules =
    i.schedules.before === i.schedules.after
      ? opt(i.schedules.after)
      : `${opt(i.schedules.before)} →<br>${opt(i.schedules.after)}`;
  const cost =
    i.costPerWeek.before === undefined && i.costPerWeek.after === undefined
      ? '–'
      : `${beforeAfter(i.costPerWeek, 2)} a week<br>${beforeAfter(i.costPerMonth, 2)} a month`;
  return `| ${code(i.name)} | ${opt(i.user)} | ${change} | ${size} | ${schedules} | ${beforeAfter(i.hoursPerWeek, 1)} | ${cost} |`;
}

const HEADER =
  '| instance | assigned user | change | VM size | schedules | hours a week | cost |\n|---|---|---|---|---|---|---|';

function listed(lines: string[]): string {
  const more = lines.length - MAX_LISTED;
  return [...lines.slice(0, MAX_LISTED), ...(more > 0 ? [`- … and ${more} more`] : [])].join('\n');
}

function stackParts(s: StackSummary): { open: string; rows: string[]; close: string } {
  const extra: string[] = [];
  if (s.errored)
    extra.push(
      '**The plan errored**: terraform could not plan every change (deletion protection refuses a replacement this way); its own output says which.',
    );
  if (s.checks.length > 0)
    extra.push(
      `**Failing checks** (Azure and the code disagree, or another check failed):\n${listed(
        s.checks.map(
          (c) =>
            `- ${code(c.address)} ${c.status}: ${c.messages.slice(0, MAX_LISTED).map(code).join('; ') || '(no message)'}`,
        ),
      )}`,
    );
  if (s.policies.length > 0)
    extra.push(
      `**Policy changes**:\n${listed(s.policies.map((p) => `- ${p.change}: ${code(p.type)} ${opt(p.name)} (${code(p.address)})`))}`,
    );
  return {
    open: `<details><summary>${code(s.file)}: ${s.headline}</summary>\n\n${s.instances.length > 0 ? `${HEADER}\n` : ''}`,
    rows: s.instances.map(row),
    close: `${extra.length > 0 ? `\n${extra.join('\n\n')}\n` : ''}\n</details>\n\n`,
  };
}

/** The comment, cut before `limit` characters with a line saying how many instances and stacks were left out. */
export function reviewMarkdown(review: Review, limit = COMMENT_LIMIT): string {
  const week = `week of ${review.week.from} to ${review.week.to}, ${review.week.zone}`;
  let out = `### aml-compute review\n\n**${review.headline}** (${week})\n\n`;
  let leftRows = 0;
  let leftStacks = 0;
  for (const stack of review.stacks) {
    const { open, rows, close } = stackParts(stack);
    if (leftRows > 0 || leftStacks > 0 || out.length + open.length + close.length > limit - RESERVE) {
      leftStacks++;
      leftRows += rows.length;
      continue;
    }
    let body = open;
    let shown = 0;
    for (const r of rows) {
      if (out.length + body.length + r.length + 1 + close.length > limit - RESERVE) break;
      body += `${r}\n`;
      shown++;
    }
    leftRows += rows.length - shown;
    out += body + close;
  }
  if (leftRows > 0 || leftStacks > 0)
    out += `\n**… and ${leftRows} more instance${leftRows === 1 ? '' : 's'}${leftStacks > 0 ? ` in ${leftStacks} more stack${leftStacks === 1 ? '' : 's'}` : ''}**, not shown: a comment holds at most ${COMMENT_LIMIT.toLocaleString('en-US')} characters. The totals above count them; \`aml-compute review --format text\` lists all.\n`;
  return out;
}
