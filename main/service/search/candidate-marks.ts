/**
 * Candidate sets as marks by the index's note number (a byte per note), with a side set for
 * notes the index does not hold (a name match on a note not indexed yet). A word in every note
 * made a set of every path per token, copied and intersected per word, before any note was checked.
 */
import type { VaultPath } from '../../core/types';

export interface Marks {
  numbers: Uint8Array;
  others: Set<VaultPath>;
}

/** `a` narrowed to what `b` also holds (a is changed and returned). */
export function intersectMarks(a: Marks, b: Marks): Marks {
  const x = a.numbers;
  const y = b.numbers;
  for (let i = 0; i < x.length; i++) x[i] &= y[i];
  for (const path of a.others) if (!b.others.has(path)) a.others.delete(path);
  return a;
}

/** `a` widened by what `b` holds (a is changed and returned). */
export function uniteMarks(a: Marks, b: Marks): Marks {
  const x = a.numbers;
  const y = b.numbers;
  for (let i = 0; i < x.length; i++) x[i] |= y[i];
  for (const path of b.others) a.others.add(path);
  return a;
}

/** A copy that can be changed without touching `m` (memoized per-token marks are shared). */
export function copyMarks(m: Marks): Marks {
  return { numbers: m.numbers.slice(), others: new Set(m.others) };
}

/**
 * The marked notes' paths, as a view that walks the marks on each iteration (a search iterates
 * its candidates once or twice: building a set of every path cost more than the walk);
 * `pathOf` gives an indexed note's path (undefined once it is removed).
 */
export function markedPaths(m: Marks, pathOf: (n: number) => VaultPath | undefined): Iterable<VaultPath> {
  return {
    *[Symbol.iterator]() {
      const x = m.numbers;
      for (let i = 0; i < x.length; i++) {
        if (x[i] === 0) continue;
        const path = pathOf(i);
        if (path !== undefined) yield path;
      }
      yield* m.others;
    },
  };
}
