import {
  faithfulParseStats,
  needsReferenceParse,
  parseNote,
  parseNoteFaithful,
  parseNoteWithRemark,
  resetFaithfulParseStats,
} from '../../../../main/core/parse';
import { isSafeForReferenceParse, MAX_REFERENCE_PARSE_LENGTH } from '../../../../main/core/parse/reference/parse-note-faithful';
import { generatedNotes, markdownFilesIn } from './note-corpus';
import { vp } from '../../../support/vault-path';

describe('needsReferenceParse', () => {
  test.each([
    ['definition', '[id]: Note.md', true],
    ['definition in a quote', '> [id]: <x y.md> "t"', true],
    // The scanner decodes character references in destinations itself (markdown-link-syntax.ts).
    ['entity in a note with links', '[a](x&amp;y.md) &amp;', false],
    ['edge underscore tag', 'x #_private', true],
    ['trailing underscore tag', 'x #tag_ y', true],
    ['plain note', '# T\n[[A]] #snake_case [b](c.md) a]: b', false],
    ['entity without links', 'AT&amp;T', false],
  ])('%s', (_name, text, flagged) => {
    expect(needsReferenceParse(text)).toBe(flagged);
  });

  test('is linear on pathological input', () => {
    const started = Date.now();
    needsReferenceParse(']:'.repeat(500_000));
    needsReferenceParse(' #_'.repeat(300_000));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('parseNoteFaithful', () => {
  beforeEach(resetFaithfulParseStats);

  test('uses remark for flagged notes and counts it', () => {
    const text = "See [x][r] #a\n\n[r]: R.md 'title #notag'";
    expect(parseNote(vp('n.md'), text).tags).toEqual(['a', 'notag']);
    expect(parseNoteFaithful(vp('n.md'), text)).toEqual(parseNoteWithRemark(vp('n.md'), text));
    expect(parseNoteFaithful(vp('n.md'), text).tags).toEqual(['a']);
    expect(parseNoteFaithful(vp('n.md'), '[[plain]]').links).toHaveLength(1);
    expect(faithfulParseStats()).toEqual({ parsed: 3, fallbacks: 2, tooRiskyForReference: 0 });
  });

  test('keeps the scanner for flagged notes that are too big or have long [ runs', () => {
    const big = `[r]: x.md\n${'word '.repeat(MAX_REFERENCE_PARSE_LENGTH / 5)}`;
    const brackets = `[r]: x.md\n${'['.repeat(1001)}`;
    expect(isSafeForReferenceParse(big)).toBe(false);
    expect(isSafeForReferenceParse(brackets)).toBe(false);
    expect(isSafeForReferenceParse(`[r]: x.md\n${'['.repeat(1000)}`)).toBe(true);
    expect(parseNoteFaithful(vp('b.md'), brackets)).toEqual(parseNote(vp('b.md'), brackets));
    expect(faithfulParseStats()).toEqual({ parsed: 1, fallbacks: 0, tooRiskyForReference: 1 });
  });

  test('falls back rarely on the sample vault and generated notes', () => {
    const notes = [...markdownFilesIn('vault'), ...generatedNotes(300)];
    for (const { path, text } of notes) parseNoteFaithful(vp(path), text);
    const stats = faithfulParseStats();
    expect(stats.parsed).toBe(notes.length);
    expect(stats.fallbacks / stats.parsed).toBeLessThan(0.05);
  });
});
