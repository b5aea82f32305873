/**
 * Throughput of parseNote with and without the YAML subset on a generated vault (a script, not
 * a timed test):  npx tsx tests/core/parse/yaml-subset/measure-throughput.ts [notes]
 * Reports the first (cold JIT) pass and the best of several warm passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateVault } from '../../../../bench/generate-vault';
import { parseNote } from '../../../../main/core/parse/parse-note';
import type { ParsedNote, VaultPath } from '../../../../main/core/types';
import { vp } from '../../../support/vault-path';

const count = Number(process.argv[2] ?? 1000);
const dir = generateVault(join(tmpdir(), `plexus-fast-parse-${count}`), { notes: count });
const notes = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
  .map((entry) => {
    const absolute = join(entry.parentPath, entry.name);
    return { path: vp(relative(dir, absolute).split('\\').join('/')), text: readFileSync(absolute, 'utf8') };
  });
const megabytes = notes.reduce((sum, note) => sum + Buffer.byteLength(note.text), 0) / 1e6;

function pass(parse: (path: VaultPath, text: string) => ParsedNote): number {
  const started = performance.now();
  for (const note of notes) parse(note.path, note.text);
  return performance.now() - started;
}

function report(name: string, parse: (path: VaultPath, text: string) => ParsedNote): void {
  const cold = pass(parse);
  let best = Infinity;
  for (let i = 0; i < 7; i++) best = Math.min(best, pass(parse));
  const rate = (ms: number): string => `${(megabytes / (ms / 1000)).toFixed(1)} MB/s`;
  console.log(`${name.padEnd(14)} first pass ${cold.toFixed(0)} ms (${rate(cold)}), best ${best.toFixed(0)} ms (${rate(best)})`);
}

console.log(`${notes.length} notes, ${megabytes.toFixed(2)} MB`);
const yamlPackageOnly = (path: VaultPath, text: string): ParsedNote => parseNote(path, text, { yamlSubset: false });
const withSubset = (path: VaultPath, text: string): ParsedNote => parseNote(path, text);
// Alternate the order so neither side always gets the other's JIT warm-up of shared code.
if (process.argv[3] === 'subset-first') {
  report('with subset', withSubset);
  report('yaml only', yamlPackageOnly);
} else {
  report('yaml only', yamlPackageOnly);
  report('with subset', withSubset);
}
