/** Hubs (by degree and by PageRank) and bridge notes; clicking one focuses it in the graph. */
import { useMemo, useState } from 'react';
import { bridges, centrality, type Clustering } from '../../../main/core/analysis';
import type { GraphEngine } from './use-graph-engine';

const TOP = 10;

export function HubsPanel({ engine, clustering }: { engine: GraphEngine; clustering: Clustering | null }) {
  const model = engine.model;
  const [message, setMessage] = useState<string | null>(null);
  const lists = useMemo(() => {
    const snapshot = model.snapshot();
    const scores = centrality(snapshot);
    const ids = [...scores.keys()].filter((id) => model.nodes.get(id)?.kind === 'note');
    const byDegree = [...ids].sort((a, b) => scores.get(b)!.neighbours - scores.get(a)!.neighbours || a.localeCompare(b)).slice(0, TOP);
    const byRank = [...ids].sort((a, b) => scores.get(b)!.pagerank - scores.get(a)!.pagerank || a.localeCompare(b)).slice(0, TOP);
    const bridgeList = clustering ? bridges(snapshot, clustering, TOP) : [];
    return { scores, byDegree, byRank, bridgeList };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model is mutated in place; modelVersion counts its changes
  }, [model, engine.modelVersion, clustering]);

  const focus = (id: string) => {
    const ok = engine.controller.current?.focus(id) ?? false;
    setMessage(ok ? null : `“${model.nodes.get(id)?.label ?? id}” is not in this view (hidden or outside the local graph).`);
  };
  const item = (id: string, detail: string) => (
    <li key={id}>
      <button type="button" className="link" onClick={() => focus(id)}>
        {model.nodes.get(id)?.label ?? id}
      </button>{' '}
      <span className="muted">{detail}</span>
    </li>
  );

  return (
    <div>
      {message && <p role="status">{message}</p>}
      <h3>Most linked</h3>
      <ol aria-label="Hubs by degree">{lists.byDegree.map((id) => item(id, `${lists.scores.get(id)!.neighbours} links`))}</ol>
      <h3>Most central (PageRank)</h3>
      <ol aria-label="Hubs by PageRank">{lists.byRank.map((id) => item(id, (lists.scores.get(id)!.pagerank * 100).toFixed(2) + '%'))}</ol>
      <h3>Bridges between clusters</h3>
      {lists.bridgeList.length === 0 ? (
        <p className="muted">No note links two clusters.</p>
      ) : (
        <ol aria-label="Bridges">{lists.bridgeList.map((b) => item(b.id, `joins ${b.clusters} clusters`))}</ol>
      )}
    </div>
  );
}
