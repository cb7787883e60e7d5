import { ArmComputeInstanceProperties } from '../../model/compute-arm';
import { evaluateRules, Finding } from '../../policy/evaluate';
import { formatOf, parseVerbArgs } from '../args';
import { dependsOnSkipped } from '../inputs/instances';
import { lineOf } from '../inputs/json-lines';
import { loadInstances } from '../inputs/load';
import { PolicyInputs, readPolicies } from '../inputs/policies';
import { CliIo, EXIT, readJson, UnusableInput } from '../io';
import { sarifLog } from '../sarif';
import { line, terminalJson } from '../terminal-text';
import { VERBS_HELP } from '../usage';
import { packageVersion } from '../version';
import { unreadableByRules } from './policy-readable';
import { AuditedRule, rulesFrom } from './recognize-rules';

const AUDIT_USAGE = VERBS_HELP.audit.synopsis;

const INNER = 'properties.properties';
const LEVEL = { denied: 'error', audited: 'warning', appended: 'note', unknown: 'note' } as const;

interface InstanceVerdict {
  readonly file: string;
  readonly name: string;
  readonly findings: Array<{
    readonly source: string;
    readonly outcome: Finding['outcome'];
    readonly text: string;
    readonly path: string;
    readonly line?: number;
  }>;
}

/**
 * Why: a denial by an Append rule says how an append denies ("If the append effect would override a value in
 * the original request with a different value, then it acts as a deny effect and rejects the request":
 * learn.microsoft.com/azure/governance/policy/concepts/effect-append).
 */
function describe(f: Finding): string {
  switch (f.outcome) {
    case 'appended':
      return `adds ${f.added}`;
    case 'unknown':
      return f.reason;
    default:
      return `${f.field}: received ${f.received}; allowed: ${f.allowed}${
        f.outcome === 'denied' && f.rule.effect === 'Append'
          ? `; an Append rule denies a request whose ${f.field} it would replace with another value`
          : ''
      }`;
  }
}

/** The ARM field a finding judged (an append's description starts `field = value`), under properties.properties. */
function judgedField(f: Finding): string | undefined {
  if (f.outcome === 'denied' || f.outcome === 'audited') return `${INNER}.${f.field}`;
  if (f.outcome === 'appended') return `${INNER}.${f.added.slice(0, f.added.indexOf(' = '))}`;
  return undefined;
}

export function run(args: string[], io: CliIo): number {
  const { values, positionals } = parseVerbArgs(args, {
    policy: { type: 'string', multiple: true },
    parameters: { type: 'string' },
    format: { type: 'string' },
  });
  const format = formatOf(values.format);
  const policyFiles = (values.policy as string[] | undefined) ?? [];
  if (policyFiles.length === 0) throw new UnusableInput(`no --policy FILE given; usage: ${AUDIT_USAGE}`);
  if (positionals.length === 0) throw new UnusableInput(`no INSTANCES file given; usage: ${AUDIT_USAGE}`);

  const inputs: PolicyInputs = { definitions: [], initiatives: [], assignments: [] };
  for (const file of policyFiles) {
    const found = readPolicies(file, readJson(io, file));
    if (found.definitions.length + found.initiatives.length + found.assignments.length === 0) {
      throw new UnusableInput(`${file}: no policy definition, initiative or assignment in it`);
    }
    inputs.definitions.push(...found.definitions);
    inputs.initiatives.push(...found.initiatives);
    inputs.assignments.push(...found.assignments);
  }
  const { rules, notes } = rulesFrom(inputs);
  if (rules.length === 0)
    throw new UnusableInput(
      `${policyFiles.join(', ')}: nothing judged: no rule in ${policyFiles.length === 1 ? 'it' : 'them'} is one this audit knows (${notes.join('; ')})`,
    );
  const loaded = loadInstances(io, positionals, values.parameters as string | undefined);
  const sourceOf = new Map<unknown, AuditedRule>(rules.map((r) => [r.rule, r]));

  const verdicts: InstanceVerdict[] = loaded.instances
    .filter((i) => i.kind === 'instance')
    .map((instance) => {
      const properties = instance.resource.properties.properties;
      const unreadable = unreadableByRules(properties);
      if (unreadable) {
        const at = instance.locate(`${INNER}.${unreadable.field}`);
        return {
          file: instance.file,
          name: instance.name,
          findings: [
            {
              source: 'input',
              outcome: 'unknown' as const,
              text: `not judged: ${unreadable.why}; run aml-compute lint ${instance.file}`,
              path: at.path,
              line: lineOf(loaded.lines.get(at.file) ?? new Map(), at.path),
            },
          ],
        };
      }
      const findings = evaluateRules(
        rules.map((r) => r.rule),
        properties as unknown as ArmComputeInstanceProperties,
      );
      return {
        file: instance.file,
        name: instance.name,
        findings: findings.map((f) => {
          const field = judgedField(f);
          const at = instance.locate(field ?? INNER);
          const location = { path: at.path, line: lineOf(loaded.lines.get(at.file) ?? new Map(), at.path) };
          const source = sourceOf.get(f.rule)?.source ?? f.rule.name;
          // Judged on a value left out because only the deployment knows it: not judged at all.
          const unknown = field === undefined ? [] : instance.skipped.filter((s) => dependsOnSkipped(field, [s]));
          if (unknown.length > 0)
            return {
              source,
              outcome: 'unknown' as const,
              text: `not judged: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} known only at deployment`,
              ...location,
            };
          return { source, outcome: f.outcome, text: describe(f), ...location };
        }),
      };
    });
  if (verdicts.length === 0)
    throw new UnusableInput(
      `${positionals.join(', ')}: no compute instance to audit (parameter files hold only schedules)`,
    );
  const denied = verdicts.filter((v) => v.findings.some((f) => f.outcome === 'denied'));

  if (format === 'json') {
    io.out(
      terminalJson({
        rules: rules.map((r) => ({ source: r.source, rule: r.rule.name, effect: r.rule.effect })),
        instances: verdicts,
        notes,
      }),
    );
  } else if (format === 'sarif') {
    const results = verdicts.flatMap((v) =>
      v.findings.map((f) => ({
        ruleId: f.source,
        level: LEVEL[f.outcome],
        message: `${v.name}: ${f.outcome} by ${f.source}: ${f.text}`,
        file: v.file,
        line: f.line,
        path: f.path,
      })),
    );
    const sarifRules = rules.map((r) => ({ id: r.source, description: r.rule.displayName }));
    io.out(terminalJson(sarifLog(sarifRules, results, packageVersion())));
  } else {
    io.out(
      line`rules: ${rules.length === 0 ? 'none recognized' : rules.map((r) => `${r.source} (${r.rule.effect})`).join(', ')}`,
    );
    for (const v of verdicts) {
      io.out(line`${v.name} (${v.file}):`);
      if (v.findings.length === 0) io.out(line`  compliant`);
      for (const f of v.findings) io.out(line`  ${f.outcome.padEnd(8)} ${f.source}: ${f.text}`);
    }
    for (const n of notes) io.out(line`note: ${n}`);
    const count = (outcome: Finding['outcome']) =>
      verdicts.filter((v) => v.findings.some((f) => f.outcome === outcome)).length;
    io.out(
      line`${verdicts.length} ${verdicts.length === 1 ? 'instance' : 'instances'}: ${denied.length} denied, ${count('audited')} audited, ${count('appended')} appended${count('unknown') > 0 ? `, ${count('unknown')} not fully judged` : ''}`,
    );
  }
  return denied.length > 0 ? EXIT.problems : EXIT.clean;
}
