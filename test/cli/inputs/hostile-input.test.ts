import { spawn, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { Testing } from 'cdktf';
import { ArmTemplate, Duration, SetupScript, ShutdownPolicy } from '../../../src';
import { EXPRESSION_LIMITS, resolveArmValue, templateScope } from '../../../src/cli/inputs/arm-expressions';
import { MAX_NESTING } from '../../../src/cli/inputs/json-data';
import { ROOT, runCli } from '../../support/cli';
import { newStack, SUBSCRIPTION } from '../../support/stack';
import { parseXml } from '../../support/xml';
import { STOP_AT_22 } from '../../support/policy-rules';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const COMPUTES = 'Microsoft.MachineLearningServices/workspaces/computes';

/** An ARM template of one compute instance: `inner` is its properties.properties, written as JSON text. */
function template(inner: string, options: { outer?: string; variables?: string; name?: string } = {}): string {
  return [
    '{',
    `  "$schema": "${SCHEMA}",`,
    '  "contentVersion": "1.0.0.0",',
    `  "variables": ${options.variables ?? '{}'},`,
    '  "resources": [',
    '    {',
    `      "type": "${COMPUTES}",`,
    '      "apiVersion": "2025-12-01",',
    `      "name": ${JSON.stringify(options.name ?? 'ws/ci-proto')},`,
    '      "location": "westeurope",',
    '      "properties": {',
    `        ${options.outer ?? ''}`,
    '        "computeType": "ComputeInstance",',
    `        "properties": ${inner}`,
    '      }',
    '    }',
    '  ]',
    '}',
  ].join('\n');
}

/** A shutdown policy of ours (Deny idle shutdown over 4 hours) as an ARM template. */
function idlePolicy(): string {
  const { stack } = newStack('governance');
  new ShutdownPolicy(stack, 'shutdown', {
    name: 'ml-shutdown',
    scope: { subscriptionId: SUBSCRIPTION },
    idleShutdown: { effect: 'Deny', max: Duration.hours(4) },
  });
  return Testing.synth(stack);
}

/** Every character a terminal or a reader of the output could be fooled by. */
const UNSAFE_OUTPUT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;

describe('"__proto__", "constructor" and "prototype" are data', () => {
  test.each(['__proto__', 'constructor', 'prototype'])(
    'with "%s": {} in properties.properties, lint still reports the bad vmSize (exit 1)',
    async (key) => {
      const text = template(`{ "${key}": {}, "vmSize": "not a size!" }`);
      const r = await runCli(['lint', 't.json'], { files: { 't.json': text } });
      expect(r.out).toBe(
        [
          't.json:14: resources[0].properties.properties.vmSize: ci-proto: received "not a size!"; allowed: an Azure VM size name such as Standard_DS3_v2 or Standard_NC6s_v3 (case-insensitive)',
          '1 problem in 1 instance',
          '',
        ].join('\n'),
      );
      expect(r.code).toBe(1);
    },
  );

  test('with "__proto__" in properties (outside properties.properties), lint still reports the bad vmSize', async () => {
    const text = template('{ "vmSize": "not a size!" }', { outer: '"__proto__": { "computeType": "x" },' });
    const r = await runCli(['lint', 't.json'], { files: { 't.json': text } });
    expect(r.code).toBe(1);
    expect(r.out).toContain('resources[0].properties.properties.vmSize: ci-proto: received "not a size!"');
  });

  test('with "__proto__" in properties.properties, audit still denies an idle shutdown over the maximum', async () => {
    const text = template('{ "__proto__": {}, "vmSize": "Standard_DS3_v2", "idleTimeBeforeShutdown": "PT6H" }');
    const r = await runCli(['audit', '--policy', 'policy.json', 't.json'], {
      files: { 't.json': text, 'policy.json': idlePolicy() },
    });
    expect(r.out).toContain(
      '  denied   IdleShutdown: idleTimeBeforeShutdown: received "PT6H"; allowed: an idle shutdown of at most 4 hours (PT4H)\n',
    );
    expect(r.out).toContain('1 instance: 1 denied');
    expect(r.code).toBe(1);
  });

  test('a variable named "constructor" or "toString" is not found on an object\'s prototype', async () => {
    const text = template(
      `{ "vmSize": "[variables('constructor')]", "idleTimeBeforeShutdown": "[variables('toString')]" }`,
    );
    const r = await runCli(['lint', 't.json'], { files: { 't.json': text } });
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'note: t.json: ci-proto: properties.properties.vmSize: skipped: variable constructor is not declared\n',
    );
    expect(r.out).toContain(
      'note: t.json: ci-proto: properties.properties.idleTimeBeforeShutdown: skipped: variable toString is not declared\n',
    );
  });
});

