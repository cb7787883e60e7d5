import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSTANCE_FIELDS } from '../../src/compute-instance/fields';

// Plain JavaScript, shared with the command line (node scripts/readme-fields-table.js --write).
const { fieldsTable, withTable } = require('../../../scripts/readme-fields-table.js') as {
  fieldsTable: (fields: unknown) => string;
  withTable: (readme: string, table: string) => string;
};
const README = join(__dirname, '..', '..', '..', 'README.md');

describe("the README's prop table", () => {
  const readme = readFileSync(README, 'utf8');

  test('is the one the field table makes (node scripts/readme-fields-table.js --write rewrites it)', () => {
    expect(withTable(readme, fieldsTable(INSTANCE_FIELDS)) === readme).toBe(true);
  });

  test('has a row for every prop of ComputeInstanceProps, in the table order', () => {
    const rows = readme.split('\n').filter((l) => /^\| `[a-zA-Z]+(: \{[^}]*\}(\[\])?)?` \|/.test(l));
    const props = rows.map((l) => /^\| `([a-zA-Z]+)/.exec(l)![1]);
    expect(props).toEqual(INSTANCE_FIELDS.map((f) => f.prop));
    expect(props).toEqual(expect.arrayContaining(['name', 'idleShutdown', 'driftCheck', 'terraformResource']));
  });

  test('says what azurerm cannot render and how each setting changes', () => {
    const row = (prop: string) => readme.split('\n').find((l) => l.startsWith(`| \`${prop}`))!;
    expect(row('schedules')).toContain('| drift check warns (`onScheduleChange`) | no (use azapi) | `schedules` |');
    expect(row('vmSize')).toContain('| `…vmSize` | replaces the instance | `virtual_machine_size` |');
    expect(row('idleShutdown')).toContain('| sent by its own action | no (use azapi) | `idleTimeBeforeShutdown` |');
  });
});
