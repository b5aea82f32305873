/**
 * The switcher's Ranker narrows each key's search to the previous key's matches when the query
 * grows; whatever the keys, its ranking must be the one a from-scratch ranking gives.
 */
import fc from 'fast-check';
import { fuzzyMatch, rank, Ranker, type Ranked } from '../../renderer/src/lib/fuzzy';

interface Item {
  id: number;
  texts: string[];
}

// A small alphabet with case, spaces and word breaks, so queries match often and tie often.
const ch = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'n', 'o', 'N', ' ', '-', '/', '.', 'é', 'É');
const text = fc.array(fc.oneof({ weight: 12, arbitrary: ch }, { weight: 1, arbitrary: fc.constant('😀') }), { maxLength: 12 }).map((cs) => cs.join(''));
const items = fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { maxLength: 60 }).map((ts) => ts.map((texts, id): Item => ({ id, texts })));
const key = fc.oneof(
  { weight: 5, arbitrary: ch.map((c) => ({ type: 'type' as const, c })) },
  // A paste adds several characters at once; an astral one is two UTF-16 units.
  { weight: 1, arbitrary: fc.array(fc.oneof(ch, fc.constant('😀')), { minLength: 2, maxLength: 4 }).map((cs) => ({ type: 'type' as const, c: cs.join('') })) },
  { weight: 1, arbitrary: fc.constant({ type: 'backspace' as const }) },
);

const view = (ranked: Ranked<Item>[]) => ranked.map((r) => [r.item.id, r.text, r.match.score, r.match.positions]);

/** The ranking before the Ranker: every text matched afresh, every match kept, then the top `limit`. */
function reference(list: Item[], query: string, limit: number): Ranked<Item>[] {
  const out: Ranked<Item>[] = [];
  for (const item of list) {
    let best: Ranked<Item> | null = null;
    for (const t of item.texts) {
      const match = fuzzyMatch(query, t);
      if (match && (!best || match.score > best.match.score)) best = { item, match, text: t };
    }
    if (best) out.push(best);
  }
  const collator = new Intl.Collator();
  return out.sort((a, b) => b.match.score - a.match.score || collator.compare(a.text, b.text)).slice(0, limit);
}

test('ranking query after query (extensions narrowed, backspaces from scratch) equals ranking each query from scratch', () => {
  fc.assert(
    fc.property(items, fc.array(key, { maxLength: 16 }), fc.integer({ min: 1, max: 8 }), (list, keys, limit) => {
      const ranker = new Ranker(list, (i) => i.texts);
      let query = '';
      for (const k of keys) {
        query = k.type === 'type' ? query + k.c : query.slice(0, -1);
        const narrowed = view(ranker.rank(query, limit));
        expect(narrowed).toEqual(view(rank(list, query, (i) => i.texts, limit)));
        expect(narrowed).toEqual(view(reference(list, query, limit)));
      }
    }),
    { numRuns: 300 },
  );
});

test('a query typed after a narrowed one that shares no prefix is ranked from scratch', () => {
  const list: Item[] = [
    { id: 0, texts: ['Alpha'] },
    { id: 1, texts: ['Beta'] },
  ];
  const ranker = new Ranker(list, (i) => i.texts);
  expect(ranker.rank('al').map((r) => r.item.id)).toEqual([0]);
  expect(ranker.rank('be').map((r) => r.item.id)).toEqual([1]);
  expect(ranker.rank('').map((r) => r.item.id)).toEqual([0, 1]);
});

test("a key that extends the query searches each matching text once, carrying on from the shorter query's match", () => {
  const list: Item[] = Array.from({ length: 20 }, (_, id) => ({ id, texts: [`note ${id} alpha`, `n${id}`] }));
  const ranker = new Ranker(list, (i) => i.texts);
  for (const q of ['n', 'no', 'not']) ranker.rank(q);
  const indexOf = jest.spyOn(String.prototype, 'indexOf');
  try {
    // "note": only the 20 titles still match "not", and each looks for the new character only; the
    // one result kept has its highlight positions found from the query's start (3 searches).
    const ranked = ranker.rank('note', 1);
    const searches = (chars: string) => indexOf.mock.calls.filter(([ch]) => typeof ch === 'string' && chars.includes(ch)).length;
    expect(ranked.map((r) => r.text)).toEqual(['note 0 alpha']);
    expect(searches('not')).toBe(3);
  } finally {
    indexOf.mockRestore();
  }
});
