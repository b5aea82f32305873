/**
 * The workspace (tabs, splits, active tab, the sidebars' views) remembered per vault in localStorage, keyed by the
 * vault's root, so each vault reopens as it was left; in Electron and browser mode alike. A
 * stored value that is not a valid layout is ignored (the vault opens fresh), never trusted.
 */
import { layoutProblems } from './layout-check';
import { activateTab, allPanes, currentView, filterViews, openInActive, sameView, type Layout, type View } from './layout-model';
import type { NoteRoute } from '../routing/hash-route';
import { normalizeSidebarViews } from './sidebar-views';
import type { VaultPath } from '../../../main/core/types';
import { isVaultPath } from '../../../main/core/vault-path';

const keyFor = (vaultRoot: string) => `plexus.workspace:${vaultRoot}`;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function isView(v: unknown): v is View {
  if (!isObject(v)) return false;
  if (v.kind === 'graph') return v.local === null || isVaultPath(v.local);
  const r = v.route;
  return (
    v.kind === 'note' &&
    isObject(r) &&
    isVaultPath(r.path) &&
    (r.heading === null || typeof r.heading === 'string') &&
    (r.block === null || typeof r.block === 'string')
  );
}

function isNode(n: unknown): boolean {
  if (!isObject(n) || typeof n.id !== 'string') return false;
  if (n.kind === 'split')
    return (
      (n.direction === 'row' || n.direction === 'column') &&
      Array.isArray(n.children) &&
      n.children.every(isNode) &&
      (n.sizes === undefined || (Array.isArray(n.sizes) && n.sizes.every((x) => typeof x === 'number')))
    );
  return (
    n.kind === 'pane' &&
    (n.active === null || typeof n.active === 'string') &&
    Array.isArray(n.tabs) &&
    n.tabs.every(
      (t) =>
        isObject(t) &&
        typeof t.id === 'string' &&
        typeof t.index === 'number' &&
        (t.linkedPane === undefined || typeof t.linkedPane === 'string') &&
        Array.isArray(t.entries) &&
        t.entries.every(isView),
    )
  );
}

export function parseStoredLayout(text: string | null): Layout | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // not ours or cut short: start fresh
  }
  if (!isObject(value) || typeof value.activePane !== 'string' || typeof value.seq !== 'number' || !isNode(value.root)) return null;
  const layout = value as unknown as Layout;
  if (layoutProblems(layout).length > 0) return null;
  // The sidebars' arrangement is mended rather than refused: a view unknown to this version, or
  // listed twice, is dropped and one it lacks appended, so the tabs still come back.
  return value.sidebarViews === undefined ? layout : { ...layout, sidebarViews: normalizeSidebarViews(value.sidebarViews) };
}

export function loadLayout(vaultRoot: string): Layout | null {
  try {
    return parseStoredLayout(window.localStorage.getItem(keyFor(vaultRoot)));
  } catch {
    return null; // storage disabled: nothing remembered
  }
}

export function saveLayout(vaultRoot: string, layout: Layout): void {
  try {
    // Without the tabs' modes: a reopened window starts every tab in reading view, so no editor
    // mounts (and loads, and may save) before the user asks for one.
    window.localStorage.setItem(
      keyFor(vaultRoot),
      JSON.stringify(layout, (key, value: unknown) => (key === 'mode' ? undefined : value)),
    );
  } catch {
    // Storage full or disabled: the workspace still works, it is just not remembered.
  }
}

/**
 * The stored workspace made fit to open: views of notes that no longer exist dropped (with how
 * many, for a notice), and the address's note (a deep link) shown — in the tab that has it, else
 * in the active tab.
 */
export function restoreLayout(stored: Layout, exists: (path: VaultPath) => boolean, route: NoteRoute | null): { layout: Layout; missing: string[] } {
  const missing = new Set<string>();
  let layout = filterViews(stored, (v) => {
    if (v.kind !== 'note' || exists(v.route.path)) return true;
    missing.add(v.route.path);
    return false;
  });
  if (route) {
    const want: View = { kind: 'note', route };
    const tab = allPanes(layout)
      .flatMap((p) => p.tabs)
      .find((t) => sameView(currentView(t), want));
    layout = tab ? activateTab(layout, tab.id) : openInActive(layout, want);
  }
  return { layout, missing: [...missing].sort() };
}
