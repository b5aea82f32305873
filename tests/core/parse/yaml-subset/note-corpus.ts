/** Notes for the differential tests: the sample vault, the syntax fixture vault, generated bench notes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateNoteText, seededRandom } from '../../../../bench/generate-vault';

export interface NoteText {
  path: string;
  text: string;
}

const REPO = join(__dirname, '..', '..', '..', '..');

/** Every `.md` under `folder` (relative to the repository), decoded as the reader does (BOM dropped). */
export function markdownFilesIn(folder: string): NoteText[] {
  const root = join(REPO, folder);
  const notes: NoteText[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const absolute = join(entry.parentPath, entry.name);
    notes.push({ path: relative(root, absolute).split('\\').join('/'), text: new TextDecoder().decode(readFileSync(absolute)) });
  }
  return notes.sort((a, b) => a.path.localeCompare(b.path));
}

/** `count` bench notes, generated in memory with the bench's own text generator. */
export function generatedNotes(count: number, seed = 42): NoteText[] {
  const random = seededRandom(seed);
  const pick = (): number => Math.floor(random() * count);
  const notes: NoteText[] = [];
  for (let i = 0; i < count; i++) notes.push({ path: `Gen/Note ${i}.md`, text: generateNoteText(i, count, { notes: count }, random, pick) });
  return notes;
}
