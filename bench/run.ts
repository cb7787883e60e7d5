/**
 * `npm run bench [-- --json] [--sizes 100,1000,10000] [--runs 5] [--distinct] [--fleet 10x100,100x100] [--checks on,off]`
 *
 * Measures, side by side in one run, what users of large stacks feel: synth of the library's workload
 * against a plain-cdktf baseline that writes the same bytes, with the instances' drift checks on (the
 * default users get) and off (both sides write them, or neither), cold start against cdktf alone, schedule
 * validation against a bare ajv validate, and the floor (JSON.stringify and write of the same output).
 * Every size runs in fresh processes; figures are medians. The two sides alternate run by run, and the
 * paired CPU ratio is the median (and quartiles) of the ratios of runs made back to back.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureScheduleValidation } from './schedule-validation';

interface Sample {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}
type DriftChecks = 'on' | 'off';
interface SizeResult {
  n: number;
  checks: DriftChecks;
  library: Sample;
  baseline: Sample;
  /** CPU ratio of each run pair (the two ran back to back): one process's CPU time moves by ±15 % here. */
  pairedCpuRatios: number[];
  floorMs: number;
  identical: boolean;
}

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const json = args.includes('--json');
/** Each instance its own schedules (defeats the validation caches) instead of a fleet's shared preset. */
const workload = args.includes('--distinct') ? 'distinct' : 'shared';
const sizes = flag('--sizes', '100,1000,10000')
  .split(',')
  .filter((s) => s !== '')
  .map(Number);
const runs = Number(flag('--runs', '5'));
/** The drift check settings measured, each a row of its own. */
const checkModes = flag('--checks', 'on,off')
  .split(',')
  .filter((c): c is DriftChecks => c === 'on' || c === 'off');
/** Fleet workloads, `<stacks>x<instances per stack>`: many stacks of one workspace each, plus governance. */
const fleets = flag('--fleet', '')
  .split(',')
  .filter((f) => f !== '');
const dist = resolve(__dirname, '..');
const say = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The value at fraction `q` of the sorted values (nearest rank). */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

/** Library over baseline CPU time of each pair of runs, in run order. */
function pairedCpuRatios(samples: Record<'library' | 'baseline', Sample[]>): number[] {
  return samples.library.map((s, i) => s.cpuMs / samples.baseline[i].cpuMs);
}

function medianSample(samples: Sample[]): Sample {
  return {
    ms: median(samples.map((s) => s.ms)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    maxRssMb: median(samples.map((s) => s.maxRssMb)),
  };
}

function synthOnce(mode: string, n: number | string, outdir: string, checks: DriftChecks = 'on'): Sample {
  const argv = [join(dist, 'bench', 'synth-once.js'), mode, String(n), outdir, workload, `checks-${checks}`];
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} ${n} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() || '{}');
}

function synthSize(n: number, checks: DriftChecks): SizeResult {
  const root = join(tmpdir(), `bench-${n}-checks-${checks}`);
  const dirs = { library: join(root, 'library'), baseline: join(root, 'baseline') };
  synthOnce('policy-fixture', 0, root);
  const samples: Record<'library' | 'baseline', Sample[]> = { library: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    // Alternate the order so that neither side always runs on a warmer machine.
    const order: Array<'library' | 'baseline'> = i % 2 === 0 ? ['library', 'baseline'] : ['baseline', 'library'];
    for (const mode of order) samples[mode].push(synthOnce(mode, n, dirs[mode], checks));
  }
  const file = (d: string) => readFileSync(join(d, 'stacks', 'bench', 'cdk.tf.json'));
  const identical = file(dirs.library).equals(file(dirs.baseline));
  const floor = Array.from({ length: runs }, () => synthOnce('floor', n, dirs.library).ms);
  rmSync(root, { recursive: true, force: true });
  return {
    n,
    checks,
    library: medianSample(samples.library),
    baseline: medianSample(samples.baseline),
    pairedCpuRatios: pairedCpuRatios(samples),
    floorMs: median(floor),
    identical,
  };
}

interface FleetResult {
  shape: string;
  checks: DriftChecks;
  library: Sample;
  baseline: Sample;
  pairedCpuRatios: number[];
  identical: boolean;
}

