#!/usr/bin/env node
'use strict';
// `npm start`: build, then run the Electron app. Where Electron cannot run (its binary was never
// downloaded, e.g. an offline install, or it dies at once, e.g. no display), serve the same UI in
// browser mode on the sample vault instead and keep running until Ctrl+C.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { bundleMain, buildRenderer } = require('./build.cjs');

const root = path.join(__dirname, '..');
const FALLBACK_LINE = 'plexus: Electron is not available here (offline install?); serving the same UI in browser mode instead.';
/** An Electron that fails within this time is treated as unable to start here. */
const EARLY_EXIT_MS = 3000;

/**
 * The Electron binary without triggering electron's own download-on-require (which would hang
 * offline): the path it recorded at install time, if that file exists.
 */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

/** Resolves 'started' once Electron has run for EARLY_EXIT_MS, or 'failed' if it could not. */
function launchElectron(binary) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
    const child = spawn(binary, [path.join(root, 'dist', 'main', 'electron-main.js')], { cwd: root, stdio: 'inherit', env });
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      resolve({ state: 'started', child });
    }, EARLY_EXIT_MS);
    child.on('error', (error) => {
      if (settled) {
        console.error(`plexus: Electron failed: ${error.message}`);
        process.exitCode = 1;
        return;
      }
      settled = true;
      clearTimeout(timer);
      console.error(`plexus: could not start Electron: ${error.message}`);
      resolve({ state: 'failed' });
    });
    child.on('exit', (code, signal) => {
      if (settled) {
        process.exitCode = code ?? (signal ? 1 : 0);
        return;
      }
      settled = true;
      clearTimeout(timer);
      // A clean quit right away (the user closed the window) is not a failure.
      resolve(code === 0 ? { state: 'exited' } : { state: 'failed' });
    });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  });
}

/** Browser mode through the CLI's `serve` (which prints the URL); runs until Ctrl+C. */
function serveInBrowser() {
  const cli = path.join(root, 'bin', 'plexus.cjs');
  const cliSource = path.join(root, 'main', 'cli', 'cli.ts');
  const direct = path.join(root, 'main', 'server', 'serve-vault.ts');
  let args;
  if (existsSync(cli) && existsSync(cliSource)) args = [cli, 'serve', path.join(root, 'vault')];
  else if (existsSync(direct)) args = [require.resolve('tsx/cli'), direct, path.join(root, 'vault')];
  else {
    console.error('plexus: browser mode needs the CLI (bin/plexus.cjs with main/cli/cli.ts), which is not in this checkout yet.');
    process.exitCode = 1;
    return;
  }
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1);
  });
}

async function main() {
  const log = (line) => console.log(line);
  let mainBundled = true;
  try {
    await bundleMain(log);
  } catch (error) {
    // Browser mode does not need the Electron bundle, so a failure here is reported, not fatal.
    mainBundled = false;
    console.error(`plexus: could not bundle the Electron app: ${error && error.message ? error.message : error}`);
  }
  buildRenderer(log);
  const binary = mainBundled ? electronBinary() : null;
  if (binary !== null) {
    const outcome = await launchElectron(binary);
    if (outcome.state !== 'failed') return;
  }
  console.log(FALLBACK_LINE);
  serveInBrowser();
}

module.exports = { electronBinary, FALLBACK_LINE };

if (require.main === module) {
  main().catch((error) => {
    console.error(error && error.message ? error.message : error);
    process.exit(1);
  });
}
