#!/usr/bin/env node
'use strict';
// `node scripts/check-lock.cjs [--installed] [dir]`: fails when package-lock.json does not match
// package.json, so CI stops a lock file that `npm ci` would refuse or `npm install` would rewrite.
//   (default)    before installing: `npm ci --dry-run` must accept the lock file (nothing is
//                written or downloaded; npm only compares the lock file with package.json).
//   --installed  after `npm install`: package-lock.json must be unchanged in git (this also
//                catches fields npm ci does not compare, such as engines). Skipped outside git.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const FIX = 'run `npm install` and commit package-lock.json together with package.json';

function run(command, args, cwd) {
  // npm is npm.cmd on Windows, which needs a shell.
  return spawnSync(command, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
}

function checkBeforeInstall(dir) {
  const result = run('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
  if (result.error) return { ok: false, message: `could not run npm: ${result.error.message}` };
  if (result.status === 0) return { ok: true, message: 'package-lock.json matches package.json' };
  const npmError = (result.stderr || '')
    .split('\n')
    .filter((line) => /^npm error \S/.test(line) && !/complete log/.test(line))
    .slice(0, 6)
    .join('\n');
  return { ok: false, message: `package-lock.json does not match package.json (npm ci refuses it); ${FIX}\n${npmError}` };
}

function checkAfterInstall(dir) {
  const inside = run('git', ['rev-parse', '--is-inside-work-tree'], dir);
  if (inside.error || inside.status !== 0) return { ok: true, message: 'not a git checkout; skipped the package-lock.json change check' };
  const status = run('git', ['status', '--porcelain', '--', 'package-lock.json'], dir);
  if (status.status !== 0) return { ok: false, message: `git status failed: ${status.stderr.trim()}` };
  if (status.stdout.trim() === '') return { ok: true, message: 'npm install left package-lock.json unchanged' };
  const diff = run('git', ['diff', '--stat', '--', 'package-lock.json'], dir);
  return {
    ok: false,
    message: `npm install changed package-lock.json, so the committed lock file is out of date; ${FIX}\n${(diff.stdout || status.stdout).trim()}`,
  };
}

module.exports = { checkBeforeInstall, checkAfterInstall };

if (require.main === module) {
  const args = process.argv.slice(2);
  const installed = args.includes('--installed');
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..'));
  const result = installed ? checkAfterInstall(dir) : checkBeforeInstall(dir);
  (result.ok ? console.log : console.error)(`check-lock: ${result.message}`);
  process.exitCode = result.ok ? 0 : 1;
}
