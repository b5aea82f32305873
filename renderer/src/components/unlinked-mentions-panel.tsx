/**
 * Unlinked mentions of the open note, each with "Link": the mention becomes `[[Note]]` (or
 * `[[Note|as written]]`) in its note on disk. The note is read fresh and written back with the
 * hash it was read at, so a change made meanwhile (here or elsewhere) is a conflict, never lost.
 */
import { useMemo, useState } from 'react';
import type { FileEntry, PlexusApi, UnlinkedMention } from '../../../main/contract/api-contract';
import { linkMention, linkTextFor } from '../../../main/core/query/link-mention';
import type { NoteData } from '../hooks/use-note-data';
import { useProgressive } from '../hooks/use-progressive';
import { isExcluded } from '../settings/excluded-folders';
import { useSettings } from '../settings/settings-store';
import { noteHref } from '../routing/hash-route';
import { ShowMore } from './show-more';
import { Snippet } from './snippet';
import type { VaultPath } from '../../../main/core/types';

interface Props {
  api: PlexusApi;
  data: NoteData | null;
  files: FileEntry[] | null;
  readOnly: boolean;
}

async function linkOne(api: PlexusApi, target: VaultPath, notePaths: string[], m: UnlinkedMention): Promise<string | null> {
  const read = await api.readNote(m.source);
  if (!read.ok) return read.error.message;
  if (read.value.decodeWarning) return `${m.sourceTitle} is not valid UTF-8; open it to link the mention by hand.`;
  const edited = linkMention(read.value.content, m, linkTextFor(target, notePaths));
  if (!edited.ok) return `${edited.error} The list is refreshed when the note changes.`;
  const written = await api.writeNote(m.source, edited.value, read.value.hash);
  if (written.ok) return null;
  return written.error.code === 'conflict' ? `${m.sourceTitle} changed while linking; nothing was written. Try again.` : written.error.message;
}

export function UnlinkedMentionsPanel({ api, data, files, readOnly }: Props) {
  const { excludedFolders } = useSettings();
  // As Obsidian's "Excluded files": mentions in excluded folders are not offered.
  const mentions = useMemo(() => (data?.unlinked.ok ? data.unlinked.value.filter((m) => !isExcluded(m.source, excludedFolders)) : []), [data, excludedFolders]);
  const slice = useProgressive(mentions.length, data?.path);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const link = async (m: UnlinkedMention, key: string) => {
    if (!data) return;
    setBusy(key);
    setError(null);
    try {
      // Listed only when a mention is linked, not on every render (every note of a big vault).
      const notePaths = (files ?? []).filter((f) => f.kind === 'note').map((f) => f.path);
      setError(await linkOne(api, data.path, notePaths, m));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-label="Unlinked mentions" className="panel">
      <h2 className="panel-title">
        Unlinked mentions <span className="count">{mentions.length}</span>
      </h2>
      {data && !data.unlinked.ok && <p className="error-text">{data.unlinked.error.message}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <ul className="snippets">
        {mentions.slice(0, slice.shown).map((m, i) => {
          const key = `${m.source}-${m.line}-${i}`;
          return (
            <li key={key} className="mention">
              <a className="internal-link group-title" href={noteHref(m.source)}>
                {m.sourceTitle}
              </a>
              {!readOnly && (
                <button
                  type="button"
                  className="mention-link"
                  disabled={busy !== null}
                  aria-label={`Link the mention in ${m.sourceTitle}, line ${m.line}`}
                  onClick={() => void link(m, key)}
                >
                  {busy === key ? 'Linking…' : 'Link'}
                </button>
              )}
              <span className="snippet">
                <Snippet snippet={m.snippet} />
              </span>
            </li>
          );
        })}
      </ul>
      <ShowMore slice={slice} total={mentions.length} noun="mentions" />
    </section>
  );
}
