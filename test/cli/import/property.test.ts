import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { compileAndExecute, ImportRun, runImportOn } from '../../support/import-harness';

/*
 * Issue 19, item 1, as a property: arbitrary text, rich in line terminators, controls, bidi characters,
 * quotes and comment marks, in every field `aml-compute import` writes, gives a module that TypeScript's
 * parser reads as exactly the expected statements, whose comments are one line of visible characters, whose
 * strings hold the input unchanged, and which compiles and runs with no side effect.
 */

/** Characters that break out of comments and strings, or hide what code does, and a payload. */
const SPECIALS = [
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\u007f',
  '\u009b',
  '\u00ad',
  '\u061c',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u{e0041}',
  '*/',
  '/*',
  '//',
  "'",
  '"',
  '`',
  '${',
  '\\',
  '\\u2028',
  '}',
  ')',
  ';',
  'require("fs").writeFileSync("PWNED","")',
];
const text = fc.string({
  unit: fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  maxLength: 12,
});

/** Code points no comment, and no line of the module outside a script text, may hold as they are. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/u;
const LONE_SURROGATE = /\p{Surrogate}/u;

const fields = fc.record({
  file: text,
  name: text,
  location: text,
  description: text,
  vmSize: text,
  tags: fc.dictionary(text, text, { maxKeys: 3 }),
  subnetId: text,
  sshKey: text,
  objectId: text,
  tenantId: text,
  identityType: text,
  cronExpression: text,
  cronTimeZone: text,
  weekDay: text,
  idle: text,
  script: text,
  scriptArguments: text,
  workspaceScript: text,
  unknownKey: text,
  unknownValue: text,
  service: text,
});
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

/** A REST GET body with every field import writes set from `f`. */
function restCompute(f: Fields): unknown {
  const inner: Record<string, unknown> = {
    vmSize: f.vmSize,
    subnet: { id: f.subnetId },
    sshSettings: { sshPublicAccess: 'Enabled', adminPublicKey: f.sshKey },
    personalComputeInstanceSettings: { assignedUser: { objectId: f.objectId, tenantId: f.tenantId } },
    schedules: {
      computeStartStop: [
        {
          action: 'Stop',
          triggerType: 'Cron',
          status: 'Enabled',
          cron: { expression: f.cronExpression, timeZone: f.cronTimeZone },
        },
        {
          action: 'Start',
          triggerType: 'Recurrence',
          status: 'Enabled',
          recurrence: {
            frequency: 'Week',
            interval: 1,
            timeZone: 'UTC',
            schedule: { hours: [8], minutes: [0], weekDays: [f.weekDay] },
          },
        },
      ],
    },
    idleTimeBeforeShutdown: f.idle,
    setupScripts: {
      scripts: {
        creationScript: {
          scriptSource: 'inline',
          scriptData: Buffer.from(f.script, 'utf8').toString('base64'),
          scriptArguments: f.scriptArguments,
          timeout: '15m',
        },
        startupScript: { scriptSource: 'workspaceStorage', scriptData: f.workspaceScript },
      },
    },
    customServices: [f.service],
  };
  // Beside the known fields: defineProperty keeps a `__proto__` key as a key.
  Object.defineProperty(inner, `x${f.unknownKey}`, { value: f.unknownValue, enumerable: true });
  return {
    id: `/subscriptions/5f2b6e0c-7d1a-4c3e-9b8f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/computes/${f.name}`,
    name: f.name,
    location: f.location,
    tags: f.tags,
    identity: { type: f.identityType },
    properties: {
      computeType: 'ComputeInstance',
      description: f.description,
      disableLocalAuth: true,
      properties: inner,
    },
  };
}

/** Every comment of `source`, as TypeScript's scanner reads it (the module has no `${` template and no regex). */
function commentsOf(source: string): { kind: ts.SyntaxKind; text: string }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, source);
  const found: { kind: ts.SyntaxKind; text: string }[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia)
      found.push({ kind, text: scanner.getTokenText() });
  }
  return found;
}

