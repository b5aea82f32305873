/**
 * The GraphView shell in jsdom. jsdom has no canvas, so cytoscape is swapped for the real
 * library in headless mode (same elements, styles, events and layouts, nothing drawn); the
 * view cannot tell. Covers the first load, the aria-label counts, live deltas, toggles, clicks
 * on notes and placeholders, the mode prop and the big-vault local default.
 */
import '../setup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Core } from 'cytoscape';
import type { GraphLayoutPositions, PlexusApi, VaultEvent } from '../../../main/contract/api-contract';
import type { GraphDelta, GraphSnapshot } from '../../../main/core/types';
import { GraphView } from '../../../renderer/src/graph/graph-view';
import { chainSnapshot, edge, note } from './fixtures';
import { vp } from '../../support/vault-path';

const mockInstances: Core[] = [];
jest.mock('cytoscape', () => {
  const real = jest.requireActual('cytoscape');
  const headless = (options: Record<string, unknown> = {}) => {
    // wheelSensitivity only matters with a mouse; dropping it keeps cytoscape's warning out of the log.
    const { container: _container, renderer: _renderer, wheelSensitivity: _wheel, ...rest } = options;
    const cy = real({ ...rest, headless: true, styleEnabled: true });
    mockInstances.push(cy);
    return cy;
  };
  Object.assign(headless, real);
  return { __esModule: true, default: headless };
});

