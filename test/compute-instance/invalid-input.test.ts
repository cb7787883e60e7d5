import * as fs from 'node:fs';
import { TerraformResource } from 'cdktf';
import { ComputeInstance, Problem, ValidationError } from '../../src';
import { COMPUTE_INSTANCE_CASES, InvalidCase, VALID_EDGES } from '../invalid-input/corpus';
import { POLICY_CASES } from '../invalid-input/policy-cases';
import { SCHEDULE_CASES } from '../invalid-input/schedule-cases';
import { SCRIPT_CASES } from '../invalid-input/script-cases';
import { fixture } from '../support/import-harness';
import { newStack, REQUIRED } from '../support/stack';

const ALL_CASES: InvalidCase[] = [...COMPUTE_INSTANCE_CASES, ...SCHEDULE_CASES, ...SCRIPT_CASES, ...POLICY_CASES];

/**
 * Every problem each case must report, in order, keyed by the case's `what`: the path, the field, the value as
 * the message shows it and the allowed text. Kept as data beside the corpus so that a changed message is a
 * reviewed edit of this file, case by case.
 */
const EXPECTED: Record<string, Problem[]> = JSON.parse(fs.readFileSync(fixture('invalid-input/problems.json'), 'utf8'));

test('the corpus and its expected problems name the same cases, in the same order, each once', () => {
  expect(ALL_CASES.map((c) => c.what)).toEqual(Object.keys(EXPECTED));
});

describe.each(ALL_CASES.map((c) => [c.what, c] as const))('invalid input: %s', (what, c) => {
  const { stack } = newStack();
  let error: unknown;
  try {
    c.run(stack);
  } catch (e) {
    error = e;
  }
  const expected = EXPECTED[what] ?? [];

  test("throws the library's ValidationError, nothing else", () => {
    expect(error).toBeInstanceOf(ValidationError);
  });

  test('reports exactly the expected problems: path, field, value received and what is allowed', () => {
    expect((error as ValidationError).problems).toEqual(expected);
  });

  test("has a problem at the corpus's path and field", () => {
    expect(expected.map((p) => [p.path, p.field])).toContainEqual([c.path, c.field]);
  });

  test('says each problem in its message, the allowed text once', () => {
    const message = (error as ValidationError).message;
    for (const p of expected) {
      expect(message).toContain(`${p.path}: ${p.field}: received ${p.received}; allowed: ${p.allowed}`);
      expect(p.allowed).not.toMatch(/^allowed/i);
    }
  });

  if (c.secret !== undefined) {
    test('does not repeat the secret', () => {
      expect((error as ValidationError).message).not.toContain(c.secret!);
    });
  }

  test('produces no output', () => {
    expect(stack.node.findAll().filter((x) => x instanceof TerraformResource)).toEqual([]);
  });
});

describe.each(VALID_EDGES)('valid edge: %s', (_what, props) => {
  test('constructs', () => {
    const { stack } = newStack();
    expect(() => new ComputeInstance(stack, 'ci', { ...REQUIRED, ...props })).not.toThrow();
  });
});
