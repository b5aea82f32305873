/** The file actions menu closes on a press outside it, even where the press is kept from bubbling (the graph's overview canvas). */
import '../../setup';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FileActionsMenu, fileRowShortcut } from '../../../../renderer/src/components/note-actions/file-actions-menu';
import { vp } from '../../../support/vault-path';

const actions = { readOnly: false, onRename: () => undefined, onDelete: () => undefined };

function setup() {
  const view = render(
    <div>
      <FileActionsMenu path={vp('Notes/Idea.md')} actions={actions} />
      <div data-testid="shielded" />
    </div>,
  );
  // A surface that stops presses in the bubble phase, as the overview canvas does.
  const shielded = screen.getByTestId('shielded');
  for (const type of ['pointerdown', 'mousedown']) shielded.addEventListener(type, (e) => e.stopPropagation());
  fireEvent.click(screen.getByRole('button', { name: 'Actions for Idea.md' }));
  expect(screen.getByRole('menuitem', { name: 'Rename or move…' })).toBeInTheDocument();
  return { view, shielded };
}

test('a press outside the menu closes it, also on a surface that stops the press from bubbling', () => {
  const { shielded } = setup();
  act(() => {
    shielded.dispatchEvent(new Event('pointerdown', { bubbles: true }));
  });
  expect(screen.queryByRole('menuitem', { name: 'Rename or move…' })).toBeNull();
});

test('a press inside the menu leaves it open', () => {
  setup();
  act(() => {
    screen.getByRole('menuitem', { name: 'Rename or move…' }).dispatchEvent(new Event('pointerdown', { bubbles: true }));
  });
  expect(screen.getByRole('menuitem', { name: 'Rename or move…' })).toBeInTheDocument();
});

test('F2 on a row renames the path the row carries; a row attribute that is no vault path does nothing', () => {
  const renamed: string[] = [];
  const handlers = { ...actions, onRename: (path: string) => void renamed.push(path) };
  const rowWith = (path: string) => {
    const el = document.createElement('div');
    el.dataset.path = path;
    return el;
  };
  expect(fileRowShortcut('F2', rowWith('Notes/Idea.md'), handlers)).toBe(true);
  expect(fileRowShortcut('F2', rowWith('../Idea.md'), handlers)).toBe(false);
  expect(fileRowShortcut('F2', rowWith('a//b.md'), handlers)).toBe(false);
  expect(renamed).toEqual(['Notes/Idea.md']);
});
