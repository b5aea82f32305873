/**
 * A graph shaped like Obsidian's help vault (~310 notes, ~1,000 links): a handful of hubs
 * that most notes link to, a long tail of notes with a few links each, some orphans, and
 * titles of one to five words. Seeded: the same seed gives the same graph.
 */
import { seededRandom } from '../../../main/core/analysis';
import type { GraphEdge, GraphNode, GraphSnapshot } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const WORDS = [
  'Accepted',
  'file',
  'formats',
  'Create',
  'note',
  'Graph',
  'view',
  'Canvas',
  'Sync',
  'Publish',
  'Settings',
  'Core',
  'plugins',
  'Community',
  'Internal',
  'links',
  'Embed',
  'files',
  'Search',
  'Backlinks',
  'Outline',
  'Templates',
  'Daily',
  'notes',
  'Command',
  'palette',
  'Hotkeys',
  'Themes',
  'Appearance',
  'Workspace',
  'Bookmarks',
  'Properties',
  'Callouts',
  'Format',
  'your',
  'Attachments',
  'Tags',
  'Aliases',
  'Folders',
  'Import',
  'from',
  'Markdown',
];
const FOLDERS = [
  'Editing and formatting',
  'Files and folders',
  'Linking notes and files',
  'Plugins',
  'Obsidian Sync',
  'Obsidian Publish',
  'User interface',
  'Getting started',
];

export function helpVaultGraph(seed = 7, notes = 310, orphans = 18, links = 1000): GraphSnapshot {
  const random = seededRandom(seed);
  const used = new Set<string>();
  const title = (): string => {
    for (;;) {
      const n = 1 + Math.floor(random() * 4) + (random() < 0.1 ? 1 : 0);
      const words = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]);
      const t = words.join(' ');
      if (!used.has(t)) {
        used.add(t);
        return t;
      }
    }
  };
  const nodes: GraphNode[] = Array.from({ length: notes }, (_, i) => {
    const label = title();
    const path = vp(`${FOLDERS[i % FOLDERS.length]}/${label}.md`);
    return { id: path, kind: 'note', label, path, tags: [] };
  });
  // Orphans are the last `orphans` notes; the rest link by a power law over a shuffled order.
  const linked = notes - orphans;
  const order = Array.from({ length: linked }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const weights = order.map((_, r) => 1 / Math.pow(r + 1, 1.1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (): number => {
    let r = random() * total;
    for (let k = 0; k < weights.length; k++) if ((r -= weights[k]) <= 0) return order[k];
    return order[order.length - 1];
  };
  const edges = new Map<string, GraphEdge>();
  const link = (s: number, t: number) => {
    const id = `${nodes[s].id}->${nodes[t].id}`;
    if (s !== t && !edges.has(id)) edges.set(id, { id, source: nodes[s].id, target: nodes[t].id, count: 1 });
  };
  // Every linked note gets a link first, so only the orphans are isolated.
  for (let s = 0; s < linked; s++) link(s, pick());
  while (edges.size < links) link(Math.floor(random() * linked), pick());
  return { nodes, edges: [...edges.values()] };
}
