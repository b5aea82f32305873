/**
 * The graph test hook (window.__plexusGraph) and the recorded layer feed exist only in the
 * end-to-end build: the production renderer bundle must not carry them. Builds the renderer
 * both ways with the real Vite config and reads the JavaScript it emits.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
// Identifiers and text only the hook modules (renderer/src/graph/test-hook.ts, test-feed.ts) contain.
const HOOK_MARKERS = ['__plexusGraph', 'Plexus graph view test hook', 'nodesWithClass', 'lastFeed', 'recordFeed'];

function buildRenderer(testHooks: boolean): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'plexus-renderer-build-'));
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const env = { ...process.env, PLEXUS_TEST_HOOKS: testHooks ? '1' : '' };
  const args = [vite, 'build', '--config', path.join(ROOT, 'renderer', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed (${run.status}): ${run.stderr}`);
  return outDir;
}

function bundleText(dir: string): string {
  const assets = path.join(dir, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  return scripts.map((f) => readFileSync(path.join(assets, f), 'utf8')).join('\n');
}

describe('the renderer bundle and the graph test hook', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('leaves the hook out of the production build and keeps it in the test build', () => {
    const production = buildRenderer(false);
    const testBuild = buildRenderer(true);
    dirs.push(production, testBuild);
    const shipped = bundleText(production);
    const tested = bundleText(testBuild);
    expect(HOOK_MARKERS.filter((m) => shipped.includes(m))).toEqual([]);
    // The markers are real: the test build (which the e2e tests serve) carries the hook.
    expect(tested).toContain('__plexusGraph');
    expect(tested).toContain('Plexus graph view test hook');
  }, 240_000);
});
