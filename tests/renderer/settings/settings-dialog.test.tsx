/** The Settings dialog in the app: opened by Ctrl+, and the gear; appearance applied to <html>; excluded folders; hotkeys rebound. */
import '../setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, sampleVault } from '../render-app';
import { vp } from '../../support/vault-path';

const key = (init: KeyboardEventInit) => {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    window.dispatchEvent(event);
  });
  return event;
};
const html = document.documentElement;

async function openSettings(section?: string) {
  expect(key({ key: ',', code: 'Comma', ctrlKey: true }).defaultPrevented).toBe(true);
  const dialog = await screen.findByRole('dialog', { name: 'Settings' });
  if (section) fireEvent.click(within(dialog).getByRole('tab', { name: section }));
  return dialog;
}

async function ready() {
  const app = renderApp(sampleVault, '#/note/Welcome.md');
  await app.inNote().findByRole('heading', { name: 'Details' });
  return app;
}

afterEach(() => {
  delete html.dataset.theme;
  delete html.dataset.readableWidth;
  html.style.removeProperty('--note-font-size');
});

test('Ctrl+, and the status bar’s gear open Settings with Obsidian’s sections; Escape closes it', async () => {
  await ready();
  let dialog = await openSettings();
  expect(
    within(dialog)
      .getAllByRole('tab')
      .map((t) => t.textContent),
  ).toEqual(['Editor', 'Appearance', 'Files and links', 'Templates', 'Daily notes', 'Hotkeys']);
  expect(within(dialog).getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
  expect(within(dialog).getByRole('combobox', { name: 'Default editing mode' })).toHaveValue('live');
  fireEvent.keyDown(dialog, { key: 'Escape' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  dialog = await screen.findByRole('dialog', { name: 'Settings' });
  fireEvent.click(within(dialog).getByRole('tab', { name: 'Appearance' }));
  expect(within(dialog).getByRole('tabpanel', { name: 'Appearance' })).toBeInTheDocument();
});

test('the theme applies at once to <html data-theme>, both ways, and follows the system when asked', async () => {
  await ready();
  const dialog = await openSettings('Appearance');
  const theme = within(dialog).getByRole('combobox', { name: 'Theme' });
  // jsdom has no matchMedia: the system counts as light.
  expect(html.dataset.theme).toBe('light');
  fireEvent.change(theme, { target: { value: 'dark' } });
  expect(html.dataset.theme).toBe('dark');
  fireEvent.change(theme, { target: { value: 'light' } });
  expect(html.dataset.theme).toBe('light');
  fireEvent.change(theme, { target: { value: 'system' } });
  expect(html.dataset.theme).toBe('light');
  expect(JSON.parse(window.localStorage.getItem('plexus.settings:/Test Vault')!)).toMatchObject({ theme: 'system' });
});

test('“Follow system” follows the system’s dark preference, live; a chosen theme overrides it both ways', async () => {
  const listeners = new Set<() => void>();
  const query = {
    matches: true,
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  };
  window.matchMedia = jest.fn(() => query) as unknown as typeof window.matchMedia;
  try {
    await ready();
    expect(html.dataset.theme).toBe('dark');
    act(() => {
      query.matches = false;
      for (const f of listeners) f();
    });
    expect(html.dataset.theme).toBe('light');
    const dialog = await openSettings('Appearance');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Theme' }), { target: { value: 'dark' } });
    expect(html.dataset.theme).toBe('dark');
    act(() => {
      query.matches = true;
      for (const f of listeners) f();
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Theme' }), { target: { value: 'light' } });
    expect(html.dataset.theme).toBe('light');
  } finally {
    delete (window as { matchMedia?: unknown }).matchMedia;
  }
});

test('no stylesheet keys dark colours on the system preference: they follow <html data-theme>, so a chosen theme wins', () => {
  const { readdirSync, readFileSync, statSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const { join } = jest.requireActual<typeof import('node:path')>('node:path');
  const css = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? css(join(dir, n)) : n.endsWith('.css') ? [join(dir, n)] : []));
  const root = join(__dirname, '../../../renderer/src');
  const offenders = css(root).filter((f) => readFileSync(f, 'utf8').includes('prefers-color-scheme'));
  expect(offenders.map((f) => f.slice(root.length + 1))).toEqual([]);
});

test('font size sets the notes’ size, and readable line length can be turned off', async () => {
  await ready();
  const dialog = await openSettings('Appearance');
  expect(html.style.getPropertyValue('--note-font-size')).toBe('16px');
  const size = within(dialog).getByRole('slider', { name: 'Font size' });
  expect(size).toHaveAttribute('min', '10');
  expect(size).toHaveAttribute('max', '30');
  fireEvent.change(size, { target: { value: '22' } });
  expect(html.style.getPropertyValue('--note-font-size')).toBe('22px');
  expect(within(dialog).getByText('22 px')).toBeInTheDocument();
  expect(html.dataset.readableWidth).toBe('on');
  fireEvent.click(within(dialog).getByRole('switch', { name: 'Readable line length' }));
  expect(html.dataset.readableWidth).toBe('off');
});

test('an excluded folder is hidden from the explorer and the quick switcher, and comes back when removed', async () => {
  await ready();
  const explorer = screen.getByRole('navigation', { name: 'File explorer' });
  await within(explorer).findByRole('link', { name: 'Plexus' });
  const dialog = await openSettings('Files and links');
  const input = within(dialog).getByRole('combobox', { name: 'Excluded folders' });
  fireEvent.change(input, { target: { value: '/Projects/' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
  expect(within(within(dialog).getByRole('list', { name: 'Excluded folders' })).getByText('Projects/')).toBeInTheDocument();
  await waitFor(() => expect(within(explorer).queryByRole('link', { name: 'Plexus' })).toBeNull());
  expect(within(explorer).queryByRole('button', { name: /Projects/ })).toBeNull();
  expect(within(explorer).getByRole('link', { name: 'Ideas' })).toBeInTheDocument();
  fireEvent.keyDown(dialog, { key: 'Escape' });

  key({ key: 'o', ctrlKey: true });
  const switcher = await screen.findByRole('dialog', { name: 'Quick switcher' });
  fireEvent.change(within(switcher).getByRole('combobox'), { target: { value: 'Plexus' } });
  await waitFor(() =>
    expect(
      within(switcher)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Create note “Plexus”']),
  );
  fireEvent.change(within(switcher).getByRole('combobox'), { target: { value: '' } });
  await waitFor(() =>
    expect(
      within(switcher)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['WelcomeWelcome.md', 'IdeasIdeas.md']),
  );
  fireEvent.keyDown(switcher, { key: 'Escape' });

  const again = await openSettings('Files and links');
  fireEvent.click(within(again).getByRole('button', { name: 'Stop excluding Projects' }));
  await within(explorer).findByRole('link', { name: 'Plexus' });
});

test('search leaves out hits in an excluded folder and counts without them', async () => {
  await ready();
  const dialog = await openSettings('Files and links');
  fireEvent.change(within(dialog).getByRole('combobox', { name: 'Excluded folders' }), { target: { value: 'Projects' } });
  fireEvent.keyDown(within(dialog).getByRole('combobox', { name: 'Excluded folders' }), { key: 'Enter' });
  fireEvent.keyDown(dialog, { key: 'Escape' });
  key({ key: 'f', ctrlKey: true, shiftKey: true });
  fireEvent.change(await screen.findByRole('searchbox', { name: 'Search the vault' }), { target: { value: 'Welcome' } });
  const panel = screen.getByRole('region', { name: 'Search' });
  await within(panel).findByText('2 results');
  expect(
    within(panel)
      .getAllByRole('link')
      .map((a) => a.querySelector('.result-title')?.textContent)
      .sort(),
  ).toEqual(['Ideas', 'Welcome']);
});

test('a new-note location of “a named folder” is where New note and the switcher’s Create put a note', async () => {
  const { api } = await ready();
  const dialog = await openSettings('Files and links');
  expect(within(dialog).queryByRole('textbox', { name: 'Folder to create new notes in' })).toBeNull();
  fireEvent.change(within(dialog).getByRole('combobox', { name: 'Default location for new notes' }), { target: { value: 'folder' } });
  const folder = within(dialog).getByRole('combobox', { name: 'Folder to create new notes in' });
  fireEvent.change(folder, { target: { value: 'Inbox/' } });
  fireEvent.blur(folder);
  fireEvent.keyDown(dialog, { key: 'Escape' });

  key({ key: 'n', ctrlKey: true });
  const newNote = await screen.findByRole('dialog', { name: 'New note' });
  fireEvent.change(within(newNote).getByRole('textbox'), { target: { value: 'Idea one' } });
  expect(newNote).toHaveTextContent('Will be created at Inbox/Idea one.md');
  fireEvent.keyDown(newNote, { key: 'Escape' });

  key({ key: 'o', ctrlKey: true });
  const switcher = await screen.findByRole('dialog', { name: 'Quick switcher' });
  const input = within(switcher).getByRole('combobox');
  fireEvent.change(input, { target: { value: 'Zebra' } });
  await within(switcher).findByRole('option', { name: 'Create note “Zebra”' });
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(decodeURIComponent(window.location.hash)).toBe('#/note/Inbox/Zebra.md'));
  expect((await api.readNote(vp('Inbox/Zebra.md'))).ok).toBe(true);
});

describe('hotkeys', () => {
  const row = (dialog: HTMLElement, name: string) => within(within(dialog).getByRole('list', { name: 'Hotkeys' })).getByRole('listitem', { name });

  test('every command is listed with its hotkey; a rebound command runs from the new key, not the old, and the palette shows it', async () => {
    await ready();
    const dialog = await openSettings('Hotkeys');
    expect(row(dialog, 'Open quick switcher')).toHaveTextContent('Ctrl+O');
    expect(row(dialog, 'Split right')).toHaveTextContent('No hotkey');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Change hotkey for Open quick switcher' }));
    expect(within(row(dialog, 'Open quick switcher')).getByRole('status')).toHaveTextContent('Press a key combination');
    // A plain letter is for typing: refused, and the dialog keeps waiting.
    key({ key: 'k', code: 'KeyK' });
    expect(
      within(dialog)
        .getAllByRole('status')
        .map((s) => s.textContent),
    ).toContain('K: Add Ctrl, Cmd or Alt: this key is needed for typing.');
    expect(within(row(dialog, 'Open quick switcher')).getByRole('status')).toHaveTextContent('Press a key combination');
    // Modifiers alone wait for a key; the app's own hotkeys do not run meanwhile.
    key({ key: 'Control', code: 'ControlLeft', ctrlKey: true });
    const press = key({ key: 'k', code: 'KeyK', ctrlKey: true });
    expect(press.defaultPrevented).toBe(true);
    expect(row(dialog, 'Open quick switcher')).toHaveTextContent('Ctrl+K');
    expect(within(row(dialog, 'Open quick switcher')).getByRole('button', { name: 'Reset hotkey for Open quick switcher' })).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem('plexus.hotkeys')!)).toEqual({ quickSwitcher: { keys: ['k'], codes: ['KeyK'], mod: true } });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(key({ key: 'o', code: 'KeyO', ctrlKey: true }).defaultPrevented).toBe(false);
    expect(screen.queryByRole('dialog', { name: 'Quick switcher' })).toBeNull();
    key({ key: 'k', code: 'KeyK', ctrlKey: true });
    const switcher = await screen.findByRole('dialog', { name: 'Quick switcher' });
    fireEvent.keyDown(switcher, { key: 'Escape' });

    key({ key: 'p', ctrlKey: true });
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    expect(
      within(palette)
        .getAllByRole('option')
        .find((o) => o.textContent?.startsWith('Open quick switcher')),
    ).toHaveTextContent('Ctrl+K');
    // The toolbar's switcher button names the same key.
    expect(document.querySelector('.switcher-button')).toHaveAttribute('title', 'Quick switcher (Ctrl+K)');
    expect(document.querySelector('.switcher-button kbd')).toHaveTextContent('Ctrl+K');
  });

  test('a taken combination names the other command: Cancel keeps both, Replace moves it; Reset and Remove', async () => {
    await ready();
    const dialog = await openSettings('Hotkeys');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Change hotkey for Split right' }));
    key({ key: 'g', code: 'KeyG', ctrlKey: true });
    expect(within(row(dialog, 'Split right')).getByRole('alert')).toHaveTextContent('Ctrl+G is used by “Open graph view”.');
    fireEvent.click(within(row(dialog, 'Split right')).getByRole('button', { name: 'Cancel' }));
    expect(row(dialog, 'Split right')).toHaveTextContent('No hotkey');
    expect(row(dialog, 'Open graph view')).toHaveTextContent('Ctrl+G');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Change hotkey for Split right' }));
    key({ key: 'g', code: 'KeyG', ctrlKey: true });
    fireEvent.click(within(row(dialog, 'Split right')).getByRole('button', { name: 'Replace' }));
    expect(row(dialog, 'Split right')).toHaveTextContent('Ctrl+G');
    expect(row(dialog, 'Open graph view')).toHaveTextContent('No hotkey');
    expect(within(dialog).getByRole('status')).toHaveTextContent('“Open graph view” no longer has a hotkey.');

    // Reset gives the graph its Ctrl+G back, taking it from Split right.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset hotkey for Open graph view' }));
    expect(row(dialog, 'Open graph view')).toHaveTextContent('Ctrl+G');
    expect(row(dialog, 'Split right')).toHaveTextContent('No hotkey');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove hotkey for Open graph view' }));
    expect(row(dialog, 'Open graph view')).toHaveTextContent('No hotkey');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(key({ key: 'g', ctrlKey: true }).defaultPrevented).toBe(false);
  });

  test('Escape while waiting for a key cancels the change and leaves the dialog open', async () => {
    await ready();
    const dialog = await openSettings('Hotkeys');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Change hotkey for Open graph view' }));
    key({ key: 'Escape', code: 'Escape' });
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
    expect(row(dialog, 'Open graph view')).toHaveTextContent('Ctrl+G');
    expect(within(row(dialog, 'Open graph view')).queryByRole('status')).toBeNull();
    expect(window.localStorage.getItem('plexus.hotkeys')).toBeNull();
    // The focus is back on the row's Change button, inside the dialog, so the next Escape closes it.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Change hotkey for Open graph view' })));
  });

  test('Escape on a conflict cancels the change only; the dialog opens with the focus on its first section', async () => {
    await ready();
    const dialog = await openSettings();
    expect(document.activeElement).toBe(within(dialog).getByRole('tab', { name: 'Editor' }));
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Hotkeys' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Change hotkey for Split right' }));
    key({ key: 'g', code: 'KeyG', ctrlKey: true });
    const replace = within(row(dialog, 'Split right')).getByRole('button', { name: 'Replace' });
    expect(document.activeElement).toBe(replace);
    fireEvent.keyDown(replace, { key: 'Escape' });
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
    expect(row(dialog, 'Split right')).toHaveTextContent('No hotkey');
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Change hotkey for Split right' })));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
