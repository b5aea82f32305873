/**
 * Seeded synthetic vault graphs for the graph benchmark, built as GraphSnapshots directly (no
 * files): N notes over a few folders, 1 to 2L-1 outgoing links each (L on average, 3 unless
 * asked; repeats of one target merge into one edge) whose targets follow
 * a power law (a few hubs collect most links, as in real vaults), ~2% of links unresolved
 * (placeholders), and a few tags. The same seed always gives the same graph.
 */
import { seededRandom } from '../../main/core/analysis';
import type { GraphEdge, GraphNode, GraphSnapshot } from '../../main/core/types';
import { PLACEHOLDER_PREFIX } from '../../main/core/types';
import { vp } from '../../tests/support/vault-path';

const FOLDERS = ['Concepts', 'Projects', 'Journal', 'Reading', 'People', 'Ideas', 'Archive', 'Research/ML', 'Research/Systems', 'Inbox'];
const TAGS = ['idea', 'todo', 'project/alpha', 'project/beta', 'reading', 'person'];

export function generateGraph(notes: number, seed = 1, linksPerNote = 3): GraphSnapshot {
  const random = seededRandom(seed);
  const paths = Array.from({ length: notes }, (_, i) => vp(`${FOLDERS[i % FOLDERS.length]}/Note ${String(i).padStart(5, '0')}.md`));
  // Zipf-like targets over a shuffled order, so hubs are spread over folders.
  const order = paths.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cumulative = new Float64Array(notes);
  let sum = 0;
  for (let i = 0; i < notes; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, 0.9);
  const pick = () => {
    const r = random() * sum;
    let lo = 0;
    let hi = notes - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return order[lo];
  };

  const nodes: GraphNode[] = paths.map((path, i) => ({
    id: path,
    kind: 'note',
    label: `Note ${String(i).padStart(5, '0')}`,
    path,
    tags: random() < 0.3 ? [TAGS[Math.floor(random() * TAGS.length)]] : [],
  }));
  const edges = new Map<string, GraphEdge>();
  const placeholders = new Map<string, GraphNode>();
  for (let i = 0; i < notes; i++) {
    const links = 1 + Math.floor(random() * (2 * linksPerNote - 1));
    for (let k = 0; k < links; k++) {
      let target: string;
      if (random() < 0.02) {
        const name = `Missing ${Math.floor(random() * Math.max(1, notes / 50))}`;
        target = PLACEHOLDER_PREFIX + name.toLowerCase();
        if (!placeholders.has(target)) placeholders.set(target, { id: target, kind: 'placeholder', label: name, path: null, tags: [] });
      } else {
        const j = pick();
        if (j === i) continue;
        target = paths[j];
      }
      const id = `${paths[i]}->${target}`;
      const existing = edges.get(id);
      if (existing) existing.count++;
      else edges.set(id, { id, source: paths[i], target, count: 1 });
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: [...nodes, ...placeholders.values()].sort(byId), edges: [...edges.values()].sort(byId) };
}
