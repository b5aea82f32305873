/**
 * The renderer is always built with React's production build: Vite honours NODE_ENV, and a
 * build started under Jest (an e2e run's `plexus serve` rebuilding a stale bundle, with
 * NODE_ENV=test) made a development bundle that the e2e tests and benches then measured.
 */
import type { SpawnSyncReturns } from 'node:child_process';

const spawned: { args: readonly string[]; env: NodeJS.ProcessEnv | undefined }[] = [];
jest.mock('node:child_process', () => ({
  ...jest.requireActual<typeof import('node:child_process')>('node:child_process'),
  spawnSync: (_command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv }) => {
    spawned.push({ args, env: options.env });
    return { status: 0, error: undefined } as unknown as SpawnSyncReturns<string>;
  },
}));

const { buildRenderer } = require('../../scripts/build.cjs') as { buildRenderer: (log: (line: string) => void) => void };

test('the Vite build runs with NODE_ENV=production whatever the caller set', () => {
  expect(process.env.NODE_ENV).toBe('test');
  buildRenderer(() => undefined);
  expect(spawned).toHaveLength(1);
  expect(spawned[0].args).toContain('build');
  expect(spawned[0].env?.NODE_ENV).toBe('production');
  // The rest of the caller's environment (PLEXUS_TEST_HOOKS picks the bundle) still reaches Vite.
  expect(spawned[0].env?.PATH).toBe(process.env.PATH);
});
