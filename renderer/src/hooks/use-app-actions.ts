/** Builds the AppActions the rendered markdown uses: a cached link resolver, the hover preview, and create/error hooks. */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LinkTargetInfo, PlexusApi } from '../../../main/contract/api-contract';
import type { AppActions, PreviewRequest } from '../components/note-context';
import { createLinkBatcher } from '../lib/link-batcher';

const HIDE_DELAY_MS = 250;
/**
 * Link lookup batches in flight at once. A browser opens six connections to a host: this leaves
 * two for reading and writing notes, and a note with thousands of distinct targets queues here
 * (in batches, link-batcher.ts) instead of in the browser, which fails requests past its own limit.
 */
const RESOLVE_CONCURRENCY = 4;
const NO_LINK_TARGET: LinkTargetInfo = { resolved: null, kind: null, createPath: null };

export interface CreateRequest {
  info: LinkTargetInfo;
  label: string;
}

export function useAppActionsState(api: PlexusApi, reportError: (m: string) => void, searchTag: (tag: string) => void) {
  const cache = useRef(new Map<string, Promise<LinkTargetInfo>>());
  const batched = useMemo(() => createLinkBatcher(api, RESOLVE_CONCURRENCY), [api]);
  const [cacheVersion, setCacheVersion] = useState(0);
  const [preview, setPreview] = useState<PreviewRequest | null>(null);
  const [createRequest, setCreateRequest] = useState<CreateRequest | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancelHide = useCallback(() => {
    if (hideTimer.current) clearTimeout(hideTimer.current);
    hideTimer.current = null;
  }, []);
  const hidePreview = useCallback(() => {
    cancelHide();
    hideTimer.current = setTimeout(() => setPreview(null), HIDE_DELAY_MS);
  }, [cancelHide]);

  /** Links resolve differently once files appear or vanish: drop the cache and re-resolve what is on screen. */
  const invalidate = useCallback(() => {
    cache.current.clear();
    setCacheVersion((v) => v + 1);
  }, []);

  const actions = useMemo<AppActions>(
    () => ({
      api,
      resolve(from, target) {
        if (from === null) return Promise.resolve(NO_LINK_TARGET);
        const key = `${from}\u0000${target}`;
        let hit = cache.current.get(key);
        if (!hit) {
          hit = batched(from, target);
          // A failed lookup must not stay cached as failed.
          hit.catch(() => cache.current.delete(key));
          cache.current.set(key, hit);
        }
        return hit;
      },
      requestCreate: (info, label) => setCreateRequest({ info, label }),
      showPreview(request) {
        cancelHide();
        setPreview(request);
      },
      hidePreview,
      reportError,
      searchTag,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- cacheVersion is not read: it gives consumers a new `resolve` identity so their effects re-run
    [api, batched, reportError, searchTag, cancelHide, hidePreview, cacheVersion],
  );

  const closePreview = useCallback(() => {
    cancelHide();
    setPreview(null);
  }, [cancelHide]);

  return { actions, invalidate, preview, cancelHide, hidePreview, closePreview, createRequest, setCreateRequest };
}
