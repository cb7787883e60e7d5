#!/usr/bin/env node
// Builds the `cdktf-azureml-compute/cdktn` entry: the same source as the main entry, compiled against CDK
// Terrain (cdktn 0.24) instead of cdktf 0.21, so its constructs extend cdktn's classes and its .d.ts files
// name cdktn's types. src/core/framework.ts is the only module that imports the framework; this script copies src
// to dist/cdktn-src with that one file pointed at cdktn, compiles the entry's import closure (not the CLI,
// which runs from the main build) to dist/cdktn, and fails if anything there still refers to cdktf.
// Runs after `tsc -b` and the schedule validators (it copies them). The copy is generated, never committed.
// Only the entry's import closure is compiled (tsconfig.cdktn.json lists index.ts alone).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const src = path.join(root, 'src');
const copy = path.join(root, 'dist', 'cdktn-src');
const out = path.join(root, 'dist', 'cdktn');
const buildInfo = path.join(root, 'dist', '.tsbuildinfo-cdktn');
const FRAMEWORK = path.join('core', 'framework.ts');
// What src/core/framework.ts imports, and what the cdktn copy imports instead.
const SWAPS = [
  [
    `requireInstalled('cdktf', 'cdktn', 'cdktf-azureml-compute/cdktn');`,
    `requireInstalled('cdktn', 'cdktf', 'cdktf-azureml-compute');`,
  ],
  [`from 'cdktf';`, `from 'cdktn';`],
  [`from 'cdktf/lib/_tokens';`, `from 'cdktn/lib/_tokens';`],
];
const MENTIONS_CDKTF = /(?:from |require\(|import\()\s*['"]cdktf(?:\/[^'"]*)?['"]/;
// In the emitted entry, cdktf's provider packages count too: their classes extend cdktf's, not cdktn's.
const NEEDS_CDKTF = /(?:from |require\(|import\()\s*['"](?:cdktf|@cdktf\/[^'"\/]+)(?:\/[^'"]*)?['"]/;

function tsFiles(dir, rel = '') {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const file = path.join(rel, e.name);
      if (e.isDirectory()) return tsFiles(dir, file);
      return e.name.endsWith('.ts') ? [file] : [];
    });
}

function forCdktn(file, text) {
  if (file !== FRAMEWORK) {
    if (MENTIONS_CDKTF.test(text))
      throw new Error(`src/${file} imports cdktf: only src/${FRAMEWORK} may (the cdktn entry swaps that one file)`);
    return text;
  }
  let swapped = `// Generated from src/${FRAMEWORK} by scripts/build-cdktn.js for the cdktn entry; do not edit.\n${text}`;
  for (const [from, to] of SWAPS) {
    if (!swapped.includes(from))
      throw new Error(`src/${FRAMEWORK} no longer contains ${from}: update SWAPS in scripts/build-cdktn.js`);
    swapped = swapped.split(from).join(to);
  }
  if (MENTIONS_CDKTF.test(swapped))
    throw new Error(`src/${FRAMEWORK} imports cdktf in a way scripts/build-cdktn.js does not swap`);
  return swapped;
}

/**
 * Makes dist/cdktn-src a copy of src (the CLI aside) with the framework swapped. Writes only what changed, so
 * that an unchanged source keeps its time stamp and the incremental build skips it.
 */
function syncCopy() {
  const wanted = new Map(
    tsFiles(src)
      .filter((f) => !f.startsWith(`cli${path.sep}`))
      .map((f) => [f, forCdktn(f, fs.readFileSync(path.join(src, f), 'utf8'))]),
  );
  if (fs.existsSync(copy)) {
    for (const f of tsFiles(copy)) if (!wanted.has(f)) fs.rmSync(path.join(copy, f));
  }
  for (const [f, text] of wanted) {
    const target = path.join(copy, f);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}

function emittedFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? emittedFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

syncCopy();
// tsc builds incrementally but neither notices deleted outputs nor deletes those of removed modules: without
// dist/cdktn it starts afresh, and outputs whose source is gone are removed after it.
if (!fs.existsSync(path.join(out, 'index.js'))) fs.rmSync(buildInfo, { force: true });
// `-p`, not `-b`: `tsc -b` (TypeScript 5.9) judged the project up to date from its root file's time alone
// ("newest input 'dist/cdktn-src/index.ts' is older than output"), so a change to any other module left the
// entry stale. `-p` with `incremental` compares each file of the program.
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.cdktn.json')], {
  stdio: 'inherit',
});
for (const file of emittedFiles(out)) {
  const source = path.relative(out, file).replace(/\.d\.ts$|\.js$/, '.ts');
  if (!file.endsWith('.generated.js') && !fs.existsSync(path.join(copy, source))) fs.rmSync(file);
}
// The schedule validators are generated JavaScript, not TypeScript: the cdktn entry takes the main build's.
const validators = path.join('schedule', 'schedule-validators.generated.js');
fs.copyFileSync(path.join(root, 'dist', 'src', validators), path.join(out, validators));
for (const file of emittedFiles(out)) {
  if (NEEDS_CDKTF.test(fs.readFileSync(file, 'utf8')))
    throw new Error(
      `${path.relative(root, file)} refers to cdktf or a @cdktf package: the cdktn entry must use cdktn's classes only`,
    );
}
