/**
 * Seeded randomness for the analysis functions: everything here must give the same answer for
 * the same input and seed, so layouts and cluster colours do not shuffle between sessions.
 */

/** mulberry32: tiny, fast and good enough for jitter and Louvain's visiting order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units: a stable per-id seed, independent of processing order. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A random stream for one id under one seed: the same id always jitters the same way. */
export function randomFor(id: string, seed: number): () => number {
  return seededRandom(hashString(id) ^ Math.imul(seed >>> 0, 0x9e3779b1));
}
