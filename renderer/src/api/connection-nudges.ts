/**
 * Reasons to retry now rather than wait out the backoff: the browser says the network is back,
 * the user returns to the tab, or another tab of the same server just connected (after a
 * restart that is the tab that opened the new sign-in link: its cookie is ours too, so this tab
 * can get back in at once). Returns a function that stops listening.
 */
import type { Connection } from './connection';

const CHANNEL = 'plexus-connection';

export function watchRetryNudges(connection: Connection, win: Window = window): () => void {
  const retry = () => connection.retryNow();
  const onVisible = () => {
    if (win.document.visibilityState === 'visible') retry();
  };
  win.addEventListener('online', retry);
  win.addEventListener('focus', retry);
  win.document.addEventListener('visibilitychange', onVisible);
  // BroadcastChannel is per origin, and the origin includes the port: one channel per server.
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  if (channel) channel.onmessage = retry;
  const offState = connection.subscribe((state) => {
    if (state.status === 'online') channel?.postMessage('online');
  });
  return () => {
    win.removeEventListener('online', retry);
    win.removeEventListener('focus', retry);
    win.document.removeEventListener('visibilitychange', onVisible);
    offState();
    channel?.close();
  };
}
