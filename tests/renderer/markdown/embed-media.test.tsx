/** Image sizes and PDF, audio and video embeds in the reading view. */
import '../setup';
import { cleanup, waitFor } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { splitImageSize } from '../../../renderer/src/components/embed-media';

const png = 'data:image/png;base64,iVBORw0KGgo=';
const vault = {
  notes: {},
  attachments: {
    'pic.png': png,
    'docs/file.pdf': 'data:application/pdf;base64,JVBERi0xLjQK',
    'song.mp3': 'data:audio/mpeg;base64,SUQz',
    'clip.mp4': 'data:video/mp4;base64,AAAAIGZ0eXA=',
    'fake.pdf': 'data:text/html;base64,PHNjcmlwdD4=',
  },
};

let urls = 0;
const created: string[] = [];
beforeAll(() => {
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${++urls}-${blob.type}`;
    created.push(url);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
});
afterEach(cleanup);

test.each([
  ['100', '', { width: 100, height: null }],
  ['100x80', '', { width: 100, height: 80 }],
  ['alt text|250', 'alt text', { width: 250, height: null }],
  ['just alt', 'just alt', null],
  ['a|b', 'a|b', null],
  ['', '', null],
])('splitImageSize(%j)', (text, alt, size) => {
  expect(splitImageSize(text)).toEqual({ alt: text === '' || size === null ? text : alt, size });
});

test.each([
  ['![[pic.png|100]]', '100', null, 'pic.png'],
  ['![[pic.png|100x80]]', '100', '80', 'pic.png'],
  ['![A picture|120](pic.png)', '120', null, 'A picture'],
  ['![[pic.png]]', null, null, 'pic.png'],
])('%s is sized: width %s, height %s, alt %j', async (markdown, width, height, alt) => {
  const { body } = renderMarkdown(markdown, { vault });
  const img = await waitFor(() => {
    const found = body().querySelector('img.embed-image');
    expect(found).not.toBeNull();
    return found!;
  });
  expect(img.getAttribute('width')).toBe(width);
  expect(img.getAttribute('height')).toBe(height);
  expect(img.getAttribute('alt')).toBe(alt);
  expect(body().textContent).not.toContain('100');
});

test('![[file.pdf#page=3]] is the PDF viewer on page 3, in a frame of a PDF blob', async () => {
  const { body } = renderMarkdown('![[file.pdf#page=3]]\n\n![[file.pdf]]', { vault });
  await waitFor(() => expect(body().querySelectorAll('iframe.embed-pdf').length).toBe(2));
  const [paged, plain] = Array.from(body().querySelectorAll('iframe.embed-pdf'));
  expect(paged.getAttribute('src')).toMatch(/^blob:test\/\d+-application\/pdf#page=3$/);
  expect(plain.getAttribute('src')).toMatch(/^blob:test\/\d+-application\/pdf$/);
});

test.each([
  ['![[song.mp3]]', 'audio.embed-audio', 'audio/mpeg'],
  ['![[clip.mp4]]', 'video.embed-video', 'video/mp4'],
])('%s plays with controls', async (markdown, selector, type) => {
  const { body } = renderMarkdown(markdown, { vault });
  const media = await waitFor(() => {
    const found = body().querySelector(selector);
    expect(found).not.toBeNull();
    return found!;
  });
  expect(media.hasAttribute('controls')).toBe(true);
  expect(media.getAttribute('src')).toMatch(new RegExp(`^blob:test/\\d+-${type.replace('/', '\\/')}$`));
});

test('a .pdf that is not a PDF is refused, not framed', async () => {
  // The service types a file by its extension, so this answer (what a .pdf whose type the server
  // gives as HTML would get) is made by hand over the real handlers.
  const { body, api } = renderMarkdown('![[fake.pdf]]', { vault });
  api.readAttachment = async () => ({ ok: true, value: { mime: 'text/html', dataUrl: vault.attachments['fake.pdf'] } });
  await waitFor(() => expect(body().querySelector('.embed-error')).not.toBeNull());
  expect(body().querySelector('iframe')).toBeNull();
  expect(body().textContent).toContain('is not a pdf');
});
