import type { LayoutMessage, LayoutRequest } from '../../../renderer/src/graph/layout-protocol';
import { runForceAtlas, STREAM_MIN_INTERVAL_MS } from '../../../renderer/src/graph/forceatlas-run';

/** A stand-in for the ForceAtlas2 worker: records what it was sent and lets the test answer. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<LayoutMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: { request: LayoutRequest; transfer: unknown[] }[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: LayoutRequest, transfer: unknown[] = []) {
    this.sent.push({ request, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  reply(m: LayoutMessage) {
    this.onmessage?.({ data: m } as MessageEvent<LayoutMessage>);
  }
}

import { layoutRequestFromDefinitions } from '../../../renderer/src/graph/layout-runner';
import { pairsOf, placedAt, runStreamedLayout } from '../../../renderer/src/graph/layout-stream';
import type { GraphController } from '../../../renderer/src/graph/graph-controller';

const defs = (n: number) => ({
  nodes: Array.from({ length: n }, (_, i) => ({ data: { id: `n${i}`, size: 10 }, position: { x: (i * 37) % 101, y: (i * 53) % 97 } })),
  edges: Array.from({ length: n }, (_, i) => ({ data: { id: `e${i}`, source: `n${i}`, target: `n${(i + 1) % n}` } })),
});

async function started(): Promise<FakeWorker> {
  for (let i = 0; i < 20 && (!FakeWorker.last || FakeWorker.last.sent.length === 0); i++) await Promise.resolve();
  if (!FakeWorker.last) throw new Error('worker never started');
  return FakeWorker.last;
}

function fakeController() {
  const shown: { ids: readonly string[]; xy: number[] }[] = [];
  const applied: Record<string, { x: number; y: number }>[] = [];
  const controller = {
    showLayoutPositions: (ids: readonly string[], xy: Float64Array) => shown.push({ ids, xy: [...xy] }) > 0,
    dropLayoutPositions: jest.fn(),
    applyPositions: async (p: Record<string, { x: number; y: number }>) => applied.push(p) > 0,
  } as unknown as GraphController;
  return { controller, shown, applied };
}

beforeEach(() => {
  FakeWorker.last = null;
});

describe('layoutRequestFromDefinitions', () => {
  it('packs edges as node indices and start positions as x, y pairs, skipping edges to unknown nodes', () => {
    const { nodes, edges } = defs(4);
    const r = layoutRequestFromDefinitions(nodes, [...edges, { data: { id: 'x', source: 'n0', target: 'gone' } }], new Set(['n2']));
    expect(r.nodes).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect([...r.packed!.edges]).toEqual([0, 1, 1, 2, 2, 3, 3, 0]);
    expect([...r.packed!.xy]).toEqual(nodes.flatMap((n) => [n.position.x, n.position.y]));
    expect(r.pinned).toEqual(['n2']);
  });

  it('lays out the same as the unpacked request', () => {
    const { nodes, edges } = defs(30);
    const packed = layoutRequestFromDefinitions(nodes, edges, new Set());
    const plain: LayoutRequest = {
      ...packed,
      packed: undefined,
      edges: edges.map((e) => [e.data.source, e.data.target]),
      positions: Object.fromEntries(nodes.map((n) => [n.data.id, n.position])),
    };
    const result = (r: LayoutRequest) => {
      let out: unknown = null;
      // A clock that never moves: both runs take the same chunks (the result depends on them).
      runForceAtlas(
        { ...r, iterations: 20 },
        (m) => m.type === 'done' && (out = m.positions),
        () => 0,
      );
      return out;
    };
    expect(result(packed)).toEqual(result(plain));
  });
});

describe('runForceAtlas streaming', () => {
  it('streams positions in node order, never closer together than the minimum interval, and the result after them', () => {
    const { nodes, edges } = defs(40);
    const request = { ...layoutRequestFromDefinitions(nodes, edges, new Set()), iterations: 30, stream: true };
    // A clock on which every chunk of iterations takes 120 ms (read before and after each chunk).
    let clock = 0;
    let reads = 0;
    const now = () => (reads++ % 2 === 0 ? clock : (clock += 120));
    const messages: { m: LayoutMessage; at: number }[] = [];
    runForceAtlas(request, (m) => messages.push({ m, at: clock }), now);
    const streams = messages.filter((x) => x.m.type === 'positions');
    expect(streams.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < streams.length; i++) expect(streams[i].at - streams[i - 1].at).toBeGreaterThanOrEqual(STREAM_MIN_INTERVAL_MS);
    // At most one chunk (~200 ms here) between two streams: well inside the 500 ms the view may wait.
    for (let i = 1; i < streams.length; i++) expect(streams[i].at - streams[i - 1].at).toBeLessThanOrEqual(500);
    const first = streams[0].m as Extract<LayoutMessage, { type: 'positions' }>;
    expect(first.done).toBe(1);
    expect(first.xy.length).toBe(80);
    const done = messages[messages.length - 1].m as Extract<LayoutMessage, { type: 'done' }>;
    expect(done.type).toBe('done');
    expect(Object.keys(done.positions)).toHaveLength(40);
  });

  it('streams nothing unless asked', () => {
    const { nodes, edges } = defs(20);
    const messages: LayoutMessage[] = [];
    runForceAtlas({ ...layoutRequestFromDefinitions(nodes, edges, new Set()), iterations: 10 }, (m) => messages.push(m));
    expect(messages.some((m) => m.type === 'positions')).toBe(false);
  });
});

describe('runStreamedLayout', () => {
  const request = (): LayoutRequest => layoutRequestFromDefinitions(defs(3).nodes, defs(3).edges, new Set());

  it('draws each streamed batch, then the result, hands it over before applying it, and applies it once', async () => {
    const { controller, shown, applied } = fakeController();
    const order: string[] = [];
    const job = runStreamedLayout(controller, request(), {
      onProgress: () => undefined,
      onPositions: () => order.push('positions'),
      onConverged: () => order.push('converged'),
      createWorker: () => new FakeWorker() as unknown as Worker,
    });
    const worker = await started();
    expect(worker.sent[0].request.stream).toBe(true);
    // The packed arrays are handed over, not copied.
    expect(worker.sent[0].transfer).toHaveLength(2);
    worker.reply({ type: 'positions', done: 1, total: 10, xy: Float64Array.from([1, 2, 3, 4, 5, 6]) });
    const final = { n0: { x: 10, y: 11 }, n1: { x: 12, y: 13 }, n2: { x: 14, y: 15 } };
    worker.reply({ type: 'done', positions: final });
    await expect(job.result).resolves.toBe('applied');
    expect(shown.map((s) => s.xy)).toEqual([
      [1, 2, 3, 4, 5, 6],
      [10, 11, 12, 13, 14, 15],
    ]);
    expect(shown[0].ids).toEqual(['n0', 'n1', 'n2']);
    expect(order).toEqual(['positions', 'converged']);
    expect(applied).toEqual([final]);
  });

  it('builds through `apply` when given one (a first open), not by moving nodes', async () => {
    const { controller, applied } = fakeController();
    const built: unknown[] = [];
    const job = runStreamedLayout(controller, request(), {
      onProgress: () => undefined,
      apply: async (p) => built.push(p) > 0,
      createWorker: () => new FakeWorker() as unknown as Worker,
    });
    (await started()).reply({ type: 'done', positions: { n0: { x: 1, y: 1 } } });
    await expect(job.result).resolves.toBe('applied');
    expect(built).toHaveLength(1);
    expect(applied).toHaveLength(0);
  });

  it('starts the build at the result in a task after the one that drew the result', async () => {
    const { controller } = fakeController();
    const order: string[] = [];
    const job = runStreamedLayout(controller, request(), {
      onProgress: () => undefined,
      onConverged: () => order.push('converged'),
      apply: async () => order.push('apply') > 0,
      createWorker: () => new FakeWorker() as unknown as Worker,
    });
    (await started()).reply({ type: 'done', positions: { n0: { x: 1, y: 1 } } });
    // Every microtask of the result's task runs; the build must not be among them.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(order).toEqual(['converged']);
    await expect(job.result).resolves.toBe('applied');
    expect(order).toEqual(['converged', 'apply']);
  });

  it('applies nothing when cancelled between the result and the build', async () => {
    const { controller } = fakeController();
    const built: unknown[] = [];
    let job: ReturnType<typeof runStreamedLayout> | null = null;
    job = runStreamedLayout(controller, request(), {
      onProgress: () => undefined,
      onConverged: () => job?.cancel(),
      apply: async (p) => built.push(p) > 0,
      createWorker: () => new FakeWorker() as unknown as Worker,
    });
    (await started()).reply({ type: 'done', positions: { n0: { x: 1, y: 1 } } });
    await expect(job.result).resolves.toBe('superseded');
    expect(built).toHaveLength(0);
  });

  it('draws nothing more and applies nothing once cancelled', async () => {
    const { controller, shown, applied } = fakeController();
    const job = runStreamedLayout(controller, request(), { onProgress: () => undefined, createWorker: () => new FakeWorker() as unknown as Worker });
    const worker = await started();
    job.cancel();
    worker.reply({ type: 'positions', done: 1, total: 10, xy: new Float64Array(6) });
    await expect(job.result).resolves.toBe('superseded');
    expect(shown).toHaveLength(0);
    expect(applied).toHaveLength(0);
    expect(worker.terminated).toBe(true);
  });

  it('rejects when the worker fails and lets cytoscape positions be drawn again', async () => {
    const { controller } = fakeController();
    const job = runStreamedLayout(controller, request(), { onProgress: () => undefined, createWorker: () => new FakeWorker() as unknown as Worker });
    (await started()).reply({ type: 'error', message: 'boom' });
    await expect(job.result).rejects.toThrow('boom');
    expect((controller as unknown as { dropLayoutPositions: jest.Mock }).dropLayoutPositions).toHaveBeenCalled();
  });
});

describe('pairsOf and placedAt', () => {
  it('round-trip positions between records, pairs and definitions', () => {
    const positions = { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } };
    expect([...pairsOf(['b', 'a', 'c'], positions)]).toEqual([3, 4, 1, 2, 0, 0]);
    const nodes = [
      { data: { id: 'a' }, position: { x: 0, y: 0 } },
      { data: { id: 'c' }, position: { x: 9, y: 9 } },
    ];
    expect(placedAt(nodes, positions).map((n) => n.position)).toEqual([
      { x: 1, y: 2 },
      { x: 9, y: 9 },
    ]);
    expect(nodes[0].position).toEqual({ x: 0, y: 0 });
  });
});
