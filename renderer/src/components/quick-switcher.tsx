/**
 * Ctrl/Cmd+O: fuzzy-find a note (title or alias) or attachment; recent notes first; `note#heading`
 * jumps to a heading; Enter on "Create" (or Shift+Enter anywhere) creates the typed note.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { FileEntry, PlexusApi, SwitcherItem } from '../../../main/contract/api-contract';
import type { HeadingInfo, VaultPath } from '../../../main/core/types';
import { fileRows, headingRows, parseSwitcherQuery, sharedSwitcherCandidates, withCreate, type SwitcherRow } from './quick-switcher-rows';
import { latestSwitcherItems, switcherItems } from './switcher-items-cache';
import { Modal } from './modal';
import { isExcluded } from '../settings/excluded-folders';

interface Props {
  api: PlexusApi;
  files: FileEntry[] | null;
  /** Folders whose notes and attachments are not listed ("Excluded folders"). */
  excludedFolders?: readonly string[];
  /** Recently opened notes, most recent first. */
  recent: readonly string[];
  /** The open note: `#heading` with nothing before it lists its headings. */
  currentPath: VaultPath | null;
  /** Null when notes cannot be created (read-only, disconnected). */
  onCreate: ((name: string) => void) | null;
  onOpen(path: VaultPath, heading: string | null): void;
  onClose(): void;
}

function Highlighted({ text, positions }: { text: string; positions: number[] }) {
  const set = new Set(positions);
  return <>{[...text].map((ch, i) => (set.has(i) ? <mark key={i}>{ch}</mark> : ch))}</>;
}

