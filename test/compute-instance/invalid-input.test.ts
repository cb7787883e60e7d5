import { TerraformResource } from 'cdktf';
import { ComputeInstance, ValidationError } from '../../src';
import { COMPUTE_INSTANCE_CASES, InvalidCase, VALID_EDGES } from '../invalid-input/corpus';
import { POLICY_CASES } from '../invalid-input/policy-cases';
import { SCHEDULE_CASES } from '../invalid-input/schedule-cases';
import { SCRIPT_CASES } from '../invalid-input/script-cases';
import { newStack, REQUIRED } from '../support/stack';

const ALL_CASES: InvalidCase[] = [...COMPUTE_INSTANCE_CASES, ...SCHEDULE_CASES, ...SCRIPT_CASES, ...POLICY_CASES];

test('the corpus holds at least 200 invalid inputs', () => {
  expect(ALL_CASES.length).toBeGreaterThanOrEqual(200);
});

describe.each(ALL_CASES.map((c) => [c.what, c] as const))('invalid input: %s', (_what, c) => {
  const { stack } = newStack();
  let error: unknown;
  try {
    c.run(stack);
  } catch (e) {
    error = e;
  }

  test("throws the library's ValidationError, nothing else", () => {
    expect(error).toBeInstanceOf(ValidationError);
  });

  test('names the path, the field, the value received and the rule', () => {
    const e = error as ValidationError;
    const problem = e.problems.find((p) => p.field === c.field);
    expect(problem).toBeDefined();
    expect(problem!.path).toBe(c.path);
    expect(problem!.received.length).toBeGreaterThan(0);
    expect(problem!.allowed.length).toBeGreaterThan(5);
    expect(e.message).toContain(`${c.path}: ${c.field}: received ${problem!.received}; allowed: ${problem!.allowed}`);
    expect(problem!.allowed).not.toMatch(/^allowed/i);
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
