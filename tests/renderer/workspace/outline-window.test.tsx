/** The outline of a note with thousands of headings draws only the rows in view, and scrolling it draws later ones. */
import '../setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { NoteData } from '../../../renderer/src/hooks/use-note-data';
import { OutlinePanel } from '../../../renderer/src/components/outline-panel';
import { OUTLINE_ROW_HEIGHT, OutlineWindow } from '../../../renderer/src/components/outline-window';
import { outlineTree } from '../../../renderer/src/components/outline-tree';
import type { HeadingInfo } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const HEADINGS = 5000;

function bigNote(): NoteData {
  const headings = Array.from({ length: HEADINGS }, (_, i) => ({ text: `Heading ${i}`, level: i % 3 === 0 ? 1 : 2, line: i * 3 }));
  const none = { ok: true as const, value: [] };
  return {
    path: vp('Big.md'),
    note: { ok: true, value: { path: 'Big.md', content: '', mtimeMs: 0 } } as unknown as NoteData['note'],
    meta: { ok: true, value: { headings } } as unknown as NoteData['meta'],
    backlinks: none,
    outgoing: none,
    unlinked: none,
  };
}

test('a note with 5,000 headings draws far fewer outline rows; scrolling the outline draws later ones, and a click marks one current', () => {
  render(<OutlinePanel data={bigNote()} />);
  const outline = screen.getByRole('region', { name: 'Outline' });
  const rows = () => within(outline).getAllByRole('button');
  expect(rows().length).toBeGreaterThan(10);
  expect(rows().length).toBeLessThan(200);
  expect(within(outline).getByRole('button', { name: 'Heading 0' })).toBeTruthy();
  expect(within(outline).queryByRole('button', { name: 'Heading 4000' })).toBeNull();

  // jsdom lays nothing out: the scroll box reports the offset it was scrolled to.
  const box = outline.querySelector('.outline-window') as HTMLElement;
  Object.defineProperty(box, 'scrollTop', { configurable: true, value: 4000 * OUTLINE_ROW_HEIGHT });
  fireEvent.scroll(box);
  const later = within(outline).getByRole('button', { name: 'Heading 4000' });
  expect(within(outline).queryByRole('button', { name: 'Heading 0' })).toBeNull();
  expect(rows().length).toBeLessThan(200);
  // Rows sit at their place in the full list, so the scroll bar spans every heading.
  expect((later.closest('li') as HTMLElement).style.top).toBe(`${4000 * OUTLINE_ROW_HEIGHT}px`);

  fireEvent.click(later);
  expect(within(outline).getByRole('button', { name: 'Heading 4000' })).toHaveAttribute('aria-current', 'location');
});

test('the same headings in new note data (a keystroke elsewhere in the note) keep the drawn rows', () => {
  const { rerender } = render(<OutlinePanel data={bigNote()} />);
  const outline = screen.getByRole('region', { name: 'Outline' });
  const before = within(outline).getByRole('button', { name: 'Heading 3' });
  rerender(<OutlinePanel data={bigNote()} />);
  expect(within(outline).getByRole('button', { name: 'Heading 3' })).toBe(before);
});

test('when the current section moves out of sight, the windowed list scrolls just enough to show it; while in sight it stays', () => {
  const headings = (bigNote().meta as { ok: true; value: { headings: HeadingInfo[] } }).value.headings;
  const nodes = outlineTree(headings);
  const onGo = () => {};
  const { container, rerender } = render(<OutlineWindow nodes={nodes} current={null} onGo={onGo} />);
  const box = container.querySelector('.outline-window') as HTMLElement;
  // jsdom lays nothing out: give the box a height and a scroll offset that can be set.
  let top = 0;
  Object.defineProperty(box, 'clientHeight', { configurable: true, value: 10 * OUTLINE_ROW_HEIGHT });
  Object.defineProperty(box, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) });
  fireEvent.scroll(box);

  rerender(<OutlineWindow nodes={nodes} current={3} onGo={onGo} />);
  expect(top).toBe(0); // in sight: not moved
  rerender(<OutlineWindow nodes={nodes} current={4000} onGo={onGo} />);
  expect(top).toBe(4001 * OUTLINE_ROW_HEIGHT - 10 * OUTLINE_ROW_HEIGHT); // its row at the bottom edge
  expect(screen.getByRole('button', { name: 'Heading 4000' })).toHaveAttribute('aria-current', 'location');
  rerender(<OutlineWindow nodes={nodes} current={20} onGo={onGo} />);
  expect(top).toBe(20 * OUTLINE_ROW_HEIGHT); // above: its row at the top edge
});
