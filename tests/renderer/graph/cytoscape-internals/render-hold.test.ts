/**
 * The overview's hold on cytoscape's drawing: while held, the renderer's frames draw nothing
 * (no 'render' event); released, one full redraw; uninstalled, the renderer is as it was.
 */
import cytoscape from 'cytoscape';
import { installRenderHold } from '../../../../renderer/src/graph/cytoscape-internals';
import { realCanvasCore, withFakeCanvas } from './real-canvas';

type Renderable = { renderer(): { render(options?: unknown): void } };

let restoreCanvas: () => void;
let cy: cytoscape.Core;

beforeEach(() => {
  restoreCanvas = withFakeCanvas();
  cy = realCanvasCore();
});

afterEach(() => {
  cy.destroy();
  restoreCanvas();
});

const renders = () => {
  let count = 0;
  cy.on('render', () => count++);
  return () => count;
};

test('held, a frame draws nothing; released, cytoscape draws again', () => {
  const counted = renders();
  const renderer = (cy as unknown as Renderable).renderer();
  const hold = installRenderHold(cy);
  expect(hold.available).toBe(true);
  hold.set(true);
  renderer.render();
  expect(counted()).toBe(0);
  hold.set(false);
  renderer.render();
  expect(counted()).toBe(1);
});

test('held, the frame loop computes no rendered geometry: an element added meanwhile stays unsettled until asked or released', () => {
  type Calcs = { beforeRenderCallbacks: { fn(willDraw: boolean): void; priority: number }[]; beforeRenderPriorities: { eleCalcs: number } };
  const r = (cy as unknown as { renderer(): Calcs }).renderer();
  const frameCalcs = () => r.beforeRenderCallbacks.find((c) => c.priority === r.beforeRenderPriorities.eleCalcs)!.fn(true);
  const hold = installRenderHold(cy);
  expect(hold.holdsCalculations).toBe(true);
  hold.set(true);
  const added = cy.add({ data: { id: 'c', label: 'C', size: 6, colour: '#888888' }, position: { x: 50, y: 50 } });
  const clean = () => (added[0] as unknown as { _private: { rstyle: { clean?: boolean } } })._private.rstyle.clean === true;
  frameCalcs();
  expect(clean()).toBe(false);
  hold.set(false);
  frameCalcs();
  expect(clean()).toBe(true);
});

test('uninstall puts the renderer back as it was', () => {
  const renderer = (cy as unknown as Renderable).renderer();
  const before = renderer.render;
  const hold = installRenderHold(cy);
  expect(renderer.render).not.toBe(before);
  hold.set(true);
  hold.uninstall();
  expect(renderer.render).toBe(before);
  expect(hold.held).toBe(false);
});

test('a headless core has no renderer to hold: unavailable, and setting it does nothing', () => {
  const headless = cytoscape({ headless: true });
  const hold = installRenderHold(headless);
  expect(hold.available).toBe(false);
  hold.set(true);
  expect(hold.held).toBe(false);
  headless.destroy();
});
