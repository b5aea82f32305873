/**
 * Which views each sidebar holds, in what order, and which one each shows: the sidebars' tab
 * strips as data, pure transitions like the centre's layout (layout-model.ts), stored with it.
 * Every view is in exactly one sidebar; a stored arrangement is normalised on restore so an
 * unknown or repeated view is dropped and a view added in a later version is appended.
 */

export type Side = 'left' | 'right';

export const SIDEBAR_VIEWS = ['files', 'search', 'bookmarks', 'tags', 'backlinks', 'outgoing', 'outline', 'local-graph'] as const;
export type SidebarViewId = (typeof SIDEBAR_VIEWS)[number];

export const SIDEBAR_VIEW_LABELS: Record<SidebarViewId, string> = {
  files: 'Files',
  search: 'Search',
  bookmarks: 'Bookmarks',
  tags: 'Tags',
  backlinks: 'Backlinks',
  outgoing: 'Outgoing',
  outline: 'Outline',
  'local-graph': 'Local graph',
};

/** Where a view goes when none is stored for it: Obsidian's default sides. */
const HOME: Record<SidebarViewId, Side> = {
  files: 'left',
  search: 'left',
  bookmarks: 'left',
  tags: 'left',
  backlinks: 'right',
  outgoing: 'right',
  outline: 'right',
  'local-graph': 'right',
};

export interface SidebarViews {
  left: SidebarViewId[];
  right: SidebarViewId[];
  /** The view each sidebar shows; null only for a sidebar holding none. */
  active: Record<Side, SidebarViewId | null>;
}

export function defaultSidebarViews(): SidebarViews {
  const left = SIDEBAR_VIEWS.filter((v) => HOME[v] === 'left');
  const right = SIDEBAR_VIEWS.filter((v) => HOME[v] === 'right');
  return { left, right, active: { left: left[0], right: right[0] } };
}

const isViewId = (x: unknown): x is SidebarViewId => typeof x === 'string' && (SIDEBAR_VIEWS as readonly string[]).includes(x);

/** Any stored value made a valid arrangement: unknown or duplicated views dropped, missing ones appended to their home side. */
export function normalizeSidebarViews(raw: unknown): SidebarViews {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seen = new Set<SidebarViewId>();
  const side = (list: unknown): SidebarViewId[] =>
    (Array.isArray(list) ? list : []).filter((v): v is SidebarViewId => {
      if (!isViewId(v) || seen.has(v)) return false;
      seen.add(v);
      return true;
    });
  const left = side(value.left);
  const right = side(value.right);
  for (const v of SIDEBAR_VIEWS) if (!seen.has(v)) (HOME[v] === 'left' ? left : right).push(v);
  const stored = typeof value.active === 'object' && value.active !== null ? (value.active as Record<string, unknown>) : {};
  const pick = (list: SidebarViewId[], want: unknown) => (isViewId(want) && list.includes(want) ? want : (list[0] ?? null));
  return { left, right, active: { left: pick(left, stored.left), right: pick(right, stored.right) } };
}

export const sideOf = (s: SidebarViews, id: SidebarViewId): Side => (s.left.includes(id) ? 'left' : 'right');

/** Shows a view in its sidebar. */
export function activateSidebarView(s: SidebarViews, id: SidebarViewId): SidebarViews {
  const side = sideOf(s, id);
  return s.active[side] === id ? s : { ...s, active: { ...s.active, [side]: id } };
}

/** Moves a view to `index` of sidebar `to` (the same or the other) and shows it there; the sidebar it left shows a neighbour. */
export function moveSidebarView(s: SidebarViews, id: SidebarViewId, to: Side, index: number): SidebarViews {
  const from = sideOf(s, id);
  const next: SidebarViews = { left: s.left.filter((v) => v !== id), right: s.right.filter((v) => v !== id), active: { ...s.active } };
  const target = next[to];
  target.splice(Math.max(0, Math.min(target.length, index)), 0, id);
  next.active[to] = id;
  if (from !== to && s.active[from] === id) {
    const at = s[from].indexOf(id);
    const rest = next[from];
    next.active[from] = rest[at] ?? rest[at - 1] ?? null;
  }
  return next;
}

/** Ctrl/Cmd+Shift+Arrow: one place earlier (-1) or later (+1) in its strip. */
export function shiftSidebarView(s: SidebarViews, id: SidebarViewId, delta: -1 | 1): SidebarViews {
  const side = sideOf(s, id);
  const at = s[side].indexOf(id);
  if (at + delta < 0 || at + delta >= s[side].length) return s;
  return moveSidebarView(s, id, side, at + delta);
}

/** Closing the search view shows the sidebar's next view instead (search is a view, not a removable one). */
export function leaveSidebarView(s: SidebarViews, id: SidebarViewId): SidebarViews {
  const side = sideOf(s, id);
  if (s.active[side] !== id) return s;
  const list = s[side];
  const at = list.indexOf(id);
  const other = list[at === 0 ? 1 : 0] ?? null;
  return { ...s, active: { ...s.active, [side]: other } };
}
