import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'check-lock.cjs');

/** The checkout's package.json and lock file, alone in a temp folder (no node_modules to touch). */
function projectCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plexus-lock-'));
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(root, file), path.join(dir, file));
  return dir;
}

// Offline: an in-sync lock file needs no registry, and a test must not depend on one (a
// mismatch then fails as ENOTCACHED or EUSAGE, both a refusal).
function checkLock(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
}

function git(dir: string, ...args: string[]): void {
  const run = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
}

let dir: string;
beforeEach(() => {
  dir = projectCopy();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("the checkout's lock file matches its package.json", () => {
  const run = checkLock(dir);
  expect([run.status, run.stdout.trim()]).toEqual([0, 'check-lock: package-lock.json matches package.json']);
});

test('a dependency added to package.json without the lock file fails the check', () => {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  pkg.dependencies['left-pad'] = '^1.3.0';
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  const run = checkLock(dir);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('package-lock.json does not match package.json');
  expect(run.stderr).toContain('run `npm install` and commit package-lock.json');
});

test('--installed: an unchanged lock file passes; one npm install rewrote fails, naming the file', () => {
  git(dir, 'init', '-q');
  git(dir, 'add', 'package.json', 'package-lock.json');
  git(dir, 'commit', '-qm', 'init');
  expect(checkLock('--installed', dir).status).toBe(0);
  const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  lock.packages[''].engines = { node: '>=99' };
  writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  const run = checkLock('--installed', dir);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('npm install changed package-lock.json');
  expect(run.stderr).toContain('package-lock.json |');
});

test('--installed outside a git checkout says it skipped the check', () => {
  const run = checkLock('--installed', dir);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('not a git checkout');
});
