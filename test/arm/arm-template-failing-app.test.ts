import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ArmTemplate, ComputeInstance, Duration, ShutdownPolicy } from '../../src';
import { REQUIRED, SUBSCRIPTION, WORKSPACE_ID } from '../support/stack';

const OTHER_SUBSCRIPTION = '00000000-0000-0000-0000-000000000002';

describe('ArmTemplate.writeForApp of an app whose synth recorded errors', () => {
  test('writes no template for a stack that broke a Deny rule, and the others as usual', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'arm-failing-'));
    const previous = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const app = new App({ outdir, skipValidation: false });
      const broken = new TerraformStack(app, 'broken');
      new ComputeInstance(broken, 'alice', REQUIRED); // no Stop schedule
      const fine = new TerraformStack(app, 'fine');
      new ComputeInstance(fine, 'bob', {
        ...REQUIRED,
        name: 'ci-bob',
        workspaceId: WORKSPACE_ID.replace(SUBSCRIPTION, OTHER_SUBSCRIPTION),
      });
      new ShutdownPolicy(broken, 'shutdown', {
        scope: { subscriptionId: SUBSCRIPTION },
        requireSchedules: 'Deny',
        idleShutdown: { effect: 'Audit', max: Duration.hours(4) },
      });
      app.synth();
      const written = ArmTemplate.writeForApp(app);
      expect(existsSync(join(outdir, 'arm', 'broken.json'))).toBe(false);
      expect(written.map((f) => f.slice(outdir.length))).toEqual(['/arm/fine.json']);
      expect(existsSync(join(outdir, 'arm', 'fine.json'))).toBe(true);
      expect(stderr.mock.calls.map((c) => String(c[0])).find((l) => l.includes('broken'))).toMatch(
        /^ArmTemplate: no template written for stack broken: \d+ error annotation\(s\), first: broken\/alice: /,
      );
    } finally {
      stderr.mockRestore();
      if (previous === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
      else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = previous;
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
