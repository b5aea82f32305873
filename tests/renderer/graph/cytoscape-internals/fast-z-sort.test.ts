import cytoscape from 'cytoscape';
import fc from 'fast-check';
import { installFastZSort, zSorted } from '../../../../renderer/src/graph/cytoscape-internals/fast-z-sort';

/** cytoscape's own draw order (its zIndexSort comparator), which its typings leave out. */
type Sortable = cytoscape.Collection & { sortByZIndex(): cytoscape.Collection };
const mutable = (cy: cytoscape.Core) => (cy as unknown as { mutableElements(): Sortable }).mutableElements();

const STYLE = [
  { selector: '.up', style: { 'z-index': 5 } },
  { selector: '.top', style: { 'z-index': 10 } },
  { selector: '.down', style: { 'z-index': -1 } },
  { selector: '.manual', style: { 'z-index-compare': 'manual' } },
  { selector: '.bottom', style: { 'z-compound-depth': 'bottom' } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: '.inert', style: { events: 'no' } },
  // Unlike display or events, a zero width changes what is interactive without a re-sort ('zorder').
  { selector: '.flat', style: { width: 0 } },
];

/**
 * A headless core whose renderer is a stand-in with the base renderer's sorting cache: it
 * drops the cached order on the notifications cytoscape's own renderer drops it on, and sorts
 * with cytoscape's comparator (sortByZIndex). The core's notifications reach it as they
 * would reach the canvas renderer.
 */
function makeCore() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: STYLE } as cytoscape.CytoscapeOptions);
  let sorts = 0;
  const renderer = {
    cy,
    cachedZSortedEles: null as unknown[] | null,
    notify(name: string) {
      if (['add', 'remove', 'load', 'zorder', 'mount'].includes(name)) renderer.cachedZSortedEles = null;
    },
    getCachedZSortedEles(force?: boolean) {
      if (force || !renderer.cachedZSortedEles) {
        sorts++;
        const eles = mutable(cy).sortByZIndex().toArray() as unknown[] & { interactive?: unknown[] };
        eles.interactive = eles.filter((e) => (e as { interactive(): boolean }).interactive());
        renderer.cachedZSortedEles = eles;
      }
      return renderer.cachedZSortedEles;
    },
    isHeadless: () => true,
    recalculateRenderedStyle() {
      // compound bounds ask for rendered geometry: nothing to draw here
    },
    updateCachedGrabbedEles() {
      (renderer.cachedZSortedEles as unknown as { nondrag: unknown[] }).nondrag = [...renderer.cachedZSortedEles!];
    },
  };
  (cy as unknown as { _private: { renderer: unknown } })._private.renderer = renderer;
  expect(installFastZSort(cy)).toBe(true);
  // cytoscape restyles lazily; the canvas renderer flushes styles at the start of a frame,
  // before it sorts, and that restyle is what announces a z-order change ('zorder').
  const flush = () => (cy.elements() as unknown as { cleanStyle(): void }).cleanStyle();
  const sorted = () => (renderer.getCachedZSortedEles() as cytoscape.SingularElementArgument[]).map((e) => e.id());
  const ids = () => {
    flush();
    return sorted();
  };
  const expected = () =>
    mutable(cy)
      .sortByZIndex()
      .map((e) => e.id());
  /** The hit-test list after a frame, and cytoscape's own computed afresh. */
  const interactiveIds = () => {
    flush();
    return ((renderer.getCachedZSortedEles() as { interactive?: cytoscape.SingularElementArgument[] }).interactive ?? []).map((e) => e.id());
  };
  const expectedInteractive = () =>
    mutable(cy)
      .sortByZIndex()
      .filter((e) => (e as unknown as { interactive(): boolean }).interactive())
      .map((e) => e.id());
  return { cy, renderer, ids, sorted, flush, expected, interactiveIds, expectedInteractive, sorts: () => sorts };
}

describe('zSorted', () => {
  it('orders edges before nodes, then by z-index and depth, then by addition', () => {
    const { cy } = makeCore();
    cy.add([
      { data: { id: 'n1' }, classes: ['up'] },
      { data: { id: 'n2' } },
      { data: { id: 'e1', source: 'n1', target: 'n2' } },
      { data: { id: 'n3' }, classes: ['down'] },
      { data: { id: 'e2', source: 'n2', target: 'n3' }, classes: ['top'] },
      { data: { id: 'n4' }, classes: ['bottom'] },
      { data: { id: 'n5' }, classes: ['manual'] },
    ]);
    const order = zSorted(mutable(cy).toArray()).map((e) => e.id());
    // One add puts nodes in before edges; then depth, edges before nodes, z-index, order.
    expect(order).toEqual(['n4', 'n5', 'e1', 'e2', 'n3', 'n2', 'n1']);
    expect(order).toEqual((cy.elements() as unknown as Sortable).sortByZIndex().map((e) => e.id()));
  });
});

