/** A plain line diff (longest common subsequence) for the conflict bar: theirs vs mine. */
export type DiffLine = { kind: 'same' | 'theirs' | 'mine'; text: string };

/** Above this many line pairs the table would be too big to be worth it: show both sides whole. */
const MAX_CELLS = 4_000_000;

export function lineDiff(theirs: string, mine: string): DiffLine[] {
  const a = theirs.split(/\r?\n/);
  const b = mine.split(/\r?\n/);
  // Trim the common head and tail first: conflicts are usually a few lines in a long note.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ kind: 'same' as const, text }));
  if (midA.length * midB.length > MAX_CELLS) {
    out.push(...midA.map((text) => ({ kind: 'theirs' as const, text })), ...midB.map((text) => ({ kind: 'mine' as const, text })));
  } else {
    out.push(...lcsDiff(midA, midB));
  }
  out.push(...a.slice(a.length - tail).map((text) => ({ kind: 'same' as const, text })));
  return out;
}

function lcsDiff(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] = a[i] === b[j] ? lengths[at(i + 1, j + 1)] + 1 : Math.max(lengths[at(i + 1, j)], lengths[at(i, j + 1)]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (lengths[at(i + 1, j)] >= lengths[at(i, j + 1)]) {
      out.push({ kind: 'theirs', text: a[i++] });
    } else {
      out.push({ kind: 'mine', text: b[j++] });
    }
  }
  while (i < n) out.push({ kind: 'theirs', text: a[i++] });
  while (j < m) out.push({ kind: 'mine', text: b[j++] });
  return out;
}
