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
const text = fc.array(ch, { maxLength: 12 }).map((cs) => cs.join(''));
const items = fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { maxLength: 60 }).map((ts) => ts.map((texts, id): Item => ({ id, texts })));
const key = fc.oneof(
  { weight: 5, arbitrary: ch.map((c) => ({ type: 'type' as const, c })) },
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
