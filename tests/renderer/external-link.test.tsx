/**
 * External links in rendered notes, per host: the Electron window (its preload provides
 * `window.plexus`) hands them to the main process; a page served by `plexus serve` opens them
 * in a new tab itself, because the server has no way to reach the user's OS.
 */
import './setup';
import { cleanup, createEvent, fireEvent, waitFor } from '@testing-library/react';
import type { PlexusApi } from '../../main/contract/api-contract';
import { isBrowserMode } from '../../renderer/src/api/get-api';
import { renderApp } from './render-app';

const note = '# Links\n\n[web](https://example.com/page) and [mail](mailto:someone@example.com)\n';
const w = window as unknown as { plexus?: PlexusApi };

afterEach(() => {
  cleanup();
  delete w.plexus;
});

async function open() {
  const app = renderApp({ notes: { 'Links.md': note } }, `#/note/${encodeURIComponent('Links.md')}`);
  const web = await app.inNote().findByRole('link', { name: 'web' });
  return { ...app, web, mail: app.inNote().getByRole('link', { name: 'mail' }) };
}

test('browser mode: http(s) and mailto links open in a new tab with noopener noreferrer', async () => {
  expect(isBrowserMode()).toBe(true);
  const { web, mail, fake } = await open();
  for (const [link, href] of [
    [web, 'https://example.com/page'],
    [mail, 'mailto:someone@example.com'],
  ] as const) {
    expect(link).toHaveAttribute('href', href);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  // The click is left to the browser (not cancelled) and never reaches the server's no-op.
  const click = createEvent.click(web, { button: 0 });
  fireEvent(web, click);
  expect(click.defaultPrevented).toBe(false);
  expect(fake.calls.filter((c) => c.method === 'openExternal')).toEqual([]);
});

test('Electron (window.plexus present): the click is cancelled and the URL goes to openExternal, as before', async () => {
  w.plexus = {} as PlexusApi; // only its presence matters: the app still talks to the api it is given
  expect(isBrowserMode()).toBe(false);
  const { web, mail, fake } = await open();
  expect(web).not.toHaveAttribute('target');
  const click = createEvent.click(web, { button: 0 });
  fireEvent(web, click);
  expect(click.defaultPrevented).toBe(true);
  fireEvent.click(mail);
  await waitFor(() =>
    expect(fake.calls.filter((c) => c.method === 'openExternal').map((c) => c.args[0])).toEqual(['https://example.com/page', 'mailto:someone@example.com']),
  );
});
