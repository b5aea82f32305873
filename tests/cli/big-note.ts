/**
 * A note big enough that the full parser takes far longer than a tiny parse budget on any
 * machine (about 8 MB, a link and a tag every few words; ~1 s to parse here), yet within the
 * default 10 MB file limit. CLI tests that cannot inject a slow parser use it with
 * `--parse-budget-ms 20` to send a note into safe mode.
 */
export const BIG_NOTE_LINE = 'Some words here and [[Small]] with #big and [md](Small.md) more text.\n';

export function bigNote(bytes = 8_000_000): string {
  return BIG_NOTE_LINE.repeat(Math.ceil(bytes / BIG_NOTE_LINE.length));
}
