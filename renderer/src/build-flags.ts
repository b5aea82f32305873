/**
 * Build-time flags. The renderer's Vite build (and the graph bench's esbuild bundle) replace
 * `__PLEXUS_TEST_HOOKS__` with a literal: false for the production bundle, true only for the
 * end-to-end build (PLEXUS_TEST_HOOKS=1), so code behind TEST_HOOKS is dropped from what ships.
 * Unbundled (jest) it is undeclared, hence the typeof guard.
 */
declare const __PLEXUS_TEST_HOOKS__: boolean | undefined;

export const TEST_HOOKS: boolean = typeof __PLEXUS_TEST_HOOKS__ === 'boolean' && __PLEXUS_TEST_HOOKS__;
