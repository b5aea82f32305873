import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const startScript = path.join(root, 'scripts', 'start.cjs');
type Copy = { path: string; copied: boolean };
type Context = { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; home: string };

/**
 * Calls start.cjs's browser-mode helpers in a plain Node process, as `npm start` runs them
 * (through tsx, not jest's module system).
 */
function inStartScript<T>(body: string, arg: unknown): T {
  const code = `const start = require(${JSON.stringify(startScript)}); const arg = JSON.parse(process.argv[1]);
(async () => { const result = await (${body}); process.stdout.write(JSON.stringify(result)); })().catch((e) => { console.error(e); process.exit(1); });`;
  const run = spawnSync(process.execPath, ['-e', code, JSON.stringify(arg)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`start.cjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

const openSampleCopy = (context: Context) => inStartScript<Copy>('start.openSampleCopy(arg)', context);
const describeCopy = (copy: Copy) => inStartScript<string>('start.describeCopy(arg)', copy);
const serveArgs = (vault: string) => inStartScript<string[]>('start.serveArgs(arg)', vault);

/** Every file under `dir` with its bytes and mtime: any write to the checkout's vault/ shows. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out[rel] = `${statSync(path.join(dir, rel)).mtimeMs} ${readFileSync(path.join(dir, rel)).toString('base64')}`;
    }
  };
  walk('');
  return out;
}

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'plexus-start-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

test("browser mode opens a copy in the user's data folder; the checkout's vault/ is untouched and a second start keeps the edits", () => {
  const checkout = path.join(root, 'vault');
  const before = snapshot(checkout);
  const context = { platform: 'linux' as const, env: { XDG_CONFIG_HOME: path.join(home, 'config') }, home };
  const first = openSampleCopy(context);
  expect(first).toEqual({ path: path.join(home, 'config', 'Plexus', 'Plexus Sample Vault'), copied: true });
  expect(Object.keys(snapshot(first.path)).sort()).toEqual(Object.keys(before).sort());
  expect(serveArgs(first.path)).toEqual([path.join(root, 'bin', 'plexus.cjs'), 'serve', first.path]);
  expect(describeCopy(first)).toContain(first.path);

  // The Welcome note's exercises edit notes: they land in the copy.
  writeFileSync(path.join(first.path, 'Welcome.md'), 'my edit');
  writeFileSync(path.join(first.path, 'New note.md'), 'mine');
  const second = openSampleCopy(context);
  expect(second).toEqual({ path: first.path, copied: false });
  expect(describeCopy(second)).toContain(first.path);
  expect(readFileSync(path.join(first.path, 'Welcome.md'), 'utf8')).toBe('my edit');
  expect(snapshot(checkout)).toEqual(before);
});

test("the folder matches Electron's userData for productName on macOS and Windows", () => {
  const mac = openSampleCopy({ platform: 'darwin', env: {}, home });
  expect(mac.path).toBe(path.join(home, 'Library', 'Application Support', 'Plexus', 'Plexus Sample Vault'));
  const win = openSampleCopy({ platform: 'win32', env: { APPDATA: path.join(home, 'Roaming') }, home });
  expect(win.path).toBe(path.join(home, 'Roaming', 'Plexus', 'Plexus Sample Vault'));
});

test('package.json names the app Plexus, as electron-builder.yml does, so dev and packaged share userData', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName?: string };
  expect(pkg.productName).toBe('Plexus');
  expect(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^productName: Plexus$/m);
});

test('start.cjs loads without running (no build, no Electron) when required', () => {
  const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(root, 'scripts', 'start.cjs'))}); console.log('loaded')`], {
    encoding: 'utf8',
  });
  expect(run.stdout.trim()).toBe('loaded');
  expect(run.status).toBe(0);
});
