/** The sidebars' tab strips as pure state: defaults, moves within and between sidebars, and the mending of a stored arrangement. */
import {
  activateSidebarView,
  defaultSidebarViews,
  leaveSidebarView,
  moveSidebarView,
  normalizeSidebarViews,
  shiftSidebarView,
  SIDEBAR_VIEWS,
  type SidebarViews,
} from '../../../renderer/src/workspace/sidebar-views';
import { parseStoredLayout } from '../../../renderer/src/workspace/workspace-store';

/** Every view in exactly one sidebar, each sidebar showing one of its own. */
function valid(s: SidebarViews): boolean {
  const all = [...s.left, ...s.right];
  const sideOk = (side: 'left' | 'right') => (s[side].length === 0 ? s.active[side] === null : s[side].includes(s.active[side]!));
  return all.length === SIDEBAR_VIEWS.length && new Set(all).size === all.length && sideOk('left') && sideOk('right');
}

test('the default puts files, search, bookmarks and tags on the left, the note’s views on the right, the first of each shown', () => {
  const s = defaultSidebarViews();
  expect(s.left).toEqual(['files', 'search', 'bookmarks', 'tags']);
  expect(s.right).toEqual(['backlinks', 'outgoing', 'outline', 'local-graph']);
  expect(s.active).toEqual({ left: 'files', right: 'backlinks' });
});

test('a view dragged to the other sidebar moves there, shown; the sidebar it left shows a neighbour', () => {
  let s = activateSidebarView(defaultSidebarViews(), 'outline');
  s = moveSidebarView(s, 'outline', 'left', 1);
  expect(s.left).toEqual(['files', 'outline', 'search', 'bookmarks', 'tags']);
  expect(s.right).toEqual(['backlinks', 'outgoing', 'local-graph']);
  expect(s.active).toEqual({ left: 'outline', right: 'local-graph' });
  expect(valid(s)).toBe(true);
});

test('Ctrl+Shift+Arrow shifts a view one place, stopping at the ends', () => {
  let s = shiftSidebarView(defaultSidebarViews(), 'search', 1);
  expect(s.left).toEqual(['files', 'bookmarks', 'search', 'tags']);
  s = shiftSidebarView(s, 'files', -1);
  expect(s.left).toEqual(['files', 'bookmarks', 'search', 'tags']);
});

test('leaving the search view shows the sidebar’s first other view', () => {
  const s = leaveSidebarView(activateSidebarView(defaultSidebarViews(), 'search'), 'search');
  expect(s.active.left).toBe('files');
});

test('any sequence of moves keeps every view in exactly one sidebar', () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  let s = defaultSidebarViews();
  for (let i = 0; i < 500; i++) {
    const id = SIDEBAR_VIEWS[rand(SIDEBAR_VIEWS.length)];
    const step = rand(4);
    if (step === 0) s = moveSidebarView(s, id, rand(2) ? 'left' : 'right', rand(9));
    else if (step === 1) s = shiftSidebarView(s, id, rand(2) ? 1 : -1);
    else if (step === 2) s = activateSidebarView(s, id);
    else s = leaveSidebarView(s, id);
    expect(valid(s)).toBe(true);
  }
});

test('a stored arrangement is mended: unknown and repeated views dropped, missing ones appended to their home side, a stale active replaced', () => {
  const s = normalizeSidebarViews({
    left: ['outline', 'files', 'nope', 'files', 3],
    right: ['search', 'outline'],
    active: { left: 'search', right: 'search' },
  });
  expect(s.left).toEqual(['outline', 'files', 'bookmarks', 'tags']);
  expect(s.right).toEqual(['search', 'backlinks', 'outgoing', 'local-graph']);
  expect(s.active).toEqual({ left: 'outline', right: 'search' });
  expect(valid(s)).toBe(true);
  expect(normalizeSidebarViews('garbage')).toEqual(defaultSidebarViews());
});

test('a stored workspace brings its sidebar views back, mended', () => {
  const root = { kind: 'pane', id: 'p0', tabs: [], active: null };
  const stored = JSON.stringify({
    root,
    activePane: 'p0',
    seq: 1,
    sidebarViews: { left: ['files', 'files'], right: ['outline'], active: { right: 'outline' } },
  });
  const layout = parseStoredLayout(stored)!;
  expect(layout.sidebarViews?.right[0]).toBe('outline');
  expect(layout.sidebarViews?.active.right).toBe('outline');
  expect(layout.sidebarViews && valid(layout.sidebarViews)).toBe(true);
  expect(parseStoredLayout(JSON.stringify({ root, activePane: 'p0', seq: 1 }))?.sidebarViews).toBeUndefined();
});
