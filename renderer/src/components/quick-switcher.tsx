/** Ctrl/Cmd+O: fuzzy-find a note by title or alias; arrow keys move, Enter opens. */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { PlexusApi, SwitcherItem } from '../../../main/contract/api-contract';
import { rank } from '../lib/fuzzy';
import { Modal } from './modal';

interface Props {
  api: PlexusApi;
  onOpen(path: string): void;
  onClose(): void;
}

function Highlighted({ text, positions }: { text: string; positions: number[] }) {
  const set = new Set(positions);
  return <>{[...text].map((ch, i) => (set.has(i) ? <mark key={i}>{ch}</mark> : ch))}</>;
}

export function QuickSwitcher({ api, onOpen, onClose }: Props) {
  const [items, setItems] = useState<SwitcherItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    api.getSwitcherItems().then(setItems, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);

  const results = useMemo(() => rank(items ?? [], query, (i) => [i.title, ...i.aliases]), [items, query]);
  useEffect(() => setActive(0), [query]);

  const choose = (i: number) => {
    const r = results[i];
    if (r) onOpen(r.item.path);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') choose(active);
    else return;
    e.preventDefault();
  };

  return (
    <Modal label="Quick switcher" onClose={onClose} className="switcher">
      <input autoFocus className="modal-input" placeholder="Find a note…" aria-label="Find a note" role="combobox" aria-expanded="true" aria-controls="switcher-list" aria-activedescendant={results[active] ? `switcher-${active}` : undefined} value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKeyDown} />
      {error && <p className="error-text">Could not load notes: {error}</p>}
      <ul id="switcher-list" role="listbox" className="result-list" aria-label="Matching notes">
        {results.map((r, i) => (
          <li key={r.item.path} id={`switcher-${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : undefined} onMouseEnter={() => setActive(i)} onClick={() => choose(i)}>
            <span className="result-main">
              <span className="result-title"><Highlighted text={r.text} positions={r.match.positions} /></span>
              {r.text !== r.item.title && <span className="muted"> → {r.item.title}</span>}
            </span>
            <span className="result-path">{r.item.path}</span>
          </li>
        ))}
        {items && results.length === 0 && <li className="muted" role="presentation">No matching notes.</li>}
      </ul>
    </Modal>
  );
}
