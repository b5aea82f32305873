import type { LayoutMessage, LayoutRequest } from '../../../renderer/src/graph/layout-protocol';

/** A stand-in for the ForceAtlas2 worker: records what it was sent and lets the test answer. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<LayoutMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: LayoutRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: LayoutRequest) {
    this.sent.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  reply(m: LayoutMessage) {
    this.onmessage?.({ data: m } as MessageEvent<LayoutMessage>);
  }
}

jest.mock('../../../renderer/src/graph/create-layout-worker', () => ({ createLayoutWorker: () => new FakeWorker() }));

import cytoscape from 'cytoscape';
import { runFcose, runWorkerLayout } from '../../../renderer/src/graph/layout-runner';

const request: LayoutRequest = { nodes: ['a', 'b'], edges: [['a', 'b']], positions: { a: { x: 0, y: 0 }, b: { x: 1, y: 1 } }, pinned: [], iterations: 10 };

async function started(): Promise<FakeWorker> {
  for (let i = 0; i < 20 && (!FakeWorker.last || FakeWorker.last.sent.length === 0); i++) await Promise.resolve();
  if (!FakeWorker.last) throw new Error('worker never started');
  return FakeWorker.last;
}

beforeEach(() => {
  FakeWorker.last = null;
});

describe('runWorkerLayout', () => {
  it('passes progress through and resolves with the positions, then terminates the worker', async () => {
    const progress: number[] = [];
    const job = runWorkerLayout(request, (done) => progress.push(done));
    const worker = await started();
    expect(worker.sent).toEqual([request]);
    worker.reply({ type: 'progress', done: 4, total: 10 });
    worker.reply({ type: 'done', positions: { a: { x: 5, y: 5 }, b: { x: 6, y: 6 } } });
    await expect(job.result).resolves.toEqual({ a: { x: 5, y: 5 }, b: { x: 6, y: 6 } });
    expect(progress).toEqual([4]);
    expect(worker.terminated).toBe(true);
  });

  it('rejects with the worker error message', async () => {
    const job = runWorkerLayout(request, () => {});
    (await started()).reply({ type: 'error', message: 'boom' });
    await expect(job.result).rejects.toThrow('boom');
  });

  it('settles with null when cancelled while running (terminate() fires no event of its own)', async () => {
    const job = runWorkerLayout(request, () => {});
    const worker = await started();
    job.cancel();
    await expect(job.result).resolves.toBeNull();
    expect(worker.terminated).toBe(true);
  });

  it('settles with null and starts no worker when cancelled before the worker module loaded', async () => {
    const job = runWorkerLayout(request, () => {});
    job.cancel();
    await expect(job.result).resolves.toBeNull();
    expect(FakeWorker.last).toBeNull();
  });
});

describe('runFcose', () => {
  const ring = (n: number) =>
    cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...Array.from({ length: n }, (_, i) => ({ data: { id: `n${i}` }, position: { x: i * 400, y: (i % 3) * 300 } })),
        ...Array.from({ length: n }, (_, i) => ({ data: { id: `e${i}`, source: `n${i}`, target: `n${(i + 1) % n}` } })),
      ],
    });
  const camera = (cy: cytoscape.Core) => ({ zoom: cy.zoom(), ...cy.pan() });

  it('resolves true once the animated layout and its fit have finished', async () => {
    const cy = ring(12);
    expect(await runFcose(cy, new Set(), true).result).toBe(true);
  });

  it('cancelled, resolves false and leaves the camera alone (a newer view fits it)', async () => {
    const cy = ring(12);
    const job = runFcose(cy, new Set(), true);
    job.cancel();
    cy.viewport({ zoom: 2, pan: { x: 5, y: 7 } });
    expect(await job.result).toBe(false);
    // Longer than the layout's 500 ms animation: a fit still running would have moved it.
    await new Promise((r) => setTimeout(r, 800));
    expect(camera(cy)).toEqual({ zoom: 2, x: 5, y: 7 });
  });
});
