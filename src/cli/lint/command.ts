import { formatOf, parseVerbArgs } from '../args';
import { lineOf } from '../inputs/json-lines';
import { loadInstances } from '../inputs/load';
import { CliIo, EXIT, UnusableInput } from '../io';
import { sarifLog, SarifRule } from '../sarif';
import { line as printed, terminalJson } from '../terminal-text';
import { VERBS_HELP } from '../usage';
import { packageVersion } from '../version';
import { instanceProblems, LintProblem } from './instance-problems';

const LINT_USAGE = VERBS_HELP.lint.synopsis;

/** SARIF rules: one per kind of field, told apart by the JSON path. */
const RULES: ReadonlyArray<SarifRule & { match: RegExp }> = [
  {
    id: 'schedule',
    description:
      'A start/stop schedule Azure would refuse or run unpredictably (cron grammar, time zones, recurrence, Start and Stop in one minute)',
    match: /computeStartStop|schedules|compute_start_stop/,
  },
  {
    id: 'setup-script',
    description: 'A setup script the library refuses (secrets, size, workspace path, arguments, timeout)',
    match: /[Ss]cript/,
  },
  { id: 'idle-shutdown', description: 'Idle shutdown outside 15 minutes to 3 days', match: /idle/i },
  { id: 'ssh-key', description: 'Not one OpenSSH public key line', match: /adminPublicKey|ssh_key/ },
  { id: 'identity', description: 'A managed identity setting Azure refuses', match: /identity/ },
  { id: 'tags', description: "Tags beyond Azure's limits", match: /tags/ },
  {
    id: 'id',
    description: 'A GUID or ARM id of the wrong shape',
    match: /subnet|objectId|tenantId|user_object_id|user_tenant_id/,
  },
  { id: 'vm-size', description: 'Not an Azure VM size name', match: /vmSize|size/ },
  { id: 'location', description: 'Not an Azure region name', match: /location/ },
  { id: 'name', description: 'A compute instance name Azure refuses', match: /name|computeName/ },
];

function ruleOf(p: LintProblem): string {
  return RULES.find((r) => r.match.test(p.path))?.id ?? 'compute-instance';
}

export function run(args: string[], io: CliIo): number {
  const { values, positionals } = parseVerbArgs(args, { parameters: { type: 'string' }, format: { type: 'string' } });
  const format = formatOf(values.format);
  if (positionals.length === 0) throw new UnusableInput(`no FILE given; usage: ${LINT_USAGE}`);
  const loaded = loadInstances(io, positionals, values.parameters as string | undefined);
  const problems = loaded.instances.flatMap(instanceProblems);
  const line = (p: { file: string; path: string }) => lineOf(loaded.lines.get(p.file) ?? new Map(), p.path);
  const notes = loaded.instances.flatMap((i) => i.notes.map((note) => ({ file: i.file, instance: i.name, note })));
  if (format === 'json') {
    io.out(
      terminalJson({
        instances: loaded.instances.map((i) => ({ file: i.file, name: i.name })),
        problems: problems.map((p) => ({ ...p, line: line(p), rule: ruleOf(p) })),
        notes,
      }),
    );
  } else if (format === 'sarif') {
    const results = problems.map((p) => ({
      ruleId: ruleOf(p),
      level: 'error' as const,
      message: `${p.instance}: ${p.path}: received ${p.received}; allowed: ${p.allowed}`,
      file: p.file,
      line: line(p),
      path: p.path,
    }));
    io.out(
      terminalJson(
        sarifLog(
          RULES.map(({ id, description }) => ({ id, description })),
          results,
          packageVersion(),
        ),
      ),
    );
  } else {
    for (const p of problems) {
      const at = line(p);
      io.out(
        printed`${p.file}${at !== undefined ? `:${at}` : ''}: ${p.path}: ${p.instance}: received ${p.received}; allowed: ${p.allowed}`,
      );
    }
    for (const n of notes) io.out(printed`note: ${n.file}: ${n.instance}: ${n.note}`);
    const count = loaded.instances.length;
    const what = `${count} ${count === 1 ? 'instance' : 'instances'}`;
    io.out(
      problems.length === 0
        ? printed`no problems in ${what}`
        : printed`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${what}`,
    );
  }
  return problems.length > 0 ? EXIT.problems : EXIT.clean;
}
