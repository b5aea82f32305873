import { runForceAtlas } from '../../../renderer/src/graph/forceatlas-run';
import type { LayoutMessage, LayoutRequest } from '../../../renderer/src/graph/layout-protocol';

/** A ring of n nodes with spread-out starting positions. */
function ring(n: number, iterations: number, pinned: string[] = []): LayoutRequest {
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  const positions: LayoutRequest['positions'] = {};
  nodes.forEach((id, i) => (positions[id] = { x: (i * 37) % 101, y: (i * 53) % 97 }));
  const edges: [string, string][] = nodes.map((id, i) => [id, nodes[(i + 1) % n]]);
  return { nodes, edges, positions, pinned, iterations };
}

function run(request: LayoutRequest, now?: () => number): LayoutMessage[] {
  const messages: LayoutMessage[] = [];
  runForceAtlas(request, (m) => messages.push(m), now);
  return messages;
}

describe('runForceAtlas', () => {
  it('reports progress after the very first iteration, then in time-sized chunks up to the total', () => {
    // A fake clock where every iteration costs 100 ms: chunks of 200 ms are 2 iterations.
    // The clock is advanced from the progress callback, i.e. after the chunk's own reading.
    let clock = 0;
    const now = () => clock;
    const messages: LayoutMessage[] = [];
    let lastDone = 0;
    runForceAtlas(
      ring(12, 9),
      (m) => {
        messages.push(m);
        if (m.type === 'progress') {
          clock += (m.done - lastDone) * 100; // charged after the fact; next chunk reads it
          lastDone = m.done;
        }
      },
      now,
    );
    const progress = messages.filter((m) => m.type === 'progress').map((m) => (m as { done: number }).done);
    expect(progress[0]).toBe(1);
    expect(progress[progress.length - 1]).toBe(9);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    expect(messages[messages.length - 1].type).toBe('done');
  });

  it('uses bigger chunks when iterations are cheap, but still reports several times', () => {
    const messages = run(ring(20, 200), () => 0); // a clock that never moves: iterations look free
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.length).toBeLessThan(200);
  });

  it('returns a finite position for every node and keeps pinned nodes where they were', () => {
    const request = ring(30, 50, ['n3']);
    const done = run(request).find((m) => m.type === 'done');
    if (!done || done.type !== 'done') throw new Error('no result');
    expect(Object.keys(done.positions).sort()).toEqual([...request.nodes].sort());
    for (const p of Object.values(done.positions)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(done.positions.n3).toEqual(request.positions.n3);
    expect(done.positions.n4).not.toEqual(request.positions.n4);
  });

  it('takes the forces: more repulsion or a longer link distance spreads the same graph wider', () => {
    const spread = (forces?: LayoutRequest['forces']) => {
      const done = run({ ...ring(40, 60), forces }).find((m) => m.type === 'done') as { positions: Record<string, { x: number; y: number }> };
      const ps = Object.values(done.positions);
      const cx = ps.reduce((s, p) => s + p.x, 0) / ps.length;
      const cy = ps.reduce((s, p) => s + p.y, 0) / ps.length;
      return ps.reduce((s, p) => s + Math.hypot(p.x - cx, p.y - cy), 0) / ps.length;
    };
    const base = { centre: 0.5, repel: 10, linkForce: 1, linkDistance: 250 };
    const normal = spread(base);
    expect(spread(undefined)).toBeCloseTo(normal, 6); // no forces: the defaults
    expect(spread({ ...base, repel: 20 })).toBeGreaterThan(normal * 1.2);
    expect(spread({ ...base, linkDistance: 500 })).toBeGreaterThan(normal * 1.5);
    expect(spread({ ...base, linkForce: 0.3 })).toBeGreaterThan(normal * 1.2);
  });
});
