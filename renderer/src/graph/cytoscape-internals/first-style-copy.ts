/**
 * Styling an element in cytoscape (Style.apply, 3.35) is: match every selector (the context
 * key), apply each property the matching contexts set one at a time, then hash every property
 * into the element's style keys (updateStyleHints). For an element styled for the first time
 * whose matching contexts set only plain values (no data() or function mappers) and that has
 * no bypasses, the outcome depends on nothing but that context key and whether it is a node
 * or an edge: every such element ends up with the same property objects (the stylesheet's own,
 * shared) and the same keys. The view's 30k edges are all like that; applying and hashing
 * their styles was ~0.2-0.3 s of a 10k-note build (CDP profile).
 *
 * So the first edge of each context key is styled by cytoscape and a snapshot of its result
 * is kept; the next ones get a copy (edges only: the view's nodes all use data mappers). Kept per stylesheet (a new stylesheet clears
 * cytoscape's context cache, and the snapshots with it). Not copied: later restyles (classes,
 * bypasses: cytoscape as before), loops and graphs with compound nodes (cytoscape rewrites
 * their curve-style as it applies it), elements with bypasses set before their first style.
 * What a first application also does is kept: the element's own style cache is cleared and
 * the renderer hears of a possible z-order change.
 */
import type { Core } from 'cytoscape';
import { styleOf, type ContextMeta, type ElementPrivate, type PrivateEle as Ele, type StyleInternals } from './private-shapes';

interface Snapshot {
  style: Record<string, unknown>;
  styleKeys: Record<string, unknown>;
  hints: Record<string, unknown>;
}

/** What updateStyleHints sets besides styleKeys (3.35). */
const HINTS = [
  'styleKey',
  'labelDimsKey',
  'labelKey',
  'labelStyleKey',
  'sourceLabelKey',
  'sourceLabelStyleKey',
  'targetLabelKey',
  'targetLabelStyleKey',
  'nodeKey',
  'hasPie',
  'hasStripe',
];

/** Installs the copy on this core's Style object; false when cytoscape's internals differ. */
export function installFirstStyleCopy(cy: Core): boolean {
  const style = styleOf(cy);
  const apply = style.apply;
  const getContextMeta = style.getContextMeta;
  const getContextStyle = style.getContextStyle;
  if (typeof apply !== 'function' || typeof getContextMeta !== 'function' || typeof getContextStyle !== 'function' || !style._private) return false;
  const core = style._private.cy;
  /** Per context cache (one per stylesheet): snapshots by group and context key, null where not copyable. */
  const bySheet = new WeakMap<object, Map<string, Snapshot | null>>();

  const snapshot = (p: ElementPrivate): Snapshot => ({
    style: { ...p.style },
    styleKeys: { ...p.styleKeys },
    hints: Object.fromEntries(HINTS.filter((h) => h in p).map((h) => [h, p[h]])),
  });

  /** Whether the contexts of this key set plain values only (then every element with it styles alike). */
  const plainContexts = (meta: ContextMeta): boolean => {
    const cxtStyle = getContextStyle.call(style, meta);
    for (const name in cxtStyle) {
      if (name === '_private') continue;
      const prop = cxtStyle[name] as { mapped?: unknown } | undefined;
      if (prop && prop.mapped) return false;
    }
    return true;
  };

  const copyable = (ele: Ele): boolean => {
    const p = ele._private;
    if (p.appliedInitStyle || ele.removed()) return false;
    for (const _ in p.style) return false; // a bypass set before the first style
    // Edges only: the view's nodes take size, colour and label from their data (mappers), and
    // trying them would only match their selectors twice.
    return p.group === 'edges' && p.source !== p.target && !core.hasCompoundNodes();
  };

  /** Styles one element by copy; false when cytoscape has to (and then it has not been touched). */
  const copyStyle = (self: StyleInternals, ele: Ele): boolean => {
    if (!copyable(ele)) return false;
    // getContextMeta records the key on the element, as cytoscape's apply does; undone below
    // when cytoscape styles it after all (its own getContextMeta must see the element as new).
    const meta = getContextMeta.call(self, ele);
    const sheet = (self._private.contextStyles ??= {});
    let snapshots = bySheet.get(sheet);
    if (!snapshots) bySheet.set(sheet, (snapshots = new Map()));
    const id = meta.key;
    const known = snapshots.get(id);
    if (!known) {
      ele._private.styleCxtKey = undefined;
      if (known === undefined && !meta.empty) {
        // The first of its kind: cytoscape styles it, and its result is the template.
        apply.call(self, [ele]);
        snapshots.set(id, plainContexts(meta) ? snapshot(ele._private) : null);
        return true;
      }
      return false;
    }
    const p = ele._private;
    p.style = { ...known.style };
    p.styleKeys = { ...known.styleKeys };
    Object.assign(p, known.hints);
    p.appliedInitStyle = true;
    // What a first application's property triggers do (first-style-shortcut.ts).
    p.styleCache = null;
    core.notify('zorder', ele);
    return true;
  };

  // cytoscape calls apply with one element at a time (cleanStyle, parsedStyle), ignoring what it returns.
  style.apply = function (this: StyleInternals, eles: ArrayLike<Ele>) {
    if (eles.length === 1) return copyStyle(this, eles[0]) ? core.collection([eles[0]]) : apply.call(this, eles);
    const rest: Ele[] = [];
    for (let i = 0; i < eles.length; i++) if (!copyStyle(this, eles[i])) rest.push(eles[i]);
    return apply.call(this, rest);
  };
  return true;
}
