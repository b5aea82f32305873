/**
 * The reading view's link lookups go out in batches (resolveLinks) against the real handlers on
 * an in-memory vault: a long note's links take a few calls, not one each; each answer is what
 * resolveLink gives; while the slots are busy, new requests wait and leave together.
 */
import { waitFor } from '@testing-library/react';
import type { LinkTargetInfo, PlexusApi } from '../../../main/contract/api-contract';
import { createLinkBatcher, RESOLVE_BATCH_SIZE } from '../../../renderer/src/lib/link-batcher';
import { MemoryApi } from '../support/memory-api';
import { vp } from '../../support/vault-path';

const NOTES: Record<string, string> = { 'A.md': 'from here', 'Sub/B.md': '# B\n\n## Part', 'C.md': '---\naliases: [See]\n---\nc' };
const TARGETS = ['B', 'Sub/B', 'B#Part', 'See', 'C', 'Missing', 'Folder/New', '', '../x', 'img.png'];

const batchCalls = (fake: MemoryApi) => fake.calls.filter((c) => c.method === 'resolveLinks');
const single = (fake: MemoryApi) => fake.calls.filter((c) => c.method === 'resolveLink');

test('a note with 1,300 link targets resolves them in three calls of at most the batch size, each as resolveLink would', async () => {
  const fake = new MemoryApi({ notes: NOTES });
  const api = fake.api();
  const resolve = createLinkBatcher(api, 4);
  const targets = Array.from({ length: 1300 }, (_, i) => `${TARGETS[i % TARGETS.length]}${i < TARGETS.length ? '' : ` ${i}`}`);
  const batched = await Promise.all(targets.map((t) => resolve(vp('A.md'), t)));
  expect(batchCalls(fake).map((c) => (c.args[1] as string[]).length)).toEqual([RESOLVE_BATCH_SIZE, RESOLVE_BATCH_SIZE, 300]);
  expect(single(fake)).toHaveLength(0);
  const oneByOne = await Promise.all(targets.map((t) => api.resolveLink(vp('A.md'), t)));
  expect(batched).toEqual(oneByOne);
  // Not all alike: the table has resolved, aliased, new and refused targets.
  expect(new Set(batched.slice(0, TARGETS.length).map((i) => JSON.stringify(i))).size).toBeGreaterThan(3);
});

test('the same target asked twice is sent once and answers both; notes go in their own batches', async () => {
  const fake = new MemoryApi({ notes: NOTES });
  const resolve = createLinkBatcher(fake.api(), 4);
  const [a, b, c] = await Promise.all([resolve(vp('A.md'), 'B'), resolve(vp('A.md'), 'B'), resolve(vp('C.md'), 'B')]);
  expect(a).toEqual({ resolved: 'Sub/B.md', kind: 'note', createPath: null });
  expect(b).toEqual(a);
  expect(c).toEqual(a);
  expect(batchCalls(fake).map((call) => call.args)).toEqual([
    ['A.md', ['B']],
    ['C.md', ['B']],
  ]);
});

test('while every slot is busy, requests from later tasks wait and go out together', async () => {
  const fake = new MemoryApi({ notes: NOTES });
  fake.holdAnswers('resolveLinks');
  const resolve = createLinkBatcher(fake.api(), 1);
  const first = resolve(vp('A.md'), 'B');
  await waitFor(() => expect(fake.heldAnswers).toBe(1));
  const later: Promise<LinkTargetInfo>[] = [];
  for (const target of ['C', 'See', 'Missing']) {
    later.push(resolve(vp('A.md'), target));
    await new Promise((r) => setTimeout(r, 0));
  }
  expect(batchCalls(fake)).toHaveLength(1);
  fake.stopHolding();
  await first;
  await Promise.all(later);
  expect(batchCalls(fake).map((call) => call.args[1])).toEqual([['B'], ['C', 'See', 'Missing']]);
});

test('a note the vault does not hold resolves nowhere, as resolveLink answers; a failed call fails its requests', async () => {
  const fake = new MemoryApi({ notes: NOTES });
  const resolve = createLinkBatcher(fake.api(), 2);
  expect(await resolve(vp('Gone.md'), 'B')).toEqual(await fake.api().resolveLink(vp('Gone.md'), 'B'));
  const failing = { resolveLinks: () => Promise.reject(new Error('Failed to fetch')) } as unknown as PlexusApi;
  await expect(createLinkBatcher(failing, 2)(vp('A.md'), 'B')).rejects.toThrow('Failed to fetch');
  const broken = { resolveLinks: async () => ({ ok: false, error: { code: 'io-error', message: 'disk' } }) } as unknown as PlexusApi;
  await expect(createLinkBatcher(broken, 2)(vp('A.md'), 'B')).rejects.toThrow('disk');
  const short = { resolveLinks: async () => ({ ok: true, value: [] }) } as unknown as PlexusApi;
  await expect(createLinkBatcher(short, 2)(vp('A.md'), 'B')).rejects.toThrow('answered 0 of 1');
});
