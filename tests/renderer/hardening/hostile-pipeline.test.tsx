/**
 * Every note of the hostile corpus through the real renderer (the whole App against an
 * in-memory API): the note view, its title, properties, backlinks and outgoing links must
 * contain nothing that can run, overlay the UI or leave the app, and no sentinel may fire.
 */
import '../setup';
import { cleanup, waitFor } from '@testing-library/react';
import { renderApp } from '../render-app';
import { hostileNotes, HOSTILE_NAMES } from '../../hardening/hostile-vault';
import { auditDom } from './dom-audit';

// Every hostile name reaches the renderer: '%2e%2e%2fescape.md' is a literal name the handlers open (never decoded).
const notes = hostileNotes({ includeGenerated: false });
const svg = 'data:image/svg+xml;base64,' + Buffer.from('<svg onload="window.__pwned=1"/>').toString('base64');
const attachments = { 'evil.svg': svg, 'pic.png': 'data:image/png;base64,iVBORw0KGgo=' };
const hashFor = (path: string) => `#/note/${encodeURIComponent(path)}`;
const w = window as unknown as { __pwned?: unknown; alert: (m?: unknown) => void };

let alerts: unknown[] = [];
beforeEach(() => {
  alerts = [];
  delete w.__pwned;
  w.alert = (message?: unknown) => void alerts.push(message);
});
afterEach(cleanup);

async function openNote(path: string) {
  const app = renderApp({ notes, attachments }, hashFor(path));
  await waitFor(() => expect(app.note().querySelector('.markdown-body')).not.toBeNull(), { timeout: 5000 });
  // Let link resolution, embeds and attachment reads settle before auditing.
  await waitFor(() => expect(app.container.querySelector('[aria-busy="true"]')).toBeNull(), { timeout: 5000 });
  return app;
}

describe.each(Object.keys(notes).sort())('%s', (path) => {
  test('renders inert: no active elements, handlers, overlays or foreign schemes; no sentinel', async () => {
    const app = await openNote(path);
    // The whole document: note view, title, properties table, sidebars.
    expect(auditDom(app.container)).toEqual([]);
    expect(document.head.querySelector('style, script, link, base, meta[http-equiv]')).toBeNull();
    expect(w.__pwned).toBeUndefined();
    expect(alerts).toEqual([]);
    // Nothing the note said may reach openExternal except http(s)/mailto.
    const opened = app.fake.calls.filter((c) => c.method === 'openExternal').map((c) => String(c.args[0]));
    expect(opened.filter((u) => !/^(https?|mailto):/i.test(u))).toEqual([]);
  });
});

test('clicking every link in the link-heavy notes only ever asks openExternal for http(s)/mailto', async () => {
  for (const path of ['javascript-links.md', 'data-vbscript-urls.md', 'file-and-protocol-links.md', 'css-overlay.md']) {
    const app = await openNote(path);
    const before = window.location.href.split('#')[0];
    for (const a of Array.from(app.note().querySelectorAll('a'))) a.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.location.href.split('#')[0]).toBe(before);
    const opened = app.fake.calls.filter((c) => c.method === 'openExternal').map((c) => String(c.args[0]));
    expect(opened.filter((u) => !/^(https?|mailto):/i.test(u))).toEqual([]);
    expect(w.__pwned).toBeUndefined();
    cleanup();
  }
});

test('the SVG attachment is only ever an <img> (where SVG script cannot run)', async () => {
  const app = await openNote('svg-attachment.md');
  const imgs = Array.from(app.note().querySelectorAll('img'));
  expect(imgs.length).toBeGreaterThan(0);
  for (const img of imgs) expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;/);
  expect(auditDom(app.container)).toEqual([]);
});

test('hostile file names and frontmatter are shown as text', async () => {
  const app = await openNote(HOSTILE_NAMES[0]);
  expect(app.container.textContent).toContain('<img src=x onerror=alert(1)>');
  expect(app.container.querySelector('img')).toBeNull();
  cleanup();
  const fm = await openNote('frontmatter-html.md');
  await waitFor(() => expect(fm.container.textContent).toContain('<svg onload=alert(1)>'));
  expect(auditDom(fm.container)).toEqual([]);
});

test('the headings keep their text; ids are ours (prefixed), never the note markup', async () => {
  const app = await openNote('heading-scripts.md');
  const headings = Array.from(app.note().querySelectorAll('.markdown-body :is(h1, h2, h3)'));
  expect(headings.map((h) => h.textContent)).toEqual(
    expect.arrayContaining([expect.stringContaining('<script>window.__pwned=1</script>'), expect.stringContaining('<img src=x onerror=alert(1)>')]),
  );
  for (const h of headings) expect(h.id).toMatch(/^h-/);
});

test('the audit itself catches live content (guards against a check that cannot fail)', () => {
  const div = document.createElement('div');
  div.innerHTML = '<img src="x" onerror="1"><a href="javascript:1">a</a><div style="position:fixed"></div><iframe></iframe>';
  div.innerHTML += '<img src="data:image/png;base64,AA">';
  expect(auditDom(div)).toHaveLength(6); // a data: image not from readAttachment counts too
  div.innerHTML = '<img class="embed-image" src="data:image/svg+xml;base64,AA">';
  expect(auditDom(div)).toEqual([]);
});
