/**
 * A pane's body as a drop target for a dragged tab, as in Obsidian: its outer quarter on each
 * side splits the pane that way, its centre moves the tab into the pane. The zone under the
 * pointer is highlighted while dragging (an overlay that takes no pointer events itself).
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import type { PaneEdge } from './layout-model';
import { DRAG_TYPE } from './tab-strip';

export type DropZone = PaneEdge | 'centre';

const EDGE = 0.25;

/** Which zone a point falls in, from its position as fractions of the box (x, y in 0..1); the nearest edge wins in a corner. */
export function zoneAt(x: number, y: number): DropZone {
  const edges: [PaneEdge, number][] = [
    ['left', x],
    ['right', 1 - x],
    ['top', y],
    ['bottom', 1 - y],
  ];
  const [edge, distance] = edges.reduce((a, b) => (b[1] < a[1] ? b : a));
  return distance < EDGE ? edge : 'centre';
}

interface Props {
  children: ReactNode;
  onDropTab(tabId: string, zone: DropZone): void;
}

export function PaneDropZones({ children, onDropTab }: Props) {
  const [zone, setZone] = useState<DropZone | null>(null);
  const zoneOf = (e: DragEvent<HTMLDivElement>): DropZone => {
    const box = e.currentTarget.getBoundingClientRect();
    return zoneAt((e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height);
  };
  const isTab = (e: DragEvent) => e.dataTransfer.types.includes(DRAG_TYPE);
  return (
    <div
      className="ws-pane-body"
      onDragOver={(e) => {
        if (!isTab(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        const z = zoneOf(e);
        if (z !== zone) setZone(z);
      }}
      onDragLeave={(e) => {
        // Leaving for a child of the body is not leaving the body.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setZone(null);
      }}
      onDrop={(e) => {
        setZone(null);
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (!id) return;
        e.preventDefault();
        onDropTab(id, zoneOf(e));
      }}
    >
      {children}
      {zone && <div className={`ws-drop-zone is-${zone}`} data-drop-zone={zone} aria-hidden="true" />}
    </div>
  );
}
