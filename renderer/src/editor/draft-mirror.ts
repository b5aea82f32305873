/**
 * In the Electron window, every text not on disk (the unsaved registry) is mirrored to the main
 * process (window.plexusDrafts, main/electron/drafts.ts), so a crash of this renderer loses
 * nothing: after the crash page's Reload, the new page takes the texts back and keeps them
 * (kept-texts.ts), which offers each one on its note with Restore / Discard, as for any text a
 * closed editor could not save. Browser mode has no such bridge; there (and in Electron too) each
 * editor also keeps its unsaved text in IndexedDB (use-drafts.ts), offered on the next open.
 *
 * Reports are sent after each change, at the next idle moment within MIRROR_IDLE_MS (reading a
 * big note's text and copying it to the main process takes milliseconds, which must not sit
 * between a keystroke and its paint; the keystrokes in between share one report), with at most
 * one in flight: while one travels, later changes only mark it stale, and the newest state goes
 * out when it lands, so typing never queues copies.
 */
import { afterDelayWhenIdle } from './idle-after';
import { keepText } from './kept-texts';
import { onUnsavedChange, unsavedTexts } from './unsaved-registry';
import type { Draft, DraftsBridge } from '../../../main/contract/drafts-bridge';

export type { Draft, DraftsBridge };

declare global {
  interface Window {
    plexusDrafts?: DraftsBridge;
  }
}

export const RECOVERED_REASON = 'the window stopped before it was saved';

/** The longest a change waits for an idle moment before it is reported anyway. */
export const MIRROR_IDLE_MS = 100;

const snapshot = (): Draft[] => unsavedTexts().map((entry) => ({ path: entry.path, text: entry.text() }));

const same = (a: Draft[], b: Draft[]) => a.length === b.length && a.every((draft, i) => draft.path === b[i].path && draft.text === b[i].text);

/**
 * Takes back what a crashed page left (returns those texts, now kept), then mirrors every change.
 * `onError` hears a failed report or take (the text itself stays in the window).
 */
export async function startDraftMirror(
  bridge: DraftsBridge,
  onError: (message: string) => void,
  now = () => Date.now(),
): Promise<{ recovered: Draft[]; stop(): void }> {
  let sent: Draft[] = [];
  let inFlight = false;
  let stale = false;

  const send = () => {
    if (inFlight) {
      stale = true;
      return;
    }
    const drafts = snapshot();
    if (same(drafts, sent)) return;
    inFlight = true;
    bridge
      .report(drafts)
      .then(
        () => {
          sent = drafts;
        },
        (error: unknown) => onError(`Could not keep a safety copy of unsaved text: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        inFlight = false;
        if (stale) {
          stale = false;
          send();
        }
      });
  };

  let recovered: Draft[] = [];
  try {
    recovered = await bridge.take();
  } catch (error) {
    onError(`Could not take back the text kept from before the crash: ${error instanceof Error ? error.message : String(error)}`);
  }
  let scheduled: (() => void) | null = null;
  const sendWhenIdle = () => {
    scheduled ??= afterDelayWhenIdle(
      () => {
        scheduled = null;
        send();
      },
      0,
      MIRROR_IDLE_MS,
    );
  };
  const unlisten = onUnsavedChange(sendWhenIdle);
  // Stopping still reports a change that was waiting for its idle moment.
  const stop = () => {
    unlisten();
    if (scheduled === null) return;
    scheduled();
    scheduled = null;
    send();
  };
  // keepText registers each as unsaved, which reports them again: they stay safe until restored.
  for (const draft of recovered) keepText({ path: draft.path, text: draft.text, keptAt: now(), reason: RECOVERED_REASON });
  send();
  return { recovered, stop };
}
