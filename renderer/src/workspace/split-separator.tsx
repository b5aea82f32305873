/**
 * The handle between two children of a split: a focusable separator (its value is where it sits,
 * in percent of the split) dragged with the pointer or moved with the arrow keys. Every move is
 * the pure resizeSplit transition, so the sizes live in the layout and are restored with it.
 */
import type { KeyboardEvent, PointerEvent } from 'react';
import type { Layout, Split } from './layout-model';
import { resizeSplit, separatorRange } from './layout-sizes';

const KEY_STEP = 0.02;
const BIG_STEP = 0.1;

interface Props {
  split: Split;
  /** The separator sits after this child. */
  index: number;
  update(f: (l: Layout) => Layout): void;
}

export function SplitSeparator({ split, index, update }: Props) {
  const { position, min, max } = separatorRange(split, index);
  const row = split.direction === 'row';
  const moveTo = (to: number) => update((l) => resizeSplit(l, split.id, index, to));

  // The split's box, not the separator's, is the scale: the position is a fraction of its length.
  const positionAt = (e: PointerEvent<HTMLDivElement>): number => {
    const box = e.currentTarget.parentElement!.getBoundingClientRect();
    return row ? (e.clientX - box.left) / box.width : (e.clientY - box.top) / box.height;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault(); // no text selection while dragging
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(positionAt(e));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : KEY_STEP;
    const back = row ? 'ArrowLeft' : 'ArrowUp';
    const forth = row ? 'ArrowRight' : 'ArrowDown';
    const to = e.key === back ? position - step : e.key === forth ? position + step : e.key === 'Home' ? min : e.key === 'End' ? max : null;
    if (to === null) return;
    e.preventDefault();
    moveTo(to);
  };

  const pct = (x: number) => Math.round(x * 100);
  return (
    <div
      role="separator"
      // A vertical bar between side-by-side panes, a horizontal one between stacked panes.
      aria-orientation={row ? 'vertical' : 'horizontal'}
      aria-label="Resize panes"
      aria-valuenow={pct(position)}
      aria-valuemin={pct(min)}
      aria-valuemax={pct(max)}
      tabIndex={0}
      className={`ws-separator is-${split.direction}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    />
  );
}
