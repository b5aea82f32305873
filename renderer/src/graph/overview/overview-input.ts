/**
 * Pointer input on the overview's surface (overview-stage.ts: it never moves, unlike the canvas
 * on it during a gesture), turned into what the graph understands: pan by a drag (anywhere:
 * the overview has no node dragging), tap, double tap and hover by a position for hit-testing. The wheel is left to cytoscape: its listener on the container runs in the
 * capture phase, before any listener here could stop it, and zooming here as well made every
 * notch zoom twice. cytoscape's own handling of a press or move is stopped at the surface
 * (SHIELDED): it hit-tests every element for each one, which costs a frame or more on a big
 * graph, for a picture it is not drawing.
 */

export interface InputHandlers {
  pan(dx: number, dy: number): void;
  /** `newTab`: Ctrl/Cmd held, as a Ctrl/Cmd+click on a link. */
  tap(x: number, y: number, newTab: boolean): void;
  doubleTap(x: number, y: number): void;
  hover(x: number, y: number): void;
  leave(): void;
}

/** A press that moves less than this (CSS px) is a tap, not a drag. */
const TAP_SLOP = 4;
/** Two taps this close in time are a double tap (cytoscape's dbltap window). */
const DOUBLE_TAP_MS = 300;

/**
 * Events that cytoscape hit-tests on (its listeners are on the container, or on the window for
 * moves, all in the bubble phase), stopped once they have reached the surface. Releases and
 * cancels go on: cytoscape ignores them unless a press of its own began (a drag started while
 * it drew must still end). Listeners elsewhere that must see every press (a menu closing on a
 * press outside it) listen in the capture phase.
 */
export const SHIELDED = ['mousedown', 'mousemove', 'mouseover', 'mouseout', 'pointerdown', 'pointermove', 'touchstart', 'touchmove'] as const;

const stop = (e: Event) => e.stopPropagation();

export function attachInput(surface: HTMLElement, h: InputHandlers): () => void {
  let press: { id: number; x: number; y: number; lastX: number; lastY: number; moved: boolean } | null = null;
  let lastTap = 0;
  const local = (e: { clientX: number; clientY: number }) => {
    const r = surface.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = local(e);
    press = { id: e.pointerId, x: p.x, y: p.y, lastX: p.x, lastY: p.y, moved: false };
    surface.setPointerCapture?.(e.pointerId);
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
      h.tap(p.x, p.y, e.ctrlKey || e.metaKey);
    }
  };
  const cancel = () => {
    press = null;
  };
  const leave = () => h.leave();
  surface.addEventListener('pointerdown', down);
  surface.addEventListener('pointermove', move);
  surface.addEventListener('pointerup', up);
  surface.addEventListener('pointercancel', cancel);
  surface.addEventListener('pointerleave', leave);
  for (const type of SHIELDED) surface.addEventListener(type, stop);
  return () => {
    for (const type of SHIELDED) surface.removeEventListener(type, stop);
    surface.removeEventListener('pointerdown', down);
    surface.removeEventListener('pointermove', move);
    surface.removeEventListener('pointerup', up);
    surface.removeEventListener('pointercancel', cancel);
    surface.removeEventListener('pointerleave', leave);
  };
}