/** Variables v0..v{n}, each naming the one before twice: 2^n evaluations without memoising. */
function doublingVariables(n: number, first: string): string {
  const variables: Record<string, string> = { v0: first };
  for (let i = 1; i <= n; i++) variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
  return JSON.stringify(variables);
}

describe('ARM expressions: bounded work', () => {
  test('variables 40 deep, each naming the one before twice, cost one evaluation per variable', () => {
    const json = JSON.parse(template('{}', { variables: doublingVariables(40, '') }));
    const scope = templateScope(json, 't.json');
    expect(resolveArmValue("[variables('v40')]", scope)).toEqual({ known: true, value: '' });
    // One concat and two variables() calls per level, plus the outer call: 3 × 40 + 1.
    expect(scope.budget!.steps).toBe(121);
  });

  test('the same template through lint finishes and reports the empty vmSize it builds', async () => {
    const text = template(`{ "vmSize": "[variables('v40')]" }`, { variables: doublingVariables(40, '') });
    expect(text.length).toBeLessThan(2600);
    const r = await runCli(['lint', 't.json'], { files: { 't.json': text } });
    expect(r.out).toContain('resources[0].properties.properties.vmSize: ci-proto: received ""');
    expect(r.code).toBe(1);
  });

  test('a value that doubles 40 times stops at the length budget: exit 2, one line naming file and variable', async () => {
    const text = template(`{ "vmSize": "[variables('v40')]" }`, { variables: doublingVariables(40, 'x') });
    const r = await runCli(['lint', 't.json'], { files: { 't.json': text } });
    expect(r.err).toBe(
      `aml-compute lint: t.json: variables('v21') builds a value of more than ${EXPRESSION_LIMITS.length} characters or items (this command's budget)\n`,
    );
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
  });

  test('a variable that refers to itself: exit 2, one line naming the cycle', async () => {
    const text = template(`{ "vmSize": "[variables('a')]" }`, {
      variables: `{ "a": "[concat('x', variables('b'))]", "b": "[variables('a')]", "self": "[variables('self')]" }`,
    });
    const r = await runCli(['lint', 't.json'], { files: { 't.json': text } });
    expect(r.err).toBe(
      "aml-compute lint: t.json: variables('a') refers to itself (variables('a') -> variables('b') -> variables('a')); Azure refuses a circular reference\n",
    );
    expect(r.code).toBe(2);
    const self = template(`{ "vmSize": "[variables('self')]" }`, { variables: `{ "self": "[variables('self')]" }` });
    const s = await runCli(['lint', 't.json'], { files: { 't.json': self } });
    expect(s.err).toBe(
      "aml-compute lint: t.json: variables('self') refers to itself (variables('self') -> variables('self')); Azure refuses a circular reference\n",
    );
    expect(s.code).toBe(2);
  });

  test('a parameter whose default refers to itself through a variable: exit 2 naming the cycle', async () => {
    const json = JSON.parse(
      template(`{ "vmSize": "[parameters('size')]" }`, { variables: `{ "v": "[parameters('size')]" }` }),
    );
    json.parameters = { size: { type: 'string', defaultValue: "[variables('v')]" } };
    const r = await runCli(['lint', 't.json'], { files: { 't.json': JSON.stringify(json) } });
    expect(r.err).toBe(
      "aml-compute lint: t.json: parameters('size') refers to itself (parameters('size') -> variables('v') -> parameters('size')); Azure refuses a circular reference\n",
    );
    expect(r.code).toBe(2);
  });

  test('calls nested deeper than the depth budget: exit 2 naming the budget', async () => {
    const deep = `[${'concat('.repeat(EXPRESSION_LIMITS.depth + 1)}'x'${')'.repeat(EXPRESSION_LIMITS.depth + 1)}]`;
    const r = await runCli(['lint', 't.json'], {
      files: { 't.json': template(`{ "vmSize": ${JSON.stringify(deep)} }`) },
    });
    expect(r.err).toBe(
      `aml-compute lint: t.json: an expression nests references and calls more than ${EXPRESSION_LIMITS.depth} deep (this command's budget)\n`,
    );
    expect(r.code).toBe(2);
  });

  test('more calls than the step budget: exit 2 naming the variable and the budget', async () => {
    // 1,000 variables of 101 calls each, all named by one expression: over 100,000 calls, each of them cheap.
    const variables: Record<string, string> = {};
    for (let i = 0; i < 1000; i++)
      variables[`v${i}`] = `[concat(${Array.from({ length: 100 }, () => "string('a')").join(', ')})]`;
    const all = `[concat(${Object.keys(variables)
      .map((v) => `variables('${v}')`)
      .join(', ')})]`;
    const text = template(`{ "vmSize": ${JSON.stringify(all)} }`, { variables: JSON.stringify(variables) });
    const r = await runCli(['lint', 't.json'], { files: { 't.json': text } });
    expect(r.err).toMatch(
      new RegExp(
        `^aml-compute lint: t\\.json: variables\\('v\\d+'\\) needs more than ${EXPRESSION_LIMITS.steps} function calls evaluated \\(this command's budget\\)\\n$`,
      ),
    );
    expect(r.code).toBe(2);
  });
});

