import { StartStopSchedule, ValidationError } from '../../src';
import { thrown } from '../support/stack';

/** The grammar sentence every cron message starts its "allowed" with. */
const GRAMMAR =
  'allowed: 5 fields, minute hour day-of-month month day-of-week (Sunday = 0), each * or a comma list of numbers and a-b ranges';

function cronError(expression: unknown): string {
  const e = thrown(() => StartStopSchedule.cron({ action: 'Stop', expression: expression as string }));
  expect(e).toBeInstanceOf(ValidationError);
  return e.message;
}

function oneProblem(expression: string, rest: string): string {
  return `Invalid input in StartStopSchedule.cron (1 problem):\n  - StartStopSchedule.cron: expression: received ${JSON.stringify(expression)}; ${GRAMMAR}; ${rest}`;
}

describe('StartStopSchedule.cron accepts the documented grammar', () => {
  test.each([
    '0 18 * * *',
    '0 8 * * *',
    '0,30 8-17 1,15 1-12 0-6',
    '59 23 31 12 6',
    '0 9 31 1,2 *',
    '0 0 1-1 * *',
    '0,10 0-9 10 10 0',
  ])('accepts %j as written', (expression) => {
    expect(StartStopSchedule.cron({ action: 'Start', expression }).toArm()).toEqual({
      action: 'Start',
      triggerType: 'Cron',
      status: 'Enabled',
      cron: { expression, timeZone: 'UTC' },
    });
  });
});

