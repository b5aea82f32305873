/**
 * The markdown pipeline builds its unified processors once per setting, not once per render: a
 * long note is rendered in chunks, and building a processor runs every plugin's setup again.
 * Counted by wrapping `unified()` itself; the renders stay the same as from fresh processors.
 */
import { markdownToHast, type RenderOptions } from '../../../renderer/src/markdown/pipeline';

jest.mock('unified', () => {
  const actual = jest.requireActual<typeof import('unified')>('unified');
  return { ...actual, unified: jest.fn(() => actual.unified()) };
});

const { unified } = jest.requireMock<{ unified: jest.Mock }>('unified');

const TEXTS = [
  '# Title\n\nline one\nline two with [[Link]] and $x^2$',
  '- [ ] task\n- [x] done\n\n> [!note] A callout\n> body',
  'Some <kbd>Ctrl</kbd> and <details><summary>s</summary>x</details>',
  '```js\nconst a = 1;\n```\n\n==mark== %%hidden%% ^[inline]',
];
const SETTINGS: RenderOptions[] = [{}, { strictLineBreaks: true }, { sourceLines: true, lineOffset: 40 }, { strictLineBreaks: true, sourceLines: true }];

test('rendering again with settings already used builds no processor', () => {
  const first = SETTINGS.flatMap((options) => TEXTS.map((text) => JSON.stringify(markdownToHast(text, options).hast)));
  unified.mockClear();
  for (let round = 0; round < 5; round++) {
    const again = SETTINGS.flatMap((options) => TEXTS.map((text) => JSON.stringify(markdownToHast(text, options).hast)));
    expect(again).toEqual(first);
  }
  expect(unified).not.toHaveBeenCalled();
});

test('the per-render facts still reach the shared processors: line offsets, and the note text the HTML filter reads', () => {
  const at = (offset: number) => JSON.stringify(markdownToHast('- [ ] task\n\npara', { sourceLines: true, lineOffset: offset }).hast);
  expect(at(0)).toContain('"dataTaskLine":1');
  expect(at(99)).toContain('"dataTaskLine":100');
  expect(at(99)).toContain('"dataSourceLine":');
  const html = (text: string) => JSON.stringify(markdownToHast(text).hast);
  expect(html('a <kbd>K</kbd> b')).toContain('"tagName":"kbd"');
  expect(html('x <u>under</u> y')).toContain('"tagName":"u"');
  expect(html('<script>alert(1)</script>')).not.toContain('"tagName":"script"');
});
