/** The one wording of indexing progress, shared by the app's status bar and the CLI. */

const count = (n: number) => n.toLocaleString('en-US');

/** "about 12 s left", "about 3 min left", "about 2 h left". */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  // "1 min" for 75 s would be a poor guide: seconds until a minute and a half is plainly past.
  if (seconds < 100) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.round(minutes / 60)} h left`;
}

/** "Indexing 31,200 / 50,000 · about 12 s left" (without the ETA while there is none). */
export function formatIndexProgress(done: number, total: number, etaMs: number | null): string {
  const base = `Indexing ${count(done)} / ${count(total)}`;
  return etaMs === null || done >= total ? base : `${base} · ${formatTimeLeft(etaMs)}`;
}
