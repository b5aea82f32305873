/**
 * The note view's part of tab-scroll.ts: records where its tab is scrolled to, and when a note
 * is shown in a tab that was scrolled in it before, goes back there once the note is drawn
 * tall enough (a long note draws in parts). The user scrolling first wins.
 */
import { useContext, useLayoutEffect, useSyncExternalStore, type RefObject } from 'react';
import { TabScrollKey, recalledScroll, rememberScroll, subscribeTabScroll, tabScrollLoads } from '../workspace/tab-scroll';
import type { VaultPath } from '../../../main/core/types';

/** `path`: the note drawn (null while none is); `active`: false while the editor replaces the reading view. */
export function useTabScroll(ref: RefObject<HTMLElement | null>, path: VaultPath | null, hasTarget: boolean, active: boolean): void {
  const tab = useContext(TabScrollKey);
  // The vault's places may load after this view first drew its note (the app learns the vault later).
  const loads = useSyncExternalStore(subscribeTabScroll, tabScrollLoads);

  // A layout effect: its cleanup runs in the commit that shows another note or tab in this
  // element, before the browser can fire the scroll its shorter content causes (a passive
  // effect's cleanup may come after that scroll, which then recorded 0 as this tab's place).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || path === null || !active) return;
    const top = tab === null || hasTarget ? null : recalledScroll(tab, path);
    let restoring = top !== null;
    // Not while going back: the steps of a note still growing are not where the person was.
    const onScroll = () => {
      if (tab !== null && !restoring) rememberScroll(tab, path, el.scrollTop);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    // A new note starts at the top (unless the address names a heading, or the tab was here before).
    if (top === null) {
      if (!hasTarget) el.scrollTo?.({ top: 0 });
      return () => el.removeEventListener('scroll', onScroll);
    }
    const grown = new MutationObserver(() => tryRestore());
    const stop = () => {
      restoring = false;
      grown.disconnect();
      for (const type of USER_SCROLL) el.removeEventListener(type, stop);
    };
    const tryRestore = () => {
      if (!restoring) return;
      el.scrollTop = top;
      if (el.scrollHeight - el.clientHeight >= top - 1) stop();
    };
    for (const type of USER_SCROLL) el.addEventListener(type, stop, { passive: true });
    grown.observe(el, { childList: true, subtree: true });
    tryRestore();
    return () => {
      stop();
      el.removeEventListener('scroll', onScroll);
    };
  }, [ref, tab, path, hasTarget, active, loads]);
}

/** Input that means the person is scrolling: a restore still waiting for the note to grow gives way. */
const USER_SCROLL = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
