/**
 * A method's answer as the reply's JSON bytes. Two things keep a big answer (the 50k-note file
 * list, the switcher's items: megabytes) from holding the server:
 * - a frozen answer is the service's kept answer (main/service/kept-answer.ts), the same object
 *   until the vault changes, so its bytes are kept with it (and go when it does);
 * - a frozen array is serialised in slices, and after each `turnMs` of them the event loop turns,
 *   so a small request that comes meanwhile (getTags, readNote) is answered without waiting for
 *   all of it. It may be read over several turns only because it is frozen: nothing can change it
 *   between slices. Each turn also lets any other waiting work run (the cache save's parts), and
 *   every one of them can cost the big answer a whole other task: hence turns of a few slices
 *   each, not one a slice (docs/benchmarks.md).
 * Anything else is serialised at once, as it was given.
 */
import { performance } from 'node:perf_hooks';

/** Items serialised between two looks at the clock. */
const SLICE_ITEMS = 500;
/** How long serialising may hold the event loop before it lets it turn. */
export const ANSWER_TURN_MS = 20;

const kept = new WeakMap<object, Promise<Buffer>>();

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The same text as JSON.stringify(items), made slice by slice, letting the event loop turn every `turnMs`. */
export async function slicedJson(items: readonly unknown[], sliceItems = SLICE_ITEMS, turnMs = ANSWER_TURN_MS): Promise<string> {
  const parts: string[] = [];
  let turnStarted = performance.now();
  for (let start = 0; start < items.length; start += sliceItems) {
    if (start > 0 && performance.now() - turnStarted >= turnMs) {
      await nextTurn();
      turnStarted = performance.now();
    }
    // Each slice's array text without its brackets: the elements, comma-separated, as in the whole.
    parts.push(JSON.stringify(items.slice(start, start + sliceItems)).slice(1, -1));
  }
  return `[${parts.join(',')}]`;
}

export function answerBody(value: unknown, turnMs = ANSWER_TURN_MS): Promise<Buffer> | Buffer {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value) || !Array.isArray(value)) {
    return Buffer.from(JSON.stringify(value ?? null));
  }
  const found = kept.get(value);
  if (found !== undefined) return found;
  const made = slicedJson(value, SLICE_ITEMS, turnMs).then((text) => Buffer.from(text));
  kept.set(value, made);
  // A failed serialisation is not kept: the caller gets the error, the next call tries again.
  made.catch(() => kept.delete(value));
  return made;
}
