#!/usr/bin/env node
// Finds types that the public API uses but the package does not export: a user can receive such a value
// but cannot name its type. Walks every declaration that the entry point (dist/src/index.d.ts) exports
// and resolves each name it mentions (type references, `typeof X`, heritage clauses); a name declared in
// the package's own files must be exported by the entry point too.
//   node scripts/forgotten-exports.js [dist/src/index.d.ts]    exits 1 and lists them when there are any
'use strict';
const path = require('node:path');
const ts = require('typescript');

/**
 * @param {string} entry the entry point's .d.ts
 * @param {string} packageDir names declared in files under it are the package's own
 * @returns {string[]} one line per forgotten export: `Name (file) used by Exported`
 */
function forgottenExports(entry, packageDir = path.dirname(entry)) {
  const program = ts.createProgram([entry], {
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const resolve = (s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const exported = new Set(checker.getExportsOfModule(moduleSymbol).map(resolve));
  const own = (file) => !path.relative(packageDir, file).startsWith('..');
  const found = new Map();

  const visit = (node, user) => {
    let name;
    if (ts.isTypeReferenceNode(node)) name = node.typeName;
    else if (ts.isExpressionWithTypeArguments(node)) name = node.expression;
    else if (ts.isTypeQueryNode(node)) name = node.exprName;
    if (name) {
      // Of `A.B`, A is what must be exported.
      while (ts.isQualifiedName(name)) name = name.left;
      while (ts.isPropertyAccessExpression(name)) name = name.expression;
      const symbol = checker.getSymbolAtLocation(name);
      const target = symbol && resolve(symbol);
      const declaration = target?.declarations?.[0];
      if (
        target &&
        declaration &&
        !(target.flags & ts.SymbolFlags.TypeParameter) &&
        !exported.has(target) &&
        own(declaration.getSourceFile().fileName)
      ) {
        const line = `${target.getName()} (${path.relative(packageDir, declaration.getSourceFile().fileName)})`;
        if (!found.has(line)) found.set(line, new Set());
        found.get(line).add(user);
      }
    }
    ts.forEachChild(node, (child) => visit(child, user));
  };
  for (const symbol of exported) {
    for (const declaration of symbol.declarations ?? []) visit(declaration, symbol.getName());
  }
  return [...found].map(([line, users]) => `${line} used by ${[...users].sort().join(', ')}`).sort();
}

module.exports = { forgottenExports };

if (require.main === module) {
  const entry = path.resolve(process.argv[2] ?? 'dist/src/index.d.ts');
  const missing = forgottenExports(entry);
  for (const line of missing) console.error(`not exported: ${line}`);
  console.log(
    missing.length === 0
      ? `every type the API of ${path.relative('.', entry)} uses is exported`
      : `${missing.length} types used by the public API are not exported`,
  );
  process.exitCode = missing.length === 0 ? 0 : 1;
}
