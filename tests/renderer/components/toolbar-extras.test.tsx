/** The toolbar's extra buttons draw no emoji (an empty box where no emoji font is installed) and have accessible names. */
import { MemoryApi } from '../support/memory-api';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ToolbarExtras } from '../../../renderer/src/components/toolbar-extras';

afterEach(cleanup);

test("today's daily note: a named button with a drawn calendar, no emoji", () => {
  const onDailyNote = jest.fn();
  const props = { bookmarked: false, graphOpen: false, empty: false, readOnly: false, onToggleBookmark: () => undefined, onOpen: () => undefined };
  render(<ToolbarExtras api={new MemoryApi({ notes: {} }).api()} {...props} onDailyNote={onDailyNote} />);
  const button = screen.getByRole('button', { name: "Open today's daily note" });
  expect(button.textContent).toBe('');
  expect(button.querySelector('.calendar-glyph[aria-hidden="true"]')).not.toBeNull();
  // Emoji are what a missing font draws as an empty box: none in any of these buttons.
  for (const b of screen.getAllByRole('button')) expect(b.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
  fireEvent.click(button);
  expect(onDailyNote).toHaveBeenCalledTimes(1);
});
