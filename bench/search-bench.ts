/**
 * Search speed on a generated 10k-note vault: `node scripts/run-ts.cjs bench/search-bench.ts`.
 * Opens the vault (cold, no cache), waits for the full-text index, then runs a few queries of
 * each kind three times and prints the best time and the match count. Not a test: numbers
 * depend on the machine; nothing here asserts a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VaultService } from '../main/service/vault-service';
import { generateVault } from './generate-vault';

const NOTES = Number(process.env.PLEXUS_BENCH_NOTES ?? 10_000);
const QUERIES = [
  'gradient',
  '"attention embedding"',
  'note -gradient',
  'tag:#topic/loss',
  'path:Research',
  'line:(model token)',
  'section:(section loss)',
  '/lay(er|out)s?\\b/',
  'zzzzq',
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-search-bench-'));
  try {
    generateVault(dir, { notes: NOTES });
    const opened = performance.now();
    const service = await VaultService.open(dir, { cacheDir: null, watch: false });
    await service.search('warm-up');
    console.log(`${NOTES} notes: open and full-text index ${Math.round(performance.now() - opened)} ms`);
    console.log('| query | matches | best of 3 (ms) |\n| --- | ---: | ---: |');
    for (const query of QUERIES) {
      let best = Infinity;
      let total = 0;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const result = await service.search(query);
        best = Math.min(best, performance.now() - started);
        if (!result.ok) throw new Error(`${query}: ${result.error.message}`);
        total = result.value.total;
      }
      console.log(`| \`${query}\` | ${total} | ${Math.round(best)} |`);
    }
    await service.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
