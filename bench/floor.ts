/**
 * The floor: the least any indexer must do — list the vault, read every note and scan it for
 * `[[`. Plexus's cold index is measured against this.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FloorResult {
  files: number;
  bytes: number;
  wikiLinks: number;
  ms: number;
}

function listNotes(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listNotes(full, out);
    else if (entry.name.toLowerCase().endsWith('.md')) out.push(full);
  }
}

export function measureFloor(vault: string): FloorResult {
  const start = performance.now();
  const files: string[] = [];
  listNotes(vault, files);
  let bytes = 0;
  let wikiLinks = 0;
  const pattern = /\[\[[^\]\n]+\]\]/g;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    pattern.lastIndex = 0;
    while (pattern.exec(text)) wikiLinks++;
  }
  return { files: files.length, bytes, wikiLinks, ms: performance.now() - start };
}
