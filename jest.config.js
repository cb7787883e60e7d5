// Tests are compiled by `tsc` (test/tsconfig.json, which references the package's project; npm test builds
// both first), so jest runs plain JavaScript: no transform, no second compiler.
//
// Two projects: "unit" (everything but dist/test/terraform) and "terraform" (the rig: the real terraform
// against emulated providers, test/rig). The terraform project runs when a terraform >= 1.5 is on PATH, or
// always with RIG_REQUIRED=1 (npm run test:terraform, .ci/run), where a missing terraform fails the run.
const { spawnSync } = require('node:child_process');

function terraformVersion() {
  const out = spawnSync('terraform', ['version', '-json'], {
    encoding: 'utf8',
    timeout: 20000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (out.status !== 0) return undefined;
  try {
    return JSON.parse(out.stdout).terraform_version;
  } catch {
    return undefined;
  }
}

function atLeast(version, [major, minor]) {
  const [a, b] = String(version).split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  cacheDirectory: '<rootDir>/.jest-cache',
};
const unit = { ...common, displayName: 'unit', testPathIgnorePatterns: ['/dist/test/terraform/'] };
const rig = { ...common, displayName: 'terraform', testMatch: ['<rootDir>/dist/test/terraform/**/*.test.js'] };

const version = process.env.RIG_REQUIRED === '1' ? 'required' : terraformVersion();
const withRig = version === 'required' || (version !== undefined && atLeast(version, [1, 5]));
if (!withRig && !process.env.JEST_WORKER_ID) {
  process.stderr.write(
    `Skipping the terraform rig tests (dist/test/terraform): ${version === undefined ? 'no terraform on PATH' : `terraform ${version} is older than 1.5`}. npm run test:terraform runs them and fails without terraform.\n`,
  );
}

module.exports = {
  // Two cores here: jest's default (cores - 1) would run the suites one at a time.
  maxWorkers: 2,
  projects: withRig ? [unit, rig] : [unit],
};
