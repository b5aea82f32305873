/**
 * Attachments end to end: the real `plexus serve` on a copy of the sample vault with small
 * binary files written by the test (a PNG, an SVG carrying a script, a WAV, a one-page PDF and
 * a file of unknown type), each clicked in the explorer of headless Chromium under the served
 * CSP. Screenshots of the image viewer and the card, light and dark, go to tests/artifacts/.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollUntil } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(180_000);

let app: ServedApp;
let page: Page;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A valid RGB PNG: a diagonal gradient, so the screenshot shows a real picture. */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      rows.set([Math.round((255 * x) / width), 120, Math.round((255 * y) / height)], at);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
/** Half a second of a 440 Hz tone, 8 kHz mono 8-bit PCM. */
function wav(): Buffer {
  const samples = Buffer.alloc(4000);
  for (let i = 0; i < samples.length; i++) samples[i] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}
/** A one-page PDF saying `text`, with a correct cross-reference table. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" id="svg-from-file"><script>window.__pwned = "svg"</script><rect width="120" height="80" fill="teal"/></svg>';
const UNKNOWN = Buffer.from('opaque bytes \u0000\u0001\u0002 of a type nobody knows', 'latin1');

const cspViolations: string[] = [];
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

beforeAll(async () => {
  app = await openServedApp({
    prepare: (vaultDir) => {
      mkdirSync(join(vaultDir, 'Media'));
      writeFileSync(join(vaultDir, 'Media', 'gradient.png'), png(240, 150));
      writeFileSync(join(vaultDir, 'Media', 'badge.svg'), SVG);
      writeFileSync(join(vaultDir, 'Media', 'tone.wav'), wav());
      writeFileSync(join(vaultDir, 'Media', 'paper.pdf'), pdf('Hello PDF'));
      writeFileSync(join(vaultDir, 'Media', 'data.xyz'), UNKNOWN);
    },
    beforeOpen: async (page) => {
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
    },
  });
  page = app.page;
});

afterAll(() => app?.close());

const explorer = () => page.getByRole('navigation', { name: 'File explorer' });
const viewer = () => page.getByRole('main', { name: 'Attachment' });

async function openFromExplorer(name: string): Promise<void> {
  await explorer().getByRole('link', { name, exact: true }).click();
  await viewer().getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The PDF viewer's page-area size ([width, height] CSS strings) once a document is laid out, from whichever frame holds it. */
async function pdfSizer(page: Page): Promise<[string, string] | null> {
  for (const frame of page.frames()) {
    const size = await frame
      .evaluate(() => {
        const sizer = document.getElementById('sizer');
        return sizer && sizer.style.width !== '' && sizer.style.width !== '0px' ? ([sizer.style.width, sizer.style.height] as [string, string]) : null;
      })
      .catch(() => null); // a frame may navigate or go away while it is asked
    if (size) return size;
  }
  return null;
}

async function screenshots(name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: artifactPath(`attachment-${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the attachment-only folder shows its file count', async () => {
  await explorer()
    .getByRole('button', { name: /^Media/ })
    .getByLabel('5 files')
    .waitFor();
});

test('a PNG opens as an image with its size and type', async () => {
  await openFromExplorer('gradient.png');
  const img = viewer().getByRole('img', { name: 'gradient.png' });
  await img.waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLImageElement>('.attachment-image');
    return !!el && el.complete && el.naturalWidth === 240;
  });
  expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await viewer()
    .getByText(/^Media · image\/png · \d+(\.\d)? (B|KB)$/)
    .waitFor();
  await screenshots('image');
});

test('an SVG is shown as an <img>, and its markup and script never enter the page', async () => {
  await openFromExplorer('badge.svg');
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLImageElement>('.attachment-image');
    return !!el && el.complete && el.naturalWidth === 120;
  });
  expect(
    await viewer()
      .getByRole('img', { name: 'badge.svg' })
      .evaluate((el) => el.tagName),
  ).toBe('IMG');
  expect(await page.locator('svg#svg-from-file, #svg-from-file').count()).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('.attachment svg, main svg').length)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('a WAV plays in an audio element with controls, from a blob: URL the CSP allows', async () => {
  await openFromExplorer('tone.wav');
  const audio = viewer().locator('audio');
  await audio.waitFor();
  expect(await audio.getAttribute('controls')).not.toBeNull();
  expect(await audio.getAttribute('src')).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  // Metadata loaded means the CSP let the media through and Chromium decoded the file.
  await page.waitForFunction(() => {
    const el = document.querySelector('audio');
    return !!el && el.readyState >= 1 && Math.abs(el.duration - 0.5) < 0.01;
  });
});

test("a PDF is shown by Chromium's PDF viewer in a frame of an application/pdf blob", async () => {
  await openFromExplorer('paper.pdf');
  const frame = viewer().locator('iframe.attachment-pdf');
  await frame.waitFor();
  const src = (await frame.getAttribute('src'))!;
  expect(src).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  // The frame's document is the PDF (same origin as the app, so its type can be read) ...
  await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe.attachment-pdf')?.contentDocument?.contentType === 'application/pdf');
  // ... and the browser's PDF viewer extension drew it.
  const frames = await pollUntil(
    async () => page.frames().map((f) => f.url()),
    (urls) => urls.some((url) => url.startsWith(PDF_VIEWER)),
    30_000,
  );
  expect(frames.some((url) => url.startsWith(PDF_VIEWER))).toBe(true);
  // The viewer sizes its page area from the parsed document: one 300 x 200 pt page.
  const sizer = await pollUntil(
    () => pdfSizer(page),
    (size) => size !== null,
    30_000,
  );
  expect(sizer).not.toBeNull();
  const [width, height] = sizer!.map(Number.parseFloat);
  expect(Math.abs(width / height - 300 / 200)).toBeLessThan(0.05);
  await page.screenshot({ path: artifactPath('attachment-pdf.png') });
});

test('an unknown file is a card with its size and a working download link', async () => {
  await openFromExplorer('data.xyz');
  const card = viewer().getByRole('region', { name: 'File data.xyz' });
  await card.getByText(`${UNKNOWN.length} B`, { exact: true }).waitFor();
  const link = card.getByRole('link', { name: 'Download' });
  expect(await link.getAttribute('download')).toBe('data.xyz');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('data.xyz');
  const saved = await download.path();
  expect(readFileSync(saved).equals(UNKNOWN)).toBe(true);
  await screenshots('card');
});

test('no uncaught errors and no CSP violations in the page', async () => {
  expect(app.pageErrors).toEqual([]);
  expect(cspViolations).toEqual([]);
});
