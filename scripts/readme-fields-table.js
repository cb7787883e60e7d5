#!/usr/bin/env node
// The README's prop table of ComputeInstance, made from the field table (src/compute-instance/fields.ts, compiled
// to dist): `node scripts/readme-fields-table.js --write` rewrites it between its markers after a build;
// test/readme/fields-table.test.ts fails while the README's copy differs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const BEGIN = '<!-- prop table: generated from src/compute-instance/fields.ts by scripts/readme-fields-table.js -->';
const END = '<!-- end of prop table -->';
const CHANGE = {
  replaces: 'replaces the instance',
  action: 'sent by its own action',
  'drift-check': 'drift check warns (`onScheduleChange`)',
  terraform: 'Terraform only',
};

function azurermCell(f) {
  if (f.azurerm === undefined) return '';
  if ('argument' in f.azurerm) return `\`${f.azurerm.argument}\``;
  if ('implied' in f.azurerm) return f.azurerm.implied;
  return 'no (use azapi)';
}

/** The table, as Markdown, from the fields. */
function fieldsTable(fields) {
  const rows = fields.map((f) => {
    const prop = f.readme.shape ? `\`${f.prop}: ${f.readme.shape}\`` : `\`${f.prop}\``;
    const arm = f.arm === undefined ? '' : `\`${f.arm.replace(/^properties\.properties\./, '…')}\``;
    const alias = f.policyAlias === undefined ? '' : `\`${f.policyAlias.replace(/^.*\/computes\//, '')}\``;
    return `| ${prop} | ${f.readme.default} | ${f.readme.allowed} | ${arm} | ${CHANGE[f.change]} | ${azurermCell(f)} | ${alias} |`;
  });
  return [
    '| prop | default | allowed | ARM field (… is `properties.properties`) | a change | azurerm | policy alias |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The README with its table replaced. */
function withTable(readme, table) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${BEGIN}" ... "${END}" section`);
  return `${readme.slice(0, start + BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}

module.exports = { fieldsTable, withTable };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const { INSTANCE_FIELDS } = require(path.join(root, 'dist', 'src', 'compute-instance', 'fields.js'));
  const file = path.join(root, 'README.md');
  const next = withTable(fs.readFileSync(file, 'utf8'), fieldsTable(INSTANCE_FIELDS));
  if (process.argv.includes('--write')) fs.writeFileSync(file, next);
  else process.stdout.write(`${fieldsTable(INSTANCE_FIELDS)}\n`);
}
