/**
 * A method's answer as the reply's JSON bytes. Two things keep a big answer (the 50k-note file
 * list, the switcher's items: megabytes) from holding the server:
 * - a frozen answer is the service's kept answer (main/service/kept-answer.ts), the same object
 *   until the vault changes, so its bytes are kept with it (and go when it does);
 * - a frozen array is serialised a slice at a time, letting the event loop turn between slices,
 *   so a small request that comes meanwhile (getTags, readNote) is answered at once. It may be
 *   read over several turns only because it is frozen: nothing can change it between slices.
 * Anything else is serialised at once, as it was given.
 */

/** Items serialised in one turn of the event loop. */
const SLICE_ITEMS = 2_000;

const kept = new WeakMap<object, Promise<Buffer>>();

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The same text as JSON.stringify(items), made slice by slice. */
export async function slicedJson(items: readonly unknown[], sliceItems = SLICE_ITEMS): Promise<string> {
  const parts: string[] = [];
  for (let start = 0; start < items.length; start += sliceItems) {
    if (start > 0) await nextTurn();
    // Each slice's array text without its brackets: the elements, comma-separated, as in the whole.
    parts.push(JSON.stringify(items.slice(start, start + sliceItems)).slice(1, -1));
  }
  return `[${parts.join(',')}]`;
}

export function answerBody(value: unknown): Promise<Buffer> | Buffer {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value) || !Array.isArray(value)) {
    return Buffer.from(JSON.stringify(value ?? null));
  }
  const found = kept.get(value);
  if (found !== undefined) return found;
  const made = slicedJson(value).then((text) => Buffer.from(text));
  kept.set(value, made);
  // A failed serialisation is not kept: the caller gets the error, the next call tries again.
  made.catch(() => kept.delete(value));
  return made;
}
