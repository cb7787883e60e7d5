import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import {
  call,
  commentLines,
  inertText,
  name,
  propertyKey,
  stringLiteral,
  templateLiteral,
  textConstant,
} from '../../../src/cli/import/code';
import { REPO } from '../../support/import-harness';

/*
 * Issue 19, item 1: input text reaches the generated module only through code.ts (stringLiteral,
 * templateLiteral, inertText for comments); names and callees that are not identifiers throw. These tests pin
 * the gate: its escapes, and that no other file of import writes a comment or a line to stderr on its own.
 */

/** The value TypeScript reads from `literal` (a string or template literal). */
function parsed(literal: string): string {
  const file = ts.createSourceFile('x.ts', `x = ${literal};`, ts.ScriptTarget.ES2022, true);
  const statement = file.statements[0] as ts.ExpressionStatement;
  const value = (statement.expression as ts.BinaryExpression).right;
  if (!ts.isStringLiteral(value) && !ts.isNoSubstitutionTemplateLiteral(value))
    throw new Error(`not one literal: ${literal}`);
  expect((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
  return value.text;
}

const HOSTILE = [
  'a\nb',
  'a\rb',
  'a\r\nb',
  'a\u2028b',
  'a\u2029b',
  "it's",
  '"q"',
  '`t` ${x} \\${y} \\',
  '*/ /* //',
  '\u0000\u0007\u001b[31m\u007f\u009b',
  '\u202aA\u202bB\u202cC\u202dD\u202eE\u2066F\u2067G\u2068H\u2069I\u200eJ\u200fK\u061cL',
  '\u00ad\u200b\u200c\u200d\u2060\ufeff\ufff9',
  'lone \ud800 and \udfff',
  'tag \u{e0041}',
  'Zürich 東京 🚀',
];

describe('import code gate: escapes', () => {
  test.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('stringLiteral(%s) reads back as the same text', (_, h) => {
    expect(parsed(stringLiteral(h))).toBe(h);
  });

  test.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('templateLiteral(%s) reads back as the same text', (_, h) => {
    expect(parsed(templateLiteral(h))).toBe(h);
  });

  test('a template literal keeps LF and tab as they are and escapes CR (a raw CRLF would read as LF)', () => {
    expect(templateLiteral('a\tb\r\nc')).toBe('`a\tb\\r\nc`');
  });

  test('stringLiteral writes line terminators, controls and bidi characters as escapes', () => {
    expect(stringLiteral('a\n\r\u2028\u2029\u001b\u202e\u{e0041}\ud800')).toBe(
      "'a\\n\\r\\u2028\\u2029\\u001b\\u202e\\u{e0041}\\ud800'",
    );
  });

  test('inertText writes every line terminator, control, bidi and invisible character as its escape, and breaks */', () => {
    expect(inertText('a\nb\rc\u2028d\u2029e\tf\u0000g\u001bh\u202ei\u2066j\u00adk\u{e0041}l\udc00m */ n')).toBe(
      'a\\nb\\rc\\u2028d\\u2029e\\tf\\u0000g\\u001bh\\u202ei\\u2066j\\u00adk\\u{e0041}l\\udc00m *\\/ n',
    );
  });

  test('inertText leaves printable text as it is, quotes and backslashes included', () => {
    expect(inertText('Zürich 東京 🚀 "q" \'s\' \\n // /*')).toBe('Zürich 東京 🚀 "q" \'s\' \\n // /*');
  });

  test('commentLines writes one // line per text, each escaped', () => {
    expect(commentLines(['x\ny', 'z\u2028w'], '  ')).toBe('  // x\\ny\n  // z\\u2028w\n');
  });

  test('a key __proto__ is computed (a plain one would set the prototype); others are bare or quoted', () => {
    expect([propertyKey('__proto__'), propertyKey('constructor'), propertyKey('a-b'), propertyKey('a\nb')]).toEqual([
      "['__proto__']",
      'constructor',
      "'a-b'",
      "'a\\nb'",
    ]);
  });
});

describe('import code gate: names and callees are identifiers or it throws', () => {
  test.each(['', '1a', 'a b', 'a;b', 'a\nb', 'scope)', 'x.y'])('name(%j) throws', (text) => {
    expect(() => name(text)).toThrow(`aml-compute import wrote ${JSON.stringify(text)} as a name`);
  });

  test.each(['', 'new  X', 'X()', 'a;b', 'X\nY', 'a.'])('call(%j) throws', (callee) => {
    expect(() => call(callee)).toThrow(`aml-compute import wrote ${JSON.stringify(callee)} as a callee`);
  });

  test('textConstant refuses a name that is not an identifier', () => {
    expect(() => textConstant('a = 1; b', 'x')).toThrow('aml-compute import wrote "a = 1; b" as a name');
    expect(textConstant('ciAliceCreationScript', 'echo\r\n')).toBe('const ciAliceCreationScript = `echo\\r\n`;\n');
  });

  test('name, call and the literals accept what import writes', () => {
    expect(name('scope')).toEqual({ kind: 'name', name: 'scope' });
    expect(call('new ComputeInstance').kind).toBe('call');
    expect(call('StartStopSchedule.cron').kind).toBe('call');
  });
});

describe('import code gate: no other file of import writes a comment or a stderr line on its own', () => {
  const dir = path.join(REPO, 'src', 'cli', 'import');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'code.ts');

  test.each(files)('%s: no string or template piece opens a comment (// or /*)', (f) => {
    const source = ts.createSourceFile(f, fs.readFileSync(path.join(dir, f), 'utf8'), ts.ScriptTarget.ES2022, true);
    const pieces: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) pieces.push(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(pieces.filter((p) => p.includes('//') || p.includes('/*'))).toEqual([]);
  });

  test('command.ts writes stderr through inertText, or the usage text (which holds no input)', () => {
    const source = fs.readFileSync(path.join(dir, 'command.ts'), 'utf8');
    const writes = source.match(/io\.err\([^;]*;/g) ?? [];
    expect(new Set(writes)).toEqual(new Set(['io.err(`${inertText(line)}\\n`);', 'io.err(`${IMPORT_USAGE}\\n`);']));
    expect(source).toContain('const report = (line: string) => io.err(`${inertText(line)}\\n`);');
  });
});
