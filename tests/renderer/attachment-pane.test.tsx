import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatSize, typeLabel, viewFor } from '../../renderer/src/components/attachment/attachment-kind';
import { renderApp, showSidebarView } from './render-app';
import type { MemoryVaultFiles } from './support/memory-api';
import { vp } from '../support/vault-path';

// jsdom has no object URLs: record what the viewer makes and frees.
const made = new Map<string, Blob>();
const revoked: string[] = [];
let serial = 0;
beforeAll(() => {
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${++serial}`;
    made.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
});
beforeEach(() => {
  made.clear();
  revoked.length = 0;
});

// jsdom's Blob has no text(); FileReader reads it.
const textOf = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" id="from-file"><script>window.__pwned=1</script><circle r="4"/></svg>';
/** One byte over the most the app is sent (MAX_ATTACHMENT_BYTES): the handler answers too-large. */
const overCap = new Uint8Array(50 * 1024 * 1024 + 1);
const vault = (extra: Partial<MemoryVaultFiles> = {}): MemoryVaultFiles => ({
  notes: { 'Welcome.md': '# Welcome\n\nSee ![[pic.png]].\n' },
  attachments: {
    'assets/pic.png': 'data:image/png;base64,iVBORw0KGgo=',
    'assets/logo.svg': `data:image/svg+xml;base64,${b64(SVG)}`,
    'assets/sound.wav': `data:audio/wav;base64,${b64('RIFF....WAVEfmt ')}`,
    'assets/clip.mp4': `data:video/mp4;base64,${b64('....ftypisom')}`,
    'docs/paper.pdf': `data:application/pdf;base64,${b64('%PDF-1.4 tiny')}`,
    'docs/data.xyz': `data:application/octet-stream;base64,${b64('opaque')}`,
  },
  ...extra,
});

const open = (options: MemoryVaultFiles, path: string) => renderApp(options, `#/note/${encodeURIComponent(path)}`);
const viewer = () => screen.findByRole('main', { name: 'Attachment' });

test('viewFor, typeLabel and formatSize', () => {
  expect(['image/png', 'image/svg+xml', 'application/pdf', 'audio/mpeg', 'video/webm', 'text/plain', 'application/octet-stream'].map(viewFor)).toEqual([
    'image',
    'image',
    'pdf',
    'audio',
    'video',
    'other',
    'other',
  ]);
  expect(typeLabel('a/b.xyz', 'application/octet-stream')).toBe('XYZ file');
  expect(typeLabel('a/b.png', 'image/png')).toBe('image/png');
  expect([0, 1023, 1024, 1536, 10 * 1024, 5 * 1024 * 1024].map(formatSize)).toEqual(['0 B', '1023 B', '1.0 KB', '1.5 KB', '10 KB', '5.0 MB']);
});

test('clicking an image in the explorer opens it in the viewer, with name, folder, type and size', async () => {
  renderApp(vault(), '#/note/Welcome.md');
  const nav = screen.getByRole('navigation', { name: 'File explorer' });
  fireEvent.click(await within(nav).findByRole('link', { name: 'pic.png' }));
  const pane = await viewer();
  const img = await within(pane).findByRole('img', { name: 'pic.png' });
  expect(img.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
  expect(within(pane).getByRole('heading', { level: 1 })).toHaveTextContent('pic.png');
  expect(within(pane).getByText('assets · image/png · 8 B')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
  await waitFor(() => expect(document.title).toBe('pic.png — Plexus'));
});

test('an SVG is an <img> of its data URL: its markup never enters the page', async () => {
  open(vault(), 'assets/logo.svg');
  const img = await within(await viewer()).findByRole('img', { name: 'logo.svg' });
  expect(img.tagName).toBe('IMG');
  expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(document.querySelector('svg, #from-file, script')).toBeNull();
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
});

test('audio and video get controls and a blob: URL of their own type', async () => {
  const { unmount } = open(vault(), 'assets/sound.wav');
  const audio = await waitFor(() => {
    const el = document.querySelector('audio');
    if (!el) throw new Error('no audio yet');
    return el;
  });
  expect(audio).toHaveAttribute('controls');
  const src = audio.getAttribute('src')!;
  expect(src).toMatch(/^blob:/);
  expect(made.get(src)?.type).toBe('audio/wav');
  unmount();
  // Closing the viewer frees the bytes.
  expect(revoked).toContain(src);

  open(vault(), 'assets/clip.mp4');
  const video = await waitFor(() => {
    const el = document.querySelector('video');
    if (!el) throw new Error('no video yet');
    return el;
  });
  expect(video).toHaveAttribute('controls');
  expect(made.get(video.getAttribute('src')!)?.type).toBe('video/mp4');
});

test('a PDF is a frame of an application/pdf blob (unsandboxed: Chromium refuses PDFs in sandboxed frames)', async () => {
  open(vault(), 'docs/paper.pdf');
  const frame = await within(await viewer()).findByTitle('PDF: paper.pdf');
  expect(frame.tagName).toBe('IFRAME');
  const src = frame.getAttribute('src')!;
  expect(src).toMatch(/^blob:/);
  const blob = made.get(src)!;
  expect(blob.type).toBe('application/pdf');
  expect(await textOf(blob)).toBe('%PDF-1.4 tiny');
});

test('an unknown file is a card with its size and, in browser mode, a download link', async () => {
  open(vault(), 'docs/data.xyz');
  const card = await within(await viewer()).findByRole('region', { name: 'File data.xyz' });
  expect(within(card).getByText('6 B')).toBeInTheDocument();
  const link = within(card).getByRole('link', { name: 'Download' });
  expect(link).toHaveAttribute('download', 'data.xyz');
  const blob = made.get(link.getAttribute('href')!)!;
  // Downloaded, never rendered: the blob carries no type a browser would display.
  expect(blob.type).toBe('application/octet-stream');
  expect(await textOf(blob)).toBe('opaque');
  expect(screen.queryByRole('button', { name: 'Open in default app' })).toBeNull();
});

test('in the desktop app the card offers "Open in default app", and shows a refusal', async () => {
  const { fake } = open(vault({ host: 'electron' }), 'docs/data.xyz');
  const card = await within(await viewer()).findByRole('region', { name: 'File data.xyz' });
  expect(within(card).queryByRole('link', { name: 'Download' })).toBeNull();
  fireEvent.click(within(card).getByRole('button', { name: 'Open in default app' }));
  await waitFor(() => expect(fake.calls.filter((c) => c.method === 'openAttachment').map((c) => c.args)).toEqual([['docs/data.xyz']]));
  expect(screen.queryByRole('alert')).toBeNull();

  // Gone from the disk, before the watcher has told the app.
  fake.attachments.delete(vp('docs/data.xyz'), { unreported: true });
  fireEvent.click(within(card).getByRole('button', { name: 'Open in default app' }));
  // The real handler's words (the hand-written fake said "docs/data.xyz not found").
  expect(await within(card).findByRole('alert')).toHaveTextContent('could not open "docs/data.xyz": the file does not exist');
});

test('a file over the size cap is a card saying so, still with "Open in default app" on the desktop', async () => {
  open(vault({ host: 'electron', attachments: { 'film.mov': overCap } }), 'film.mov');
  const card = await within(await viewer()).findByRole('region', { name: 'File film.mov' });
  expect(card).toHaveTextContent('larger than 50 MB');
  expect(within(card).getByRole('button', { name: 'Open in default app' })).toBeInTheDocument();
});

test('in browser mode a file over the cap says where to open it instead (no download without bytes)', async () => {
  open(vault({ attachments: { 'film.mov': overCap } }), 'film.mov');
  const card = await within(await viewer()).findByRole('region', { name: 'File film.mov' });
  expect(card).toHaveTextContent('larger than 50 MB');
  expect(card).toHaveTextContent('Open it from the vault’s folder');
  expect(within(card).queryByRole('link', { name: 'Download' })).toBeNull();
});

test('a missing attachment is an error, not a blank pane', async () => {
  open(vault(), 'nope.png');
  // The real handler's words (the hand-written fake said "nope.png not found").
  expect(await within(await viewer()).findByRole('alert')).toHaveTextContent('no file "nope.png" in this vault');
});

test('moving to another attachment frees the previous blob; the sidebar shows backlinks without note-only errors', async () => {
  open(vault(), 'assets/pic.png');
  const pane = await viewer();
  const download = await within(pane).findByRole('link', { name: 'Download' });
  const first = download.getAttribute('href')!;
  window.location.hash = `#/note/${encodeURIComponent('docs/data.xyz')}`;
  await within(await viewer()).findByRole('region', { name: 'File data.xyz' });
  await waitFor(() => expect(revoked).toContain(first));
  showSidebarView('Outgoing');
  const outgoing = screen.getByRole('region', { name: 'Outgoing links' });
  expect(within(outgoing).queryByText(/not found/)).toBeNull();
});

test('a change on disk reloads the open attachment in place and frees the old blob', async () => {
  const { fake } = open(vault(), 'docs/data.xyz');
  const card = await within(await viewer()).findByRole('region', { name: 'File data.xyz' });
  const first = within(card).getByRole('link', { name: 'Download' }).getAttribute('href')!;
  fake.attachments.set(vp('docs/data.xyz'), `data:application/octet-stream;base64,${b64('changed on disk')}`);
  fake.emit({ type: 'files', added: [], removed: [], changed: [{ path: vp('docs/data.xyz'), kind: 'attachment', title: 'data.xyz', size: 15, mtimeMs: 2 }] });
  await within(card).findByText('15 B');
  // The in-memory vault's own watcher reports the same change too: the pane may reload once more.
  // Wait for the service to settle, then for the shown blob to be one that is still live.
  await fake.settled();
  let second = '';
  await waitFor(() => {
    second = within(card).getByRole('link', { name: 'Download' }).getAttribute('href')!;
    expect(second).not.toBe(first);
    expect(revoked).not.toContain(second);
  });
  expect(await textOf(made.get(second)!)).toBe('changed on disk');
  await waitFor(() => expect(revoked).toContain(first));
});
