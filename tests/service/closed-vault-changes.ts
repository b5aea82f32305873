/**
 * Test fixture: a vault, and the changes "made while the app was closed" that a warm start must
 * notice: an edit, a deletion, new notes (one changing which file [[Dup]] means), a new and a
 * changed attachment, and a note grown past the size cap (`maxFileBytes`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CLOSED_VAULT_MAX_BYTES = 400;

export const CLOSED_VAULT_FILES: Record<string, string> = {
  'A.md': 'links [[B]], [[Gone]], ![[pic.png]] and [[Later]]',
  'B.md': '---\naliases: [Bee]\n---\nback to [[A]]',
  'Gone.md': 'soon deleted, links [[A]]',
  'Stays.md': 'unchanged [[B#Heading]] and ![[old.png]]',
  'Shrinks.md': 'will become too large',
  'Sub/Dup.md': 'one dup',
  'Linker.md': '[[Dup]] and [[pic.png]]',
  'old.png': 'png',
};

export function changeWhileClosed(root: string): void {
  fs.writeFileSync(path.join(root, 'B.md'), 'now links [[Stays]] only');
  fs.rmSync(path.join(root, 'Gone.md'));
  fs.writeFileSync(path.join(root, 'Later.md'), 'new note [[A]]');
  fs.writeFileSync(path.join(root, 'Dup.md'), 'a second Dup, nearer the root');
  fs.writeFileSync(path.join(root, 'pic.png'), 'png');
  fs.writeFileSync(path.join(root, 'old.png'), 'a bigger png');
  fs.writeFileSync(path.join(root, 'Shrinks.md'), 'x'.repeat(CLOSED_VAULT_MAX_BYTES + 1));
}
