import './setup';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, sampleVault } from './render-app';

/** The preview opens 350 ms after the pointer rests on a link; wait a little longer than that. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 450)));

async function ideasLink(inNote: () => ReturnType<typeof import('@testing-library/react').within>) {
  const link = await inNote().findByRole('link', { name: 'Ideas' });
  await waitFor(() => expect(link).toHaveAttribute('href', '#/note/Ideas.md'));
  return link;
}

test('hovering a link previews the target; leaving hides it', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  const link = await ideasLink(inNote);
  fireEvent.mouseEnter(link);
  await settle();
  const preview = await screen.findByRole('tooltip');
  await waitFor(() => expect(preview).toHaveTextContent('Back to Welcome'));
  fireEvent.mouseLeave(link);
  await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
});

test('clicking a link before its preview appears never leaves a preview open on the next note', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  const link = await ideasLink(inNote);
  fireEvent.mouseEnter(link);
  fireEvent.click(link);
  await act(async () => {
    window.location.hash = '#/note/Ideas.md';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await settle();
  expect(screen.queryByRole('tooltip')).toBeNull();
});

test('an open preview closes with Escape and when the note changes', async () => {
  const { inNote } = renderApp(sampleVault, '#/note/Welcome.md');
  const link = await ideasLink(inNote);
  fireEvent.mouseEnter(link);
  await settle();
  await screen.findByRole('tooltip');
  fireEvent.keyDown(document, { key: 'Escape' });
  await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());

  fireEvent.mouseEnter(link);
  await settle();
  await screen.findByRole('tooltip');
  await act(async () => {
    window.location.hash = '#/note/Projects%2FPlexus.md';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
});
