// Tests are compiled by `tsc` (test/tsconfig.json, which references the package's project; npm test builds
// both first), so jest runs plain JavaScript: no transform, no second compiler.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  cacheDirectory: '<rootDir>/.jest-cache',
  // Two cores here: jest's default (cores - 1) would run the suites one at a time.
  maxWorkers: 2,
};
