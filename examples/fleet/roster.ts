import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { App, TerraformStack } from 'cdktf';
import { LineCounter, parseDocument } from 'yaml';
import { ComputeInstance, Roster, ROSTER_SCHEMA, ValidationError } from '../../src';
import { personProps } from './person';

/** One bad roster entry: where it is (`people[3] (dave), line 40`) and what is wrong with it. */
export interface RosterProblem {
  readonly entry: string;
  readonly message: string;
}

/** Thrown when a roster has mistakes: all of them, found before any stack is built. */
export class RosterError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly RosterProblem[],
  ) {
    super(
      `${file}: ${problems.length} bad roster ${problems.length === 1 ? 'entry' : 'entries'}:\n` +
        problems.map((p) => `  ${p.entry}: ${p.message.replace(/\n/g, '\n    ')}`).join('\n'),
    );
    this.name = 'RosterError';
  }
}

const validateShape = new Ajv({ allErrors: true, strict: true }).compile<Roster>(ROSTER_SCHEMA);

/**
 * Reads a roster (YAML, or JSON, which is YAML too), checks its shape against the package's ROSTER_SCHEMA
 * and every person against ComputeInstance's own rules, and returns it only when all of it is right: a
 * roster is applied whole or not at all.
 */
export function loadRoster(file: string): Roster {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new RosterError(
      file,
      doc.errors.map((e) => ({ entry: `line ${lines.linePos(e.pos[0]).line}`, message: e.message })),
    );
  }
  const data: unknown = doc.toJS();
  const where = (path: Array<string | number>): string => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? `, line ${lines.linePos(node.range[0]).line}` : '';
    if (path[0] === 'people' && typeof path[1] === 'number') {
      const name = doc.getIn(['people', path[1], 'name']);
      return `people[${path[1]}]${typeof name === 'string' ? ` (${name})` : ''}${line}`;
    }
    return `${path.join('.') || 'roster'}${line}`;
  };

  if (!validateShape(data)) {
    throw new RosterError(
      file,
      (validateShape.errors ?? []).map((e) => {
        const path = e.instancePath
          .split('/')
          .slice(1)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        const entryPath = path[0] === 'people' ? path.slice(0, 2) : path;
        const field = path.slice(entryPath.length).join('.');
        const extra =
          e.keyword === 'additionalProperties'
            ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
            : '';
        return { entry: where(entryPath), message: `${field === '' ? '' : `${field}: `}${e.message}${extra}` };
      }),
    );
  }

  // Every person against the library's rules, in a scratch app that is thrown away: nothing of a bad
  // roster reaches the real one.
  const problems: RosterProblem[] = [];
  const scratch = new TerraformStack(new App({ outdir: '.scratch-not-written' }), 'roster-check');
  data.people.forEach((person, i) => {
    const entry = where(['people', i]);
    const workspace = data.workspaces[person.workspace];
    if (!workspace) {
      problems.push({
        entry,
        message: `workspace: received ${JSON.stringify(person.workspace)}; allowed: one of ${Object.keys(data.workspaces).join(', ')}`,
      });
      return;
    }
    try {
      new ComputeInstance(scratch, `check-${i}`, personProps(person, workspace, data.tenantId));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      problems.push({ entry, message: e.message });
    }
  });
  if (problems.length > 0) throw new RosterError(file, problems);
  return data;
}
