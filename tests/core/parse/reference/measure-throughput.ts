/**
 * Quick throughput check (not a test): parseNote vs parseNoteWithRemark vs parseNoteFaithful on
 * 1,000 generated bench notes, plus the fallback rate on those and on the sample vault.
 * Run: node --import tsx tests/core/parse/reference/measure-throughput.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateNoteText, seededRandom } from '../../../../bench/generate-vault';
import { parseNote } from '../../../../main/core/parse/parse-note';
import { faithfulParseStats, parseNoteFaithful, resetFaithfulParseStats } from '../../../../main/core/parse/reference/parse-note-faithful';
import { parseNoteWithRemark } from '../../../../main/core/parse/reference/parse-note-remark';
import type { ParsedNote, VaultPath } from '../../../../main/core/types';
import { vp } from '../../../support/vault-path';

type Parse = (path: VaultPath, text: string) => ParsedNote;

function generated(count: number): { path: VaultPath; text: string }[] {
  const random = seededRandom(42);
  const pick = (): number => Math.floor(random() * count);
  return Array.from({ length: count }, (_, i) => ({ path: vp(`Gen/Note ${i}.md`), text: generateNoteText(i, count, { notes: count }, random, pick) }));
}

function measure(name: string, parse: Parse, notes: { path: VaultPath; text: string }[]): void {
  const bytes = notes.reduce((sum, note) => sum + Buffer.byteLength(note.text), 0);
  for (const note of notes) parse(note.path, note.text); // warm-up round: JIT and lazy module state
  const started = process.hrtime.bigint();
  for (const note of notes) parse(note.path, note.text);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `${name.padEnd(20)} ${(bytes / 1e6 / seconds).toFixed(2).padStart(8)} MB/s  (${notes.length} notes, ${(bytes / 1e6).toFixed(2)} MB, ${(seconds * 1000).toFixed(0)} ms)`,
  );
}

function fallbackRate(name: string, notes: { path: VaultPath; text: string }[]): void {
  resetFaithfulParseStats();
  for (const note of notes) parseNoteFaithful(note.path, note.text);
  const stats = faithfulParseStats();
  console.log(
    `${name}: ${stats.fallbacks} of ${stats.parsed} notes fell back to remark (${((100 * stats.fallbacks) / stats.parsed).toFixed(2)}%), ${stats.tooRiskyForReference} flagged but too risky`,
  );
}

const notes = generated(1000);
measure('parseNote', parseNote, notes);
measure('parseNoteWithRemark', parseNoteWithRemark, notes);
measure('parseNoteFaithful', parseNoteFaithful, notes);
fallbackRate('generated', notes);
const vaultRoot = join(__dirname, '..', '..', '..', '..', 'vault');
const vault = readdirSync(vaultRoot, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md'))
  .map((file) => ({ path: vp(file), text: readFileSync(join(vaultRoot, file), 'utf8') }));
fallbackRate('sample vault', vault);
