/**
 * A method's answer as the reply's JSON bytes. A frozen answer is the service's kept answer
 * (main/service/kept-answer.ts: the file list, the switcher's items), the same object until the
 * vault changes, so its bytes are kept with it and go when it does: a page reload is not
 * answered by serialising megabytes again. Anything else is serialised at once, each time.
 *
 * Kept bytes are made in one go. Made in slices with the event loop turning between them, a
 * small request could be answered meanwhile, but each turn also let other waiting work in (the
 * tag recount after an edit, the cache save's parts), and the big answers after an edit came
 * 2-5 times later while the small ones came no sooner (docs/benchmarks.md).
 */

const kept = new WeakMap<object, Buffer>();

export function answerBody(value: unknown): Buffer {
  if (typeof value !== 'object' || value === null || !Array.isArray(value) || !Object.isFrozen(value)) {
    return Buffer.from(JSON.stringify(value ?? null));
  }
  let body = kept.get(value);
  if (body === undefined) {
    body = Buffer.from(JSON.stringify(value));
    kept.set(value, body);
  }
  return body;
}
