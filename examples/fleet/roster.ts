import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { Document, LineCounter, parseDocument } from 'yaml';
import {
  ComputeInstance,
  Duration,
  Roster,
  RosterPerson,
  rosterShapeProblems,
  RosterWorkspace,
  ValidationError,
} from '../../src';
import { personProps, personSchedules, personStartupScript } from './person';

/** One mistake of a roster: where (`people[3] (dave), line 40`), which field, what it holds, what it may hold. */
export interface RosterProblem {
  /** The person (`people[3] (dave)`) or `roster`, and the line of the field (of its entry when it is missing). */
  readonly entry: string;
  /** The field as the roster spells it (`workingHours.days[0]`); for `roster`, from the top (`workspaces.nlp.id`). */
  readonly field: string;
  /** `<field>: received <value>; allowed: <what>`, the library's wording. */
  readonly message: string;
  /** On a line that counts the unlisted problems of a list: how many it stands for. */
  readonly unlisted?: number;
}

/** Thrown when a roster has mistakes: all of them, found before any stack is built. */
export class RosterError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly RosterProblem[],
  ) {
    const entries = new Set(problems.map((p) => p.entry.replace(/, line \d+$/, ''))).size;
    const count = problems.reduce((n, p) => n + (p.unlisted ?? 1), 0);
    super(
      `${file}: ${count} ${count === 1 ? 'mistake' : 'mistakes'} in ${entries} roster ` +
        `${entries === 1 ? 'entry' : 'entries'}:\n` +
        problems.map((p) => `  ${p.entry}: ${p.message}`).join('\n'),
    );
    this.name = 'RosterError';
  }
}

type Path = ReadonlyArray<string | number>;

/**
 * Reads a roster (YAML, or JSON, which is YAML too) and returns it only when all of it is right: a roster
 * is applied whole or not at all. One run reports every mistake of every entry: its shape against the
 * package's ROSTER_SCHEMA, unknown workspaces and duplicate names (`rosterShapeProblems`), then each part of
 * every person against the library's own rules (the working hours, the setup, the compute instance), each
 * part on its own so that one bad part hides nothing of the others, and fields that broke the shape are
 * not judged again.
 */
export function loadRoster(file: string): Roster {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new RosterError(
      file,
      doc.errors.map((e) => ({ entry: `line ${lines.linePos(e.pos[0]).line}`, field: '', message: e.message })),
    );
  }
  const data: unknown = doc.toJS();
  const located = new Locator(doc, lines, data);
  const problems = new Problems(located);
  const shape = rosterShapeProblems(data, (path) => located.entry(path, { withLine: true }));
  for (const p of shape) {
    problems.add(p.path, `received ${p.received}; allowed: ${p.allowed}`, { shape: true, unlisted: p.unlisted });
  }
  if (shape.length === 0 || isRosterLike(data)) checkPeople(data as Roster, problems);
  if (problems.count > 0) throw new RosterError(file, problems.sorted());
  return data as Roster;
}

/** Whether the parts every person needs are there, even with mistakes elsewhere. */
function isRosterLike(data: unknown): boolean {
  const d = data as Partial<Roster> | null;
  return d !== null && typeof d === 'object' && Array.isArray(d.people);
}

/** Valid stand-ins for the fields of a person that broke the shape, so that the rest is judged alone. */
const STAND_IN: RosterPerson = {
  name: 'roster-check',
  objectId: 'aaaaaaaa-0000-4000-8000-000000000001',
  workspace: '',
  vmSize: 'Standard_DS3_v2',
  timeZone: 'UTC',
  workingHours: { start: '09:00', stop: '17:00' },
};
const STAND_IN_WORKSPACE: RosterWorkspace = {
  id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/roster-check',
  location: 'westeurope',
};
const STAND_IN_TENANT = 'aaaaaaaa-0000-4000-8000-000000000002';

/**
 * Each person's working hours, setup and compute instance, in a scratch app per person (in a temporary
 * folder, removed after): nothing of a bad roster reaches the real app, and one person's instance does not
 * meet another's there (duplicates are `rosterShapeProblems`' to report, by person and line).
 */
