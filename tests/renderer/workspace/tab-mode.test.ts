/** Each tab keeps its own mode (reading, Live Preview, source); a stored workspace reopens in reading view. */
import {
  activateTab,
  activeTabOf,
  initialLayout,
  openInActive,
  openInNewTab,
  updateActiveTabMode,
  type View,
} from '../../../renderer/src/workspace/layout-model';
import { loadLayout, saveLayout } from '../../../renderer/src/workspace/workspace-store';
import type { VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const note = (path: VaultPath): View => ({ kind: 'note', route: { path, heading: null, block: null } });

test('the mode belongs to the active tab and follows it to another note', () => {
  let l = openInActive(initialLayout(), note(vp('a.md')));
  const first = activeTabOf(l)!.id;
  l = updateActiveTabMode(l, () => 'live');
  l = openInNewTab(l, note(vp('b.md')));
  expect(activeTabOf(l)!.mode ?? 'reading').toBe('reading');
  l = updateActiveTabMode(l, () => 'source');
  l = activateTab(l, first);
  expect(activeTabOf(l)!.mode).toBe('live');
  l = openInActive(l, note(vp('c.md')));
  expect(activeTabOf(l)!.mode).toBe('live');
});

test('no tab, no change', () => {
  const l = initialLayout();
  expect(updateActiveTabMode(l, () => 'live')).toBe(l);
});

test('a saved workspace does not keep the modes', () => {
  const l = updateActiveTabMode(openInActive(initialLayout(), note(vp('a.md'))), () => 'live');
  saveLayout('/vault', l);
  const back = loadLayout('/vault')!;
  expect(activeTabOf(back)!.mode).toBeUndefined();
  expect(activeTabOf(back)!.entries).toEqual(activeTabOf(l)!.entries);
});
