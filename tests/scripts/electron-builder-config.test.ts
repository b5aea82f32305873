import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { parse } from 'yaml';
import { ensureRendererBuilt, RENDERER_DIST } from '../../main/cli/renderer-build';
import { globMatch, isIncluded } from './glob-match';

const root = path.join(__dirname, '..', '..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

test('identity, output and asar', () => {
  expect(config.appId).toBe('org.plexus.app');
  expect(config.productName).toBe('Plexus');
  expect(config.directories.output).toBe('release');
  expect(config.asar).toBe(true);
});

test('the glob matcher itself', () => {
  expect(globMatch('dist/**', 'dist/main/a.js')).toBe(true);
  expect(globMatch('**/*.map', 'dist/main/a.js.map')).toBe(true);
  expect(globMatch('**/*.map', 'a.map')).toBe(true);
  expect(globMatch('*.json', 'dist/package.json')).toBe(false);
  expect(isIncluded(['dist/**', '!**/*.map'], 'dist/x.map')).toBe(false);
});

test('files: the bundle and package.json in; sources, tests and source maps out', () => {
  const files: string[] = config.files;
  for (const file of [
    'dist/main/electron-main.js',
    'dist/main/preload.js',
    'dist/main/parse-worker.js',
    'dist/main/watch-worker.js',
    'dist/renderer/index.html',
    'dist/renderer/assets/index-abc.js',
    'package.json',
  ]) {
    expect([file, isIncluded(files, file)]).toEqual([file, true]);
  }
  for (const file of [
    'tests/server/browser-server-auth.test.ts',
    'main/electron/electron-main.ts',
    'renderer/src/main.tsx',
    'dist/main/electron-main.js.map',
    'dist/renderer/assets/index-abc.js.map',
    'vault/Welcome.md',
    'node_modules/x/index.js',
    'scripts/build.cjs',
    'release/Plexus.AppImage',
    'dist/cli/cli.js',
    'dist/cli/parse-worker.js',
    'dist/cli/build-stamp.json',
  ]) {
    expect([file, isIncluded(files, file)]).toEqual([file, false]);
  }
});

test('the sample vault ships as an extra resource', () => {
  expect(config.extraResources).toEqual([expect.objectContaining({ from: 'vault', to: 'vault' })]);
  expect(existsSync(path.join(root, 'vault'))).toBe(true);
});

test('targets: AppImage + deb, dmg, nsis', () => {
  expect(config.linux.target).toEqual(['AppImage', 'deb']);
  expect(config.mac.target).toEqual(['dmg']);
  expect(config.win.target).toEqual(['nsis']);
});

test('fuses lock the binary down', () => {
  expect(config.electronFuses).toEqual({
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  });
});

test('the icon is a real 512x512 RGBA PNG', () => {
  const icon = path.join(root, config.icon);
  expect(config.directories.buildResources).toBe('build');
  const png = readFileSync(icon);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBe(512);
  expect(png.readUInt32BE(20)).toBe(512);
  expect(png[25]).toBe(6);
  const idat = png.indexOf('IDAT');
  const length = png.readUInt32BE(idat - 4);
  expect(inflateSync(png.subarray(idat + 4, idat + 4 + length)).length).toBe(512 * (512 * 4 + 1));
  for (const platform of ['linux', 'mac', 'win']) expect(config[platform].icon).toBe(config.icon);
});

/** Every file under `dir`, relative to `base`, with '/' separators; `skip` names folders not to enter. */
function walk(dir: string, base: string, skip: Set<string> = new Set()): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(base, full).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (!skip.has(relative)) out.push(...walk(full, base, skip));
    } else out.push(relative);
  }
  return out;
}

describe('what `npm run dist` would package, on the tree after `npm run build`', () => {
  let built: string;
  let tree: string[];
  let packaged: string[];

  beforeAll(async () => {
    // The build as `npm run build` makes it (scripts/build.cjs's own bundleOne, with its linked
    // source maps), into a temp dist/ beside the checkout's own files.
    built = mkdtempSync(path.join(tmpdir(), 'plexus-dist-check-'));
    const build = require(path.join(root, 'scripts', 'build.cjs')) as {
      ENTRIES: { entry: string; out: string }[];
      bundleOne(entry: string, outfile: string): Promise<unknown>;
    };
    for (const { entry, out } of build.ENTRIES) await build.bundleOne(entry, path.join(built, 'dist', 'main', out));
    if (!ensureRendererBuilt(() => undefined)) throw new Error('the renderer could not be built');
    cpSync(RENDERER_DIST, path.join(built, 'dist', 'renderer'), { recursive: true });
    const checkout = walk(root, root, new Set(['node_modules', '.git', 'dist', 'release', 'tests/artifacts']));
    tree = [...checkout, ...walk(built, built)];
    packaged = tree.filter((file) => isIncluded(config.files, file));
  }, 120_000);

  afterAll(() => rmSync(built, { recursive: true, force: true }));

  test('the built main process, preload, parse worker and the whole renderer are in; the sample vault ships beside them', () => {
    for (const file of [
      'dist/main/electron-main.js',
      'dist/main/preload.js',
      'dist/main/parse-worker.js',
      'dist/main/watch-worker.js',
      'dist/renderer/index.html',
      'package.json',
    ]) {
      expect([file, packaged.includes(file)]).toEqual([file, true]);
    }
    // Every script and stylesheet the page loads is packaged.
    const html = readFileSync(path.join(built, 'dist', 'renderer', 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => `dist/renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect([asset, packaged.includes(asset)]).toEqual([asset, true]);
    for (const file of tree.filter((f) => f.startsWith('dist/renderer/') && !f.endsWith('.map'))) expect([file, packaged.includes(file)]).toEqual([file, true]);
    // extraResources: the sample vault, every file of it, outside the asar.
    const vault = walk(path.join(root, 'vault'), root);
    expect(vault).toContain('vault/Welcome.md');
    const [resource] = config.extraResources as { from: string; filter: string[] }[];
    for (const file of vault) expect([file, isIncluded(resource.filter, path.relative(resource.from, file).split(path.sep).join('/'))]).toEqual([file, true]);
  });

  test('tests, sources, source maps and the sample vault stay out of the asar', () => {
    // The build made real source maps, so their exclusion is tested, not assumed.
    expect(tree.filter((f) => f.startsWith('dist/main/') && f.endsWith('.map')).length).toBeGreaterThan(0);
    expect(tree.some((f) => f.startsWith('tests/'))).toBe(true);
    const leaked = packaged.filter(
      (f) => /^(tests|main|renderer|scripts|bench|bin|docs|vault|build)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') || f.endsWith('.tsx'),
    );
    expect(leaked).toEqual([]);
    expect(packaged.every((f) => f.startsWith('dist/') || f === 'package.json')).toBe(true);
  });

  test('the bundles need nothing from node_modules at run time (so leaving node_modules out loses nothing)', () => {
    const allowed = new Set(['electron', 'fsevents', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const file of ['electron-main.js', 'preload.js', 'parse-worker.js', 'watch-worker.js']) {
      const source = readFileSync(path.join(built, 'dist', 'main', file), 'utf8');
      const required = [...source.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]);
      expect([file, required.filter((name) => !allowed.has(name))]).toEqual([file, []]);
    }
    expect(config.files).toContain('!node_modules/**');
  });

  test('plexus: links are declared to the OS (Info.plist on macOS, the .desktop file on Linux)', () => {
    expect(config.protocols).toEqual([{ name: 'Plexus link', schemes: ['plexus'] }]);
  });
});