/** The value of every string and template literal, and every property name, in `file`. */
function literalsOf(file: ts.SourceFile): { strings: string[]; keysOf: (prop: string) => string[] } {
  const strings: string[] = [];
  const objects = new Map<string, string[]>();
  const nameText = (n: ts.PropertyName): string =>
    ts.isComputedPropertyName(n) && ts.isStringLiteral(n.expression)
      ? n.expression.text
      : ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)
        ? n.text
        : `<${ts.SyntaxKind[n.kind]}>`;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.push(node.text);
    if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.initializer)) {
      objects.set(
        nameText(node.name),
        node.initializer.properties.map((p) => nameText(p.name!)),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { strings, keysOf: (prop) => objects.get(prop) ?? [] };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-import-property-'));
const modules: Record<string, string> = {};

function checkModule(f: Fields, r: ImportRun): void {
  // Every compute is usable input: written, with or without refusals, never "unusable" or an internal error.
  expect([0, 1]).toContain(r.code);
  for (const line of r.err.split('\n').slice(0, -1)) {
    expect(line).toMatch(/^aml-compute import: /);
    expect(line).not.toMatch(UNSAFE);
    expect(line).not.toMatch(LONE_SURROGATE);
  }

  const file = ts.createSourceFile('m.ts', r.out, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  expect((file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics).toEqual([]);
  // Exactly: two imports, the inline script's constant, and addInstances holding one `new ComputeInstance`.
  const kindOf = (s: ts.Statement) =>
    ts.isImportDeclaration(s)
      ? 'import'
      : ts.isVariableStatement(s)
        ? 'const'
        : ts.isFunctionDeclaration(s)
          ? 'function'
          : ts.SyntaxKind[s.kind];
  expect(file.statements.map(kindOf)).toEqual(['import', 'import', 'const', 'function']);
  const fn = file.statements[3] as ts.FunctionDeclaration;
  expect(fn.name?.text).toBe('addInstances');
  expect(fn.body!.statements).toHaveLength(1);
  const statement = fn.body!.statements[0];
  expect(ts.isExpressionStatement(statement) && ts.isNewExpression(statement.expression)).toBe(true);
  expect(((statement as ts.ExpressionStatement).expression as ts.NewExpression).expression.getText(file)).toBe(
    'ComputeInstance',
  );

  // Comments: only `//` ones, each one line of visible characters. Outside script texts (template
  // literals, where LF and tab stay), the module's only line terminator is LF.
  const comments = commentsOf(r.out);
  expect(comments.length).toBeGreaterThan(0);
  for (const c of comments) {
    expect([c.kind, c.text]).toEqual([ts.SyntaxKind.SingleLineCommentTrivia, c.text]);
    expect(c.text).not.toMatch(UNSAFE);
    expect(c.text).not.toMatch(/\t/);
    expect(c.text).not.toMatch(LONE_SURROGATE);
  }
  expect(r.out).not.toMatch(/[\r\u2028\u2029]/);
  expect(r.out).not.toMatch(LONE_SURROGATE);

  // Strings hold the input as it is.
  const { strings, keysOf } = literalsOf(file);
  const written = [
    f.name,
    f.location,
    f.description,
    f.vmSize,
    f.subnetId,
    f.sshKey,
    f.objectId,
    f.tenantId,
    f.cronExpression,
    f.cronTimeZone,
    f.scriptArguments,
    f.workspaceScript,
    ...Object.values(f.tags),
    // The inline script as UTF-8 can carry it (a lone surrogate becomes U+FFFD).
    Buffer.from(f.script, 'utf8').toString('utf8'),
  ];
  for (const w of written) expect(strings).toContain(w);
  expect(keysOf('tags').sort()).toEqual(Object.keys(f.tags).sort());
}

describe('aml-compute import on arbitrary text in every field it writes (property)', () => {
  const oldCwd = process.cwd();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-import-cwd-'));

  test('each module parses to exactly the expected statements; comments are one line; strings round-trip', () => {
    let n = 0;
    fc.assert(
      fc.property(fields, (f) => {
        // In memory: a file name may be any text (a leading "-" would be an option).
        const name = `f${f.file}`;
        const r = runImportOn({ [name]: JSON.stringify({ value: [restCompute(f)] }) });
        checkModule(f, r);
        modules[`m${n++}`] = r.out;
      }),
      { numRuns: 100 },
    );
    expect(Object.keys(modules)).toHaveLength(100);
  });

  test('all modules compile in one tsc program, and running them writes no file and throws only ValidationError', () => {
    process.chdir(workDir);
    try {
      const executed = compileAndExecute(modules);
      expect(executed.diagnostics).toEqual([]);
      expect(new Set(Object.values(executed.thrown))).toEqual(new Set(['ValidationError']));
    } finally {
      process.chdir(oldCwd);
    }
    expect(fs.readdirSync(workDir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
