/**
 * On markdown-ish strings the scanner equals the reference, or the fallback detector flags the
 * note (and then parseNoteFaithful equals the reference).
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { needsReferenceParse, parseNote, parseNoteFaithful, parseNoteWithRemark } from '../../../../main/core/parse';
import { vp } from '../../../support/vault-path';

const ALPHABET = [...'[]()!#|^`-*>~_<\n ', 'a', 'b', 'x', 'Z', '1', '7', '.md', 'ab'];
const markdownish = fc
  .array(fc.constantFrom(...ALPHABET), { maxLength: 120 })
  .map((parts) => parts.join(''))
  .filter((text) => text.length <= 200);

test('scanner equals reference, or the detector flags the note', () => {
  fc.assert(
    fc.property(markdownish, (text) => {
      const reference = parseNoteWithRemark(vp('p.md'), text);
      if (needsReferenceParse(text)) expect(parseNoteFaithful(vp('p.md'), text)).toEqual(reference);
      else expect(parseNote(vp('p.md'), text)).toEqual(reference);
    }),
    { numRuns: 3000 },
  );
});

test('the property can fail: a known disagreement is flagged, not equal', () => {
  const text = '#_a*# (_';
  expect(isDeepStrictEqual(parseNote(vp('p.md'), text), parseNoteWithRemark(vp('p.md'), text))).toBe(false);
  expect(needsReferenceParse(text)).toBe(true);
});

test.each(['>[\n>-', '> a\n> ---', '>a\n>=', '> a\nlazy\n> ---', '> a\n---', '>> a\n> ---', '> - a\n> ---'])(
  'setext headings inside blockquotes agree with the reference: %j',
  (text) => {
    expect(parseNote(vp('p.md'), text)).toEqual(parseNoteWithRemark(vp('p.md'), text));
  },
);