describe('deep nesting, and a file that is not JSON', () => {
  test.each(['lint', 'preview', 'import'])(
    '100,000 levels of nesting: %s exits 2 with one line naming the file',
    async (verb) => {
      const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const r = await runCli([verb, 'deep.json'], { files: { 'deep.json': text } });
      expect(r.err).toBe(
        `aml-compute ${verb}: deep.json: nested deeper than ${MAX_NESTING} levels at line 1 (this command reads at most ${MAX_NESTING})\n`,
      );
      expect(r.code).toBe(2);
    },
  );

  test('audit: 100,000 levels in a policy file, and in the instances file, exit 2 naming each', async () => {
    const deep = `{"a":\n${'{"a":'.repeat(100_000)}1${'}'.repeat(100_001)}`;
    const policy = await runCli(['audit', '--policy', 'p.json', 'i.json'], {
      files: { 'p.json': deep, 'i.json': '{}' },
    });
    expect(policy.err).toBe(
      `aml-compute audit: p.json: nested deeper than ${MAX_NESTING} levels at line 2 (this command reads at most ${MAX_NESTING})\n`,
    );
    expect(policy.code).toBe(2);
    const instances = await runCli(['audit', '--policy', 'p.json', 'i.json'], {
      files: { 'p.json': idlePolicy(), 'i.json': deep },
    });
    expect(instances.err).toMatch(/^aml-compute audit: i\.json: nested deeper than/);
    expect(instances.code).toBe(2);
  });

  test('brackets inside strings are not nesting: a template with "[[[…" values is read', async () => {
    const text = template(`{ "vmSize": ${JSON.stringify(`[[${'['.repeat(1000)}`)} }`);
    const r = await runCli(['lint', 't.json'], { files: { 't.json': text } });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`vmSize: ci-proto: received "${'['.repeat(20)}`);
  });

  test("a file that is not JSON: the error does not quote the file's text (it may be a secret)", async () => {
    const r = await runCli(['lint', 'key.json'], { files: { 'key.json': 'sk-live-0123456789abcdef' } });
    expect(r.err).toBe("aml-compute lint: key.json: not JSON (Unexpected token 's')\n");
    expect(r.err).not.toContain('0123456789');
    expect(r.code).toBe(2);
  });

  test('an idleTimeBeforeShutdown that is not an ISO 8601 duration: audit says the rule cannot compare it', async () => {
    const text = template('{ "vmSize": "Standard_DS3_v2", "idleTimeBeforeShutdown": "PT6X" }');
    const audit = await runCli(['audit', '--policy', 'p.json', 't.json'], {
      files: { 't.json': text, 'p.json': idlePolicy() },
    });
    expect(audit.out).toContain(
      '  unknown  IdleShutdown: idleTimeBeforeShutdown "PT6X" is not an ISO 8601 duration, which this rule compares\n',
    );
    expect(audit.err).toBe('');
  });

  test('a non-string idleTimeBeforeShutdown: lint names it, audit judges the instance without an internal error', async () => {
    for (const idle of ['42', '{ "hours": 6 }', '["PT6H"]', 'true']) {
      const text = template(`{ "vmSize": "Standard_DS3_v2", "idleTimeBeforeShutdown": ${idle} }`);
      const lint = await runCli(['lint', 't.json'], { files: { 't.json': text } });
      expect(lint.out).toContain(
        `resources[0].properties.properties.idleTimeBeforeShutdown: ci-proto: received ${JSON.stringify(JSON.parse(idle))}; allowed: an ISO 8601 duration`,
      );
      expect(lint.code).toBe(1);
      const audit = await runCli(['audit', '--policy', 'p.json', 't.json'], {
        files: { 't.json': text, 'p.json': idlePolicy() },
      });
      expect(audit.err).toBe('');
      const type =
        idle === '42' ? 'a number' : idle === 'true' ? 'a boolean' : idle.startsWith('[') ? 'a list' : 'an object';
      expect(audit.out).toContain(
        `  unknown  input: not judged: idleTimeBeforeShutdown is ${type} where the API declares a string; run aml-compute lint t.json\n`,
      );
    }
  });
});

describe('values of the wrong type, everywhere: every verb answers, none fails inside', () => {
  /** Every rule of ours: appended schedules and script, a required Stop schedule, idle shutdown at most 4 hours. */
  function everyRule(): string {
    const { stack } = newStack('governance');
    new ShutdownPolicy(stack, 'shutdown', {
      name: 'ml-shutdown',
      scope: { subscriptionId: SUBSCRIPTION },
      defaultSchedules: [STOP_AT_22],
      requireSchedules: 'Deny',
      idleShutdown: { effect: 'Deny', max: Duration.hours(4) },
      defaultSetupScript: SetupScript.inline('#!/bin/bash\necho hi\n'),
    });
    return Testing.synth(stack);
  }
  const WRONG = ['42', 'null', 'true', '"text"', '[]', '[1, null, "x", {}]', '{}', '{ "__proto__": { "a": 1 } }'];
  const FIELDS = [
    'vmSize',
    'idleTimeBeforeShutdown',
    'schedules',
    'setupScripts',
    'sshSettings',
    'subnet',
    'personalComputeInstanceSettings',
  ];

  test('lint, preview and audit on each field set to each wrong value', async () => {
    const policy = everyRule();
    for (const field of FIELDS) {
      for (const value of [...WRONG, `{ "computeStartStop": ${WRONG[5]} }`, `{ "scripts": { "creationScript": 5 } }`]) {
        const files = { 't.json': template(`{ "${field}": ${value} }`), 'p.json': policy };
        // preview reads only the schedules (and charts a week for each run): only there.
        for (const argv of [
          ['lint', 't.json'],
          ...(field === 'schedules' ? [['preview', 't.json', '--from', '2026-03-23']] : []),
          ['audit', '--policy', 'p.json', 't.json'],
        ]) {
          const r = await runCli(argv, { files });
          expect({ field, value, verb: argv[0], code: r.code, err: r.err }).toEqual({
            field,
            value,
            verb: argv[0],
            code: expect.any(Number),
            err: '',
          });
          expect([0, 1]).toContain(r.code);
        }
      }
    }
  });
});

describe('terminal and SVG output stay inert', () => {
  const NAME = 'ws/ci\u001b]0;pwned\u0007\u001b[2J\u0000\r\u202eevil\nno problems in 9 instances';
  const SHOWN = 'ci\\u001b]0;pwned\\u0007\\u001b[2J\\u0000\\u000d\\u202eevil\\u000ano problems in 9 instances';
  const text = template(
    `{ "vmSize": "bad\\u001b[31m", "schedules": { "computeStartStop": [
      { "action": "Stop", "triggerType": "Cron", "status": "Enabled",
        "cron": { "expression": "0 18 * * 1-5", "timeZone": "UTC", "startTime": "2026-01-01T00:00:00" } } ] } }`,
    { name: NAME },
  );
  const files = { 't\u001b[1m.json': text };
  const file = 't\u001b[1m.json';

  test('lint text: every line escapes ESC, BEL, NUL, CR, LF and RLO from the input', async () => {
    const r = await runCli(['lint', file], { files });
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(UNSAFE_OUTPUT);
    expect(r.out.split('\n')).toEqual([
      `t\\u001b[1m.json:9: resources[0].name: ${SHOWN}: received "ci\\u001b]0;pwned\\u0007\\u001b[2J\\u0000\\r\\u202eevil\\nno problems in 9 instances"; allowed: 3 to 24 letters, digits and "-", starting with a letter, where every "-" is followed later by a letter (ci-one, not ci-1 or ci-); this one has 50 characters`,
      `t\\u001b[1m.json:14: resources[0].properties.properties.vmSize: ${SHOWN}: received "bad\\u001b[31m"; allowed: an Azure VM size name such as Standard_DS3_v2 or Standard_NC6s_v3 (case-insensitive)`,
      '2 problems in 1 instance',
      '',
    ]);
  });

  test.each(['json', 'sarif'])(
    'lint --format %s: JSON with the characters escaped, which parses back to them',
    async (format) => {
      const r = await runCli(['lint', file, '--format', format], { files });
      expect(r.out).not.toMatch(UNSAFE_OUTPUT);
      expect(r.out).toContain('\\u202e');
      expect(JSON.stringify(JSON.parse(r.out))).toContain('\u202e');
    },
  );

  test('audit text escapes them too', async () => {
    const r = await runCli(['audit', '--policy', 'p.json', file], { files: { ...files, 'p.json': idlePolicy() } });
    expect(r.out).not.toMatch(UNSAFE_OUTPUT);
    expect(r.out).toContain(
      `${SHOWN} (t\\u001b[1m.json):\n  denied   IdleShutdown: idleTimeBeforeShutdown: received no idle shutdown;`,
    );
  });

  test('import: the TypeScript it prints and its stderr lines hold none of them raw; a literal keeps its value', async () => {
    const rest = JSON.stringify({
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/ci-x',
      name: 'ci\u202eevil\u001b[2J',
      properties: {
        computeType: 'ComputeInstance',
        description: 'multi\nline \u2066isolate\u2069 \u0007',
        properties: { vmSize: 'Standard_DS3_v2\u202e', idleTimeBeforeShutdown: 'PT30M' },
      },
    });
    const r = await runCli(['import', 'rest.json'], { files: { 'rest.json': rest } });
    expect(r.out).toContain('new ComputeInstance(');
    expect(r.out).not.toMatch(UNSAFE_OUTPUT);
    expect(r.err).not.toMatch(UNSAFE_OUTPUT);
    // Where the name is a string literal, its escapes read back as the name Azure reported.
    const literal = /\n {4}name: ('[^'\n]*'),\n/.exec(r.out);
    expect(literal).not.toBeNull();
    expect(new Function(`return ${literal![1]};`)()).toBe('ci\u202eevil\u001b[2J');
  });

  test('an unusable file whose name holds them: the error is one escaped line', async () => {
    const r = await runCli(['lint', 'x\u001b[2J\n.json']);
    expect(r.err).toBe('aml-compute lint: x\\u001b[2J\\u000a.json: cannot read it (ENOENT)\n');
  });

  test('preview text and --svg: escaped, and the SVG is well-formed XML 1.0', async () => {
    const r = await runCli(['preview', file, '--from', '2026-03-23', '--svg', 'out.svg'], { files, isTTY: true });
    expect(r.code).toBe(0);
    // Colour is the chart's own: only its SGR sequences are left, and nothing else unsafe.
    expect(r.out.replace(/\u001b\[(42;30|43;30|2|0)m/g, '')).not.toMatch(UNSAFE_OUTPUT);
    expect(r.out).toContain(`${SHOWN} (t\\u001b[1m.json)\n`);
    const svg = r.written['out.svg'];
    expect(() => parseXml(svg)).not.toThrow();
    // XML 1.0's Char production: tab, LF, CR and U+0020 up, without surrogates, U+FFFE and U+FFFF.
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/);
    expect(svg).not.toMatch(/&#x?0*(?:[0-8]|1[0-9]|2[0-9]|3[01]|[bcef]|1[0-9a-f]);/i);
    expect(svg).toContain(
      'ci\\u001b]0;pwned\\u0007\\u001b[2J\\u0000\\u000d\\u202eevil\\u000ano problems in 9 instances (t\\u001b[1m.json) (Etc/UTC)',
    );
  });

  test('lone surrogates, U+FFFE and U+FFFF in a name: escaped in the terminal and in the SVG', async () => {
    const odd = template('{ "vmSize": "Standard_DS3_v2" }', { name: 'ws/a\ud800b\udc00c\ufffed\uffff' });
    const r = await runCli(['preview', 'o.json', '--from', '2026-03-23', '--svg', 'o.svg'], {
      files: { 'o.json': odd },
    });
    expect(r.out).toContain('a\\ud800b\\udc00c\\ufffed\\uffff (o.json)\n');
    expect(() => parseXml(r.written['o.svg'])).not.toThrow();
    expect(r.written['o.svg']).not.toMatch(/[\ud800-\udfff\ufffe\uffff]/);
  });
});

describe('each input file is read once', () => {
  const bin = resolve(ROOT, 'dist/src/cli/main.js');
  const template40 = template('{ "vmSize": "not a size!" }');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aml-fifo-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the bin with a FIFO as its input, a writer filling it once; resolves with what it printed. */
  function runWithFifo(
    args: (fifo: string) => string[],
    text: string,
  ): Promise<{ code: number | null; out: string; err: string }> {
    const fifo = join(dir, 'in.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [bin, ...args(fifo)], { cwd: dir });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      // A second read of the FIFO would wait for a writer that never comes: the timer fails the test instead.
      const timer = setTimeout(() => {
        child.kill();
        fail(new Error(`timed out: the FIFO was read twice? ${out}${err}`));
      }, 10_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        done({ code, out, err });
      });
      writeFileSync(fifo, text);
    });
  }

  test.each([
    ['lint', (f: string) => ['lint', f]],
    ['preview', (f: string) => ['preview', f, '--from', '2026-03-23']],
    ['audit', (f: string) => ['audit', '--policy', join(dir, 'p.json'), f]],
  ])('%s reads a FIFO once and answers, with the right line numbers', async (verb, args) => {
    writeFileSync(join(dir, 'p.json'), idlePolicy());
    const r = await runWithFifo(args, template40);
    expect(r.err).toBe('');
    if (verb === 'lint') {
      expect(r.out).toContain(`${join(dir, 'in.json')}:14: resources[0].properties.properties.vmSize: ci-proto:`);
      expect(r.code).toBe(1);
    } else {
      expect(r.out).toContain(`ci-proto (${join(dir, 'in.json')})`);
      // The template has no idle shutdown: the policy denies it (audit), preview charts it.
      expect(r.code).toBe(verb === 'audit' ? 1 : 0);
    }
  });

  test('process substitution (/dev/fd/N): the line numbers are those of the text', () => {
    writeFileSync(join(dir, 't.json'), template40);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" lint <(cat t.json)`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stdout).toMatch(
      /^\/dev\/fd\/\d+:14: resources\[0\]\.properties\.properties\.vmSize: ci-proto: received "not a size!"/,
    );
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 't.json'), 'utf8')).toBe(template40);
  });
});

