/**
 * Giving the page its turn between slices of long graph work (progressive-build.ts, graph-load.ts):
 * until the next frame, or for one task.
 */

/** Resolves at the next animation frame (a timer where there are none, as in tests). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 0);
  });
}

const waiting: (() => void)[] = [];
let channel: MessageChannel | null = null;

/**
 * Yields to the page for one task: input and, when due, a frame get their turn. A posted
 * message, not setTimeout(0): browsers clamp nested timeouts to 4 ms, ~0.1 s over the slices
 * of a 10k-note build (profiled). Timers where there is no MessageChannel.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function' || typeof window === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
      // Node's ports keep the process alive (jsdom tests); a browser's have no unref.
      (channel.port1 as { unref?(): void }).unref?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
