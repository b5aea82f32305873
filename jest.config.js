/** Jest: TypeScript through @swc/jest in CommonJS mode; ESM-only dependencies
 * (unified, remark, chokidar 5) are transformed too, hence transformIgnorePatterns: []. */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
  testTimeout: 30000,
  // A leaked watcher or socket must not hang CI: report it and exit.
  forceExit: true,
  // A run-private TMPDIR, checked at the end for plexus-* folders a test left behind.
  globalSetup: '<rootDir>/tests/jest/global-setup.cjs',
  globalTeardown: '<rootDir>/tests/jest/global-teardown.cjs',
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/tests/e2e/', '/tests/renderer/'],
    },
    {
      ...common,
      displayName: 'renderer',
      testEnvironment: 'jsdom',
      // A whole App rendered over the real handlers: slow when the machine is shared.
      testTimeout: 60000,
      testMatch: ['<rootDir>/tests/renderer/**/*.test.tsx', '<rootDir>/tests/renderer/**/*.test.ts'],
    },
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], testTimeout: 120000 },
  ],
};
