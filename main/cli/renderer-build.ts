/**
 * `plexus serve` serves the built renderer. In a checkout it rebuilds it when any renderer
 * source is newer than the build, so nobody has to remember a build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

// The checkout, from these sources (main/cli) and from the CLI bundle (dist/cli) alike.
export const REPO_ROOT = path.join(__dirname, '..', '..');
/** End-to-end runs (PLEXUS_TEST_HOOKS=1) serve their own build with the test hooks compiled in (renderer/vite.config.ts). */
const DIST_NAME = process.env.PLEXUS_TEST_HOOKS === '1' ? 'renderer-test' : 'renderer';
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', DIST_NAME);

/** Sources the renderer bundle is built from (it imports the contract and the core's markdown plugin). */
const SOURCE_DIRS = ['renderer', 'main/core', 'main/contract'];

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(root = REPO_ROOT): boolean {
  const index = path.join(root, 'dist', DIST_NAME, 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync(path.join(root, 'renderer'))) return false; // an installed app: no sources to rebuild from
  const built = statSync(index).mtimeMs;
  return SOURCE_DIRS.some((dir) => newestMtime(path.join(root, dir)) > built);
}

/** Rebuilds the renderer with Vite when stale; returns false (after saying why) when it cannot. */
export function ensureRendererBuilt(log: (line: string) => void): boolean {
  if (!rendererIsStale()) return true;
  if (!existsSync(path.join(REPO_ROOT, 'renderer', 'vite.config.ts'))) {
    log('plexus: the renderer is not built and its sources are missing; cannot serve the UI.');
    return false;
  }
  log('plexus: building the UI (first run or sources changed)...');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script outside the TypeScript tree, loaded only when a build is needed
  const { buildRenderer } = require(path.join(REPO_ROOT, 'scripts', 'build.cjs')) as { buildRenderer(log: (line: string) => void): void };
  buildRenderer(log);
  return existsSync(path.join(RENDERER_DIST, 'index.html'));
}
