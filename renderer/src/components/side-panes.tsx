/**
 * The window's three columns: the left sidebar, the centre and the right sidebar, with a resize
 * handle on each sidebar's inner edge. Widths are remembered (use-pane-sizes.ts).
 */
import type { ReactNode } from 'react';
import { usePaneSizes } from '../hooks/use-pane-sizes';
import { ResizeHandle } from './resize-handle';

interface Props {
  sidebars: { left: boolean; right: boolean };
  left: ReactNode;
  center: ReactNode;
  right: ReactNode;
}

export function SidePanes({ sidebars, left, center, right }: Props) {
  const [sizes, setSizes] = usePaneSizes();
  // A collapsed pane and its handle are display:none, so they take no grid cell and need no column.
  const columns = [sidebars.left && `${sizes.left}px 5px`, 'minmax(0, 1fr)', sidebars.right && `5px ${sizes.right}px`];
  const grid = { gridTemplateColumns: columns.filter(Boolean).join(' ') };
  return (
    <div className="panes" style={grid}>
      <div className="left-pane" hidden={!sidebars.left}>
        {left}
      </div>
      <ResizeHandle
        hidden={!sidebars.left}
        label="Resize file explorer"
        value={sizes.left}
        min={160}
        max={520}
        direction={1}
        onChange={(l) => setSizes({ ...sizes, left: l })}
      />
      <div className="center-pane">{center}</div>
      <ResizeHandle
        hidden={!sidebars.right}
        label="Resize sidebar"
        value={sizes.right}
        min={200}
        max={560}
        direction={-1}
        onChange={(r) => setSizes({ ...sizes, right: r })}
      />
      <div className="right-pane" hidden={!sidebars.right}>
        {right}
      </div>
    </div>
  );
}
