#!/usr/bin/env node
// The folders of src/ and the direction their imports go: a folder imports only folders of a lower layer (and
// itself), so that the picture in the README ("Layout") stays true. Type-only imports and lazy require() count.
// `npm run cycles` checks files; this checks folders. Exits 1 and names each import that points up or sideways.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Layer by folder of src/ (index.ts is the entry): lower layers know nothing of higher ones. */
const LAYERS = {
  model: 0, // ARM wire types and Azure's limits: imports nothing
  core: 1, // errors, Duration, the framework seam, tokens, memo, sealing, terminal text, secret shapes
  validation: 2, // checks of Azure's field rules (names, ids, SSH keys, metadata secrets)
  schedule: 3, // StartStopSchedule
  'setup-script': 3, // SetupScript
  arm: 4, // the ARM template and its builder; contributions come to it through an interface
  bindings: 4, // the Terraform bindings (azapi, azurerm, default providers)
  'compute-instance': 5, // the construct, its field table and renderings
  policy: 6, // ShutdownPolicy: registers its check on the instances it judges
  fleet: 6, // the roster schema
  cli: 7, // aml-compute
  index: 8, // the public API
};

const src = path.join(__dirname, '..', 'src');
function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const folderOf = (file) => {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length === 1 ? parts[0].replace(/\.ts$/, '') : parts[0];
};

const wrong = [];
for (const file of files(src)) {
  const from = folderOf(file);
  if (!(from in LAYERS)) wrong.push(`${path.relative(src, file)}: folder ${from} has no layer in scripts/layers.js`);
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(file), m[1]);
    if (!target.startsWith(src + path.sep)) continue; // package.json and the like
    const to = folderOf(target);
    if (to === from) continue;
    if (!(LAYERS[to] < LAYERS[from])) {
      wrong.push(
        `src/${path.relative(src, file)} (${from}, layer ${LAYERS[from]}) imports ${m[1]} (${to}, layer ${LAYERS[to]})`,
      );
    }
  }
}
if (wrong.length > 0) {
  process.stderr.write(`${wrong.join('\n')}\n${wrong.length} import(s) against the layers of scripts/layers.js\n`);
  process.exit(1);
}
process.stdout.write(`folders import only lower layers (${Object.keys(LAYERS).length} folders)\n`);
