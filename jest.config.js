// Tests are compiled by `tsc` with the rest of the project (npm test builds first), so jest runs
// plain JavaScript: no transform, no second compiler.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  cacheDirectory: '<rootDir>/.jest-cache',
  // Two cores here: jest's default (cores - 1) would run the suites one at a time.
  maxWorkers: 2,
};
