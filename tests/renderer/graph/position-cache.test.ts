import '../setup';
import cytoscape from 'cytoscape';
import { createDebouncedSaver, PositionCache, positionNearNeighbours, provisionalPosition } from '../../../renderer/src/graph/position-cache';
import { GraphModel } from '../../../renderer/src/graph/graph-model';
import { buildView } from '../../../renderer/src/graph/view-builder';
import { chainSnapshot } from './fixtures';

describe('PositionCache', () => {
  it('round-trips a saved layout, drops stale ids and keeps pins', () => {
    const cache = new PositionCache();
    cache.load({ positions: { a: { x: 1, y: 2 }, gone: { x: 5, y: 5 } }, pinned: ['a', 'gone'] });
    cache.pin('b', { x: 10.04, y: -3 });
    const layout = cache.toLayout((id) => id !== 'gone');
    expect(layout).toEqual({ positions: { a: { x: 1, y: 2 }, b: { x: 10, y: -3 } }, pinned: ['a', 'b'] });
    cache.unpin('a');
    expect(cache.toLayout(() => true).pinned).toEqual(['gone', 'b']);
  });

  it('captures positions from cytoscape', () => {
    const cy = cytoscape({ headless: true, layout: { name: 'preset' }, elements: [{ data: { id: 'n' }, position: { x: 3, y: 4 } }] });
    const cache = new PositionCache();
    cache.capture(cy);
    expect(cache.get('n')).toEqual({ x: 3, y: 4 });
  });

  it('provisional positions are deterministic and spread; neighbours pull new nodes close', () => {
    expect(provisionalPosition('x', 100)).toEqual(provisionalPosition('x', 100));
    expect(provisionalPosition('x', 100)).not.toEqual(provisionalPosition('y', 100));
    const near = positionNearNeighbours('new', ['a', 'b'], (id) => (id === 'a' ? { x: 1000, y: 1000 } : { x: 1100, y: 1000 }), 1000);
    expect(Math.hypot(near.x - 1050, near.y - 1000)).toBeLessThan(100);
  });

  it('a view with remembered positions needs no layout; new nodes land near neighbours', () => {
    const model = new GraphModel(chainSnapshot());
    const cache = new PositionCache();
    const fresh = buildView(model, cache, { mode: 'global', centres: [], depth: 1 }, () => '#000');
    expect(fresh.layout).toBe('full');
    for (const n of fresh.nodes) cache.set(n.data.id!, n.position!);
    cache.forget('Two/E.md');
    const again = buildView(model, cache, { mode: 'global', centres: [], depth: 1 }, () => '#000');
    expect(again.layout).toBe('none');
    const pos = (id: string) => again.nodes.find((n) => n.data.id === id)!.position!;
    expect(Math.hypot(pos('Two/E.md').x - pos('Two/D.md').x, pos('Two/E.md').y - pos('Two/D.md').y)).toBeLessThan(120);
    const local = buildView(model, cache, { mode: 'local', centres: ['A.md'], depth: 1 }, () => '#000');
    expect(local.include).toEqual(new Set(['A.md', 'One/B.md', 'Hubs/H.md']));
    expect(local.layout).toBe('full');
  });

  it('debounced saver coalesces calls and reports failures', async () => {
    jest.useFakeTimers();
    const save = jest.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('disk full'));
    const errors: string[] = [];
    const saver = createDebouncedSaver(save, 100, (m) => errors.push(m));
    saver.schedule();
    saver.schedule();
    jest.advanceTimersByTime(150);
    expect(save).toHaveBeenCalledTimes(1);
    saver.schedule();
    saver.flush();
    jest.useRealTimers();
    await new Promise((r) => setTimeout(r, 0));
    expect(save).toHaveBeenCalledTimes(2);
    expect(errors).toEqual(['disk full']);
  });
});
