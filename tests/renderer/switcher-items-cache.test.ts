/** The quick switcher reads its items once per file list: reopening it asks the service nothing; a changed list reads afresh; a failed read is not kept. */
import type { FileEntry, PlexusApi, SwitcherItem } from '../../main/contract/api-contract';
import { renderHook, waitFor } from '@testing-library/react';
import { cachedSwitcherItems, latestSwitcherItems, switcherItems, usePrefetchSwitcherItems } from '../../renderer/src/components/switcher-items-cache';

function fakeApi(answers: Array<() => Promise<SwitcherItem[]>>) {
  let calls = 0;
  const api = { getSwitcherItems: () => answers[Math.min(calls++, answers.length - 1)]() } as unknown as PlexusApi;
  return { api, calls: () => calls };
}

const item = (path: string) => ({ path, title: path, aliases: [] }) as unknown as SwitcherItem;
const files = (...paths: string[]) => paths.map((path) => ({ path, kind: 'note' }) as unknown as FileEntry);

test('the same file list is read once; its items are there at once for the next open', async () => {
  const { api, calls } = fakeApi([async () => [item('A.md')]]);
  const list = files('A.md');
  expect(cachedSwitcherItems(api, list)).toBeNull();
  expect(await switcherItems(api, list)).toEqual([item('A.md')]);
  expect(await switcherItems(api, list)).toEqual([item('A.md')]);
  expect(calls()).toBe(1);
  expect(cachedSwitcherItems(api, list)).toEqual([item('A.md')]);
});

test('a new file list (a file added, removed or changed) reads the items afresh', async () => {
  const { api, calls } = fakeApi([async () => [item('A.md')], async () => [item('A.md'), item('B.md')]]);
  await switcherItems(api, files('A.md'));
  const next = files('A.md', 'B.md');
  expect(cachedSwitcherItems(api, next)).toBeNull();
  expect(await switcherItems(api, next)).toHaveLength(2);
  expect(calls()).toBe(2);
});

test('a failed read is not kept: the next open tries again', async () => {
  const { api, calls } = fakeApi([() => Promise.reject(new Error('offline')), async () => [item('A.md')]]);
  const list = files('A.md');
  await expect(switcherItems(api, list)).rejects.toThrow('offline');
  expect(await switcherItems(api, list)).toEqual([item('A.md')]);
  expect(calls()).toBe(2);
});

test('after a change of the file list, the last items read are there at once until the new ones are read', async () => {
  let answer: (items: SwitcherItem[]) => void = () => undefined;
  const { api } = fakeApi([async () => [item('A.md')], () => new Promise<SwitcherItem[]>((resolve) => (answer = resolve))]);
  const other = fakeApi([async () => [item('X.md')]]).api;
  expect(latestSwitcherItems(api, files('A.md'))).toBeNull();
  await switcherItems(api, files('A.md'));
  const next = files('A.md', 'B.md');
  const read = switcherItems(api, next);
  expect(latestSwitcherItems(api, next)).toEqual([item('A.md')]);
  expect(latestSwitcherItems(other, next)).toBeNull();
  answer([item('A.md'), item('B.md')]);
  await read;
  expect(latestSwitcherItems(api, next)).toEqual([item('A.md'), item('B.md')]);
});

test('the items are read ahead once the first file list is known, and not again when it changes', async () => {
  const { api, calls } = fakeApi([async () => [item('A.md')], async () => [item('A.md'), item('B.md')]]);
  const first = files('A.md');
  const view = renderHook(({ list }) => usePrefetchSwitcherItems(api, list), { initialProps: { list: null as FileEntry[] | null } });
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(calls()).toBe(0);
  view.rerender({ list: first });
  await waitFor(() => expect(cachedSwitcherItems(api, first)).toEqual([item('A.md')]));
  view.rerender({ list: files('A.md', 'B.md') });
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(calls()).toBe(1);
  view.unmount();
});
