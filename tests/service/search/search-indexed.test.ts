/**
 * Plain-word searches answered from the index (search-indexed.ts) must give exactly what reading
 * every candidate gives: the same matches, scores, order and snippets, whatever the notes hold.
 */
import fc from 'fast-check';
import { parseSearchQuery } from '../../../main/core/query/search-query';
import { candidatePlan } from '../../../main/core/query/search-plan';
import type { ParsedNote, VaultPath } from '../../../main/core/types';
import { SearchIndex } from '../../../main/service/search/search-index';
import { evaluate, firstInOrder, MAX_HITS, type SearchSource } from '../../../main/service/search/search-run';
import { vp } from '../../support/vault-path';

const WORDS = ['ab', 'aba', 'b', 'ba', 'Cab', 'abab', 'note', 'x1', 'tags'];
const word = fc.constantFrom(...WORDS);
const sep = fc.constantFrom(' ', '\n', '-', '.', ', ', '_', '\n\n# ');
const body = fc.array(fc.tuple(word, sep), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

interface NoteSpec {
  folder: string;
  body: string;
  alias: string | null;
  frontWord: string | null;
}

const noteSpec = fc.record({ folder: fc.constantFrom('Ab', 'Notes', 'x'), body, alias: fc.option(word), frontWord: fc.option(word) });

function source(specs: NoteSpec[], reads: VaultPath[]): SearchSource {
  const notes = new Map<VaultPath, { parsed: ParsedNote; text: string }>();
  specs.forEach((spec, i) => {
    const path = vp(`${spec.folder}/N${i}.md`);
    const front = `---\n${spec.alias ? `aliases: [${spec.alias}]\n` : ''}${spec.frontWord ? `extra: ${spec.frontWord}\n` : ''}---\n`;
    const text = front + spec.body;
    const parsed = { path, title: `N${i}`, aliases: spec.alias ? [spec.alias] : [], tags: [] } as unknown as ParsedNote;
    notes.set(path, { parsed, text });
  });
  const index = new SearchIndex();
  for (const [path, { parsed, text }] of notes) index.upsert(path, parsed.title, parsed.aliases, text);
  return {
    index,
    notePaths: () => notes.keys(),
    note: (path) => notes.get(path)?.parsed,
    text: (path) => {
      reads.push(path);
      return notes.get(path)?.text ?? null;
    },
    timeoutMs: 5_000,
  };
}

function run(src: SearchSource, input: string, indexed: boolean) {
  const parsed = parseSearchQuery(input);
  if (!parsed.ok || parsed.value === null) return null;
  const query = parsed.value;
  const candidates = src.index.candidates(candidatePlan(query), () => src.notePaths()) ?? src.notePaths();
  return evaluate(query, candidates, src, indexed);
}

const query = fc
  .array(fc.tuple(fc.constantFrom('', '-', 'OR '), word), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([op, w], i) => (i === 0 && op === 'OR ' ? w : op + w)).join(' '));

test('a query of plain words gives the same results from the index as from reading every note', () => {
  fc.assert(
    fc.property(fc.array(noteSpec, { maxLength: 25 }), query, (specs, input) => {
      const src = source(specs, []);
      expect(run(src, input, true)).toEqual(run(src, input, false));
    }),
    { numRuns: 400 },
  );
});

test('a word in every note reads only the hits shown, not every note', () => {
  const specs: NoteSpec[] = Array.from({ length: MAX_HITS + 150 }, (_, i) => ({
    folder: 'x',
    body: `ab b ${'ab '.repeat(i % 7)}`,
    alias: null,
    frontWord: null,
  }));
  const reads: VaultPath[] = [];
  const src = source(specs, reads);
  const indexed = run(src, 'ab', true)!;
  expect(indexed.total).toBe(specs.length);
  expect(reads.length).toBe(MAX_HITS);
  reads.length = 0;
  expect(run(src, 'ab', false)).toEqual(indexed);
  expect(reads.length).toBe(specs.length + MAX_HITS);
});

test('words the index cannot count (non-ASCII, a phrase) are checked by reading, with the same answers', () => {
  const specs: NoteSpec[] = [
    { folder: 'x', body: 'Café crème and ab', alias: null, frontWord: null },
    { folder: 'x', body: 'cafés', alias: null, frontWord: 'café' },
  ];
  const reads: VaultPath[] = [];
  const src = source(specs, reads);
  for (const input of ['café', '"crème and"', 'ab -café']) {
    reads.length = 0;
    const got = run(src, input, true);
    expect(reads.length).toBeGreaterThan(0);
    expect(got).toEqual(run(src, input, false));
  }
  expect(run(src, 'café', true)!.hits.map((h) => h.path)).toEqual(['x/N0.md', 'x/N1.md']);
});

test('the first hits by score then path are those a full sort gives, ties at the cut included', () => {
  const scored = fc.array(fc.record({ score: fc.integer({ min: 0, max: 5 }), path: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g') }), { maxLength: 40 });
  fc.assert(
    fc.property(scored, fc.integer({ min: 1, max: 12 }), (list, limit) => {
      const matches = list.map(({ score, path }) => ({ score, note: { path } as unknown as ParsedNote }));
      const full = [...matches].sort((a, b) => b.score - a.score || (a.note.path < b.note.path ? -1 : a.note.path > b.note.path ? 1 : 0)).slice(0, limit);
      expect(firstInOrder([...matches], limit).map((m) => [m.score, m.note.path])).toEqual(full.map((m) => [m.score, m.note.path]));
    }),
  );
});
