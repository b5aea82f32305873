/**
 * #22's bad input at scale, as whole `plexus index` processes with an empty cache:
 * `node scripts/run-ts.cjs bench/scale-input-bench.ts`. Three vaults side by side in one run:
 *   notes       the bench's 50k-note vault (bench/generate-vault.ts), the reference;
 *   200k files  the same notes plus 150k other files: 50k attachments (small PNGs) in a visible
 *               folder, 50k files under `.git/objects` and 50k under `node_modules` (both skipped);
 *   one folder  20k notes in a single directory.
 * Prints wall time, the reported open time, peak RSS and the counts. Not a test: nothing asserts
 * a time. PLEXUS_BENCH_NOTES (50000), PLEXUS_BENCH_FOLDER_NOTES (20000) change the sizes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVault, generateNoteText, seededRandom } from './generate-vault';

const NOTES = Number(process.env.PLEXUS_BENCH_NOTES ?? 50_000);
const FOLDER_NOTES = Number(process.env.PLEXUS_BENCH_FOLDER_NOTES ?? 20_000);
const VAULTS = join(__dirname, 'vaults');
const PLEXUS = join(__dirname, '..', 'bin', 'plexus.cjs');
// A 1x1 PNG: attachments are listed and stat'ed, never read.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function withOtherFiles(notesVault: string): string {
  const dir = join(VAULTS, `vault-${NOTES}-200k-files`);
  const done = join(VAULTS, `vault-${NOTES}-200k-files.done`);
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  cpSync(notesVault, dir, { recursive: true });
  for (let i = 0; i < NOTES; i++) {
    const group = String(i % 256).padStart(3, '0');
    if (i < 256) for (const base of ['Attachments', join('.git', 'objects'), 'node_modules']) mkdirSync(join(dir, base, group), { recursive: true });
    writeFileSync(join(dir, 'Attachments', group, `image-${i}.png`), PNG);
    writeFileSync(join(dir, '.git', 'objects', group, `object-${i}`), `blob ${i}`);
    writeFileSync(join(dir, 'node_modules', group, `module-${i}.md`), `# Module ${i}\n\nNot a note: [[Note 1]].\n`);
  }
  writeFileSync(done, '');
  return dir;
}

function oneFolder(): string {
  const dir = join(VAULTS, `vault-${FOLDER_NOTES}-one-folder`);
  const done = `${dir}.done`;
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(7);
  const pick = () => Math.floor(random() * FOLDER_NOTES);
  for (let i = 0; i < FOLDER_NOTES; i++)
    writeFileSync(join(dir, `Note ${String(i).padStart(5, '0')}.md`), generateNoteText(i, FOLDER_NOTES, { notes: FOLDER_NOTES }, random, pick));
  writeFileSync(done, '');
  return dir;
}

function indexCold(vault: string): string {
  const cacheDir = mkdtempSync(join(tmpdir(), 'plexus-bench-scale-cache-'));
  try {
    const started = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', 'peak %M KB', process.execPath, PLEXUS, 'index', vault], {
      env: { ...process.env, PLEXUS_CACHE_DIR: cacheDir },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.status !== 0) throw new Error(`plexus index failed (${run.status}): ${run.stderr}`);
    const counts = /notes: (\d+)\s+attachments: (\d+)\s+links: (\d+)/.exec(run.stdout);
    const openMs = /indexed in (\d+) ms/.exec(run.stdout)?.[1];
    const peak = /peak (\d+) KB/.exec(run.stderr)?.[1];
    return `wall ${wallMs.toFixed(0)} ms, open ${openMs} ms, peak ${(Number(peak) / 1024).toFixed(0)} MB; notes ${counts?.[1]}, attachments ${counts?.[2]}, links ${counts?.[3]} | load ${loadavg()[0].toFixed(1)}`;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function main(): void {
  const notes = generateVault(join(VAULTS, `vault-${NOTES}`), { notes: NOTES });
  const vaults = { notes, '200k files': withOtherFiles(notes), 'one folder': oneFolder() };
  console.log(`load ${loadavg()[0].toFixed(1)} at the start; cold \`plexus index\`, whole process, empty cache`);
  for (let round = 1; round <= 2; round++)
    for (const [label, dir] of Object.entries(vaults)) console.log(`round ${round} ${label.padEnd(11)} ${indexCold(dir)}`);
}

main();
