import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { parse } from 'yaml';
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
  for (const file of ['dist/main/electron-main.js', 'dist/main/preload.js', 'dist/main/parse-worker.js', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'package.json']) {
    expect([file, isIncluded(files, file)]).toEqual([file, true]);
  }
  for (const file of ['tests/server/browser-server-auth.test.ts', 'main/electron/electron-main.ts', 'renderer/src/main.tsx', 'dist/main/electron-main.js.map', 'dist/renderer/assets/index-abc.js.map', 'vault/Welcome.md', 'node_modules/x/index.js', 'scripts/build.cjs', 'release/Plexus.AppImage']) {
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
