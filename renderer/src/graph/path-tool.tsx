/**
 * Path tool: pick two notes, see every shortest path between them highlighted in the graph
 * and listed as clickable notes. Links are walked both ways unless "directed" is ticked.
 */
import { useEffect, useId, useState } from 'react';
import { findShortestPaths } from '../../../main/core/analysis';
import { findNode, suggestNodes } from './node-lookup';
import type { GraphEngine } from './use-graph-engine';
import type { VaultPath } from '../../../main/core/types';

/** Paths listed (and highlighted) at most; the status line says how many exist in all. */
const MAX_LISTED = 5;

export function PathTool({ engine, onOpenNote }: { engine: GraphEngine; onOpenNote(path: VaultPath): void }) {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [directed, setDirected] = useState(false);
  const [result, setResult] = useState<{ paths: string[][]; total: number; message: string | null } | null>(null);
  const model = engine.model;

  useEffect(() => () => engine.controller.current?.highlightPaths([]), [engine.controller]);

  const find = () => {
    const a = findNode(model, from);
    const b = findNode(model, to);
    if (!a || !b) {
      setResult({ paths: [], total: 0, message: `No note called “${!a ? from : to}”.` });
      engine.controller.current?.highlightPaths([]);
      return;
    }
    const { paths, total } = findShortestPaths(model.snapshot(), a.id, b.id, { directed, max: MAX_LISTED });
    engine.controller.current?.highlightPaths(paths);
    const shown = paths.length === 0 || paths[0].every((n) => engine.controller.current?.cy.getElementById(n).nonempty());
    const message =
      paths.length === 0
        ? `No ${directed ? 'directed ' : ''}path from “${a.label}” to “${b.label}”.`
        : shown
          ? null
          : 'Part of the path is outside this local graph: switch to Global to see it drawn.';
    setResult({ paths, total, message });
  };

  const input = (label: string, value: string, set: (v: string) => void, listId: string) => (
    <>
      <label htmlFor={`${listId}-input`}>{label}</label>
      <input
        id={`${listId}-input`}
        type="text"
        list={listId}
        value={value}
        autoComplete="off"
        onChange={(e) => set(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && find()}
      />
      <datalist id={listId}>
        {suggestNodes(model, value).map((n) => (
          <option key={n.id} value={n.label}>
            {n.path ?? 'not created yet'}
          </option>
        ))}
      </datalist>
    </>
  );

  return (
    <div>
      {input('From', from, setFrom, `${id}-from`)}
      {input('To', to, setTo, `${id}-to`)}
      <div className="row">
        <label>
          <input type="checkbox" checked={directed} onChange={(e) => setDirected(e.target.checked)} /> directed
        </label>
        <button type="button" onClick={find} disabled={!from.trim() || !to.trim()}>
          Find path
        </button>
      </div>
      {result?.message && <p role="status">{result.message}</p>}
      {result && result.paths.length > 0 && (
        <div aria-label="Shortest paths">
          <p role="status">
            {result.total > result.paths.length ? `${result.paths.length} of ${result.total.toLocaleString('en-US')}` : result.total} shortest{' '}
            {result.total === 1 ? 'path' : 'paths'}, {result.paths[0].length - 1} {result.paths[0].length === 2 ? 'step' : 'steps'}
          </p>
          {result.paths.map((path) => (
            <ol key={path.join('>')}>
              {path.map((nodeId) => {
                const node = model.nodes.get(nodeId);
                return (
                  <li key={nodeId}>
                    {node?.kind === 'note' && node.path ? (
                      <button type="button" className="link" onClick={() => onOpenNote(node.path!)}>
                        {node.label}
                      </button>
                    ) : (
                      <span className="muted">{node?.label ?? nodeId}</span>
                    )}
                  </li>
                );
              })}
            </ol>
          ))}
        </div>
      )}
    </div>
  );
}
