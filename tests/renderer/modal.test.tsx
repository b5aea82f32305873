import './setup';
import { StrictMode, useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { Modal } from '../../renderer/src/components/modal';

/** An opener button and a dialog with an autofocused button, as the create-note dialog has. */
function Opener({ leaveFocus }: { leaveFocus: boolean }) {
  const [open, setOpen] = useState(false);
  const returnFocus = { current: !leaveFocus };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Modal label="Test dialog" onClose={() => setOpen(false)} returnFocus={returnFocus}>
          <button type="button" autoFocus onClick={() => setOpen(false)}>
            Go
          </button>
        </Modal>
      )}
    </>
  );
}

function openFromButton(leaveFocus: boolean) {
  render(
    <StrictMode>
      <Opener leaveFocus={leaveFocus} />
    </StrictMode>,
  );
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return opener;
}

test('under StrictMode the dialog keeps the focus its own field took (the trial unmount does not hand it back)', () => {
  openFromButton(false);
  expect(screen.getByRole('button', { name: 'Go' })).toHaveFocus();
});

test('closing gives the focus back to the opener, unless the dialog said to leave it', () => {
  const opener = openFromButton(false);
  fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
  expect(opener).toHaveFocus();
});

test('a dialog whose action moves the user on leaves the focus off the opener', () => {
  const opener = openFromButton(true);
  fireEvent.click(screen.getByRole('button', { name: 'Go' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(opener).not.toHaveFocus();
});