/** Every JSON path of `value` with a container or leaf at it. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [at];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...children.flatMap(([k, v]) => paths(v, [...at, k]))];
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` with what is at `path` replaced by `by`. */
function replaced(value: unknown, path: Array<string | number>, by: unknown): unknown {
  if (path.length === 0) return by;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[path[0]] = replaced(copy[path[0]], path.slice(1), by);
  return copy;
}

describe('instance files of the wrong shape: lint, preview and audit answer, they do not fail inside', () => {
  test.each(['rest-get-compute-instance.json', 'az-ml-compute-list.json', 'quickstart.azuredeploy.json'])(
    'every field of %s set to null, 5, {}, [] or an expression',
    async (name) => {
      const original = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/cli', name), 'utf8'));
      const parameters = readFileSync(
        resolve(ROOT, 'test/fixtures/cli/quickstart.azuredeploy.parameters.json'),
        'utf8',
      );
      const policy = idlePolicy();
      for (const path of paths(original)) {
        for (const by of [null, 5, {}, [], "[concat(variables('x'), parameters('computeName'))]"]) {
          const files = {
            'i.json': JSON.stringify(replaced(original, path, by)),
            'p.json': policy,
            'v.json': parameters,
          };
          // lint with each value; audit with the object only, and preview (a week of fire times) only where
          // schedules are, to stay quick.
          const verbs = [
            ['lint', 'i.json', '--parameters', 'v.json'],
            ['preview', 'i.json', '--parameters', 'v.json', '--from', '2026-03-23'],
            ['audit', '--policy', 'p.json', 'i.json', '--parameters', 'v.json'],
          ];
          const inSchedules = path.some((p) => typeof p === 'string' && /schedule|compute_start_stop/i.test(p));
          const chosen = !isObject(by) ? [verbs[0]] : inSchedules ? verbs : [verbs[0], verbs[2]];
          for (const argv of chosen) {
            const r = await runCli(argv, { files });
            expect({ path, by, verb: argv[0], internal: /internal error/.test(r.err) }).toEqual({
              path,
              by,
              verb: argv[0],
              internal: false,
            });
            if (r.code === 2) expect(r.err).toMatch(/^aml-compute \w+: [^\n]+\n$/);
          }
        }
      }
    },
    60_000,
  );
});

