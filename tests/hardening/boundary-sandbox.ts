/**
 * A vault inside a sandbox folder full of things it must never touch: secrets beside it, a
 * symlinked file and folder that lead out, a symlink loop. `outsideSnapshot()` fingerprints
 * everything outside the vault so a test can prove nothing there was read into or changed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Sandbox {
  base: string;
  vault: string;
  dataDir: string;
  outsideSnapshot(): string;
  cleanup(): void;
}

export const SECRET = 'TOP-SECRET-BYTES';

/** Paths a hostile renderer (or note) might try; each must stay inside the vault or be refused. */
export const HOSTILE_PATHS = [
  '../secret.md',
  '../../etc/passwd',
  '/etc/passwd',
  '..\\..\\x.md',
  '..\\secret.md',
  'sub/../../secret.md',
  'C:\\Windows\\win.ini',
  'C:/secret.md',
  '\\\\server\\share\\x.md',
  '//server/share/x.md',
  '../../.ssh/id_rsa',
  '../.ssh/id_rsa',
  'escape-link.md',
  'escape-dir/inside.md',
  'escape-dir/new.md',
  '..',
  '.',
  '',
  'a\u0000b.md',
  'A.md/../../secret.md',
];

/**
 * Percent-encoded climbs. Vault paths are names, not URLs: through the API these are literal
 * names inside the vault (never decoded into '..'); only the URL faces decode, once, and refuse.
 */
export const ENCODED_NAMES = ['%2e%2e/secret.md', '%252e%252e/secret.md', '..%2fsecret.md', '%2e%2e%2fsecret.md'];

function walk(dir: string, skip: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (abs === skip) continue;
    if (entry.isSymbolicLink()) out.push(`${abs} -> ${fs.readlinkSync(abs)}`);
    else if (entry.isDirectory()) walk(abs, skip, out);
    else out.push(`${abs} ${fs.readFileSync(abs).toString('base64')}`);
  }
}

export function makeSandbox(): Sandbox {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plexus-boundary-')));
  const vault = path.join(base, 'vault');
  const dataDir = path.join(base, 'data');
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), text);
  };
  write('secret.md', `# ${SECRET}\n`);
  write('secret.png', SECRET);
  write('.ssh/id_rsa', SECRET);
  write('outside-dir/inside.md', `# ${SECRET}\n`);
  write('vault/A.md', '# A\n\n![[../../.ssh/id_rsa]] ![[../secret.md]] [[escape-link]] [x](../secret.md)\n');
  write('vault/sub/B.md', '# B\n\n[[A]]\n');
  write('vault/pic.png', 'PNG');
  fs.symlinkSync(path.join(base, 'secret.md'), path.join(vault, 'escape-link.md'));
  fs.symlinkSync(path.join(base, 'secret.png'), path.join(vault, 'escape.png'));
  fs.symlinkSync(path.join(base, 'outside-dir'), path.join(vault, 'escape-dir'));
  fs.symlinkSync(vault, path.join(vault, 'sub', 'loop'));
  fs.symlinkSync(path.join(vault, 'sub'), path.join(vault, 'sub', 'loop2'));
  return {
    base,
    vault,
    dataDir,
    outsideSnapshot() {
      const out: string[] = [];
      walk(base, vault, out);
      return out
        .filter((line) => !line.startsWith(dataDir))
        .sort()
        .join('\n');
    },
    cleanup: () => fs.rmSync(base, { recursive: true, force: true }),
  };
}
