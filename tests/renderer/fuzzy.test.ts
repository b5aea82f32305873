import { fuzzyMatch, rank } from '../../renderer/src/lib/fuzzy';

test('fuzzy matching needs the characters in order and prefers prefixes and word starts', () => {
  expect(fuzzyMatch('mtp', 'Metaprompting')).not.toBeNull();
  expect(fuzzyMatch('ptm', 'Metaprompting')).toBeNull();
  const ranked = rank(
    ['Loss functions', 'Glossary', 'Lost'].map((t) => ({ t })),
    'los',
    (x) => [x.t],
  );
  expect(ranked.map((r) => r.item.t)).toEqual(['Lost', 'Loss functions', 'Glossary']);
  expect(rank([{ t: 'Alpha' }], '', (x) => [x.t])).toHaveLength(1);
});
