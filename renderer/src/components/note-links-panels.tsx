/** The active note's link views: its backlinks (with context), its outgoing links, and its tags. */
import type { Result } from '../../../main/contract/api-contract';
import type { NoteData } from '../hooks/use-note-data';
import { noteHref } from '../routing/hash-route';
import { Snippet } from './snippet';
import { useProgressive } from '../hooks/use-progressive';
import { ShowMore } from './show-more';

function ResultError({ result }: { result: Result<unknown> }) {
  return result.ok ? null : <p className="error-text">{result.error.message}</p>;
}

export function Backlinks({ data }: { data: NoteData | null }) {
  const groups = data?.backlinks.ok ? data.backlinks.value : [];
  const count = groups.reduce((n, g) => n + g.links.length, 0);
  const slice = useProgressive(groups.length, data?.path);
  return (
    <aside aria-label="Backlinks" className="panel">
      <h2 className="panel-title">
        Backlinks <span className="count">{count}</span>
      </h2>
      {data && <ResultError result={data.backlinks} />}
      {data && data.backlinks.ok && groups.length === 0 && <p className="muted">No notes link here.</p>}
      <ul className="backlink-groups">
        {groups.slice(0, slice.shown).map((g) => (
          <li key={g.source}>
            <a className="internal-link group-title" href={noteHref(g.source)}>
              {g.sourceTitle}
            </a>
            <ul className="snippets">
              {/* One readable snippet per linking line, every link to this note on it marked. */}
              {g.snippets.map((s, i) => (
                <li key={`${s.line}-${i}`}>
                  <a className="snippet" href={noteHref(g.source)} title={`Line ${s.line}`}>
                    <Snippet snippet={s.text} />
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <ShowMore slice={slice} total={groups.length} noun="notes" />
    </aside>
  );
}

export function Outgoing({ data }: { data: NoteData | null }) {
  const links = data?.outgoing.ok ? data.outgoing.value : [];
  // One row per distinct target; the count says how often it is linked.
  const rows = new Map<string, { label: string; resolved: string | null; count: number }>();
  for (const l of links) {
    const key = l.resolved ?? `?${l.target}`;
    const row = rows.get(key) ?? { label: l.resolved ? l.resolved.replace(/\.md$/i, '').split('/').pop()! : l.target, resolved: l.resolved, count: 0 };
    row.count++;
    rows.set(key, row);
  }
  return (
    <section aria-label="Outgoing links" className="panel">
      <h2 className="panel-title">
        Outgoing links <span className="count">{rows.size}</span>
      </h2>
      {data && <ResultError result={data.outgoing} />}
      {data && data.outgoing.ok && rows.size === 0 && <p className="muted">No links in this note.</p>}
      <ul className="link-list">
        {[...rows.entries()].map(([key, row]) => (
          <li key={key}>
            {row.resolved ? (
              <a className="internal-link" href={noteHref(row.resolved)}>
                {row.label}
              </a>
            ) : (
              <span className="unresolved-item" title="Not created yet">
                {row.label} <small>(unresolved)</small>
              </span>
            )}
            {row.count > 1 && <span className="count">{row.count}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NoteTags({ data, onSearchTag }: { data: NoteData | null; onSearchTag(tag: string): void }) {
  const tags = data?.meta.ok ? data.meta.value.tags : [];
  return (
    <section aria-label="Tags" className="panel">
      <h2 className="panel-title">
        Tags <span className="count">{tags.length}</span>
      </h2>
      <div className="chips">
        {tags.map((t) => (
          <button type="button" key={t} className="chip tag" onClick={() => onSearchTag(t)} aria-label={`Search for tag #${t}`}>
            #{t}
          </button>
        ))}
      </div>
    </section>
  );
}
