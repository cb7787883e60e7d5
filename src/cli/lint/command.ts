import { formatOf, parseVerbArgs } from '../args';
import { lineOf } from '../inputs/json-lines';
import { loadInstances } from '../inputs/load';
import { CliIo, EXIT, UnusableInput } from '../io';
import { sarifLog, SarifRule } from '../sarif';
import { line as printed, terminalJson } from '../terminal-text';
import { VERBS_HELP } from '../usage';
import { packageVersion } from '../version';
import { instanceProblems } from './instance-problems';

const LINT_USAGE = VERBS_HELP.lint.synopsis;

/** SARIF rules: one per kind of field (the field table's `rule` names which). */
export const LINT_RULES: readonly SarifRule[] = [
  {
    id: 'schedule',
    description:
      'A start/stop schedule Azure would refuse or run unpredictably (cron grammar, time zones, recurrence, Start and Stop in one minute)',
  },
  {
    id: 'setup-script',
    description: 'A setup script the library refuses (secrets, size, workspace path, arguments, timeout)',
  },
  { id: 'idle-shutdown', description: 'Idle shutdown outside 15 minutes to 3 days' },
  { id: 'ssh-key', description: 'Not one OpenSSH public key line' },
  { id: 'identity', description: 'A managed identity setting Azure refuses' },
  { id: 'tags', description: "Tags beyond Azure's limits" },
  { id: 'id', description: 'A GUID or ARM id of the wrong shape' },
  { id: 'vm-size', description: 'Not an Azure VM size name' },
  { id: 'location', description: 'Not an Azure region name' },
  { id: 'name', description: 'A compute instance name Azure refuses' },
  { id: 'custom-service', description: 'A custom application Azure or the library refuses (image, ports, variables)' },
  { id: 'compute-instance', description: 'Another setting of the compute instance the library refuses' },
];

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
        problems: problems.map((p) => ({ ...p, line: line(p) })),
        notes,
      }),
    );
  } else if (format === 'sarif') {
    const results = problems.map((p) => ({
      ruleId: p.rule,
      level: 'error' as const,
      message: `${p.instance}: ${p.path}: received ${p.received}; allowed: ${p.allowed}`,
      file: p.file,
      line: line(p),
      path: p.path,
    }));
    io.out(
      terminalJson(
        sarifLog(
          LINT_RULES.map(({ id, description }) => ({ id, description })),
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
