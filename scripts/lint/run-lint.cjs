#!/usr/bin/env node
/**
 * `npm run lint`: ESLint, Prettier's check and the layer rules (dependency-cruiser), each run
 * to the end even when another fails, so one run reports every problem. ESLint runs beside the
 * other two (it takes as long as both together, and the machines it runs on have two cores or
 * more); each tool's output is printed whole when it finishes, with its time. Exit 1 if any
 * tool failed.
 *
 * Flags: `--fix` passes --fix to ESLint and makes Prettier write instead of check.
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const fix = process.argv.includes('--fix');

const eslint = { name: 'eslint', args: [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings', '0', ...(fix ? ['--fix'] : [])] };
const prettier = { name: 'prettier', args: [bin('prettier', 'bin/prettier.cjs'), fix ? '--write' : '--check', '--log-level', 'warn', '.'] };
const layers = {
  name: 'dependency-cruiser',
  // The hook gives dependency-cruiser TypeScript 5's JS API (see the module).
  args: [
    '-r',
    path.join(__dirname, 'typescript-5-for-lint.cjs'),
    bin('dependency-cruiser', 'bin/dependency-cruise.mjs'),
    '--config',
    '.dependency-cruiser.cjs',
    'main',
    'renderer',
    'tests',
    'bench',
    'scripts',
  ],
};

/** Runs one tool; resolves with its exit code after printing its output. */
function run(tool) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, tool.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.stack ?? error}\n`)));
    child.on('close', (code, signal) => {
      const status = code ?? 1;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString().trimEnd();
      process.stdout.write(`── ${tool.name}: ${status === 0 ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s\n${text ? `${text}\n` : ''}`);
      resolve(status);
    });
  });
}

async function main() {
  const started = Date.now();
  const [eslintStatus, otherStatuses] = await Promise.all([run(eslint), (async () => [await run(prettier), await run(layers)])()]);
  const failed = [eslintStatus, ...otherStatuses].some((status) => status !== 0);
  process.stdout.write(`lint ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.exitCode = failed ? 1 : 0;
}

main();
