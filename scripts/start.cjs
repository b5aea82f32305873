#!/usr/bin/env node
'use strict';
// `npm start`: build, then run the Electron app. Where Electron cannot run (its binary was never
// downloaded, e.g. an offline install, or it dies at once, e.g. no display), serve the same UI in
// browser mode instead and keep running until Ctrl+C. Either way the sample vault is opened from
// a copy in the user's data folder, never the checkout's own vault/ (see sample-vault-copy.ts).
const { existsSync, readFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { bundleMain, buildRenderer } = require('./build.cjs');
const { ensureCliBuilt } = require('./build-cli.cjs');
const { requireTs } = require('./run-ts.cjs');

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
    // The checkout folder, not the bundle's file: Electron then takes the app's name (and with it
    // app.getPath('userData')) from package.json's productName, as in the packaged app.
    const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
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

/** The app's name as Electron sees it: package.json's productName, else its name. */
function appName() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return pkg.productName || pkg.name;
}

/**
 * The sample vault browser mode opens: `<userData>/Plexus Sample Vault`, the folder the Electron
 * app copies the checkout's vault/ to, made on first use and reused (with the user's edits) after.
 */
async function openSampleCopy(context = { platform: process.platform, env: process.env, home: os.homedir() }) {
  const { userDataDir } = requireTs('main/service/app-data/user-data-dir.ts');
  const { copySampleVaultOnce, SAMPLE_VAULT_NAME } = requireTs('main/service/files/sample-vault-copy.ts');
  const target = path.join(userDataDir(context, appName()), SAMPLE_VAULT_NAME);
  return copySampleVaultOnce(path.join(root, 'vault'), target);
}

function describeCopy(copy) {
  return copy.copied
    ? `plexus: copied the sample vault to ${copy.path}; edits go there, and the checkout's vault/ stays as it is.`
    : `plexus: opening your copy of the sample vault in ${copy.path} (delete that folder for a fresh copy).`;
}

/** `node bin/plexus.cjs serve <vault>`: browser mode through the CLI, which prints the URL. */
function serveArgs(vault) {
  return [path.join(root, 'bin', 'plexus.cjs'), 'serve', vault];
}

/** Browser mode on `vault`; runs until Ctrl+C. */
function serveInBrowser(vault) {
  const child = spawn(process.execPath, serveArgs(vault), { cwd: root, stdio: 'inherit' });
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
  const copy = await openSampleCopy();
  console.log(describeCopy(copy));
  // Browser mode runs through the CLI bundle: built (when stale) here, with the rest of the build.
  await ensureCliBuilt({ root, log });
  serveInBrowser(copy.path);
}

module.exports = { electronBinary, openSampleCopy, describeCopy, serveArgs, FALLBACK_LINE };

if (require.main === module) {
  main().catch((error) => {
    console.error(error && error.message ? error.message : error);
    process.exit(1);
  });
}
