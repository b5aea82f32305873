/** The overview's offscreen canvases are reused from picture to picture, blank and at the size asked. */
import { CanvasPool } from '../../../../renderer/src/graph/overview/canvas-pool';

test('a canvas given back is taken again, at the new size, instead of a new one', () => {
  const pool = new CanvasPool(document);
  const a = pool.take(200, 100);
  const b = pool.take(200, 100);
  expect(pool.createdCount).toBe(2);
  pool.give(a);
  pool.give(b);
  const c = pool.take(300, 150);
  const d = pool.take(300, 150);
  expect(new Set([c, d])).toEqual(new Set([a, b]));
  expect([c.width, c.height]).toEqual([300, 150]);
  expect(pool.createdCount).toBe(2);
});

test('keeps only as many as asked, and a canvas given twice is kept once', () => {
  const pool = new CanvasPool(document, 1);
  const a = pool.take(10, 10);
  const b = pool.take(10, 10);
  pool.give(a);
  pool.give(a);
  pool.give(b);
  expect(pool.take(10, 10)).toBe(a);
  expect(pool.take(10, 10)).not.toBe(b);
  expect(pool.createdCount).toBe(3);
});
