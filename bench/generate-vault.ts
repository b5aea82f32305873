/**
 * Deterministic synthetic vaults for benchmarks: N notes of about 2 KB each, spread over
 * folders, linking with a power law (a few hub notes collect most links, as in real vaults).
 * The same seed always yields byte-identical vaults, so runs are comparable.
 */
import { mkdirSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../main/core/analysis/seeded-random';

export interface GeneratedVaultOptions {
  notes: number;
  /** Average outgoing wiki links per note (power-law targets). */
  linksPerNote?: number;
  /** Target note size in bytes. */
  noteBytes?: number;
  seed?: number;
  /**
   * Adds `Hub.md` at the vault's top and a line linking to it in this many notes (spread evenly
   * over the vault), so a note with a known number of backlinks exists. Absent: no hub, and the
   * vault is byte-identical to one generated without the option.
   */
  hubBacklinks?: number;
}

export const HUB_PATH = 'Hub.md';

// The same seedable generator the graph analysis uses, re-exported for the test corpora.
export { seededRandom };

const WORDS = (
  'model token vector layer weight gradient loss attention embedding training data batch ' +
  'network neuron signal memory context window sequence output input function value error ' +
  'learning rate step update parameter matrix space dimension prompt feature pattern graph note'
).split(' ');

const FOLDERS = ['Concepts', 'Projects', 'Journal', 'Reading', 'People', 'Ideas', 'Archive', 'Research/ML', 'Research/Systems', 'Inbox'];

export function noteTitle(index: number): string {
  return `Note ${String(index).padStart(5, '0')}`;
}

export function notePath(index: number): string {
  return `${FOLDERS[index % FOLDERS.length]}/${noteTitle(index)}.md`;
}

/** Zipf-like choice: index i is picked with probability proportional to 1/(i+1)^s. */
function powerLawPicker(count: number, random: () => number, exponent = 1.1): () => number {
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += 1 / Math.pow(i + 1, exponent);
    cumulative[i] = sum;
  }
  return () => {
    const r = random() * sum;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function sentence(random: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(WORDS[Math.floor(random() * WORDS.length)]);
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

export function generateNoteText(index: number, total: number, options: GeneratedVaultOptions, random: () => number, pick: () => number): string {
  const linksPerNote = options.linksPerNote ?? 3;
  const noteBytes = options.noteBytes ?? 2000;
  const links = Math.max(0, Math.round(linksPerNote * (0.5 + random())));
  const lines: string[] = ['---', `tags: [bench, ${WORDS[index % WORDS.length]}]`, `aliases: [N${index}]`, '---', `# ${noteTitle(index)}`, ''];
  let linked = 0;
  let size = lines.join('\n').length;
  let section = 0;
  while (size < noteBytes || linked < links) {
    if (size > noteBytes * 3) break;
    if (random() < 0.15) {
      section++;
      lines.push('', `## Section ${section}`, '');
    }
    let paragraph = sentence(random, 8 + Math.floor(random() * 12));
    if (linked < links) {
      let target = pick();
      if (target === index) target = (target + 1) % total;
      const roll = random();
      const link =
        roll < 0.05
          ? `[[Missing ${target}]]`
          : roll < 0.15
            ? `[[${noteTitle(target)}|alias ${target}]]`
            : roll < 0.2
              ? `[[${noteTitle(target)}#Section 1]]`
              : `[[${noteTitle(target)}]]`;
      paragraph += ` See ${link} for more. #topic/${WORDS[target % WORDS.length]}`;
      linked++;
    }
    if (random() < 0.05) paragraph += '\n\n```ts\nconst x = "[[not a link]]";\n```';
    lines.push(paragraph, '');
    size += paragraph.length + 2;
  }
  return lines.join('\n');
}

/** Writes the vault (reusing it when a previous run left an identical one). Returns its folder. */
export function generateVault(dir: string, options: GeneratedVaultOptions): string {
  const marker = `${dir}.bench.json`; // beside the vault, so it is not part of it
  const signature = JSON.stringify({ version: 1, ...options });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === signature) return dir;
  rmSync(dir, { recursive: true, force: true });
  const random = seededRandom(options.seed ?? 42);
  const pick = powerLawPicker(options.notes, random);
  for (const folder of FOLDERS) mkdirSync(join(dir, folder), { recursive: true });
  const hub = Math.min(options.hubBacklinks ?? 0, options.notes);
  // Every step-th note links to the hub; the line is appended after the note's text is drawn, so
  // the random stream (and every other note) is the same as without a hub.
  const step = hub > 0 ? options.notes / hub : 0;
  let nextHubLink = 0;
  for (let i = 0; i < options.notes; i++) {
    let text = generateNoteText(i, options.notes, options, random, pick);
    if (hub > 0 && i === Math.floor(nextHubLink)) {
      text += '\nFiled under [[Hub]].\n';
      nextHubLink += step;
    }
    writeFileSync(join(dir, notePath(i)), text);
  }
  if (hub > 0) writeFileSync(join(dir, HUB_PATH), `# Hub\n\nThe note ${hub} notes link to.\n`);
  writeFileSync(marker, signature);
  return dir;
}
