/**
 * The overview canvas keeps presses and moves from cytoscape (whose listeners hit-test every
 * element for each) and leaves the wheel to it, so a notch zooms once.
 */
import { attachInput, SHIELDED, type InputHandlers } from '../../../../renderer/src/graph/overview/overview-input';

function setup() {
  const container = document.createElement('div');
  const canvas = document.createElement('canvas');
  container.appendChild(canvas);
  document.body.appendChild(container);
  const calls: string[] = [];
  const handlers: InputHandlers = {
    pan: () => calls.push('pan'),
    tap: () => calls.push('tap'),
    doubleTap: () => calls.push('doubleTap'),
    hover: () => calls.push('hover'),
    leave: () => calls.push('leave'),
  };
  const detach = attachInput(canvas, handlers);
  return { container, canvas, calls, detach, remove: () => container.remove() };
}

/** Records which event types reach `target` in the bubble phase (where cytoscape listens). */
function bubbled(target: EventTarget, types: readonly string[]): string[] {
  const seen: string[] = [];
  for (const type of types) target.addEventListener(type, () => seen.push(type));
  return seen;
}

const pointer = (type: string) => Object.assign(new MouseEvent(type, { bubbles: true, button: 0 }), { pointerId: 1 });

test('presses and moves on the canvas reach the overview but not the container or the window', () => {
  const { container, canvas, calls, detach, remove } = setup();
  const atContainer = bubbled(container, SHIELDED);
  const atWindow = bubbled(window, SHIELDED);
  // A move first: after a press, moves are a drag (below the tap slop here: nothing).
  canvas.dispatchEvent(pointer('pointermove'));
  for (const type of SHIELDED) canvas.dispatchEvent(pointer(type));
  expect(calls).toEqual(['hover']);
  expect(atContainer).toEqual([]);
  expect(atWindow).toEqual([]);
  detach();
  remove();
});

test('listeners in the capture phase still see every press (a menu closing on a press outside it)', () => {
  const { canvas, detach, remove } = setup();
  const seen: string[] = [];
  const onDown = (e: Event) => seen.push(e.type);
  window.addEventListener('pointerdown', onDown, true);
  canvas.dispatchEvent(pointer('pointerdown'));
  window.removeEventListener('pointerdown', onDown, true);
  expect(seen).toEqual(['pointerdown']);
  detach();
  remove();
});

test('releases, cancels and the wheel go on to cytoscape; the overview does not zoom itself', () => {
  const { container, canvas, calls, detach, remove } = setup();
  const passed = ['mouseup', 'pointerup', 'pointercancel', 'touchend', 'touchcancel', 'wheel'];
  const atContainer = bubbled(container, passed);
  for (const type of passed) canvas.dispatchEvent(type === 'wheel' ? new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: 100 }) : pointer(type));
  expect(atContainer).toEqual(passed);
  expect(calls).toEqual([]);
  detach();
  remove();
});

test('once detached, nothing is stopped any more', () => {
  const { container, canvas, detach, remove } = setup();
  detach();
  const atContainer = bubbled(container, ['mousemove']);
  canvas.dispatchEvent(pointer('mousemove'));
  expect(atContainer).toEqual(['mousemove']);
  remove();
});
