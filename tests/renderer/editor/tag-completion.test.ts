// First: it gives jsdom the Node globals the real service needs.
import { MemoryApi } from '../support/memory-api';
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { obsidianMarkdown } from '../../../renderer/src/editor/live-preview/markdown-syntax';
import { tagCompletionSource } from '../../../renderer/src/editor/tag-completion';

/** Tags in two notes: `#ml` twice, a nested `#ml/transformers` once, `#draft` once. */
const vault = {
  notes: {
    'A.md': 'About #ml and #ml/transformers.\n',
    'B.md': '---\ntags: [ml, draft]\n---\nText.\n',
  },
};

/** Completes at the `|` in `doc` (its end when there is none). */
async function complete(marked: string, explicit = false) {
  const pos = marked.includes('|') ? marked.indexOf('|') : marked.length;
  const doc = marked.replace('|', '');
  const state = EditorState.create({ doc, extensions: [obsidianMarkdown()] });
  const { source } = tagCompletionSource(new MemoryApi(vault).api());
  return source(new CompletionContext(state, pos, explicit));
}

describe('# tag completion', () => {
  test('the vault tags, nested ones by full name, most used first, with their counts', async () => {
    const res = await complete('see #m');
    expect(res?.from).toBe('see #'.length);
    expect(res?.options.map((o) => [o.label, o.detail])).toEqual([
      ['ml', '2 notes'],
      ['draft', '1 note'],
      ['ml/transformers', '1 note'],
    ]);
    expect(res?.options.map((o) => o.apply)).toEqual(['ml', 'draft', 'ml/transformers']);
  });
  test('keeps offering while a nested tag is typed', async () => {
    const res = await complete('#ml/tr');
    expect(res?.from).toBe(1);
    expect(res?.validFor instanceof RegExp && res.validFor.test('ml/tra')).toBe(true);
  });
  test('a bare # offers only when asked (a heading is likelier)', async () => {
    expect(await complete('text #')).toBeNull();
    expect((await complete('text #', true))?.options.length).toBe(3);
  });
  test.each([
    ['inside a word or a URL', 'a#b'],
    ['a heading marker', '# H'],
    ['a link heading, which the link completion offers', 'x [[Note #he'],
    ['inline code', 'x `a #co| b` y'],
    ['a fenced code block', '```\n#co|\n```\n'],
  ])('nothing in %s', async (_what, doc) => {
    expect(await complete(doc)).toBeNull();
  });
});
