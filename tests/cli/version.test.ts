import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../../main/cli/version';
import { cli } from './cli-io';

const REPO = join(__dirname, '..', '..');
const expected = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

test.each(['--version', '-v'])('plexus %s prints the package version on stdout and exits 0', async (flag) => {
  const run = await cli(flag);
  expect(run).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
});

test('--version takes no arguments', async () => {
  const run = await cli('--version', 'vault');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--version takes no arguments');
  expect(run.stdout).toBe('');
});

test('the usage lists --version', async () => {
  expect((await cli('help')).stdout).toContain('plexus --version');
});

test('npx plexus --version from the checkout', () => {
  const run = spawnSync(process.execPath, [join(REPO, 'bin', 'plexus.cjs'), '--version'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(`${expected}\n`);
});

test('a package.json without a version is reported, not printed as "undefined"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-version-'));
  try {
    const file = join(dir, 'package.json');
    writeFileSync(file, '{"name":"x"}');
    expect(() => packageVersion(file)).toThrow(/has no version/);
    writeFileSync(file, '{"name":"x","version":"1.2.3"}');
    expect(packageVersion(file)).toBe('1.2.3');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
