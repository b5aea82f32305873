// First: it gives jsdom the Node globals the real service needs.
import { MemoryApi } from '../support/memory-api';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { EditToggle, useEditMode } from '../../../renderer/src/editor/edit-toggle';
import { linkAt } from '../../../renderer/src/editor/link-at-pos';
import { linkCompletionSource } from '../../../renderer/src/editor/link-completion';
import { vp } from '../../support/vault-path';

/** A vault to complete in: one note with an alias, a heading and a block id; another without. */
const vault = {
  notes: {
    'Here.md': 'Typing here.\n',
    'Attention.md': '---\naliases: [Self-attention]\n---\nIntro.\n\n## Heads\n\nA quote. ^q1\n',
    'Loss.md': 'No links.\n',
  },
};

async function complete(doc: string) {
  const state = EditorState.create({ doc });
  const { source } = linkCompletionSource(new MemoryApi(vault).api(), () => vp('Here.md'));
  return source(new CompletionContext(state, doc.length, true));
}

describe('[[ completion', () => {
  test('titles, and aliases that insert Note|Alias', async () => {
    const res = await complete('see [[Att');
    expect(res?.from).toBe(6);
    const applied = res?.options.map((o) => [o.label, o.apply]);
    expect(applied).toEqual(
      expect.arrayContaining([
        ['Attention', 'Attention]]'],
        ['Self-attention', 'Attention|Self-attention]]'],
      ]),
    );
  });
  test('headings after #, block ids after #^', async () => {
    expect((await complete('[[Attention#'))?.options.map((o) => o.apply)).toEqual(['Heads]]']);
    const blocks = await complete('[[Attention#^');
    expect(blocks?.options.map((o) => o.apply)).toEqual(['q1]]']);
    expect(blocks?.from).toBe('[[Attention#^'.length);
  });
  test('nothing outside a link or while typing an alias', async () => {
    expect(await complete('plain text')).toBeNull();
    expect(await complete('[[Attention|al')).toBeNull();
  });
});

describe('linkAt', () => {
  test.each([
    ['x [[Note#Head|al]] y', 5, { kind: 'wiki', target: 'Note', heading: 'Head' }],
    ['![[Pic.png]]', 3, { kind: 'wiki', target: 'Pic.png', heading: null }],
    ['[a](My%20Note.md#Sec%201)', 2, { kind: 'markdown', target: 'My Note.md', heading: 'Sec 1' }],
    ['[[N#^blk]]', 2, { kind: 'wiki', target: 'N', heading: null }],
    ['no link here', 3, null],
    // The indexer's grammar: the heading as the index stores it, and a '[[' holding '[' is not a link.
    ['[[Note# Sub #Deep ]]', 3, { kind: 'wiki', target: 'Note', heading: 'Sub#Deep' }],
    ['[[x [[Note]]', 8, { kind: 'wiki', target: 'Note', heading: null }],
    ['[[ ]] x', 2, null],
  ])('%s', (line, offset, expected) => {
    expect(linkAt(line, offset)).toEqual(expected);
  });
});

function ToggleHost() {
  const [editing, toggle] = useEditMode();
  return <EditToggle editing={editing} onToggle={toggle} />;
}

test('EditToggle: the button and Ctrl/Cmd+E switch modes', () => {
  render(<ToggleHost />);
  const button = screen.getByRole('button');
  expect(button.textContent).toBe('Edit');
  fireEvent.click(button);
  expect(button.getAttribute('aria-pressed')).toBe('true');
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', ctrlKey: true }));
  });
  expect(button.textContent).toBe('Edit');
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', metaKey: true }));
  });
  expect(button.textContent).toBe('Read');
});
