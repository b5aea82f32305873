/** A vertical splitter: drag with the pointer, or focus it and use the arrow keys (16 px a step). */
import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (left pane), -1 when it shrinks it (right pane). */
  direction: 1 | -1;
  onChange(value: number): void;
  /** Set while the pane it sizes is collapsed. */
  hidden?: boolean;
}

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));

export function ResizeHandle({ label, value, min, max, direction, onChange, hidden }: Props) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startX = e.clientX;
    const start = value;
    const el = e.currentTarget;
    el.setPointerCapture?.(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onChange(clamp(start + direction * (ev.clientX - startX), min, max));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 16 : e.key === 'ArrowLeft' ? -16 : 0;
    if (!step) return;
    e.preventDefault();
    onChange(clamp(value + direction * step, min, max));
  };
  return (
    <div
      hidden={hidden}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="resize-handle"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