function checkPeople(roster: Roster, problems: Problems): void {
  const outdir = mkdtempSync(join(tmpdir(), 'roster-check-'));
  try {
    roster.people.forEach((given: unknown, i) => {
      if (given === null || typeof given !== 'object' || Array.isArray(given)) return;
      const at = (field: string): Path => ['people', i, ...fieldPath(field)];
      const broken = problems.shapePaths(['people', i]);
      const person = standIn(given as Record<string, unknown>, broken);
      const workspace = workspaceOf(
        roster,
        person.workspace,
        broken.some(([field]) => field === 'workspace'),
      );
      const tenantId = problems.shapePaths([]).some(([field]) => field === 'tenantId')
        ? STAND_IN_TENANT
        : roster.tenantId;

      const schedules = attempt(
        problems,
        (f) => at(SCHEDULE_FIELDS(f)),
        () => personSchedules(person),
      );
      const { python, packages, repository } = person.setup ?? {};
      const setupAt = (f: string) => at(`setup.${SETUP_FIELDS[f] ?? f}`);
      if (python !== undefined || packages !== undefined)
        attempt(problems, setupAt, () => personStartupScript({ ...person, setup: { python, packages } }));
      if (repository !== undefined)
        attempt(problems, setupAt, () => personStartupScript({ ...person, setup: { repository } }));
      let idle = person.idleShutdownMinutes;
      if (
        idle !== undefined &&
        attempt(
          problems,
          () => at('idleShutdownMinutes'),
          () => Duration.minutes(idle!),
        ) === undefined
      )
        idle = undefined;

      const instanceField = (f: string): Path => {
        const workspaceField = /^(workspaceId|location|subnetId)$/.exec(f);
        if (workspaceField && workspace.given) {
          return ['workspaces', person.workspace, workspaceField[1] === 'workspaceId' ? 'id' : workspaceField[1]];
        }
        if (f === 'assignedUser.tenantId') return ['tenantId'];
        return at(INSTANCE_FIELDS.find(([pattern]) => pattern.test(f))?.[1] ?? f);
      };
      attempt(problems, instanceField, () => {
        const scope = new TerraformStack(new App({ outdir }), 'roster-check');
        const props = personProps({ ...person, idleShutdownMinutes: idle }, workspace.value, tenantId, {
          schedules: schedules ?? [],
        });
        return new ComputeInstance(scope, 'instance', props);
      });
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The person with stand-ins for the fields that broke the shape (optional ones left out), so that the rest
 * is judged: inside `workingHours` and `setup`, only the broken part is replaced (bad days leave the
 * start and stop to be judged).
 */
function standIn(given: Record<string, unknown>, broken: readonly Path[]): RosterPerson {
  const person: Record<string, unknown> = { ...given };
  const nested: Record<string, Record<string, unknown>> = {};
  for (const [field, part] of broken) {
    const value = person[field as string];
    const replaceable = part !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value);
    if (replaceable && (field === 'workingHours' || field === 'setup')) {
      nested[field] ??= { ...(value as object) };
      const standInPart = field === 'workingHours' ? STAND_IN.workingHours[part as 'start'] : undefined;
      if (standInPart !== undefined) nested[field][part] = standInPart;
      else delete nested[field][part];
    } else if (field in STAND_IN) {
      person[field as string] = STAND_IN[field as keyof RosterPerson];
    } else {
      delete person[field as string];
    }
  }
  for (const [field, value] of Object.entries(nested)) if (person[field] === given[field]) person[field] = value;
  for (const [field, value] of Object.entries(STAND_IN)) if (person[field] === undefined) person[field] = value;
  return person as unknown as RosterPerson;
}

/** The person's workspace, or a stand-in (`given: false`) when the key is unknown or broke the shape. */
function workspaceOf(roster: Roster, key: string, broken: boolean): { value: RosterWorkspace; given: boolean } {
  const workspaces = roster.workspaces as unknown;
  if (broken || workspaces === null || typeof workspaces !== 'object' || !Object.hasOwn(workspaces, key))
    return { value: STAND_IN_WORKSPACE, given: false };
  const value = (workspaces as Record<string, unknown>)[key];
  if (value === null || typeof value !== 'object') return { value: STAND_IN_WORKSPACE, given: false };
  return { value: { ...STAND_IN_WORKSPACE, ...(value as object) }, given: true };
}

/** StartStopSchedule.workingHours' fields, as the roster spells them. */
const SCHEDULE_FIELDS = (field: string): string => (field.startsWith('timeZone') ? field : `workingHours.${field}`);
/** SetupScriptBuilder's fields, as the roster spells them (the clone's directory comes from the URL). */
const SETUP_FIELDS: Record<string, string> = { url: 'repository', directory: 'repository' };
/** ComputeInstance's fields, as the roster spells them. */
const INSTANCE_FIELDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^name$/, 'name'],
  [/^assignedUser\.objectId$/, 'objectId'],
  [/^idleShutdown/, 'idleShutdownMinutes'],
  [/^schedules/, 'workingHours'],
  [/^setupScripts/, 'setup'],
  [/^tags/, 'name'],
];

/** Runs a library factory; a ValidationError becomes problems at the roster's fields, by `fieldAt`. */
function attempt<T>(problems: Problems, fieldAt: (field: string) => Path, make: () => T): T | undefined {
  try {
    return make();
  } catch (e) {
    if (!ValidationError.isValidationError(e)) throw e;
    for (const p of e.problems) problems.add(fieldAt(p.field), `received ${p.received}; allowed: ${p.allowed}`);
    return undefined;
  }
}

/** `workingHours.days[0]` as path segments: `['workingHours', 'days', 0]`. */
function fieldPath(field: string): Array<string | number> {
  return field
    .split(/\.|(?=\[)/)
    .filter((s) => s !== '')
    .map((s) => (/^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s));
}

/** A path as the roster spells it: `workingHours.days[0]`. */
function fieldName(path: Path): string {
  return path.reduce<string>(
    (name, s) => (typeof s === 'number' ? `${name}[${s}]` : name === '' ? s : `${name}.${s}`),
    '',
  );
}

/** Names entries and finds lines in the roster's YAML. */
class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly data: unknown,
  ) {}

  /** The line of the node at `path`, or of the nearest node holding it (a missing field's entry). */
  line(path: Path): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return this.lines.linePos(node.range[0]).line;
    }
    return undefined;
  }

  /** `people[3] (dave)` for a person's path, `roster` for anything else; with the line of `path` if asked. */
  entry(path: Path, options: { withLine?: boolean } = {}): string {
    const line = options.withLine ? this.line(path) : undefined;
    const where = line === undefined ? '' : `, line ${line}`;
    if (path[0] === 'people' && typeof path[1] === 'number') {
      const person = (this.data as { people?: unknown[] }).people?.[path[1]] as { name?: unknown } | undefined;
      const name = typeof person?.name === 'string' ? ` (${person.name})` : '';
      return `people[${path[1]}]${name}${where}`;
    }
    return `roster${where}`;
  }

  /** Where a person's field starts: `people[3]` then the rest; `roster` fields from the top. */
  split(path: Path): { entryPath: Path; field: Path } {
    const entryLength = path[0] === 'people' && typeof path[1] === 'number' ? 2 : 0;
    return { entryPath: path.slice(0, entryLength), field: path.slice(entryLength) };
  }
}