describe('installFastZSort', () => {
  it('keeps cytoscape’s draw order through additions, class changes that move z-index, and removals', () => {
    const { cy, ids, expected } = makeCore();
    cy.add([{ data: { id: 'a' } }, { data: { id: 'b' }, classes: ['up'] }, { data: { id: 'ab', source: 'a', target: 'b' } }]);
    expect(ids()).toEqual(expected());
    cy.add([{ data: { id: 'c' } }, { data: { id: 'bc', source: 'b', target: 'c' } }]);
    expect(ids()).toEqual(expected());
    cy.getElementById('a').addClass('top'); // an element it has sorted changes z-index
    expect(ids()).toEqual(['ab', 'bc', 'c', 'b', 'a']);
    expect(ids()).toEqual(expected());
    cy.getElementById('b').remove();
    expect(ids()).toEqual(expected());
  });

  type Op = { kind: 'node' | 'edge' | 'class' | 'unclass' | 'remove'; cls: string; pick: number; pick2: number };
  /** Random frames of changes: additions (with a class), class changes and removals. */
  const frames = (kinds: Op['kind'][], classes: string[], perFrame: number, count: number) =>
    fc.array(
      fc.array(fc.record({ kind: fc.constantFrom(...kinds), cls: fc.constantFrom(...classes), pick: fc.nat(), pick2: fc.nat() }), {
        minLength: 1,
        maxLength: perFrame,
      }),
      { minLength: 1, maxLength: count },
    );
  /** Applies one change; `next` numbers new elements. */
  const applyOp = (cy: cytoscape.Core, o: Op, next: () => number) => {
    const nodes = cy.nodes();
    const all = cy.elements();
    const classes = o.cls ? [o.cls] : [];
    if (o.kind === 'node') cy.add({ data: { id: `n${next()}` }, classes });
    else if (o.kind === 'edge' && nodes.length > 0)
      cy.add({ data: { id: `e${next()}`, source: nodes[o.pick % nodes.length].id(), target: nodes[o.pick2 % nodes.length].id() }, classes });
    else if (o.kind === 'class' && all.length > 0 && o.cls) all[o.pick % all.length].addClass(o.cls);
    else if (o.kind === 'unclass' && all.length > 0 && o.cls) all[o.pick % all.length].removeClass(o.cls);
    else if (o.kind === 'remove' && all.length > 0) all[o.pick % all.length].remove();
  };

  it('matches cytoscape’s sort after any sequence of changes (property)', () => {
    fc.assert(
      fc.property(frames(['node', 'node', 'edge', 'edge', 'class', 'unclass', 'remove'], ['up', 'top', 'down', 'manual', 'bottom', ''], 6, 12), (changes) => {
        const { cy, ids, expected } = makeCore();
        let n = 0;
        for (const frame of changes) {
          for (const o of frame) applyOp(cy, o, () => n++);
          expect(ids()).toEqual(expected());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the hit-test list (interactive elements) right through hiding, inert and zero-width classes and additions (property)', () => {
    fc.assert(
      fc.property(frames(['node', 'edge', 'edge', 'class', 'unclass'], ['hidden', 'inert', 'flat', 'up', ''], 5, 10), (changes) => {
        const { cy, interactiveIds, expectedInteractive } = makeCore();
        let n = 0;
        for (const frame of changes) {
          for (const o of frame) applyOp(cy, o, () => n++);
          // Every frame ends with an addition, so the order is recomputed (incrementally) each time.
          cy.add({ data: { id: `n${n++}` } });
          expect(interactiveIds()).toEqual(expectedInteractive());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads the style of no element it sorted before, after additions (a chunked build)', () => {
    const { cy, sorted, flush, expected } = makeCore();
    for (let chunk = 0; chunk < 3; chunk++) {
      const added = cy.add(Array.from({ length: 10 }, (_, i) => ({ data: { id: `n${chunk}-${i}` }, classes: i === 0 ? ['up'] : [] })));
      flush();
      const spy = jest.spyOn(Object.getPrototypeOf(added[0]), 'pstyle');
      const order = sorted();
      const looked = spy.mock.calls.flatMap((call, i) => (call[0] === 'z-index' ? [(spy.mock.contexts[i] as cytoscape.NodeSingular).id()] : []));
      spy.mockRestore();
      expect(order).toEqual(expected());
      const fresh = new Set(added.map((n) => n.id()));
      expect(looked.length).toBeGreaterThan(0);
      expect(looked.filter((id) => !fresh.has(id))).toEqual([]);
      // A style seen before is not read again: the 'up' node of a later chunk shares the first one's.
      if (chunk > 0) expect(looked).not.toContain(`n${chunk}-0`);
    }
  });

  it('leaves a core with compound nodes to cytoscape’s sort', () => {
    const { cy, renderer, ids, expected, sorts } = makeCore();
    cy.add([{ data: { id: 'p' } }, { data: { id: 'child', parent: 'p' } }, { data: { id: 'q' } }]);
    const before = sorts();
    expect(ids()).toEqual(expected());
    expect(sorts()).toBe(before + 1);
    expect(renderer.cachedZSortedEles).not.toBeNull();
  });

  it('changes nothing on a renderer without the internals', () => {
    const cy = cytoscape({ headless: true });
    expect(installFastZSort(cy)).toBe(false);
  });
});