/** The fleet workload `shape` (`100x100`), library against baseline, every stack's bytes compared. */
function synthFleet(shape: string, checks: DriftChecks): FleetResult {
  const root = join(tmpdir(), `bench-fleet-${shape}-checks-${checks}`);
  const dirs = { library: join(root, 'library'), baseline: join(root, 'baseline') };
  synthOnce('policy-fixture', 0, root);
  const samples: Record<'library' | 'baseline', Sample[]> = { library: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    const order: Array<'library' | 'baseline'> = i % 2 === 0 ? ['library', 'baseline'] : ['baseline', 'library'];
    for (const mode of order) samples[mode].push(synthOnce(`${mode}-fleet`, shape, dirs[mode], checks));
  }
  const stacks = readdirSync(join(dirs.library, 'stacks')).sort();
  const identical =
    stacks.length === readdirSync(join(dirs.baseline, 'stacks')).length &&
    stacks.every((s) =>
      readFileSync(join(dirs.library, 'stacks', s, 'cdk.tf.json')).equals(
        readFileSync(join(dirs.baseline, 'stacks', s, 'cdk.tf.json')),
      ),
    );
  rmSync(root, { recursive: true, force: true });
  return {
    shape,
    checks,
    library: medianSample(samples.library),
    baseline: medianSample(samples.baseline),
    pairedCpuRatios: pairedCpuRatios(samples),
    identical,
  };
}