/** The roster's problems, one per field and text, in document order when sorted. */
class Problems {
  private readonly found: Array<RosterProblem & { readonly order: number[] }> = [];
  private readonly keys = new Set<string>();
  /** The fields of shape problems, per entry (`people[3]` or the roster), from the entry. */
  private readonly shapeFields = new Map<string, Path[]>();
  /** The paths of shape problems. */
  private readonly shapeAt = new Set<string>();

  constructor(private readonly locate: Locator) {}

  get count(): number {
    return this.found.length;
  }

  /**
   * Records a problem at `path`. A `shape` problem marks its field as judged: a rule's problem at that field
   * or inside it repeats what the shape said, and is dropped.
   */
  add(path: Path, text: string, options: { shape?: boolean; unlisted?: number } = {}): void {
    for (let n = path.length; n >= 0 && !options.shape; n--)
      if (this.shapeAt.has(JSON.stringify(path.slice(0, n)))) return;
    if (options.shape) this.shapeAt.add(JSON.stringify(path));
    const { entryPath, field } = this.locate.split(path);
    const name = fieldName(field);
    const message = `${name === '' ? '' : `${name}: `}${text}`;
    const entry = this.locate.entry(path, { withLine: true });
    const key = `${JSON.stringify(entryPath)} ${message}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    if (options.shape && field.length > 0) {
      const fields = this.shapeFields.get(JSON.stringify(entryPath)) ?? [];
      fields.push(field);
      this.shapeFields.set(JSON.stringify(entryPath), fields);
    }
    // People in roster order, the roster's own fields first; within an entry, by line.
    const index = typeof entryPath[1] === 'number' ? entryPath[1] : -1;
    const order = [index, this.locate.line(path) ?? 0, this.found.length];
    this.found.push({
      entry,
      field: name,
      message,
      order,
      ...(options.unlisted ? { unlisted: options.unlisted } : {}),
    });
  }

  /** The fields of the entry at `entryPath` that broke the shape, from the entry: `['workingHours', 'days', 0]`. */
  shapePaths(entryPath: Path): readonly Path[] {
    return this.shapeFields.get(JSON.stringify(entryPath)) ?? [];
  }

  sorted(): RosterProblem[] {
    const byOrder = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    return [...this.found].sort((a, b) => byOrder(a.order, b.order)).map(({ order: _order, ...problem }) => problem);
  }
}
