/**
 * Every tag in the vault with its note count ("All tags"), nested tags (`#a/b`) as a tree, sorted
 * by name or count. A click lists the tagged notes (search for `tag:#x`, which takes nested tags
 * too). Re-read when the vault's notes change (`version`).
 */
import { useEffect, useMemo, useState } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { tagTree, type TagNode, type TagSort } from './outline-tree';
import { cachedTags, tagsFor } from './tags-cache';

interface Props {
  api: PlexusApi;
  version: number;
  onSearchTag(tag: string): void;
}

export function TagsPanel({ api, version, onSearchTag }: Props) {
  const [tags, setTags] = useState<{ tag: string; count: number }[] | null>(() => cachedTags(api, version));
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<TagSort>('name');
  useEffect(() => {
    let live = true;
    tagsFor(api, version).then(
      (t) => {
        if (!live) return;
        setTags(t);
        setError(null);
      },
      (e: unknown) => live && setError(`Could not load tags: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [api, version]);
  const tree = useMemo(() => tagTree(tags ?? [], sort), [tags, sort]);
  return (
    <section aria-label="All tags" className="panel all-tags" tabIndex={-1}>
      <div className="panel-title-row">
        <h2 className="panel-title">
          All tags <span className="count">{tags?.length ?? 0}</span>
        </h2>
        <label className="small muted">
          Sort{' '}
          <select aria-label="Sort tags" value={sort} onChange={(e) => setSort(e.target.value as TagSort)}>
            <option value="name">by name</option>
            <option value="count">by count</option>
          </select>
        </label>
      </div>
      {error && <p className="error-text">{error}</p>}
      {tags && tags.length === 0 && <p className="muted">No tags in this vault.</p>}
      <TagList nodes={tree} onSearchTag={onSearchTag} />
    </section>
  );
}

function TagList({ nodes, onSearchTag }: { nodes: TagNode[]; onSearchTag(tag: string): void }) {
  if (nodes.length === 0) return null;
  return (
    <ul className="tag-tree">
      {nodes.map((n) => (
        <li key={n.tag}>
          <button type="button" className="tag-row" onClick={() => onSearchTag(n.tag)} aria-label={`#${n.tag}, ${n.total} ${n.total === 1 ? 'note' : 'notes'}`}>
            <span className="tag">#{n.name}</span>
            <span className="count">{n.total}</span>
          </button>
          <TagList nodes={n.children} onSearchTag={onSearchTag} />
        </li>
      ))}
    </ul>
  );
}
