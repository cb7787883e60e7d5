/**
 * What `aml-compute --help` and `aml-compute VERB --help` print: one entry per verb, from which the top-level
 * usage, each verb's help and the usage named in a verb's own errors are all made.
 */
export type VerbName = 'lint' | 'preview' | 'audit' | 'import' | 'review';

interface VerbHelp {
  readonly synopsis: string;
  readonly summary: string;
  readonly options: ReadonlyArray<readonly [string, string]>;
  /** Lines after the options: how inputs are read, exit codes. */
  readonly more?: readonly string[];
}

const FORMAT: readonly [string, string] = [
  '--format text|json|sarif',
  'lines (the default), JSON, or SARIF 2.1.0 for GitHub code scanning',
];
const PARAMETERS: readonly [string, string] = [
  '--parameters FILE',
  "an ARM parameter file giving the templates' parameter values (else their defaults)",
];

export const VERBS_HELP: Readonly<Record<VerbName, VerbHelp>> = {
  lint: {
    synopsis: 'aml-compute lint FILE... [--parameters FILE] [--format text|json|sarif]',
    summary: 'every compute-instance problem the library would refuse, with its file, line and JSON path',
    options: [PARAMETERS, FORMAT],
    more: ['Exit codes: 0 no problems, 1 problems found, 2 unusable input.'],
  },
  preview: {
    synopsis:
      'aml-compute preview FILE... | --cron "Start|Stop EXPR"... [--cron-tz WINDOWS_ID] [--tz ZONE] [--from YYYY-MM-DD] [--price-per-hour N] [--svg FILE] [--parameters FILE]',
    summary: 'a Monday-to-Sunday week of when each instance runs, hours per week and cost',
    options: [
      ['--cron "Start|Stop EXPR"', 'a schedule to chart instead of files ("Stop 0 18 * * 1-5"); repeat it'],
      ['--cron-tz WINDOWS_ID', 'the time zone of the --cron schedules, as Azure names it (default UTC)'],
      ['--tz ZONE', 'the zone the chart is drawn in: a Windows or IANA id (default UTC)'],
      ['--from YYYY-MM-DD', 'a date in the week to chart (default today)'],
      ['--price-per-hour N', 'adds the cost per week and per month, and the saving against always on'],
      ['--svg FILE', 'writes the chart as an SVG image too'],
      PARAMETERS,
    ],
    more: ["Exit codes: 0 charted, 1 an instance's schedules are invalid (not charted), 2 unusable input."],
  },
  audit: {
    synopsis:
      'aml-compute audit --policy FILE [--policy FILE...] INSTANCES... [--parameters FILE] [--format text|json|sarif]',
    summary: 'what a shutdown policy would append, deny or audit on each instance',
    options: [
      [
        '--policy FILE',
        'policy definitions, initiatives or assignments (Azure JSON, or our cdk.tf.json or ARM template)',
      ],
      PARAMETERS,
      FORMAT,
    ],
    more: [
      'Exit codes: 0 no instance denied, 1 an instance would be denied, 2 unusable input, or nothing judged',
      '(no rule in the policy files is one this audit knows).',
    ],
  },
  import: {
    synopsis: 'aml-compute import FILE... [--framework cdktf|cdktn] [--out FILE]',
    summary:
      'a TypeScript module declaring the existing instances (REST GET/list or az ml compute show|list output), each marked existing: true so that Terraform imports it',
    options: [
      [
        '--framework cdktf|cdktn',
        "the Terraform CDK the module is written for (default: the one the nearest package.json depends on, from the --out file's folder or else the current one, upward; cdktf when none says)",
      ],
      ['--out FILE', 'writes the module to FILE instead of stdout'],
    ],
    more: ['Exit codes: 0 written, 1 written with values the library refuses (marked), 2 unusable input.'],
  },
  review: {
    synopsis:
      'aml-compute review PLAN.json... [--prices FILE] [--price-per-hour N] [--tz ZONE] [--from YYYY-MM-DD] [--format markdown|text|json]',
    summary:
      "a pull request's terraform plans (terraform show -json) in words: whose instance is created, replaced (disk wiped) or deleted, schedules and running hours before and after, cost, failing checks, policies",
    options: [
      ['--prices FILE', 'a JSON object of VM size to hourly price (see examples/ci/vm-prices.json)'],
      ['--price-per-hour N', 'the hourly price of every VM size the --prices file does not name'],
      ['--tz ZONE', 'the zone running hours are counted in: a Windows or IANA id (default UTC)'],
      ['--from YYYY-MM-DD', "a date in the week counted (default: the first plan's timestamp)"],
      ['--format markdown|text|json', 'a PR comment (the default), lines for a terminal, or JSON'],
    ],
    more: [
      'Exit codes: 0 summarized, 2 unusable input (not JSON, not a plan, a plan format version it does not know).',
    ],
  },
};

export const VERB_NAMES = Object.keys(VERBS_HELP) as VerbName[];

/** `aml-compute VERB --help`. */
export function verbHelp(verb: VerbName): string {
  const help = VERBS_HELP[verb];
  const options = [...help.options, ['--help, -h', 'this help'] as const];
  const width = Math.max(...options.map(([o]) => o.length));
  return [
    `usage: ${help.synopsis}`,
    '',
    help.summary,
    '',
    'options:',
    ...options.map(([o, d]) => `  ${o.padEnd(width)}  ${d}`),
    ...(help.more ? ['', ...help.more] : []),
    '',
  ].join('\n');
}

/** `aml-compute --help`: every verb's synopsis and summary. */
export const USAGE = `usage: aml-compute <verb> [options]   (aml-compute <verb> --help for its options; aml-compute --version)

${VERB_NAMES.map((v) => `  ${VERBS_HELP[v].synopsis}\n      ${VERBS_HELP[v].summary}`).join('\n')}

Inputs are recognized by shape: ARM templates and parameter files, cdk.tf.json, Azure REST GET/list output,
az ml compute show|list -o json, policy definitions, initiatives and assignments.
Exit codes: 0 clean, 1 problems found (audit: an instance would be denied), 2 unusable input (audit: or
nothing judged).
`;
