/**
 * cytoscape sorts every element into draw order whenever elements are added or removed
 * (BaseRenderer.getCachedZSortedEles): an Array.sort whose comparator looks up three style
 * properties of both elements and asks the core whether it has compound nodes, per comparison.
 * At 10k notes / 30k edges that was ~100-200 ms per sort (profiled), paid in the first frame
 * after every chunk of a progressive build.
 *
 * The order it computes is: z-compound-depth, then edges before nodes (z-index-compare
 * 'auto'), then z-index, then the order of addition. The core's element list is already in
 * order of addition, so grouping the elements by their (depth, edge/node, z-index) key and
 * concatenating the groups in key order gives the same array in one pass. And when the only
 * changes since the last sort are additions (the renderer is told 'add', or 'zorder' for
 * elements it has not sorted yet: a new element's first styling), the new elements are
 * appended to their groups instead of regrouping everything. Anything else (removals, a
 * z-index change of a sorted element) regroups. Graphs with compound nodes (depth depends on
 * nesting) keep cytoscape's sort; so does a renderer without these internals.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { coreOf, eleOf, rendererOf, type PrivateEle, type RendererInternals, type ZSorted } from './private-shapes';

const MAX_INT = Number.MAX_SAFE_INTEGER;

type Key = [number, number, number];

/** The (depth, edge/node, z-index) key cytoscape's zIndexSort compares, for a graph without compound nodes. */
function zKey(ele: PrivateEle): Key {
  const depthStyle = ele.pstyle('z-compound-depth').value;
  const depth = depthStyle === 'bottom' ? -1 : depthStyle === 'top' ? MAX_INT : 0;
  const compare = ele.pstyle('z-index-compare').value === 'auto' && ele.isNode() ? 1 : 0;
  return [depth, compare, Number(ele.pstyle('z-index').value) || 0];
}

interface Group<T> {
  key: Key;
  eles: T[];
  /** The group's elements that pass `isInteractive`, in the same order. */
  interactive: T[];
}

/**
 * Elements grouped by draw-order key, each group in order of addition. With `isInteractive`
 * it also keeps the interactive ones (what cytoscape's hit tests scan) per group, checked as
 * they are added: cytoscape re-filters all 40k elements at every sort (~50 ms per build chunk
 * at 10k notes, profiled). After a style change of an element already added, call
 * `recheckInteractive` (its edges may change too: an edge is interactive only with its nodes).
 */
export class ZGroups<T> {
  private readonly groups = new Map<string, Group<T>>();
  private ordered: Group<T>[] | null = null;
  private interactiveStale = false;
  /**
   * Keys by cytoscape's styleKey (identical styles share it), per group since a node and an
   * edge could hash alike: reading three style properties of each of 40k elements was most of
   * the grouping's cost (profiled).
   */
  private readonly byStyle = { nodes: new Map<unknown, Key>(), edges: new Map<unknown, Key>() };

  constructor(private readonly isInteractive: (ele: T) => boolean = () => true) {}

  private keyOf(ele: PrivateEle): Key {
    const styleKey = ele._private.styleKey;
    if (styleKey == null) return zKey(ele);
    const known = ele.isNode() ? this.byStyle.nodes : this.byStyle.edges;
    let key = known.get(styleKey);
    if (!key) known.set(styleKey, (key = zKey(ele)));
    return key;
  }

  add(ele: T): void {
    const key = this.keyOf(eleOf(ele));
    const id = `${key[0]}|${key[1]}|${key[2]}`;
    let group = this.groups.get(id);
    if (!group) {
      this.groups.set(id, (group = { key, eles: [], interactive: [] }));
      this.ordered = null;
    }
    group.eles.push(ele);
    if (!this.interactiveStale && this.isInteractive(ele)) group.interactive.push(ele);
  }

  /** Every element's interactivity is checked again at the next `interactive()`. */
  recheckInteractive(): void {
    this.interactiveStale = true;
  }

  private inOrder(): Group<T>[] {
    return (this.ordered ??= [...this.groups.values()].sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]));
  }

  /** Every element in cytoscape's draw order. */
  sorted(): T[] {
    const out: T[] = [];
    for (const g of this.inOrder()) for (const ele of g.eles) out.push(ele);
    return out;
  }

  /** The interactive elements in draw order (cytoscape's `interactive` list). */
  interactive(): T[] {
    if (this.interactiveStale) {
      for (const g of this.groups.values()) g.interactive = g.eles.filter(this.isInteractive);
      this.interactiveStale = false;
    }
    const out: T[] = [];
    for (const g of this.inOrder()) for (const ele of g.interactive) out.push(ele);
    return out;
  }
}

/** These elements (in order of addition) in cytoscape's draw order, for a graph without compound nodes. */
export function zSorted<T extends SingularElementArgument>(elesInAdditionOrder: ArrayLike<T>): T[] {
  const groups = new ZGroups<T>();
  for (let i = 0; i < elesInAdditionOrder.length; i++) groups.add(elesInAdditionOrder[i]);
  return groups.sorted();
}

/** Installs the grouping sort on this core's renderer; false when its internals differ (nothing changed). */
export function installFastZSort(cy: Core): boolean {
  const renderer = rendererOf(cy);
  const original = renderer?.getCachedZSortedEles;
  const notify = renderer?.notify;
  if (!renderer || typeof original !== 'function' || typeof notify !== 'function' || typeof renderer.updateCachedGrabbedEles !== 'function') return false;
  const core = coreOf(cy);
  let groups: ZGroups<SingularElementArgument> | null = null;
  let known = new WeakSet<object>();
  let count = 0;

  renderer.notify = function (this: RendererInternals, eventName, eles) {
    if (eventName === 'zorder' && eles) {
      for (let i = 0; i < eles.length; i++) if (known.has(eles[i] as object)) groups = null;
    } else if (eventName === 'style' && eles && groups) {
      // A new element's first styling is announced before it is added: only known ones matter.
      for (let i = 0; i < eles.length; i++) {
        if (known.has(eles[i] as object)) {
          groups.recheckInteractive();
          break;
        }
      }
    } else if (eventName !== 'add' && ['remove', 'move', 'load', 'zorder', 'mount'].includes(eventName)) {
      groups = null;
    }
    return notify.call(this, eventName, eles);
  };

  renderer.getCachedZSortedEles = function (this: RendererInternals, forceRecalc?: boolean) {
    if (!forceRecalc && this.cachedZSortedEles) return this.cachedZSortedEles;
    if (core.hasCompoundNodes()) {
      groups = null;
      return original.call(this, forceRecalc);
    }
    const all = core.mutableElements();
    if (!groups || forceRecalc || all.length < count || (count > 0 && !known.has(all[count - 1] as object))) {
      groups = new ZGroups<SingularElementArgument>((ele) => eleOf(ele).interactive());
      known = new WeakSet();
      count = 0;
    }
    for (let i = count; i < all.length; i++) {
      groups.add(all[i]);
      known.add(all[i] as object);
    }
    count = all.length;
    const eles: ZSorted = groups.sorted();
    eles.interactive = groups.interactive();
    this.cachedZSortedEles = eles;
    this.updateCachedGrabbedEles!();
    return eles;
  };
  return true;
}
