import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, showSidebarView } from './render-app';

/** Notes with the tag #proj: inline, nested, in frontmatter; and notes that only say the word. */
const tagVault = {
  notes: {
    'A.md': '# A\n\nFiled under #proj here.\n',
    'B.md': '# B\n\nA nested #proj/sub tag.\n',
    'C.md': '# C\n\nThe word proj and the tag #project, which is another tag.\n',
    'D.md': '---\ntags: [proj]\n---\n# D\n\nTagged in the frontmatter only.\n',
    'E.md': '# E\n\nNothing.\n',
  },
};

const searchPanel = () => screen.getByRole('region', { name: 'Search' });

async function resultTitles(): Promise<string[]> {
  await within(searchPanel()).findByText(/^\d+ results?/);
  return [...searchPanel().querySelectorAll('.result-title')].map((el) => el.textContent ?? '');
}

describe('clicking a tag lists exactly the notes with that tag or a nested one', () => {
  test('from the note body', async () => {
    const { inNote } = renderApp(tagVault, '#/note/A.md');
    fireEvent.click(await inNote().findByRole('link', { name: 'Search for tag #proj' }));
    expect(await screen.findByRole('searchbox', { name: 'Search the vault' })).toHaveValue('tag:#proj');
    expect(await resultTitles()).toEqual(['A', 'B', 'D']);
  });

  test('from the sidebar tags panel', async () => {
    renderApp(tagVault, '#/note/B.md');
    showSidebarView('Outgoing');
    const tags = screen.getByRole('region', { name: 'Tags' });
    fireEvent.click(await within(tags).findByRole('button', { name: 'Search for tag #proj/sub' }));
    expect(await screen.findByRole('searchbox', { name: 'Search the vault' })).toHaveValue('tag:#proj/sub');
    expect(await resultTitles()).toEqual(['B']);
  });

  test('from the properties table', async () => {
    const { inNote } = renderApp(tagVault, '#/note/D.md');
    const props = await inNote().findByRole('table', { name: 'Properties' });
    fireEvent.click(within(props).getByRole('button', { name: 'Search for tag #proj' }));
    expect(await resultTitles()).toEqual(['A', 'B', 'D']);
  });
});

describe('search panel', () => {
  test('an invalid regular expression shows a clear message, not "no results"', async () => {
    renderApp(tagVault, '#/note/A.md');
    fireEvent.keyDown(window, { key: 'F', ctrlKey: true, shiftKey: true });
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Search the vault' }), { target: { value: '/(proj/' } });
    expect(await within(searchPanel()).findByRole('alert')).toHaveTextContent(/^Invalid regular expression \/\(proj\/: .*Unterminated group/);
    expect(within(searchPanel()).queryByText('No results.')).toBeNull();
  });

  test('operators work from the box, and snippets are readable text with the match marked', async () => {
    const notes = {
      'Bread.md': '---\ntags: [food]\n---\n# Bread\n\nMix **the flour** and [[Water Note|water]].\nBake it.\n',
      'Cake.md': '# Cake\n\nMix butter.\nAdd flour later.\n',
    };
    renderApp({ notes }, '#/note/Cake.md');
    fireEvent.keyDown(window, { key: 'F', ctrlKey: true, shiftKey: true });
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Search the vault' }), { target: { value: 'line:(mix flour)' } });
    expect(await resultTitles()).toEqual(['Bread']);
    const snippet = searchPanel().querySelector('.search-hit .snippet')!;
    expect(snippet.textContent).toBe('Mix the flour and water.');
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Mix', 'flour']);
    expect(searchPanel().textContent).not.toMatch(/tags:|---|\*\*|\[\[/);
  });

  test('opening a hit scrolls the note to the matching block and highlights it', async () => {
    const notes = {
      'Start.md': '# Start\n',
      'Long.md': `# Long\n\n${'Filler paragraph about needles in general.\n\n'.repeat(30)}The **exact** needle line: find me.\n\nAfter.\n`,
    };
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function record(this: Element) {
      scrolled.push(this);
    };
    try {
      const { note } = renderApp({ notes }, '#/note/Start.md');
      fireEvent.keyDown(window, { key: 'F', ctrlKey: true, shiftKey: true });
      fireEvent.change(await screen.findByRole('searchbox', { name: 'Search the vault' }), { target: { value: '"needle line"' } });
      const hit = await within(searchPanel()).findByRole('link', { name: /Long/ });
      fireEvent.click(hit);
      window.location.hash = hit.getAttribute('href')!;
      await waitFor(() => expect(note().querySelector('.search-reveal')).not.toBeNull());
      const revealed = note().querySelector('.search-reveal')!;
      expect(revealed.tagName).toBe('P');
      expect(revealed.textContent).toBe('The exact needle line: find me.');
      expect(scrolled).toContain(revealed);
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });
});

describe('opening a hit in a long note drawn in parts', () => {
  test('draws the part holding the hit at once, then scrolls to it and highlights it', async () => {
    // Past the progressive threshold (split-blocks.ts), the needle far below the first part.
    const filler = Array.from({ length: 1400 }, (_, i) => `Filler paragraph ${i} about haystacks in general.\n\n`).join('');
    const notes = { 'Start.md': '# Start\n', 'Huge.md': `# Huge\n\n${filler}The **exact** needle line: find me.\n\nAfter.\n` };
    expect(notes['Huge.md'].length).toBeGreaterThan(64 * 1024);
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = () => undefined;
    try {
      const { note } = renderApp({ notes }, '#/note/Start.md');
      fireEvent.keyDown(window, { key: 'F', ctrlKey: true, shiftKey: true });
      fireEvent.change(await screen.findByRole('searchbox', { name: 'Search the vault' }), { target: { value: '"needle line"' } });
      const hit = await within(searchPanel()).findByRole('link', { name: /Huge/ });
      fireEvent.click(hit);
      window.location.hash = hit.getAttribute('href')!;
      await waitFor(() => expect(note().querySelector('.search-reveal')).not.toBeNull());
      expect(note().querySelector('.search-reveal')!.textContent).toBe('The exact needle line: find me.');
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });
});

describe('backlink snippets', () => {
  test('two links to the note in one paragraph give one snippet with both marked, as readable text', async () => {
    const notes = {
      'Target.md': '# Target\n',
      'Source.md': '# Source\n\nSee **[[Target]]** and later [[Target|the target]] and [[Other]].\n',
    };
    renderApp({ notes }, '#/note/Target.md');
    const backlinks = screen.getByRole('complementary', { name: 'Backlinks' });
    await within(backlinks).findByRole('link', { name: 'Source' });
    const snippets = backlinks.querySelectorAll('.snippets .snippet');
    expect(snippets).toHaveLength(1);
    expect(snippets[0].textContent).toBe('See Target and later the target and Other.');
    expect([...snippets[0].querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Target', 'the target']);
    expect(within(backlinks).getByRole('heading')).toHaveTextContent('Backlinks 2');
  });
});