describe('policy files of the wrong shape: audit answers, it does not fail inside', () => {
  test('every field of the docs sample, an initiative, an assignment, our Terraform and ARM policies, set to null, 5, {}, [] or "[parameters(\'x\')]"', async () => {
    const initiative = {
      properties: {
        parameters: { effect: { type: 'String', defaultValue: 'Deny' } },
        policyDefinitions: [
          {
            policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/docs',
            policyDefinitionReferenceId: 'ref',
            parameters: { effect: { value: "[parameters('effect')]" } },
          },
        ],
      },
      name: 'init',
    };
    const assignment = {
      name: 'assign',
      properties: { policyDefinitionId: '/x/policySetDefinitions/init', parameters: { effect: { value: 'Audit' } } },
    };
    const docs = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/cli/docs-default-schedule-policy.json'), 'utf8'));
    const instances = template('{ "vmSize": "Standard_DS3_v2" }');
    const { stack } = newStack('governance');
    new ShutdownPolicy(stack, 'shutdown', {
      name: 'ml-shutdown',
      scope: { subscriptionId: SUBSCRIPTION },
      requireSchedules: 'Deny',
      idleShutdown: { effect: 'Deny', max: Duration.hours(4) },
    });
    const terraform = JSON.parse(Testing.synth(stack));
    const arm = ArmTemplate.synth(stack);
    for (const original of [docs, [{ ...docs, name: 'docs' }, initiative, assignment], terraform, arm]) {
      for (const path of paths(original)) {
        for (const by of [null, 5, {}, [], "[parameters('x')]"]) {
          const policy = JSON.stringify(replaced(original, path, by));
          const r = await runCli(['audit', '--policy', 'p.json', 't.json'], {
            files: { 'p.json': policy, 't.json': instances },
          });
          expect({ path, by, code: r.code, internal: /internal error/.test(r.err) }).toEqual({
            path,
            by,
            code: expect.any(Number),
            internal: false,
          });
        }
      }
    }
  });
});
