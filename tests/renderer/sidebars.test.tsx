/** Collapsing the side panes: toolbar buttons, Ctrl/Cmd+\ and Ctrl/Cmd+Shift+\, remembered, and collapsed on the right in narrow windows. */
import './setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../renderer/src/app';
import { initialSidebars } from '../../renderer/src/hooks/use-sidebars';
import { hotkeyFor } from '../../renderer/src/hooks/use-hotkeys';
import { GraphLegend } from '../../renderer/src/graph/graph-legend';
import { MemoryApi } from './support/memory-api';
import { sampleVault } from './render-app';

function setWidth(width: number) {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
}

function mount() {
  window.location.hash = '#/note/Welcome.md';
  return render(<App api={new MemoryApi(sampleVault).api()} />);
}

const explorer = () => screen.getByRole('navigation', { name: 'File explorer', hidden: true });
const backlinks = () => screen.getByRole('complementary', { name: 'Backlinks', hidden: true });
const isShown = (el: HTMLElement) => el.closest('[hidden]') === null;
const gridColumns = (container: HTMLElement) => (container.querySelector('.panes') as HTMLElement).style.gridTemplateColumns;

beforeEach(() => {
  window.localStorage.clear();
  setWidth(1400);
});

test('the toolbar buttons collapse and expand each sidebar, with aria-expanded and matching labels', () => {
  const { container } = mount();
  expect(isShown(explorer())).toBe(true);
  expect(isShown(backlinks())).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: 'Collapse left sidebar' }));
  expect(isShown(explorer())).toBe(false);
  expect(screen.getByRole('button', { name: 'Expand left sidebar' })).toHaveAttribute('aria-expanded', 'false');
  expect(gridColumns(container)).toBe('minmax(0, 1fr) 5px 300px');
  fireEvent.click(screen.getByRole('button', { name: 'Collapse right sidebar' }));
  expect(isShown(backlinks())).toBe(false);
  expect(gridColumns(container)).toBe('minmax(0, 1fr)');
  fireEvent.click(screen.getByRole('button', { name: 'Expand left sidebar' }));
  expect(screen.getByRole('button', { name: 'Collapse left sidebar' })).toHaveAttribute('aria-expanded', 'true');
  expect(isShown(explorer())).toBe(true);
  expect(gridColumns(container)).toBe('260px 5px minmax(0, 1fr)');
});

test('Ctrl+\\ toggles the left sidebar, Ctrl+Shift+\\ the right, and the choice is remembered', () => {
  const first = mount();
  fireEvent.keyDown(window, { key: '\\', code: 'Backslash', ctrlKey: true });
  expect(isShown(explorer())).toBe(false);
  fireEvent.keyDown(window, { key: '|', code: 'Backslash', ctrlKey: true, shiftKey: true });
  expect(isShown(backlinks())).toBe(false);
  first.unmount();
  mount();
  expect(isShown(explorer())).toBe(false);
  expect(isShown(backlinks())).toBe(false);
  fireEvent.keyDown(window, { key: '\\', code: 'Backslash', metaKey: true });
  expect(isShown(explorer())).toBe(true);
});

test('opening search shows a collapsed left sidebar (search lives there), on its Search tab', () => {
  mount();
  fireEvent.click(screen.getByRole('button', { name: 'Collapse left sidebar' }));
  fireEvent.click(screen.getByRole('button', { name: 'Search' }));
  expect(isShown(screen.getByRole('searchbox', { name: 'Search the vault' }))).toBe(true);
  expect(screen.getByRole('tab', { name: 'Search' })).toHaveAttribute('aria-selected', 'true');
});

test('below 1000 px the right sidebar starts collapsed; a choice made there is kept apart from the wide one', () => {
  expect(initialSidebars({}, 900)).toEqual({ left: true, right: false });
  expect(initialSidebars({}, 1200)).toEqual({ left: true, right: true });
  expect(initialSidebars({ right: true, rightNarrow: false }, 900).right).toBe(false);
  expect(initialSidebars({ right: false, rightNarrow: true }, 900).right).toBe(true);
  expect(initialSidebars({ right: false }, 1200).right).toBe(false);
  setWidth(900);
  const narrow = mount();
  expect(isShown(backlinks())).toBe(false);
  fireEvent.click(screen.getByRole('button', { name: 'Expand right sidebar' }));
  narrow.unmount();
  setWidth(1400);
  const wide = mount();
  expect(isShown(backlinks())).toBe(true);
  wide.unmount();
  setWidth(900);
  mount();
  expect(isShown(backlinks())).toBe(true);
});

test('the shortcuts are exactly Mod+\\ and Mod+Shift+\\ (not without Mod, not with Alt)', () => {
  const key = (init: KeyboardEventInit) => hotkeyFor(new KeyboardEvent('keydown', init));
  expect(key({ key: '\\', code: 'Backslash', ctrlKey: true })).toBe('toggleLeftSidebar');
  expect(key({ key: '|', code: 'Backslash', ctrlKey: true, shiftKey: true })).toBe('toggleRightSidebar');
  expect(key({ key: '\\', code: 'Backslash' })).toBeNull();
  expect(key({ key: '\\', code: 'Backslash', ctrlKey: true, altKey: true })).toBeNull();
});

test('the graph legend folds to its title and remembers it', () => {
  const scheme = { legend: [{ key: 'a', label: 'Folder A', colour: '#f00', count: 3 }] } as unknown as Parameters<typeof GraphLegend>[0]['scheme'];
  const first = render(<GraphLegend title="Folders" scheme={scheme} groups={[]} />);
  expect(screen.getByText('Folder A')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Collapse legend' }));
  expect(screen.queryByText('Folder A')).toBeNull();
  expect(screen.getByRole('button', { name: 'Expand legend' })).toHaveAttribute('aria-expanded', 'false');
  first.unmount();
  render(<GraphLegend title="Folders" scheme={scheme} groups={[]} />);
  expect(screen.queryByText('Folder A')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Expand legend' }));
  expect(screen.getByText('Folder A')).toBeInTheDocument();
});
