/**
 * The packed form in which parse workers hand back results (packed-parse-results.ts) gives back
 * exactly what was packed: every field of every note, link, tag, heading, block id and alias,
 * nulls and empty strings apart, after crossing a structured clone with its buffers transferred
 * as a worker's message does, and however many turns the unpacking is spread over. The parser's
 * own output is checked too, so a field the parser gains is lost by no packing.
 */
import fc from 'fast-check';
import { parseNoteFaithful } from '../../../main/core/parse/reference/parse-note-faithful';
import type { LinkRef, ParsedNote } from '../../../main/core/types';
import { packResults, unpackResults } from '../../../main/service/index/packed-parse-results';
import type { ParseResult } from '../../../main/service/index/parse-files';
import { generateRichNote } from '../../../bench/generate-rich-note';
import { unchecked, vp } from '../../support/vault-path';

/** Strings that stress the string table: empty, repeated, non-ASCII, lone surrogates, long. */
const text = fc.oneof(
  fc.constantFrom('', 'Note', 'note', 'Café', '日本 語', '😀', '\ud800', 'a'.repeat(40)),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const nullableText = fc.option(text, { nil: null });
const int = fc.integer({ min: 0, max: 2 ** 31 - 1 });

const link: fc.Arbitrary<LinkRef> = fc.record({
  kind: fc.constantFrom('wiki' as const, 'markdown' as const),
  embed: fc.boolean(),
  target: text,
  text,
  heading: nullableText,
  block: nullableText,
  alias: nullableText,
  line: int,
  start: int,
  end: int,
  context: text,
  inFrontmatter: fc.boolean(),
});

const note: fc.Arbitrary<ParsedNote> = fc.record({
  // The codec carries any string: arbitrary text stands in for paths, unchecked on purpose.
  path: text.map(unchecked),
  title: text,
  aliases: fc.array(text, { maxLength: 4 }),
  tags: fc.array(text, { maxLength: 6 }),
  headings: fc.array(fc.record({ text, level: fc.integer({ min: 1, max: 6 }), line: int }), { maxLength: 5 }),
  blockIds: fc.array(fc.record({ id: text, line: int }), { maxLength: 4 }),
  links: fc.array(link, { maxLength: 12 }),
  frontmatter: fc.option(fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { nil: null }),
  frontmatterError: nullableText,
});

const result: fc.Arbitrary<ParseResult> = fc.oneof(
  fc.record({
    path: text.map(unchecked),
    ok: fc.constant(true as const),
    parsed: note,
    hash: text,
    size: int,
    mtimeMs: fc.double({ noNaN: true }),
    decodeWarning: nullableText,
    text: nullableText,
    safeMode: nullableText,
  }),
  fc.record({
    path: text.map(unchecked),
    ok: fc.constant(false as const),
    report: fc.record({ path: text, problem: fc.constantFrom('unreadable' as const, 'parse-error' as const), message: text }),
  }),
);

/** Packs, sends through a structured clone as postMessage would (buffers transferred), unpacks. */
async function roundTrip(results: ParseResult[], itemsPerTurn?: number): Promise<ParseResult[]> {
  const { packed, transfer } = packResults(results);
  const received = structuredClone(packed, { transfer });
  expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
  return unpackResults(received, itemsPerTurn);
}

function parsedFile(parsed: ParsedNote): ParseResult {
  return { path: parsed.path, ok: true, parsed, hash: 'h', size: 1, mtimeMs: 2, decodeWarning: null, text: null, safeMode: null };
}

describe('packed parse results', () => {
  test('a batch comes back field for field (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(result, { maxLength: 6 }), fc.integer({ min: 1, max: 50 }), async (results, itemsPerTurn) => {
        const expected = structuredClone(results);
        expect(await roundTrip(results, itemsPerTurn)).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test("the parser's own results come back field for field, spread over turns or not", async () => {
    const parsed = [
      parseNoteFaithful(vp('Rich.md'), generateRichNote(40_000)),
      parseNoteFaithful(
        vp('Front.md'),
        '---\ntags: [a, b/c]\naliases: [Other, Ünï]\nrelated: "[[Beta]]"\n---\n# H1\n\ntext ^blk\n\n![[pic.png]] [x](Caf%C3%A9.md#Top) #t\n',
      ),
      parseNoteFaithful(vp('Empty.md'), ''),
    ];
    expect(parsed[0].links.length).toBeGreaterThan(100);
    const results = parsed.map(parsedFile);
    const expected = structuredClone(results);
    expect(await roundTrip(results)).toStrictEqual(expected);
    expect(await roundTrip(results, 7)).toStrictEqual(expected);
  });

  test('a big batch is unpacked over several turns, letting other work run between them', async () => {
    const links = Array.from({ length: 1_000 }, (_, i): LinkRef => ({
      kind: 'wiki',
      embed: false,
      target: `N${i % 10}`,
      text: `N${i % 10}`,
      heading: null,
      block: null,
      alias: null,
      line: i + 1,
      start: i * 10,
      end: i * 10 + 7,
      context: `line ${i}`,
      inFrontmatter: false,
    }));
    const parsed: ParsedNote = {
      path: vp('Big.md'),
      title: 'Big',
      aliases: [],
      tags: [],
      headings: [],
      blockIds: [],
      links,
      frontmatter: null,
      frontmatterError: null,
    };
    const ticker = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    let ticks = 0;
    const ticking = (async () => {
      for (let i = 0; i < 1_000; i++) {
        await ticker();
        ticks++;
      }
    })();
    const back = await roundTrip([parsedFile(parsed)], 100);
    const ticksWhileUnpacking = ticks;
    await ticking;
    expect(back).toStrictEqual([parsedFile(parsed)]);
    expect(ticksWhileUnpacking).toBeGreaterThanOrEqual(5);
  });

  test('a stream that does not match its notes is an error, not a silent loss', async () => {
    const { packed } = packResults([parsedFile(parseNoteFaithful(vp('A.md'), '[[B]] #t'))]);
    await expect(unpackResults({ ...packed, numbers: packed.numbers.subarray(0, packed.numbers.length - 1) })).rejects.toThrow(/packed parse results/);
    await expect(unpackResults({ ...packed, numbers: Int32Array.from([...packed.numbers, 0]) })).rejects.toThrow(/left over/);
  });
});