/** Wall time of a fresh `node` that requires `target`, median of `count` interleaved runs. */
function coldStart(count: number): { libraryMs: number; cdktfMs: number } {
  const time = (target: string) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(target)})`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const lib: number[] = [];
  const cdktf: number[] = [];
  for (let i = 0; i < count; i++) {
    cdktf.push(time(require.resolve('cdktf')));
    lib.push(time(join(dist, 'src', 'index.js')));
  }
  return { libraryMs: median(lib), cdktfMs: median(cdktf) };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const round = (x: number) => Math.round(x * 10) / 10;
/** Per drift check setting, the last two rows' figure `of`, last over previous; none with fewer than two. */
function lastOverPrevious<R extends { checks: DriftChecks }>(rows: R[], of: (r: R) => number) {
  return checkModes.flatMap((checks) => {
    const mine = rows.filter((r) => r.checks === checks);
    return mine.length > 1
      ? [{ driftChecks: checks, ratio: ratio(of(mine[mine.length - 1]), of(mine[mine.length - 2])) }]
      : [];
  });
}

/** Median and quartiles of the paired ratios: the spread says how far one run's ratio can be trusted. */
const paired = (ratios: number[]) => ({
  runs: ratios.map((r) => ratio(r, 1)),
  median: ratio(median(ratios), 1),
  q1: ratio(quantile(ratios, 0.25), 1),
  q3: ratio(quantile(ratios, 0.75), 1),
});

const results: SizeResult[] = [];
for (const n of sizes) {
  for (const checks of checkModes) {
    say(`synth ${n} instances, drift checks ${checks}, x ${runs} runs ...`);
    results.push(synthSize(n, checks));
  }
}
const fleetResults: FleetResult[] = [];
for (const shape of fleets) {
  for (const checks of checkModes) {
    say(`synth fleet ${shape} (stacks x instances), drift checks ${checks}, x ${runs} runs ...`);
    fleetResults.push(synthFleet(shape, checks));
  }
}
const cold = coldStart(Math.max(runs, 10));
const validation = measureScheduleValidation(20000);

const report = {
  machine: { cpus: require('node:os').cpus().length, node: process.version },
  runs,
  workload,
  synth: results.map((r) => ({
    instances: r.n,
    driftChecks: r.checks,
    libraryMs: round(r.library.ms),
    baselineMs: round(r.baseline.ms),
    timeRatio: ratio(r.library.ms, r.baseline.ms),
    libraryCpuMs: round(r.library.cpuMs),
    baselineCpuMs: round(r.baseline.cpuMs),
    cpuRatio: ratio(r.library.cpuMs, r.baseline.cpuMs),
    pairedCpuRatio: paired(r.pairedCpuRatios),
    libraryRssMb: round(r.library.maxRssMb),
    baselineRssMb: round(r.baseline.maxRssMb),
    rssRatio: ratio(r.library.maxRssMb, r.baseline.maxRssMb),
    floorMs: round(r.floorMs),
    identicalOutput: r.identical,
  })),
  fleet: fleetResults.map((r) => ({
    stacks: Number(r.shape.split('x')[0]),
    instancesPerStack: Number(r.shape.split('x')[1]),
    driftChecks: r.checks,
    libraryMs: round(r.library.ms),
    baselineMs: round(r.baseline.ms),
    timeRatio: ratio(r.library.ms, r.baseline.ms),
    libraryCpuMs: round(r.library.cpuMs),
    baselineCpuMs: round(r.baseline.cpuMs),
    cpuRatio: ratio(r.library.cpuMs, r.baseline.cpuMs),
    pairedCpuRatio: paired(r.pairedCpuRatios),
    libraryRssMb: round(r.library.maxRssMb),
    baselineRssMb: round(r.baseline.maxRssMb),
    identicalOutput: r.identical,
  })),
  fleetCpuScaling: lastOverPrevious(fleetResults, (r) => r.library.cpuMs),
  scaling: lastOverPrevious(results, (r) => r.library.ms),
  cpuScaling: lastOverPrevious(results, (r) => r.library.cpuMs),
  coldStart: {
    libraryMs: round(cold.libraryMs),
    cdktfMs: round(cold.cdktfMs),
    ratio: ratio(cold.libraryMs, cold.cdktfMs),
  },
  scheduleValidation: {
    microsPerSchedule: Math.round(validation.perScheduleMicros * 100) / 100,
    ajvOnlyMicros: Math.round(validation.ajvOnlyMicros * 100) / 100,
    repeatedEntryMicros: Math.round(validation.repeatedMicros * 100) / 100,
    schedulesPerSecond: Math.round(1e6 / validation.perScheduleMicros),
  },
};

function pairedCell(p: { median: number; q1: number; q3: number }): string {
  return `${p.median} (${p.q1}–${p.q3})`;
}

if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  say('');
  say(
    '| instances | drift checks | library ms | baseline ms | time ratio | library CPU ms | baseline CPU ms | CPU ratio | paired CPU ratio (quartiles) | library RSS MB | baseline RSS MB | RSS ratio | floor ms | same bytes |',
  );
  say('|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
  for (const s of report.synth) {
    say(
      `| ${s.instances} | ${s.driftChecks} | ${s.libraryMs} | ${s.baselineMs} | ${s.timeRatio} | ${s.libraryCpuMs} | ${s.baselineCpuMs} | ${s.cpuRatio} | ${pairedCell(s.pairedCpuRatio)} | ${s.libraryRssMb} | ${s.baselineRssMb} | ${s.rssRatio} | ${s.floorMs} | ${s.identicalOutput ? 'yes' : 'NO'} |`,
    );
  }
  if (report.fleet.length > 0) {
    say('');
    say(
      '| stacks x instances | drift checks | library ms | baseline ms | time ratio | library CPU ms | baseline CPU ms | CPU ratio | paired CPU ratio (quartiles) | library RSS MB | baseline RSS MB | same bytes |',
    );
    say('|---|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
    for (const f of report.fleet) {
      say(
        `| ${f.stacks} x ${f.instancesPerStack} | ${f.driftChecks} | ${f.libraryMs} | ${f.baselineMs} | ${f.timeRatio} | ${f.libraryCpuMs} | ${f.baselineCpuMs} | ${f.cpuRatio} | ${pairedCell(f.pairedCpuRatio)} | ${f.libraryRssMb} | ${f.baselineRssMb} | ${f.identicalOutput ? 'yes' : 'NO'} |`,
      );
    }
    for (const f of report.fleetCpuScaling)
      say(`fleet scaling, drift checks ${f.driftChecks}, last / previous shape: ${f.ratio} CPU`);
  }
  say('');
  report.scaling.forEach((s, i) =>
    say(
      `scaling, drift checks ${s.driftChecks}, largest / next size: ${s.ratio} wall, ${report.cpuScaling[i].ratio} CPU`,
    ),
  );
  say(
    `cold start: library ${report.coldStart.libraryMs} ms, cdktf alone ${report.coldStart.cdktfMs} ms, ratio ${report.coldStart.ratio}`,
  );
  say(
    `schedule validation: ${report.scheduleValidation.microsPerSchedule} us per schedule (${report.scheduleValidation.schedulesPerSecond}/s), bare ajv validate ${report.scheduleValidation.ajvOnlyMicros} us, an entry seen before ${report.scheduleValidation.repeatedEntryMicros} us`,
  );
}
