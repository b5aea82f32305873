/**
 * The hostile corpus as a vault: the committed notes in tests/fixtures/hostile plus the notes
 * that cannot be committed (attack file names that Windows cannot check out, and huge generated
 * markup that would bloat git). Every payload sets `window.__pwned` or calls `alert`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const HOSTILE_DIR = path.join(__dirname, '..', 'fixtures', 'hostile');

/** Notes whose name is the attack; each body links to the Hub so backlinks show the name too. */
export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>.md',
  '"><svg onload=window.__pwned=1>.md',
  'javascript:window.__pwned=1.md',
  '<svg><script>alert(1)<!--.md',
  '%2e%2e%2fescape.md',
];

/** Deep or huge markup that must neither hang the renderer nor blow its stack. */
export function generatedNotes(): Record<string, string> {
  const depth = 10_000;
  return {
    'huge/nested-divs.md': `# Nested divs\n\n${'<div>'.repeat(depth)}<img src=x onerror=alert(1)>${'</div>'.repeat(depth)}\n`,
    'huge/nested-quotes.md': `# Nested quotes\n\n${'>'.repeat(depth)} deep <img src=x onerror=alert(1)>\n`,
    'huge/brackets.md': `# Brackets\n\n${'['.repeat(100_000)}\n`,
    'huge/nested-list.md': `# Nested list\n\n${Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`,
  };
}

/** Every note of the hostile vault (committed and generated), vault path -> text. */
export function hostileNotes(options: { includeGenerated?: boolean } = {}): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const name of fs.readdirSync(HOSTILE_DIR)) {
    if (name.endsWith('.md')) notes[name] = fs.readFileSync(path.join(HOSTILE_DIR, name), 'utf8');
  }
  for (const name of HOSTILE_NAMES) notes[name] = `# ${name}\n\nThe file name is the attack. [[Hub]]\n`;
  if (options.includeGenerated !== false) Object.assign(notes, generatedNotes());
  return notes;
}

/** The hostile vault written to a fresh temp folder (notes plus the committed attachments). */
export function makeHostileVault(options: { includeGenerated?: boolean } = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plexus-hostile-')));
  fs.cpSync(HOSTILE_DIR, root, { recursive: true });
  for (const [rel, text] of Object.entries(hostileNotes(options))) {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return root;
}
