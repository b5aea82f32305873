/** The toolbar's buttons after the standard ones: bookmark this view, today's daily note, deleted notes. */
import type { PlexusApi } from '../../../main/contract/api-contract';
import { DeletedNotesButton } from './file-recovery/deleted-notes-button';
import type { VaultPath } from '../../../main/core/types';

interface Props {
  api: PlexusApi;
  bookmarked: boolean;
  graphOpen: boolean;
  /** Nothing in the active tab: nothing to bookmark. */
  empty: boolean;
  readOnly: boolean;
  onToggleBookmark(): void;
  onDailyNote(): void;
  onOpen(path: VaultPath): void;
}

export function ToolbarExtras({ api, bookmarked, graphOpen, empty, readOnly, onToggleBookmark, onDailyNote, onOpen }: Props) {
  return (
    <>
      <button
        type="button"
        className="icon-button bookmark-star"
        aria-pressed={bookmarked}
        aria-label={graphOpen ? 'Bookmark this graph view' : 'Bookmark this note'}
        title={bookmarked ? 'Remove bookmark' : 'Bookmark'}
        disabled={empty}
        onClick={onToggleBookmark}
      >
        {bookmarked ? '★' : '☆'}
      </button>
      <button
        type="button"
        className="icon-button daily-note-button"
        aria-label="Open today's daily note"
        title="Open today's daily note"
        onClick={onDailyNote}
      >
        {/* A calendar page drawn with CSS, not an emoji (an empty box without an emoji font) and
            not inline SVG (the app's DOM holds none, so the audits can treat any <svg> as a note's). */}
        <span className="calendar-glyph" aria-hidden="true">
          <span className="calendar-glyph-day" />
        </span>
      </button>
      <DeletedNotesButton api={api} readOnly={readOnly} onOpen={onOpen} />
    </>
  );
}
