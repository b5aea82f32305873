/** Colour groups: a query (folder:, tag:, or text in the title) and a colour, first match wins. */
import { useState } from 'react';
import { PALETTE } from './graph-colours';
import { groupError } from './colour-groups';
import type { GraphSettings } from './graph-settings';

interface Props {
  settings: GraphSettings;
  updateSettings(change: (s: GraphSettings) => GraphSettings): void;
}

export function GroupsPanel({ settings, updateSettings }: Props) {
  const [query, setQuery] = useState('');
  const [colour, setColour] = useState(PALETTE[settings.groups.length % PALETTE.length]);
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const problem = groupError(query);
    if (problem) return setError(problem);
    setError(null);
    updateSettings((s) => ({ ...s, groups: [...s.groups, { query: query.trim(), colour }] }));
    setQuery('');
    setColour(PALETTE[(settings.groups.length + 1) % PALETTE.length]);
  };
  const setGroup = (i: number, change: Partial<{ colour: string }>) =>
    updateSettings((s) => ({ ...s, groups: s.groups.map((g, j) => (j === i ? { ...g, ...change } : g)) }));
  const remove = (i: number) => updateSettings((s) => ({ ...s, groups: s.groups.filter((_, j) => j !== i) }));
  return (
    <div>
      <p className="muted">The first group a note matches sets its colour.</p>
      <ul aria-label="Colour groups" style={{ listStyle: 'none', padding: 0 }}>
        {settings.groups.map((g, i) => (
          <li key={`${g.query}:${i}`} className="row">
            <input type="color" aria-label={`Colour for ${g.query}`} value={g.colour} onChange={(e) => setGroup(i, { colour: e.target.value })} />
            <span style={{ flex: 1 }}>{g.query}</span>
            <button type="button" className="icon-button" aria-label={`Remove group ${g.query}`} onClick={() => remove(i)}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <input type="color" aria-label="New group colour" value={colour} onChange={(e) => setColour(e.target.value)} />
        <input
          type="text"
          aria-label="New group query"
          placeholder="folder:Research, tag:idea, loss"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" onClick={add} disabled={!query.trim()}>
          Add
        </button>
      </div>
      {error && (
        <p role="alert" className="graph-error">
          {error}
        </p>
      )}
    </div>
  );
}
