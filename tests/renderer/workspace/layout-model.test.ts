/** The layout model's transitions, one table per transition, and a property test that any sequence keeps the tree valid. */
import fc from 'fast-check';
import {
  activatePane,
  activateTab,
  activateTabNumber,
  activePaneOf,
  activeTabOf,
  allPanes,
  closeActiveTab,
  closePane,
  closeTab,
  currentView,
  cycleTab,
  filterViews,
  initialLayout,
  moveHistory,
  moveTab,
  openInActive,
  openInNewTab,
  splitActive,
  splitWithTab,
  type Layout,
  type View,
} from '../../../renderer/src/workspace/layout-model';
import { layoutProblems } from '../../../renderer/src/workspace/layout-check';
import { resizeSplit } from '../../../renderer/src/workspace/layout-sizes';
import { openLinkedLocalGraph } from '../../../renderer/src/workspace/linked-graph';
import type { LayoutNode } from '../../../renderer/src/workspace/layout-types';
import type { VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const note = (path: VaultPath): View => ({ kind: 'note', route: { path, heading: null, block: null } });
const graph: View = { kind: 'graph', local: null };
/** Each pane as its tabs' current note names, the active tab starred, the active pane marked with '>'. */
function shape(layout: Layout): string {
  const show = (node: Layout['root']): string => {
    if (node.kind === 'split') return `${node.direction}(${node.children.map(show).join(' | ')})`;
    const tabs = node.tabs.map((t) => {
      const v = currentView(t);
      const name = v === null ? '∅' : v.kind === 'graph' ? 'graph' : v.route.path.replace(/\.md$/, '');
      return t.id === node.active ? `*${name}` : name;
    });
    return `${node.id === layout.activePane ? '>' : ''}[${tabs.join(',')}]`;
  };
  return show(layout.root);
}
const open = (...paths: string[]) => paths.reduce((l, p, i) => (i === 0 ? openInActive(l, note(vp(p))) : openInNewTab(l, note(vp(p)))), initialLayout());

describe('openInActive', () => {
  test.each([
    ['an empty pane gets a tab', initialLayout(), 'A', '>[*A]'],
    ['replaces the active tab’s view', open('A', 'B'), 'C', '>[A,*C]'],
    ['the same view again changes nothing', open('A'), 'A', '>[*A]'],
  ])('%s', (_name, layout, path, expected) => expect(shape(openInActive(layout, note(vp(path))))).toBe(expected));

  test('keeps a history per tab: back and forward move in the active tab only', () => {
    let l = openInActive(open('A', 'B'), note(vp('C')));
    l = moveHistory(l, -1);
    expect(shape(l)).toBe('>[A,*B]');
    expect(shape(moveHistory(l, -1))).toBe('>[A,*B]'); // nothing before B in this tab
    l = moveHistory(l, 1);
    expect(shape(l)).toBe('>[A,*C]');
    l = openInActive(moveHistory(l, -1), note(vp('D')));
    expect(activeTabOf(l)!.entries.map((v) => (v.kind === 'note' ? v.route.path : 'g'))).toEqual(['B', 'D']);
  });
});

describe('openInNewTab', () => {
  test.each([
    ['after the active tab, and shown', activateTab(open('A', 'B'), 't1'), 'C', '>[*A,C,B]'],
    ['in an empty pane', initialLayout(), 'A', '>[*A]'],
  ])('%s', (_name, layout, path, expected) => {
    const out = openInNewTab(layout, note(vp(path)));
    expect(shape(out)).toBe(expected.replace('*A,C', 'A,*C'));
  });
  test('with no view, an empty tab', () => expect(shape(openInNewTab(open('A')))).toBe('>[A,*∅]'));
});

describe('closeTab', () => {
  test.each([
    ['the active tab: the right neighbour is shown', open('A', 'B', 'C'), 't2', '>[A,*C]'],
    ['the last active tab: the left neighbour is shown', open('A', 'B', 'C'), 't3', '>[A,*B]'],
    ['an inactive tab keeps the active one', open('A', 'B', 'C'), 't1', '>[B,*C]'],
    ['the last tab leaves the empty state', open('A'), 't1', '>[]'],
    ['an unknown tab changes nothing', open('A'), 'nope', '>[*A]'],
  ])('%s', (_name, layout, tab, expected) => expect(shape(closeTab(layout, tab))).toBe(expected));

  test('the last tab of a split pane closes the pane and collapses the split', () => {
    const l = splitActive(open('A'), 'right');
    expect(shape(l)).toBe('row([*A] | >[*A])');
    expect(shape(closeActiveTab(l))).toBe('>[*A]');
    expect(shape(closeTab(l, 't1'))).toBe('>[*A]');
  });
});

describe('activate', () => {
  test.each([
    ['a tab', activateTab(open('A', 'B'), 't1'), '>[*A,B]'],
    ['tab number 1', activateTabNumber(open('A', 'B', 'C'), 1), '>[*A,B,C]'],
    ['tab number 9 is the last', activateTabNumber(activateTab(open('A', 'B', 'C'), 't1'), 9), '>[A,B,*C]'],
    ['a missing tab number changes nothing', activateTabNumber(open('A', 'B'), 5), '>[A,*B]'],
    ['cycling forward wraps', cycleTab(open('A', 'B'), 1), '>[*A,B]'],
    ['cycling back', cycleTab(open('A', 'B'), -1), '>[*A,B]'],
    ['a pane', activatePane(splitActive(open('A'), 'down'), 'p0'), 'column(>[*A] | [*A])'],
    ['a tab in another pane activates that pane', activateTab(splitActive(open('A'), 'right'), 't1'), 'row(>[*A] | [*A])'],
  ])('%s', (_name, layout, expected) => expect(shape(layout)).toBe(expected));
});

describe('moveTab', () => {
  test.each([
    ['reorders within a pane', (l: Layout) => moveTab(l, 't3', 'p0', 0), '>[*C,A,B]'],
    ['clamps the index', (l: Layout) => moveTab(l, 't1', 'p0', 99), '>[B,C,*A]'],
  ])('%s', (_name, f, expected) => expect(shape(f(open('A', 'B', 'C')))).toBe(expected));

  test('to another pane; the source pane closes when emptied', () => {
    let l = splitActive(open('A', 'B'), 'right'); // row([A,*B] | >[*B])
    l = moveTab(l, 't1', 'p3', 0);
    expect(shape(l)).toBe('row([*B] | >[*A,B])');
    l = moveTab(l, 't2', 'p3', 2);
    expect(shape(l)).toBe('>[A,B,*B]');
  });
});

describe('splitActive', () => {
  test.each([
    ['right: a pane beside showing the same view', open('A'), 'right', 'row([*A] | >[*A])'],
    ['down: stacked', open('A'), 'down', 'column([*A] | >[*A])'],
    ['an empty pane does not split', initialLayout(), 'right', '>[]'],
  ] as const)('%s', (_name, layout, side, expected) => expect(shape(splitActive(layout, side))).toBe(expected));

  test('splitting the same way again joins the split; the other way nests', () => {
    const twice = splitActive(splitActive(open('A'), 'right'), 'right');
    expect(shape(twice)).toBe('row([*A] | [*A] | >[*A])');
    expect(shape(splitActive(splitActive(open('A'), 'right'), 'down'))).toBe('row([*A] | column([*A] | >[*A]))');
  });

  test('an empty tab splits into an empty tab', () => expect(shape(splitActive(openInNewTab(open('A')), 'right'))).toBe('row([A,*∅] | >[*∅])'));
});

describe('splitWithTab', () => {
  test.each([
    ['right edge: a new pane after, holding the tab', 'right', 'row([*A] | >[*B])'],
    ['left edge: before', 'left', 'row(>[*B] | [*A])'],
    ['bottom edge: stacked after', 'bottom', 'column([*A] | >[*B])'],
    ['top edge: stacked before', 'top', 'column(>[*B] | [*A])'],
  ] as const)('%s', (_name, edge, expected) => expect(shape(splitWithTab(open('A', 'B'), 't2', 'p0', edge))).toBe(expected));

  test('the only tab of another pane moves out and its pane closes', () => {
    const l = splitActive(open('A'), 'right'); // row([*A] | >[*A]), p2 holds t4
    expect(shape(splitWithTab(l, 't4', 'p0', 'bottom'))).toBe('column([*A] | >[*A])');
  });

  test.each([
    ['a pane’s only tab on its own edge', open('A'), 't1', 'p0'],
    ['an unknown tab', open('A', 'B'), 'nope', 'p0'],
    ['an unknown pane', open('A', 'B'), 't1', 'nope'],
  ])('%s changes nothing', (_name, l, tab, pane) => expect(splitWithTab(l, tab, pane, 'right')).toBe(l));
});

describe('closePane', () => {
  test('closing the active pane activates a neighbour; the last pane empties', () => {
    const l = splitActive(open('A'), 'right');
    expect(shape(closePane(l, 'p2'))).toBe('>[*A]');
    expect(activePaneOf(closePane(l, 'p2')).id).toBe('p0');
    expect(shape(closePane(open('A'), 'p0'))).toBe('>[]');
  });
});

describe('filterViews', () => {
  test('drops missing notes: a tab of only missing notes closes, others keep the views left', () => {
    let l = openInActive(open('A', 'B'), note(vp('Gone')));
    l = openInNewTab(l, note(vp('Gone')));
    l = filterViews(l, (v) => v.kind !== 'note' || v.route.path !== 'Gone');
    expect(shape(l)).toBe('>[A,*B]');
  });
});

// Transitions as data, so fast-check can build and shrink sequences of them.
const path = fc.constantFrom('A', 'B', 'C', 'D');
const tabRef = fc.nat(20);
const paneRef = fc.nat(10);
const step = fc.oneof(
  path.map((p) => (l: Layout) => openInActive(l, note(vp(p)))),
  path.map((p) => (l: Layout) => openInNewTab(l, note(vp(p)))),
  fc.constant((l: Layout) => openInNewTab(l)),
  fc.constant((l: Layout) => openInActive(l, graph)),
  tabRef.map((i) => (l: Layout) => closeTab(l, pickTab(l, i))),
  fc.constant(closeActiveTab),
  tabRef.map((i) => (l: Layout) => activateTab(l, pickTab(l, i))),
  paneRef.map((i) => (l: Layout) => activatePane(l, pickPane(l, i))),
  paneRef.map((i) => (l: Layout) => closePane(l, pickPane(l, i))),
  fc.tuple(tabRef, paneRef, fc.nat(5)).map(
    ([t, p, at]) =>
      (l: Layout) =>
        moveTab(l, pickTab(l, t), pickPane(l, p), at),
  ),
  fc.constantFrom('right', 'down').map((side) => (l: Layout) => splitActive(l, side as 'right' | 'down')),
  fc.constantFrom(-1, 1).map((d) => (l: Layout) => moveHistory(l, d as -1 | 1)),
  fc.constantFrom(-1, 1).map((d) => (l: Layout) => cycleTab(l, d as -1 | 1)),
  fc.integer({ min: 1, max: 9 }).map((n) => (l: Layout) => activateTabNumber(l, n)),
  path.map((p) => (l: Layout) => filterViews(l, (v) => v.kind !== 'note' || v.route.path !== p)),
  fc.constant(openLinkedLocalGraph),
  fc.tuple(tabRef, paneRef, fc.constantFrom('left', 'right', 'top', 'bottom')).map(
    ([t, p, edge]) =>
      (l: Layout) =>
        splitWithTab(l, pickTab(l, t), pickPane(l, p), edge as 'left'),
  ),
  fc.tuple(paneRef, fc.nat(5), fc.double({ min: -0.5, max: 1.5, noNaN: true })).map(
    ([s, at, pos]) =>
      (l: Layout) =>
        resizeSplit(l, pickSplit(l, s), at, pos),
  ),
);
function pickSplit(l: Layout, i: number): string {
  const splits: string[] = [];
  const walk = (n: LayoutNode) => n.kind === 'split' && (splits.push(n.id), n.children.forEach(walk));
  walk(l.root);
  return splits.length === 0 ? 'none' : splits[i % splits.length];
}
function pickTab(l: Layout, i: number): string {
  const tabs = allPanes(l).flatMap((p) => p.tabs);
  return tabs.length === 0 ? 'none' : tabs[i % tabs.length].id;
}
function pickPane(l: Layout, i: number): string {
  const panes = allPanes(l);
  return panes[i % panes.length].id;
}

test('any sequence of transitions keeps a valid tree', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      let l = initialLayout();
      for (const s of steps) {
        l = s(l);
        expect(layoutProblems(l)).toEqual([]);
      }
    }),
    { numRuns: 400 },
  );
});

test('the checker finds what the property relies on', () => {
  const l = splitActive(open('A'), 'right');
  expect(layoutProblems({ ...l, activePane: 'zz' })).toContain('active pane zz found 0 times');
  const root = l.root.kind === 'split' ? { ...l.root, children: [l.root.children[0]] } : l.root;
  expect(layoutProblems({ ...l, root, activePane: 'p0' })).toContain('split s3 has 1 children');
  const emptyInSplit: Layout['root'] =
    l.root.kind === 'split' ? { ...l.root, children: [l.root.children[0], { kind: 'pane' as const, id: 'p9', tabs: [], active: null }] } : l.root;
  expect(layoutProblems({ ...l, root: emptyInSplit, activePane: 'p0' })).toContain('empty pane p9 inside a split');
});
