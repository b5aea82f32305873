/**
 * What the window does with the vault's events (files, status, errors, notices, renames made
 * outside Plexus, changes to the notes on screen) and with a reconnect after a loss, when events
 * were missed and what they would have updated is re-read.
 */
import type { IndexStatus, PlexusApi, VaultEvent } from '../../../main/contract/api-contract';
import type { useBanners } from './use-banners';
import { useOnReconnect } from './use-connection';
import { useVaultEvents } from './use-vault-events';
import { changesResolution, staleParts, type Stale } from './live-updates';
import { ownSavesOf } from '../api/own-saves';
import { noteRefreshesOf } from '../api/note-refreshes';
import type { VaultPath } from '../../../main/core/types';

interface Deps {
  api: PlexusApi;
  banners: ReturnType<typeof useBanners>;
  onFilesEvent(event: Extract<VaultEvent, { type: 'files' }>): void;
  setStatus(status: IndexStatus): void;
  /** A note was renamed outside Plexus (bookmarks follow it). */
  followRename(from: string, to: string): void;
  /** Links may resolve differently: drop cached resolutions. */
  invalidateLinks(): void;
  /** The notes the panes show now: an event touching one re-reads them (or, for an own save's echo, what of them changed). */
  shownPaths: VaultPath[];
  scheduleReload(): void;
  /** After a reconnect: re-read everything the missed events would have updated. */
  resync(): void;
}

export function useAppEvents(deps: Deps): void {
  const { api, banners } = deps;
  // The open editor catches up with the disk itself (use-note-document.ts: resync).
  useOnReconnect(api, () => {
    ownSavesOf(api).forgetAll();
    deps.resync();
    banners.push('notice', 'Reconnected to Plexus.');
  });

  useVaultEvents(api, (event: VaultEvent) => {
    // First: a re-read this event causes must know whether the disk still holds our own save.
    ownSavesOf(api).observe(event);
    if (event.type === 'files') deps.onFilesEvent(event);
    if (event.type === 'status') deps.setStatus(event.status);
    if (event.type === 'vault-error') banners.push('error', event.message);
    if (event.type === 'notice') banners.push('notice', event.message);
    if (event.type === 'external-rename') {
      deps.followRename(event.from, event.to);
      const { from, to, affected } = event;
      const updateLinks = () =>
        api.updateLinksAfterExternalRename(from, to).then(
          (r) =>
            r.ok ? banners.push('notice', `Updated links in ${r.value.length} notes.`) : banners.reportError(`Could not update links: ${r.error.message}`),
          (e: unknown) => banners.reportError(`Could not update links: ${String(e)}`),
        );
      banners.push(
        'notice',
        `“${from}” was renamed to “${to}” outside Plexus; ${affected} notes link to the old name.`,
        affected > 0 ? { label: 'Update links', run: updateLinks } : undefined,
      );
    }
    if (changesResolution(event)) deps.invalidateLinks();
    // The echo of this window's own save re-reads only what the index says changed (live-updates.ts).
    const own = ownSavesOf(api);
    const refreshes = noteRefreshesOf(api);
    const reread = (stale: { path: VaultPath; parts: Stale }[]) => {
      if (stale.some((s) => s.parts === 'all')) {
        refreshes.fullScheduled();
        deps.scheduleReload();
      } else for (const { path, parts } of stale) if (parts !== 'all') refreshes.request(path, parts);
    };
    const staleNow = (path: VaultPath) => ({ path, parts: staleParts(event, path, own.known(path)?.hash ?? null) });
    // An echo that comes before its save's answer: whether it is this window's save, the answer tells (own-saves.ts).
    const waiting = (path: VaultPath) => event.type === 'files' && own.saving(path) && event.changed.some((f) => f.path === path);
    reread(deps.shownPaths.filter((path) => !waiting(path)).map(staleNow));
    for (const path of deps.shownPaths.filter(waiting)) void own.settled(path).then(() => reread([staleNow(path)]));
  });
}
