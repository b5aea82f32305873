/** Notes for the differential tests: the sample vault, the syntax fixture vault, generated bench notes. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateVault } from '../../../../bench/generate-vault';

export interface NoteText {
  path: string;
  text: string;
}

const REPO = join(__dirname, '..', '..', '..', '..');

function readMarkdown(root: string): NoteText[] {
  const notes: NoteText[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const absolute = join(entry.parentPath, entry.name);
    // Decoded without dropping a BOM: the parsers must handle it themselves.
    notes.push({ path: relative(root, absolute).split('\\').join('/'), text: readFileSync(absolute, 'utf8') });
  }
  return notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every `.md` under `folder` (relative to the repository). */
export function markdownFilesIn(folder: string): NoteText[] {
  return readMarkdown(join(REPO, folder));
}

/** `count` notes written by the bench's own vault generator into a temporary folder. */
export function generatedNotes(count: number, seed = 42): NoteText[] {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-reference-'));
  try {
    return readMarkdown(generateVault(join(dir, 'vault'), { notes: count, seed }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
