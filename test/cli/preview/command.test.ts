import { fixture, runCli } from '../../support/cli';
import { parseXml } from '../../support/xml';

const QUICKSTART_PARAMS = fixture('quickstart.azuredeploy.parameters.json');

describe('aml-compute preview', () => {
  test("the quickstart's schedules (UTC) in Berlin, the week daylight saving starts: the exact chart, hours and cost", async () => {
    const r = await runCli([
      'preview',
      QUICKSTART_PARAMS,
      '--from',
      '2026-03-25',
      '--tz',
      'W. Europe Standard Time',
      '--price-per-hour',
      '0.5',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    // 08:00-17:00 UTC is 09:00-18:00 in CET and 10:00-19:00 in CEST from Sunday; 02:00-03:00 of that Sunday does not exist.
    expect(r.out).toBe(
      [
        'schedules (test/fixtures/cli/quickstart.azuredeploy.parameters.json)',
        '  Stop cron 0 18 * * * (UTC)',
        '  Start cron 0 8 * * * (UTC)',
        '  Stop every 1 Day at hours 17 minutes 0 (UTC)',
        '               00    03    06    09    12    15    18    21',
        'Mon 2026-03-23 |..................##################............|  9.0 h',
        'Tue 2026-03-24 |..................##################............|  9.0 h',
        'Wed 2026-03-25 |..................##################............|  9.0 h',
        'Thu 2026-03-26 |..................##################............|  9.0 h',
        'Fri 2026-03-27 |..................##################............|  9.0 h',
        'Sat 2026-03-28 |..................##################............|  9.0 h',
        'Sun 2026-03-29 |....  ..............##################..........|  9.0 h',
        'runs 63.0 h of 167 h in the week of 2026-03-23 (Europe/Berlin), 37.7 %',
        'cost at 0.5/h: 31.50 a week, 137.79 a month; always on: 83.50 a week, 365.25 a month; saving 52.00 a week (62.3 %)',
        '',
        '',
      ].join('\n'),
    );
  });

  test("--cron schedules, shown in New York the week its clocks moved but Berlin's had not", async () => {
    const r = await runCli([
      'preview',
      '--cron',
      'Start 30 8 * * 1-5',
      '--cron',
      'stop 0 17 * * 1-5',
      '--cron-tz',
      'W. Europe Standard Time',
      '--tz',
      'America/New_York',
      '--from',
      '2026-03-09',
    ]);
    expect(r.code).toBe(0);
    // New York is on EDT from 8 March, Berlin on CET until 29 March: five hours apart, 03:30-12:00.
    expect(r.out).toBe(
      [
        '--cron',
        '  Start cron 30 8 * * 1-5 (W. Europe Standard Time)',
        '  Stop cron 0 17 * * 1-5 (W. Europe Standard Time)',
        '               00    03    06    09    12    15    18    21',
        'Mon 2026-03-09 |.......#################........................|  8.5 h',
        'Tue 2026-03-10 |.......#################........................|  8.5 h',
        'Wed 2026-03-11 |.......#################........................|  8.5 h',
        'Thu 2026-03-12 |.......#################........................|  8.5 h',
        'Fri 2026-03-13 |.......#################........................|  8.5 h',
        'Sat 2026-03-14 |................................................|  0.0 h',
        'Sun 2026-03-15 |................................................|  0.0 h',
        'runs 42.5 h of 168 h in the week of 2026-03-09 (America/New_York), 25.3 %',
        '',
        '',
      ].join('\n'),
    );
  });

  test('a half hour run partly is "+"; the week that daylight saving ends has 169 hours', async () => {
    const r = await runCli([
      'preview',
      '--cron',
      'Start 15 9 * * 1',
      '--cron',
      'Stop 0 10 * * 1',
      '--from',
      '2026-10-25',
      '--tz',
      'Europe/London',
    ]);
    // 09:15-10:00 UTC is 10:15-11:00 in London (BST until 25 October).
    expect(r.out).toContain('Mon 2026-10-19 |....................+#..........................|  0.8 h');
    expect(r.out).toContain('runs 0.8 h of 169 h in the week of 2026-10-19 (Europe/London), 0.4 %');
  });

  test('an instance without schedules runs all week; one without a Start schedule is said so', async () => {
    const r = await runCli([
      'preview',
      fixture('rest-get-compute-instance.json'),
      '--from',
      '2026-06-01',
      '--price-per-hour',
      '1',
    ]);
    expect(r.out).toContain('  no schedules: runs until someone stops it (idle shutdown aside)\n');
    expect(r.out).toContain('Mon 2026-06-01 |################################################| 24.0 h');
    expect(r.out).toContain('saving 0.00 a week (0.0 %)');
    const stopOnly = await runCli(['preview', '--cron', 'Stop 0 19 * * *', '--from', '2026-06-01']);
    expect(stopOnly.out).toContain(
      '  no Start schedule: it runs only when someone starts it, which the chart cannot show\n',
    );
  });

  test('colour only on a terminal', async () => {
    const plain = await runCli(['preview', QUICKSTART_PARAMS, '--from', '2026-03-25'], { isTTY: false });
    expect(plain.out).not.toContain('\u001b[');
    const tty = await runCli(['preview', QUICKSTART_PARAMS, '--from', '2026-03-25'], { isTTY: true });
    expect(tty.out).toContain('\u001b[42;30m#\u001b[0m');
    expect(tty.out.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.out);
  });

  test('--svg writes an SVG that parses as XML, with one bar per running interval', async () => {
    const r = await runCli([
      'preview',
      QUICKSTART_PARAMS,
      '--from',
      '2026-03-25',
      '--tz',
      'W. Europe Standard Time',
      '--svg',
      'week.svg',
    ]);
    expect(r.code).toBe(0);
    const svg = r.written['week.svg'];
    const elements = parseXml(svg);
    expect(elements[0]).toEqual({
      name: 'svg',
      attributes: expect.objectContaining({ xmlns: 'http://www.w3.org/2000/svg' }),
    });
    const bars = elements.filter((e) => e.name === 'rect' && e.attributes.class === 'run');
    // Seven runs, one a day, none crossing midnight.
    expect(bars.map((b) => b.attributes['data-interval'])).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    // Monday 09:00-18:00: x = 120 + 9 × 24, width 9 × 24; Sunday 10:00-19:00.
    expect([bars[0].attributes.x, bars[0].attributes.width]).toEqual(['336.00', '216.00']);
    expect([bars[6].attributes.x, bars[6].attributes.width]).toEqual(['360.00', '216.00']);
    expect(svg).toContain('<title>Mon 09:00 to Mon 18:00, 9.0 h</title>');
    const again = await runCli([
      'preview',
      QUICKSTART_PARAMS,
      '--from',
      '2026-03-25',
      '--tz',
      'W. Europe Standard Time',
      '--svg',
      'week.svg',
    ]);
    expect(again.written['week.svg']).toBe(svg);
  });

  test('a run across midnight is one interval drawn on two days', async () => {
    const r = await runCli([
      'preview',
      '--cron',
      'Start 0 22 * * 5',
      '--cron',
      'Stop 0 6 * * 6',
      '--from',
      '2026-06-01',
      '--svg',
      'w.svg',
    ]);
    const bars = parseXml(r.written['w.svg']).filter((e) => e.name === 'rect' && e.attributes.class === 'run');
    expect(bars.map((b) => [b.attributes['data-interval'], b.attributes.x, b.attributes.width])).toEqual([
      ['0', '648.00', '48.00'],
      ['0', '120.00', '144.00'],
    ]);
    expect(r.out).toContain('runs 8.0 h of 168 h');
  });

  test("exit 1 when an instance's schedules are invalid: it is not charted", async () => {
    const r = await runCli(['preview', fixture('az-ml-compute-list.json'), '--from', '2026-06-01']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'ci-nightowl (test/fixtures/cli/az-ml-compute-list.json): not charted: 1 of its schedules is invalid; run aml-compute lint test/fixtures/cli/az-ml-compute-list.json\n',
    );
    expect(r.out).toContain('ci-alice (test/fixtures/cli/az-ml-compute-list.json)\n');
  });

  test.each([
    [
      ['preview', '--cron', 'Start 0 9 * * MON'],
      /^aml-compute preview: --cron "Start 0 9 \* \* MON": expression: received "0 9 \* \* MON"; allowed: [^\n]*write "0 9 \* \* 1" instead\n$/,
    ],
    [
      ['preview', '--cron', '0 9 * * 1'],
      /^aml-compute preview: --cron "0 9 \* \* 1": allowed: "Start EXPR" or "Stop EXPR"/,
    ],
    [
      ['preview', '--cron', 'Start 0 9 * * 1', '--tz', 'Mars/Olympus'],
      /^aml-compute preview: --tz Mars\/Olympus: allowed: a Windows time zone id/,
    ],
    [
      ['preview', '--cron', 'Start 0 9 * * 1', '--from', '2026-13-01'],
      /^aml-compute preview: --from 2026-13-01: allowed: a date YYYY-MM-DD/,
    ],
    [
      ['preview', '--cron', 'Start 0 9 * * 1', '--price-per-hour', 'cheap'],
      /^aml-compute preview: --price-per-hour cheap: allowed: a number of 0 or more\n$/,
    ],
    [['preview'], /^aml-compute preview: no FILE and no --cron given/],
    [
      ['preview', fixture('rest-list-computes.json')],
      /^aml-compute preview: test\/fixtures\/cli\/rest-list-computes.json: no compute instance in it\n$/,
    ],
  ])('exit 2: %j', async (argv, err) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(err);
  });
});