describe('StartStopSchedule.cron rejects what is outside the grammar, saying what to write instead', () => {
  test.each([
    ['*/15 18 * * *', 'minute "*/15" has a step (/); write "0,15,30,45 18 * * *" instead'],
    ['0 9-17/2 * * 1-5', 'hour "9-17/2" has a step (/); write "0 9,11,13,15,17 * * 1-5" instead'],
    ['0 9 * * MON-FRI', 'day-of-week "MON-FRI" uses names; write "0 9 * * 1-5" instead'],
    ['0 9 * * Monday', 'day-of-week "Monday" uses names; write "0 9 * * 1" instead'],
    ['0 9 * JAN-MAR *', 'month "JAN-MAR" uses names; write "0 9 * 1-3 *" instead'],
    ['0 9 * * 7', 'day-of-week "7" uses 7 for Sunday (Sunday is 0); write "0 9 * * 0" instead'],
    ['0 9 * * 5-7', 'day-of-week "5-7" uses 7 for Sunday (Sunday is 0); write "0 9 * * 0,5,6" instead'],
    ['0 9 ? * *', 'day-of-month "?" uses ?; write "0 9 * * *" instead'],
    ['0 0 9 * * *', 'it has 6 fields: a seconds field comes first; write "0 9 * * *" instead'],
    [
      '0 0 9 ? * MON-FRI',
      'it has 6 fields: a seconds field comes first; day-of-month "?" uses ?; day-of-week "MON-FRI" uses names; write "0 9 * * 1-5" instead',
    ],
    ['@daily', '"@daily" is a macro; write "0 0 * * *" instead'],
    ['@weekly', '"@weekly" is a macro; write "0 0 * * 0" instead'],
    ['0 9,9 * * 1-5', 'hour "9,9" repeats values (list each once); write "0 9 * * 1-5" instead'],
    ['0 8-10,9 * * *', 'hour "8-10,9" repeats values (list each once); write "0 8-10 * * *" instead'],
    [
      '0 9 * * 0,7',
      'day-of-week "0,7" uses 7 for Sunday (Sunday is 0) and repeats values (list each once); write "0 9 * * 0" instead',
    ],
  ])('fails on %j with the equivalent', (expression, rest) => {
    expect(cronError(expression)).toBe(oneProblem(expression, rest));
  });

  test.each([
    [' 0 18 * * *', 'it starts with whitespace; write "0 18 * * *" instead'],
    ['0 18 * * *\n', 'it ends with whitespace; write "0 18 * * *" instead'],
    ['0\t18 * * *', 'it separates fields with a tab (use one space); write "0 18 * * *" instead'],
    ['0 18 * *\n*', 'it separates fields with a line break (use one space); write "0 18 * * *" instead'],
    [
      '0 18\r\n* * *',
      'it separates fields with a carriage return and a line break (use one space); write "0 18 * * *" instead',
    ],
    ['0  18 * * *', 'it separates fields with several spaces (use one space); write "0 18 * * *" instead'],
    [
      '  0   9 * * 1-5  ',
      'it starts with whitespace; it ends with whitespace; it separates fields with several spaces (use one space); write "0 9 * * 1-5" instead',
    ],
    ['0 18\u00a0* * *', 'it separates fields with other whitespace (use one space); write "0 18 * * *" instead'],
    [' @daily', 'it starts with whitespace; "@daily" is a macro; write "0 0 * * *" instead'],
    ['\t*/30 9 * * *', 'it starts with whitespace; minute "*/30" has a step (/); write "0,30 9 * * *" instead'],
  ])(
    'fails on %j, which is not written with one space between fields, with the expression to write',
    (expression, rest) => {
      expect(cronError(expression)).toBe(oneProblem(expression, rest));
    },
  );

  test.each([
    [
      '00 018 * * *',
      'minute "00" writes numbers with leading zeros; hour "018" writes numbers with leading zeros; write "0 18 * * *" instead',
    ],
    ['0 9 01-05 * *', 'day-of-month "01-05" writes numbers with leading zeros; write "0 9 1-5 * *" instead'],
    ['01,02,03 9 * * *', 'minute "01,02,03" writes numbers with leading zeros; write "1,2,3 9 * * *" instead'],
    [
      '0 9 * * 5-07',
      'day-of-week "5-07" writes numbers with leading zeros and uses 7 for Sunday (Sunday is 0); write "0 9 * * 0,5,6" instead',
    ],
    [
      '0 9 * 06 MON',
      'month "06" writes numbers with leading zeros; day-of-week "MON" uses names; write "0 9 * 6 1" instead',
    ],
  ])('fails on %j, which writes leading zeros, with the expression to write', (expression, rest) => {
    expect(cronError(expression)).toBe(oneProblem(expression, rest));
  });

  test.each([
    [
      '0 0 9 ? * 2-6',
      'it has 6 fields: a seconds field comes first; its day-of-week "2-6" means different days in different 6-field dialects: write the 5 fields yourself; day-of-month "?" uses ?',
    ],
    [
      '0 0 9 ? * * 2026',
      'it has 7 fields: seconds first and a year last; the year "2026" has no equivalent; day-of-month "?" uses ?',
    ],
    ['@reboot', '"@reboot" is a macro with no equivalent'],
    ['0 9 L * *', 'day-of-month "L" uses L (last), which has no equivalent'],
    ['0 9 * * 1L', 'day-of-week "1L" uses L (last), which has no equivalent'],
    ['0 9 15W * *', 'day-of-month "15W" uses W (nearest weekday), which has no equivalent'],
    ['0 9 * * 1#2', 'day-of-week "1#2" uses # (nth weekday of the month), which has no equivalent'],
    ['H 9 * * *', 'minute "H" uses H (hashed value), which has no equivalent'],
    ['0 24 * * *', 'hour "24" has a value outside 0-23'],
    ['60 9 * * *', 'minute "60" has a value outside 0-59'],
    ['0 9 0 * *', 'day-of-month "0" has a value outside 1-31'],
    ['0 9 * 13 *', 'month "13" has a value outside 1-12'],
    ['18-9 * * * *', 'minute "18-9" has a range that runs backwards (write the lower value first)'],
    ['0 9 * *', 'it has 4 fields'],
    ['', 'the expression is empty'],
    ['0 0 31 2,4 *', 'it never fires: day-of-month "31" never occurs in month "2,4"'],
    ['0 0 30 2 *', 'it never fires: day-of-month "30" never occurs in month "2"'],
    [
      '0 0 31 02 *',
      'month "02" writes numbers with leading zeros; it never fires: day-of-month "31" never occurs in month "02"',
    ],
    ['   ', 'the expression is only whitespace'],
    ['0 9\t* *', 'it separates fields with a tab (use one space); it has 4 fields'],
  ])('fails on %j and says why when nothing equivalent exists', (expression, rest) => {
    expect(cronError(expression)).toBe(oneProblem(expression, rest));
  });

  test('fails on an expression that is not a string', () => {
    expect(cronError(18)).toBe(
      'Invalid input in StartStopSchedule.cron (1 problem):\n' +
        '  - StartStopSchedule.cron: expression: received 18; allowed: a string of 5 fields, minute hour day-of-month month day-of-week (Sunday = 0), each * or a comma list of numbers and a-b ranges',
    );
  });

  test.each([[5], ['0 18 * * *'], [['Stop', '0 18 * * *']]])('fails on props %j, which are not an object', (props) => {
    expect(thrown(() => StartStopSchedule.cron(props as never)).message).toBe(
      'Invalid input in StartStopSchedule.cron (1 problem):\n' +
        `  - StartStopSchedule.cron: props: received ${JSON.stringify(props)}; allowed: an object { action, expression, timeZone?, enabled?, startTime? }`,
    );
  });

  test('lists every problem of the call in one error', () => {
    const e = thrown(() =>
      StartStopSchedule.cron({
        action: 'Halt' as 'Stop',
        expression: '*/30 9 * * *',
        enabled: 'yes' as unknown as boolean,
      }),
    );
    expect(e.message).toBe(
      [
        'Invalid input in StartStopSchedule.cron (3 problems):',
        '  - StartStopSchedule.cron: enabled: received "yes"; allowed: true or false',
        '  - StartStopSchedule.cron: action: received "Halt"; allowed: "Start" or "Stop"',
        `  - StartStopSchedule.cron: expression: received "*/30 9 * * *"; ${GRAMMAR}; minute "*/30" has a step (/); write "0,30 9 * * *" instead`,
      ].join('\n'),
    );
  });

  test("suggests Azure's spelling of the action", () => {
    expect(thrown(() => StartStopSchedule.cron({ action: 'stop' as 'Stop', expression: '0 18 * * *' })).message).toBe(
      'Invalid input in StartStopSchedule.cron (1 problem):\n' +
        '  - StartStopSchedule.cron: action: received "stop"; allowed: "Start" or "Stop"; write "Stop" instead',
    );
  });
});
