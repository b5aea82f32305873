/**
 * Pointer and wheel input on the overview's canvas, turned into what the graph understands:
 * pan by a drag (anywhere: the overview has no node dragging), zoom by the wheel about the
 * pointer (at cytoscape's speed, see NOTCH_STEP), tap, double tap and hover by a position for hit-testing.
 */

export interface InputHandlers {
  pan(dx: number, dy: number): void;
  /** Multiply the zoom by `factor` about (x, y) in the canvas's CSS pixels. */
  zoom(factor: number, x: number, y: number): void;
  tap(x: number, y: number): void;
  doubleTap(x: number, y: number): void;
  hover(x: number, y: number): void;
  leave(): void;
}

/** A press that moves less than this (CSS px) is a tap, not a drag. */
const TAP_SLOP = 4;
/**
 * cytoscape's wheel step: zoom *= 10^(-step / 250 * sensitivity), where a mouse-wheel notch
 * counts 3 whatever its delta (it learns the notch size from the first deltas) and a trackpad's
 * small deltas count as they are. The same step here keeps the zoom speed when the renderer
 * changes mid-gesture.
 */
const WHEEL_DIVISOR = 250;
const NOTCH_STEP = 3;
/** Two taps this close in time are a double tap (cytoscape's dbltap window). */
const DOUBLE_TAP_MS = 300;

export function attachInput(canvas: HTMLCanvasElement, h: InputHandlers, wheelSensitivity: number): () => void {
  let press: { id: number; x: number; y: number; lastX: number; lastY: number; moved: boolean } | null = null;
  let lastTap = 0;
  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = local(e);
    press = { id: e.pointerId, x: p.x, y: p.y, lastX: p.x, lastY: p.y, moved: false };
    canvas.setPointerCapture?.(e.pointerId);
  };
  const move = (e: PointerEvent) => {
    const p = local(e);
    if (!press || press.id !== e.pointerId) return h.hover(p.x, p.y);
    if (!press.moved && Math.hypot(p.x - press.x, p.y - press.y) < TAP_SLOP) return;
    press.moved = true;
    h.pan(p.x - press.lastX, p.y - press.lastY);
    press.lastX = p.x;
    press.lastY = p.y;
  };
  const up = (e: PointerEvent) => {
    if (!press || press.id !== e.pointerId) return;
    const tapped = !press.moved;
    press = null;
    if (!tapped) return;
    const p = local(e);
    const now = e.timeStamp;
    if (now - lastTap < DOUBLE_TAP_MS) {
      lastTap = 0;
      h.doubleTap(p.x, p.y);
    } else {
      lastTap = now;
      h.tap(p.x, p.y);
    }
  };
  const cancel = () => {
    press = null;
  };
  const wheel = (e: WheelEvent) => {
    e.preventDefault();
    if (e.deltaY === 0) return;
    const step = Math.sign(e.deltaY) * Math.min(Math.abs(e.deltaY), NOTCH_STEP);
    const p = local(e);
    h.zoom(Math.pow(10, (-step / WHEEL_DIVISOR) * wheelSensitivity), p.x, p.y);
  };
  const leave = () => h.leave();
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', cancel);
  canvas.addEventListener('pointerleave', leave);
  canvas.addEventListener('wheel', wheel, { passive: false });
  return () => {
    canvas.removeEventListener('pointerdown', down);
    canvas.removeEventListener('pointermove', move);
    canvas.removeEventListener('pointerup', up);
    canvas.removeEventListener('pointercancel', cancel);
    canvas.removeEventListener('pointerleave', leave);
    canvas.removeEventListener('wheel', wheel);
  };
}
