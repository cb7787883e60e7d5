import * as week from '../../../src/cli/preview/week';
import { runCli } from '../../support/cli';

/** A REST list of `n` compute instances; even ones stop at 18:00, odd ones at 20:00 (two schedule sets). */
function restList(n: number): string {
  const value = Array.from({ length: n }, (_, i) => ({
    id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/ci-n${i}`,
    name: `ci-n${i}`,
    properties: {
      computeType: 'ComputeInstance',
      properties: {
        vmSize: 'Standard_DS3_v2',
        schedules: {
          computeStartStop: [
            {
              action: 'Start',
              triggerType: 'Cron',
              status: 'Enabled',
              cron: { expression: '0 8 * * 1-5', timeZone: 'UTC' },
            },
            {
              action: 'Stop',
              triggerType: 'Cron',
              status: 'Enabled',
              cron: { expression: `0 ${i % 2 === 0 ? 18 : 20} * * 1-5`, timeZone: 'UTC' },
            },
          ],
        },
      },
    },
  }));
  return JSON.stringify({ value });
}

describe('preview at scale (1,000 instances took 47 s: each converted the 10,080 minutes of the week to local time)', () => {
  afterEach(() => jest.restoreAllMocks());

  test("the week's minutes are placed once per run, and each distinct schedule set is walked once", async () => {
    const slots = jest.spyOn(week, 'minuteSlots');
    const intervals = jest.spyOn(week, 'runningIntervals');
    const r = await runCli(['preview', 'many.json', '--from', '2026-03-23'], { files: { 'many.json': restList(200) } });
    expect(r.code).toBe(0);
    expect(slots).toHaveBeenCalledTimes(1);
    expect(intervals).toHaveBeenCalledTimes(2);
    expect(r.out.match(/^ci-n\d+ \(many\.json\)$/gm)).toHaveLength(200);
  });

  test('each instance charted from shared work reads as it does alone', async () => {
    const all = await runCli(['preview', 'many.json', '--from', '2026-03-23'], { files: { 'many.json': restList(4) } });
    const blocks = all.out.split('\n\n').filter((b) => b !== '');
    expect(blocks).toHaveLength(4);
    for (const [i, block] of blocks.entries()) {
      const one = JSON.parse(restList(4));
      one.value = [one.value[i]];
      const alone = await runCli(['preview', 'one.json', '--from', '2026-03-23'], {
        files: { 'one.json': JSON.stringify(one) },
      });
      expect(block.replace('(many.json)', '(one.json)')).toBe(alone.out.replace(/\n+$/, ''));
    }
    expect(blocks[0]).toContain('runs 50.0 h of 168 h');
    expect(blocks[1]).toContain('runs 60.0 h of 168 h');
    expect(blocks[0]).toContain('Mon 2026-03-23 |................####################............| 10.0 h');
  });
});
