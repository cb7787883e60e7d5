#!/usr/bin/env node
// Compares two synthesized outdirs (the examples under cdktf and under cdktn): the same files, and in each
// the same JSON. Two differences are the frameworks' own and are ignored: the framework version in each
// stack's "//".metadata, and how each lays out empty objects (cdktn prints {} where cdktf prints { }), so
// the files are compared parsed. A manifest.json (each app's: the examples' and the fleet's) is the framework's
// (stack traces), not the library's output.
// Usage: same-synth.js DIR_A DIR_B; exits 1 naming the first file that differs.
'use strict';
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const [a, b] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: same-synth.js DIR_A DIR_B');

function outputs(dir, rel = '') {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => {
      const file = path.join(rel, e.name);
      if (e.isDirectory()) return outputs(dir, file);
      return e.name.endsWith('.json') && e.name !== 'manifest.json' ? [file] : [];
    })
    .sort();
}

function library(dir, file) {
  const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (json['//']?.metadata?.version !== undefined) delete json['//'].metadata.version;
  return json;
}

const files = outputs(a);
assert.deepStrictEqual(outputs(b), files, `${a} and ${b} hold different files`);
for (const file of files)
  assert.deepStrictEqual(library(b, file), library(a, file), `${file} differs between ${a} and ${b}`);
console.log(`same synth: ${files.length} files of ${a} and ${b} hold the same JSON`);
