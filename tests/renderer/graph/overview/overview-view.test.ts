/**
 * While the camera moves, the overview does not composite its picture again each frame: the
 * canvas keeps its last composite and is moved and scaled by a CSS transform (the compositor's
 * work). Once the camera rests, the picture is composited again at the exact camera and the
 * transform goes. Pointer positions are read on the surface that never moves, so a tap during a
 * gesture still hits the node under it at the current camera.
 */
import { OverviewView, REST_MS } from '../../../../renderer/src/graph/overview/overview-view';
import type { OverviewModel } from '../../../../renderer/src/graph/overview/overview-model';

/** A 2D context that counts its bitmap copies (drawImage) and accepts every other call. */
function recordingContext(log: { drawImages: number }): CanvasRenderingContext2D {
  const made: Record<string | symbol, unknown> = {
    drawImage: () => log.drawImages++,
    getImageData: () => ({ data: new Uint8ClampedArray(4) }),
  };
  return new Proxy(made, {
    get(target, key) {
      if (!(key in target) && typeof key === 'string' && /^[a-z]/.test(key)) target[key] = () => undefined;
      return target[key];
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

const logs = new WeakMap<HTMLCanvasElement, { drawImages: number }>();
const proto = HTMLCanvasElement.prototype as unknown as { getContext: unknown };
const originalGetContext = proto.getContext;

beforeEach(() => {
  jest.useFakeTimers();
  proto.getContext = function (this: HTMLCanvasElement) {
    const log = { drawImages: 0 };
    logs.set(this, log);
    return recordingContext(log);
  };
});

afterEach(() => {
  proto.getContext = originalGetContext;
  jest.useRealTimers();
  document.body.innerHTML = '';
});

/** Two nodes 100 apart and the link between them. */
function model(): OverviewModel {
  const ids = ['a', 'b'];
  return {
    ids,
    index: new Map(ids.map((id, i) => [id, i])),
    x: Float64Array.from([0, 100]),
    y: Float64Array.from([0, 0]),
    radius: Float32Array.from([4, 4]),
    colour: new Uint16Array(2),
    palette: ['#888888'],
    shown: Uint8Array.from([1, 1]),
    edges: Uint32Array.from([0, 1]),
    marked: [],
  };
}

function setup() {
  const container = document.createElement('div');
  Object.defineProperty(container, 'clientWidth', { value: 400 });
  Object.defineProperty(container, 'clientHeight', { value: 300 });
  document.body.appendChild(container);
  const taps: string[] = [];
  const view = new OverviewView(container, {
    colours: { edge: '#999999', accent: '#ff0000', background: '#ffffff' },
    nodeScale: 1,
    edgeWidth: 1,
    handlers: { pan: () => undefined, tap: (id) => taps.push(id), doubleTap: () => undefined, hover: () => undefined },
  });
  const screen = logs.get(view.canvas)!;
  /** Runs the animation frames due now (one frame's worth of fake time). */
  const frame = () => jest.advanceTimersByTime(16);
  return { container, view, screen, frame, taps };
}

test('a gesture moves and scales the last composite instead of drawing it again, and the picture is composited exactly once the camera rests', async () => {
  const { view, screen, frame } = setup();
  view.setModel(model());
  view.setCamera({ zoom: 1, panX: 50, panY: 100 });
  view.setActive(true);
  const drawn = view.whenDrawn();
  for (let i = 0; i < 5; i++) frame();
  await drawn;
  // The complete picture is on screen at its camera: edges and nodes copied once each.
  const composited = screen.drawImages;
  expect(composited).toBe(2);
  expect(view.canvas.style.transform).toBe('');

  // A pan: the same composite, moved (to whole device pixels); nothing copied.
  view.setCamera({ zoom: 1, panX: 60.4, panY: 95 });
  frame();
  expect(screen.drawImages).toBe(composited);
  expect(view.canvas.style.transform).toBe('translate(10px, -5px)');

  // A zoom about the rendered origin: scaled by the zoom's change, placed where the picture lands.
  view.setCamera({ zoom: 2, panX: 20, panY: 40 });
  frame();
  expect(screen.drawImages).toBe(composited);
  expect(view.canvas.style.transform).toBe('translate(-80px, -160px) scale(2)');

  // At rest: composited again at the exact camera (this picture is small enough that the new one
  // for this camera completes in the same frame), the transform gone; then nothing more to copy.
  jest.advanceTimersByTime(REST_MS + 16);
  expect(screen.drawImages).toBe(composited + 2);
  expect(view.canvas.style.transform).toBe('none');
  await view.whenDrawn();
  for (let i = 0; i < 3; i++) frame();
  expect(screen.drawImages).toBe(composited + 2);
});

test('during a gesture a tap hits the node under the pointer at the current camera, read on the surface that does not move', () => {
  const { container, view, frame, taps } = setup();
  view.setModel(model());
  view.setCamera({ zoom: 1, panX: 0, panY: 0 });
  view.setActive(true);
  frame();
  view.setCamera({ zoom: 2, panX: 30, panY: 50 });
  frame();
  expect(view.canvas.style.transform).not.toBe('none');
  const surface = view.canvas.parentElement!;
  expect(surface.parentElement).toBe(container);
  // The canvas moved, the surface did not: its box is where positions are read from.
  surface.getBoundingClientRect = () => ({ left: 0, top: 0, right: 400, bottom: 300, width: 400, height: 300, x: 0, y: 0, toJSON: () => ({}) });
  view.canvas.getBoundingClientRect = () => {
    throw new Error('positions are read on the surface');
  };
  // Node b (100, 0) is at 100 * 2 + 30, 0 * 2 + 50 on screen now.
  const at = { clientX: 230, clientY: 50, pointerId: 1, button: 0, bubbles: true };
  view.canvas.dispatchEvent(Object.assign(new MouseEvent('pointerdown', at), { pointerId: 1 }));
  view.canvas.dispatchEvent(Object.assign(new MouseEvent('pointerup', at), { pointerId: 1 }));
  expect(taps).toEqual(['b']);
});
