/**
 * A pane's tabs (a tablist; each tab named by its note's title) with close buttons, drag to
 * reorder, middle-click to close, and the pane's new-tab and split buttons.
 */
import type { DragEvent } from 'react';
import type { Pane, Tab } from './layout-model';

export const DRAG_TYPE = 'application/x-plexus-tab';

interface Props {
  pane: Pane;
  labelOf(tab: Tab): string;
  onActivate(tabId: string): void;
  onClose(tabId: string): void;
  onNewTab(): void;
  onSplit(side: 'right' | 'down'): void;
  /** Drop a dragged tab (of any pane) at this index of this pane. */
  onMove(tabId: string, index: number): void;
}

export function TabStrip({ pane, labelOf, onActivate, onClose, onNewTab, onSplit, onMove }: Props) {
  const onDrop = (index: number) => (e: DragEvent) => {
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    onMove(id, index);
  };
  const allowDrop = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
  };
  return (
    <div className="tab-strip" onDragOver={allowDrop} onDrop={onDrop(pane.tabs.length)}>
      <div role="tablist" aria-label="Open tabs" className="tabs">
        {pane.tabs.map((tab, i) => {
          const label = labelOf(tab);
          const selected = tab.id === pane.active;
          return (
            <div key={tab.id} className={`tab${selected ? ' is-selected' : ''}`} onDragOver={allowDrop} onDrop={onDrop(i)}>
              <button
                type="button"
                role="tab"
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                className="tab-title"
                title={label}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, tab.id);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => onActivate(tab.id)}
                onAuxClick={(e) => {
                  if (e.button !== 1) return;
                  e.preventDefault();
                  onClose(tab.id);
                }}
              >
                {/* The span, not the button, cuts a long title short (with an ellipsis; the full title is the tooltip). */}
                <span className="tab-title-text">{label}</span>
              </button>
              <button type="button" className="tab-close icon-button" aria-label={`Close ${label}`} title="Close (Ctrl+W)" onClick={() => onClose(tab.id)}>
                ×
              </button>
            </div>
          );
        })}
      </div>
      <div className="tab-strip-actions">
        <button type="button" className="icon-button" aria-label="New tab" title="New tab (Ctrl+T)" onClick={onNewTab}>
          +
        </button>
        <button type="button" className="icon-button" aria-label="Split right" title="Split right" onClick={() => onSplit('right')}>
          ◫
        </button>
        <button type="button" className="icon-button" aria-label="Split down" title="Split down" onClick={() => onSplit('down')}>
          ⊟
        </button>
      </div>
    </div>
  );
}