/** Headings of the note a `note#heading` query points at (the best match for its note part). */
function useHeadings(api: PlexusApi, path: VaultPath | null): { headings: HeadingInfo[]; error: string | null } {
  const [state, setState] = useState<{ path: VaultPath | null; headings: HeadingInfo[]; error: string | null }>({ path: null, headings: [], error: null });
  useEffect(() => {
    if (!path) return;
    let live = true;
    api.getNoteMeta(path).then(
      (meta) => live && setState(meta.ok ? { path, headings: meta.value.headings, error: null } : { path, headings: [], error: meta.error.message }),
      (e: unknown) => live && setState({ path, headings: [], error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [api, path]);
  return state.path === path ? state : { headings: [], error: null };
}

const NONE: readonly string[] = [];

/** Rows drawn at first: more than the list shows at once; the rest are drawn when scrolled or arrowed to. */
const FIRST_ROWS = 20;

export function QuickSwitcher({ api, files, excludedFolders = NONE, recent, currentPath, onCreate, onOpen, onClose }: Props) {
  // Read once per file list (switcher-items-cache.ts): a reopened switcher lists at once, after
  // a change with the last items read until the new ones are in.
  const [items, setItems] = useState<SwitcherItem[] | null>(() => latestSwitcherItems(api, files));
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    let live = true;
    switcherItems(api, files).then(
      (list) => live && setItems(list),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, files]);

  const attachments = useMemo(
    () => (files ?? []).filter((f) => f.kind === 'attachment' && !isExcluded(f.path, excludedFolders)).map((f) => f.path),
    [files, excludedFolders],
  );
  const listed = useMemo(() => (items ?? []).filter((i) => !isExcluded(i.path, excludedFolders)), [items, excludedFolders]);
  const parsed = parseSwitcherQuery(query);
  const withAttachments = parsed.heading === null;
  const candidates = useMemo(() => sharedSwitcherCandidates(listed, withAttachments ? attachments : []), [listed, attachments, withAttachments]);
  const noteRows = useMemo(
    () => fileRows(listed, withAttachments ? attachments : [], recent, parsed.note, candidates),
    [listed, attachments, recent, parsed.note, withAttachments, candidates],
  );
  const headingTarget =
    parsed.heading === null
      ? null
      : parsed.note.trim() === ''
        ? currentPath
        : ((noteRows.find((r) => r.kind === 'file' && !r.attachment) as Extract<SwitcherRow, { kind: 'file' }> | undefined)?.path ?? null);
  const targetTitle = (items ?? []).find((i) => i.path === headingTarget)?.title ?? headingTarget ?? '';
  const { headings, error: headingError } = useHeadings(api, headingTarget);
  const rows = useMemo(
    () =>
      parsed.heading === null
        ? withCreate(noteRows, query, onCreate !== null && items !== null)
        : headingTarget
          ? headingRows(headingTarget, targetTitle, headings, parsed.heading)
          : [],
    [parsed.heading, noteRows, query, onCreate, items, headingTarget, targetTitle, headings],
  );
  const [drawn, setDrawn] = useState(FIRST_ROWS);
  useEffect(() => {
    setActive(0);
    setDrawn(FIRST_ROWS);
  }, [query]);
  // Every key's list is drawn afresh; rows out of sight would only cost time.
  const shown = Math.max(drawn, active + FIRST_ROWS / 2);
  const onListScroll = (e: { currentTarget: HTMLElement }) => {
    const el = e.currentTarget;
    if (el.scrollTop + el.clientHeight * 2 >= el.scrollHeight) setDrawn((d) => Math.max(d, shown) + FIRST_ROWS);
  };

  const choose = (row: SwitcherRow | undefined) => {
    if (!row) return;
    if (row.kind === 'create') onCreate?.(row.name);
    else onOpen(row.path, row.kind === 'heading' ? row.heading : null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(rows.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && e.shiftKey && onCreate && query.trim() !== '' && parsed.heading === null) onCreate(query.trim());
    else if (e.key === 'Enter') choose(rows[active]);
    else return;
    e.preventDefault();
  };

  return (
    <Modal label="Quick switcher" onClose={onClose} className="switcher">
      <input
        autoFocus
        className="modal-input"
        placeholder="Find a note… (# for headings)"
        aria-label="Find a note"
        role="combobox"
        aria-expanded="true"
        aria-controls="switcher-list"
        aria-activedescendant={rows[active] ? `switcher-${active}` : undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {error && <p className="error-text">Could not load notes: {error}</p>}
      {headingError && <p className="error-text">Could not load headings: {headingError}</p>}
      <ul id="switcher-list" role="listbox" className="result-list" aria-label="Matching notes" onScroll={onListScroll}>
        {rows.slice(0, shown).map((r, i) => (
          <li
            key={r.kind === 'create' ? 'create' : r.kind === 'heading' ? `h:${r.heading}:${i}` : r.path}
            id={`switcher-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(r)}
          >
            <SwitcherRowView row={r} />
          </li>
        ))}
        {items && rows.length === 0 && (
          <li className="muted" role="presentation">
            {parsed.heading !== null ? (headingTarget ? 'No matching headings.' : 'No note to list headings of.') : 'No matching notes.'}
          </li>
        )}
      </ul>
      <p className="muted small switcher-hint">
        {parsed.heading === null && onCreate ? <>↵ open · ⇧↵ create “{query.trim() || '…'}” · type # for headings</> : '↵ open'}
      </p>
    </Modal>
  );
}

function SwitcherRowView({ row }: { row: SwitcherRow }) {
  if (row.kind === 'create') {
    return (
      <span className="result-main">
        <span className="result-title">Create note “{row.name}”</span>
      </span>
    );
  }
  if (row.kind === 'heading') {
    return (
      <>
        <span className="result-main">
          <span className="muted">{'#'.repeat(row.level)} </span>
          <span className="result-title">
            <Highlighted text={row.heading} positions={row.positions} />
          </span>
        </span>
        <span className="result-path">{row.title}</span>
      </>
    );
  }
  return (
    <>
      <span className="result-main">
        <span className="result-title">
          <Highlighted text={row.text} positions={row.positions} />
        </span>
        {row.text !== row.title && <span className="muted"> → {row.title}</span>}
        {row.attachment && <span className="muted"> (attachment)</span>}
      </span>
      <span className="result-path">{row.path}</span>
    </>
  );
}
