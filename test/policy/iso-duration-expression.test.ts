import { ALIAS } from '../../src/model/policy-aliases';
import { isoDurationSecondsExpression } from '../../src/policy/iso-duration-expression';
import { computeResource, evaluateExpression } from '../support/policy-engine';

const expression = isoDurationSecondsExpression(ALIAS.idleTimeBeforeShutdown);
const secondsOf = (idle: string | undefined) =>
  evaluateExpression(expression, {
    resource: computeResource({
      computeType: 'ComputeInstance',
      properties: idle === undefined ? {} : { idleTimeBeforeShutdown: idle },
    }),
  });

describe('isoDurationSecondsExpression', () => {
  test.each([
    ['PT15M', 900],
    ['PT30M', 1800],
    ['PT60M', 3600],
    ['PT1H', 3600],
    ['PT1H30M', 5400],
    ['P3D', 259200],
    ['P1DT2H', 93600],
    ['P1DT2H3M4S', 93784],
    ['PT900S', 900],
    ['PT1M30.5S', 90],
    ['pt45m', 2700],
  ])('reads %s as %d seconds', (idle, seconds) => {
    expect(secondsOf(idle)).toBe(seconds);
  });

  test('reads an absent idle time as 0 seconds, without failing', () => {
    expect(secondsOf(undefined)).toBe(0);
  });

  test('is one bracketed policy expression over the idleTimeBeforeShutdown alias', () => {
    expect(expression.startsWith('[add(')).toBe(true);
    expect(expression.endsWith(')]')).toBe(true);
    expect(expression).toContain(
      "field('Microsoft.MachineLearningServices/workspaces/computes/idleTimeBeforeShutdown')",
    );
  });
});
