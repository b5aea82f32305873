/**
 * Once the vault and its files are known: bring back the workspace it was left with (notes since
 * deleted skipped, with a notice), else open the vault's welcome note (or its first note). Only at
 * start: a workspace whose tabs were all closed later shows its empty state. From then on every
 * layout change is saved for the vault.
 */
import { useEffect, useState } from 'react';
import type { FileEntry, VaultInfo } from '../../../main/contract/api-contract';
import { pickDefaultNote } from '../hooks/default-note';
import { parseHash } from '../routing/hash-route';
import { allPanes, openInActive, type Layout } from './layout-model';
import { noteView, type Workspace } from './use-workspace';
import { openTabScroll } from './tab-scroll';
import { loadLayout, restoreLayout, saveLayout } from './workspace-store';

export function useWorkspaceRestore(nav: Workspace, files: FileEntry[] | null, vault: VaultInfo | null, notice: (message: string) => void): void {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (restored || !files || !vault) return;
    setRestored(true);
    openTabScroll(vault.root);
    const stored = loadLayout(vault.root);
    const paths = new Set(files.map((f) => f.path));
    if (stored) {
      const { layout, missing } = restoreLayout(stored, (p) => paths.has(p), parseHash(window.location.hash));
      if (missing.length > 0)
        notice(
          `${missing.length === 1 ? 'A note' : `${missing.length} notes`} of the saved workspace no longer exist${missing.length === 1 ? 's' : ''} and ${missing.length === 1 ? 'was' : 'were'} skipped: ${missing.join(', ')}.`,
        );
      if (hasTabs(layout)) return nav.update(() => layout);
    }
    const initial = pickDefaultNote(files);
    if (!initial) {
      const sidebarViews = stored?.sidebarViews;
      if (sidebarViews) nav.update((layout) => ({ ...layout, sidebarViews }));
      return;
    }
    // Decided on the layout as it is when applied, not as this render saw it: a note opened
    // meanwhile (a click in the explorer, a hash set while the files loaded) is never replaced.
    const welcome = noteView({ path: initial, heading: null, block: null });
    // A workspace left with no tabs still brings back its sidebars' views.
    const sidebarViews = stored?.sidebarViews;
    nav.update((layout) => {
      const l = sidebarViews ? { ...layout, sidebarViews } : layout;
      return hasTabs(l) ? l : openInActive(l, welcome);
    });
  }, [restored, files, vault, nav, notice]);
  useEffect(() => {
    if (restored && vault) saveLayout(vault.root, nav.layout);
  }, [restored, vault, nav.layout]);
}

const hasTabs = (layout: Layout): boolean => allPanes(layout).some((p) => p.tabs.length > 0);