/** Only the graph half of the contract; anything else the view calls is a test failure. */
function graphApi(snapshot: GraphSnapshot, layout: GraphLayoutPositions | null = null) {
  const listeners = new Set<(e: VaultEvent) => void>();
  const saved: GraphLayoutPositions[] = [];
  const savedSettings: Record<string, unknown>[] = [];
  const handlers: Partial<PlexusApi> = {
    getGraph: async () => snapshot,
    getGraphLayout: async () => layout,
    saveGraphLayout: async (l) => {
      saved.push(l);
      return { ok: true, value: null };
    },
    getGraphSettings: async () => null,
    saveGraphSettings: async (s) => {
      savedSettings.push(s);
      return { ok: true, value: null };
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const api = new Proxy(handlers, {
    get(target, key: string) {
      if (key in target) return target[key as keyof PlexusApi];
      throw new Error(`GraphView called api.${key}, which the graph view should not need`);
    },
  }) as PlexusApi;
  const emit = (delta: Partial<GraphDelta>) =>
    act(() => {
      const full: GraphDelta = { nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [], ...delta };
      for (const l of listeners) l({ type: 'graph', delta: full });
    });
  return { api, emit, saved, savedSettings };
}

const canvas = () => screen.getByRole('img', { name: /^Graph: / });
const label = () => canvas().getAttribute('aria-label');
const cy = () => mockInstances[mockInstances.length - 1];

beforeAll(() => {
  // jsdom logs "not implemented" for every getContext call; no WebGL is the answer the view expects.
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

beforeEach(() => {
  mockInstances.length = 0;
});

// chainSnapshot: 7 notes (A, B, C, D, E, H, orphan O), a placeholder and an attachment; 9 edges.
describe('GraphView', () => {
  it('loads the graph and labels the canvas with the notes and links shown', async () => {
    const { api } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={null} onOpenNote={() => {}} />);
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 9 links'));
    expect(cy().nodes()).toHaveLength(9);
    expect(cy().getElementById('placeholder:missing').hasClass('ghost')).toBe(true);
  });

  it('hides placeholders and attachments with their toggles, and counts only what is shown', async () => {
    const { api } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={null} onOpenNote={() => {}} />);
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 9 links'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unresolved' }));
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 8 links'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Attachments' }));
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 7 links'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Orphans' }));
    await waitFor(() => expect(label()).toBe('Graph: 6 notes, 7 links'));
  });

  it('applies live deltas in place: a new note linked to A appears near A, a removed one disappears', async () => {
    const { api, emit } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={null} onOpenNote={() => {}} />);
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 9 links'));
    // The first layout (fcose, animated) must be over before positions mean anything.
    await waitFor(() => expect(screen.queryByTestId('graph-layout-status')).toBeNull(), { timeout: 5000 });
    const beforePosition = { ...cy().getElementById('Two/D.md').position() };
    emit({ nodesAdded: [note(vp('New.md'))], edgesAdded: [edge('New.md', 'A.md')] });
    await waitFor(() => expect(label()).toBe('Graph: 8 notes, 10 links'));
    // In place: nodes that were there keep their positions (no re-layout of the whole graph).
    expect(cy().getElementById('Two/D.md').position()).toEqual(beforePosition);
    // Placed near its only neighbour, not at the origin or somewhere random.
    const a = cy().getElementById('A.md').position();
    const placed = cy().getElementById('New.md').position();
    expect(Math.hypot(placed.x - a.x, placed.y - a.y)).toBeLessThan(60); // the graph spans ~300 px
    emit({ nodesRemoved: ['O.md'] });
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 10 links'));
    expect(cy().getElementById('O.md').empty()).toBe(true);
  });

  it('opens notes on click; a placeholder says it is not created yet', async () => {
    const { api } = graphApi(chainSnapshot());
    const opened: string[] = [];
    render(<GraphView api={api} currentPath={null} onOpenNote={(p) => opened.push(p)} />);
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 9 links'));
    act(() => void cy().getElementById('One/C.md').emit('tap'));
    expect(opened).toEqual(['One/C.md']);
    act(() => void cy().getElementById('placeholder:missing').emit('tap'));
    expect(opened).toEqual(['One/C.md']);
    expect(await screen.findByText(/“Missing” is not created yet/)).toBeInTheDocument();
  });

  it('opens as a local graph when asked, with the depth control bounding the neighbourhood', async () => {
    const { api } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={vp('Two/D.md')} onOpenNote={() => {}} mode="local" />);
    // Depth 1 around D: C and E, and the C-D, D-E edges.
    await waitFor(() => expect(label()).toBe('Graph: 3 notes, 2 links'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Depth' }), { target: { value: '2' } });
    // Depth 2 adds B and H (via C) and the placeholder (via E): C-B, C-H, E-Missing, B-H join too.
    await waitFor(() => expect(label()).toBe('Graph: 5 notes, 6 links'));
  });

  /** 3,200 notes, N(k) linked to N(floor((k-1)/2)): a binary tree. */
  const bigTree = (): GraphSnapshot => {
    const nodes = Array.from({ length: 3200 }, (_, i) => note(vp(`N${i}.md`)));
    return { nodes, edges: nodes.slice(1).map((n, i) => edge(n.id, nodes[Math.floor(i / 2)].id)) };
  };

  it('opens big vaults as a local graph and says so', async () => {
    const { api } = graphApi(bigTree());
    render(<GraphView api={api} currentPath={vp('N10.md')} onOpenNote={() => {}} />);
    expect(await screen.findByText(/showing the local graph/)).toBeInTheDocument();
    // N10's neighbours in the binary-tree-like graph: its parent N4 and children N21, N22.
    await waitFor(() => expect(label()).toBe('Graph: 4 notes, 3 links'));
  });

  it('opens a big vault globally when the host asks for global', async () => {
    const { api } = graphApi(bigTree());
    render(<GraphView api={api} currentPath={vp('N10.md')} onOpenNote={() => {}} mode="global" />);
    await waitFor(() => expect(label()).toBe('Graph: 3200 notes, 3199 links'), { timeout: 10_000 });
    expect(screen.queryByText(/showing the local graph/)).toBeNull();
  });

  it('lists the cytoscape accelerations in the settings panel, each on or off with why', async () => {
    const { api } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={null} onOpenNote={() => {}} />);
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 9 links'));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const list = await screen.findByTestId('graph-accelerations');
    const items = [...list.querySelectorAll('li')].map((li) => li.textContent);
    // Headless here: the style shortcuts take, the canvas renderer's caches are absent.
    expect(items).toContain('First style shortcut: on');
    expect(items).toContain('Fast draw order: off — no canvas renderer (headless or WebGL)');
    expect(items).toContain('Overview holds cytoscape drawing: off — no canvas renderer (headless or WebGL)');
    expect(items).toHaveLength(10);
  });

  it('labels the canvas with the shown graph after switching from Local to Global', async () => {
    const { api } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={vp('Two/D.md')} onOpenNote={() => {}} mode="local" />);
    await waitFor(() => expect(label()).toBe('Graph: 3 notes, 2 links'));
    fireEvent.click(screen.getByRole('button', { name: 'Global' }));
    // At once, while the global graph is still going in (its edges arrive a frame later): the
    // label names the graph being drawn, not the local one it replaces.
    expect(label()).toBe('Graph: 7 notes, 9 links');
    await waitFor(() => expect(cy().edges()).toHaveLength(9));
    expect(label()).toBe('Graph: 7 notes, 9 links');
  });

  it('counts the legend over what is shown: local notes in Local mode, all in Global', async () => {
    const { api } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={vp('Two/D.md')} onOpenNote={() => {}} mode="local" />);
    await waitFor(() => expect(label()).toBe('Graph: 3 notes, 2 links'));
    const legend = () => [...screen.getByRole('complementary', { name: 'Graph legend' }).querySelectorAll('li')].map((li) => li.textContent);
    // D's neighbourhood: C (One), D and E (Two).
    await waitFor(() => expect(legend().slice(0, 2)).toEqual(['Two (2)', 'One (1)']));
    const colourOfD = cy().getElementById('Two/D.md').data('colour');
    fireEvent.click(screen.getByRole('button', { name: 'Global' }));
    await waitFor(() => expect(legend().slice(0, 4)).toEqual(['(root) (2)', 'One (2)', 'Two (2)', 'Hubs (1)']));
    expect(cy().getElementById('Two/D.md').data('colour')).toBe(colourOfD);
  });

  it('the node size slider resizes the nodes at once and is saved with the graph settings', async () => {
    const { api, savedSettings } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={null} onOpenNote={() => {}} />);
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 9 links'));
    const before = cy().getElementById('One/B.md').width();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByRole('slider', { name: 'Node size' }), { target: { value: '3' } });
    await waitFor(() => expect(cy().getElementById('One/B.md').width()).toBeCloseTo(before * 3));
    await waitFor(() => expect(savedSettings.at(-1)?.display).toEqual({ arrows: false, textFade: 0, nodeSize: 3, linkThickness: 1 }), { timeout: 3000 });
  });

  it('a force slider runs the layout again once it rests, and the forces are saved', async () => {
    const { api, savedSettings } = graphApi(chainSnapshot());
    render(<GraphView api={api} currentPath={null} onOpenNote={() => {}} />);
    await waitFor(() => expect(label()).toBe('Graph: 7 notes, 9 links'));
    await waitFor(() => expect(screen.queryByTestId('graph-layout-status')).toBeNull(), { timeout: 5000 });
    const meanLink = () => {
      const lengths = cy()
        .edges()
        .map((e) => Math.hypot(e.source().position('x') - e.target().position('x'), e.source().position('y') - e.target().position('y')));
      return lengths.reduce((a, b) => a + b, 0) / lengths.length;
    };
    const before = meanLink();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByRole('slider', { name: 'Link distance' }), { target: { value: '500' } });
    // fcose runs (the small graph's layout) with the new ideal edge length.
    await waitFor(() => expect(screen.queryByTestId('graph-layout-status')).not.toBeNull(), { timeout: 3000 });
    await waitFor(() => expect(screen.queryByTestId('graph-layout-status')).toBeNull(), { timeout: 5000 });
    // Twice the distance: fcose's ideal edge length goes from 120 to 240.
    expect(meanLink()).toBeGreaterThan(before * 1.3);
    await waitFor(() => expect((savedSettings.at(-1)?.forces as { linkDistance: number } | undefined)?.linkDistance).toBe(500), { timeout: 3000 });
  });
});
