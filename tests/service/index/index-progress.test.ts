/** The open's progress: status events in order, ending at the total, with an ETA once the rate is known. */
import type { IndexStatus, VaultEvent } from '../../../main/contract/api-contract';
import { VaultService } from '../../../main/service/vault-service';
import { SLOW_PARSER_MODULE, slowBy } from '../slow-parser';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';

jest.setTimeout(60_000);

const NOTES = 400;
const dirs: string[] = [];
const services: VaultService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function vault(): string {
  const files: Record<string, string> = {};
  // 3 ms a note on one worker: indexing takes over a second, so the ETA has a rate to go by.
  for (let i = 0; i < NOTES; i++) files[`Folder ${i % 7}/Note ${i}.md`] = `# Note ${i}\n\n[[Note ${(i + 1) % NOTES}]] ${slowBy(3)}\n`;
  const root = makeVault(files);
  dirs.push(root);
  return root;
}

async function openCollecting(root: string, cacheDir: string | null): Promise<IndexStatus[]> {
  const statuses: IndexStatus[] = [];
  const onProgress = (event: VaultEvent) => {
    if (event.type === 'status') statuses.push(event.status);
  };
  const service = await VaultService.open(root, { watch: false, workers: 1, cacheDir, parserModule: SLOW_PARSER_MODULE, onProgress });
  services.push(service);
  expect(service.getStatus()).toEqual(statuses.at(-1));
  return statuses;
}

test('cold: indexing events count up to the total in order, then one ready event with the counts; the ETA comes once the rate is known', async () => {
  const statuses = await openCollecting(vault(), null);
  const ready = statuses.at(-1)!;
  expect(ready).toEqual({ state: 'ready', notes: NOTES, links: NOTES, ms: expect.any(Number) });
  const indexing = statuses.slice(0, -1);
  expect(indexing.every((status) => status.state === 'indexing')).toBe(true);
  const progress = indexing as Extract<IndexStatus, { state: 'indexing' }>[];
  expect(progress.length).toBeGreaterThan(2);
  expect(progress[0].done).toBe(0);
  expect(new Set(progress.map((status) => status.total))).toEqual(new Set([NOTES]));
  for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
  expect(progress.at(-1)!.done).toBe(NOTES);
  // No guess from the first batches; a finite, positive one while notes were still left.
  expect(progress[0].etaMs).toBeNull();
  const estimates = progress.filter((status) => status.done < NOTES && status.etaMs !== null);
  expect(estimates.length).toBeGreaterThan(0);
  for (const status of estimates) expect(Number.isFinite(status.etaMs) && status.etaMs! > 0).toBe(true);
});

test('warm: every note from the cache, so one indexing event at the total and then ready', async () => {
  const root = vault();
  const cacheDir = makeTempDir('plexus-cache-');
  dirs.push(cacheDir);
  await openCollecting(root, cacheDir);
  await services.pop()!.close();
  const statuses = await openCollecting(root, cacheDir);
  expect(statuses).toEqual([
    { state: 'indexing', done: NOTES, total: NOTES, etaMs: 0 },
    { state: 'ready', notes: NOTES, links: NOTES, ms: expect.any(Number) },
  ]);
});
