/**
 * The centre area drawn from the layout: splits as flex rows/columns, each pane a region
 * ("Note") with its tab strip. Only the active pane's tab gets the app's full note pane (editor,
 * actions, sidebar data); other panes show their tab read-only and become active when clicked.
 * A graph tab is drawn alike in either (pane-graph.tsx).
 * A tab that is not shown is not mounted: leaving it unmounts its editor, which saves or rescues
 * unsaved text exactly as navigating away does (editor/use-note-document.ts).
 */
import { Fragment, type ReactNode } from 'react';
import {
  activateTab,
  activatePane,
  closeTab,
  currentView,
  moveTab,
  openInNewTab,
  splitActive,
  splitWithTab,
  type Layout,
  type LayoutNode,
  type Pane,
  type View,
} from './layout-model';
import { shares } from './layout-tree';
import { PaneDropZones } from './pane-drop-zones';
import { SplitSeparator } from './split-separator';
import { TabScrollKey } from './tab-scroll';
import { TabStrip } from './tab-strip';

interface Props {
  layout: Layout;
  update(f: (l: Layout) => Layout): void;
  /** The active pane's body: the app's note, graph or attachment pane for the active tab. */
  active: ReactNode;
  /** The body of a pane that is not active. */
  renderInactive(view: View | null, paneId: string): ReactNode;
  /** A graph tab's body, active or not (pane-graph.tsx says why it is one element). */
  renderGraph(view: Extract<View, { kind: 'graph' }>, paneId: string): ReactNode;
  labelOf(view: View | null): string;
}

export function WorkspaceView(props: Props) {
  return <div className="workspace">{renderNode(props.layout.root, props)}</div>;
}

/** `grow`: the node's share of its parent split (flex-grow); none for the root. */
function renderNode(node: LayoutNode, props: Props, grow?: number): ReactNode {
  if (node.kind === 'pane') return <PaneView key={node.id} pane={node} grow={grow} {...props} />;
  const share = shares(node);
  return (
    <div key={node.id} className={`ws-split is-${node.direction}`} style={{ flexGrow: grow }}>
      {node.children.map((c, i) => (
        <Fragment key={c.id}>
          {i > 0 && <SplitSeparator split={node} index={i - 1} update={props.update} />}
          {renderNode(c, props, share[i])}
        </Fragment>
      ))}
    </div>
  );
}

function PaneView({ pane, grow, layout, update, active, renderInactive, renderGraph, labelOf }: Props & { pane: Pane; grow?: number }) {
  const isActive = pane.id === layout.activePane;
  const tab = pane.tabs.find((t) => t.id === pane.active) ?? null;
  const view = currentView(tab);
  // A pane with no tabs is the only pane (layout-check.ts), so it is active: the app draws its empty state.
  const body = view?.kind === 'graph' ? renderGraph(view, pane.id) : isActive ? active : renderInactive(view, pane.id);
  return (
    // Capture, not bubble: the pane is active before a link inside it navigates.
    <section
      aria-label="Note"
      className={`ws-pane${isActive ? ' is-active' : ''}`}
      style={{ flexGrow: grow }}
      onClickCapture={() => !isActive && update((l) => activatePane(l, pane.id))}
    >
      <TabStrip
        pane={pane}
        labelOf={(t) => labelOf(currentView(t))}
        onActivate={(id) => update((l) => activateTab(l, id))}
        onClose={(id) => update((l) => closeTab(l, id))}
        onNewTab={() => update((l) => openInNewTab(activatePane(l, pane.id)))}
        onSplit={(side) => update((l) => splitActive(activatePane(l, pane.id), side))}
        onMove={(id, index) => update((l) => moveTab(l, id, pane.id, index))}
      />
      <PaneDropZones
        onDropTab={(id, zone) => update((l) => (zone === 'centre' ? moveTab(l, id, pane.id, pane.tabs.length) : splitWithTab(l, id, pane.id, zone)))}
      >
        <TabScrollKey.Provider value={tab ? `${tab.id}#${tab.index}` : null}>{body}</TabScrollKey.Provider>
      </PaneDropZones>
    </section>
  );
}
