import { linkMention, linkTextFor } from '../../../main/core/query/link-mention';
import { findMentionsInText } from '../../../main/core/query/unlinked-mentions';
import { vp } from '../../support/vault-path';

test.each([
  // text, terms, link text -> result
  ['I study Machine Learning daily.', ['Machine Learning'], 'Machine Learning', 'I study [[Machine Learning]] daily.'],
  ['i study machine learning daily.', ['Machine Learning'], 'Machine Learning', 'i study [[Machine Learning|machine learning]] daily.'],
  ['# Head\n\nOn line three: ML here.', ['ML'], 'Machine Learning', '# Head\n\nOn line three: [[Machine Learning|ML]] here.'],
  ['`Welcome` in code, then Welcome.', ['Welcome'], 'Welcome', '`Welcome` in code, then [[Welcome]].'],
  ['Ünïcode café, then Café.', ['Café'], 'Café', 'Ünïcode [[Café|café]], then Café.'],
  ['crlf line\r\nWelcome\r\n', ['Welcome'], 'Welcome', 'crlf line\r\n[[Welcome]]\r\n'],
  ['x\n\n\nsee welcome', ['Welcome'], 'Archive/Welcome', 'x\n\n\nsee [[Archive/Welcome|welcome]]'],
])('%j: linking the first mention of %j as %j', (text, terms, linkText, expected) => {
  const [first] = findMentionsInText(text, terms);
  const result = linkMention(text, first, linkText);
  expect(result).toEqual({ ok: true, value: expected });
});

test('a note changed since the mention was found is refused, not edited in the wrong place', () => {
  const text = 'see Welcome here';
  const [m] = findMentionsInText(text, ['Welcome']);
  expect(m).toMatchObject({ line: 1, column: 4, written: 'Welcome' });
  expect(linkMention('see the Welcome here', m, 'Welcome')).toEqual({ ok: false, error: expect.stringContaining('no longer at that place') });
  expect(linkMention('', { ...m, line: 3 }, 'Welcome')).toEqual({ ok: false, error: 'The note no longer has that line.' });
  // A column past the end of a short line must not reach into the next line.
  expect(linkMention('ab\nWelcome', { line: 1, column: 3, written: 'Welcome' }, 'Welcome').ok).toBe(false);
});

test('linkTextFor uses the name, or the path when another note shares the name (any case)', () => {
  const paths = ['Welcome.md', 'Archive/welcome.md', 'Ideas/Plexus.md'];
  expect(linkTextFor(vp('Ideas/Plexus.md'), paths)).toBe('Plexus');
  expect(linkTextFor(vp('Archive/welcome.md'), paths)).toBe('Archive/welcome');
  expect(linkTextFor(vp('Welcome.md'), paths)).toBe('Welcome');
});
