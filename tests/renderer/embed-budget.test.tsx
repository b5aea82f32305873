/**
 * Embed amplification: a note of `![[self#H]]` lines must not embed its own section into
 * itself level after level. Cycles are detected on (note, heading/block), each target is read
 * once per view, and one view renders a bounded number of embeds.
 */
import './setup';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from '@testing-library/react';
import { renderApp } from './render-app';
import { MAX_NOTE_EMBEDS } from '../../renderer/src/components/embed-budget';

const hashFor = (p: string) => `#/note/${encodeURIComponent(p)}`;
const AMPLIFIER = 'embed-amplification.md';
const amplifier = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'pathological', AMPLIFIER), 'utf8');

async function settled(app: ReturnType<typeof renderApp>) {
  await waitFor(() => expect(app.note().querySelector('.markdown-body')).not.toBeNull(), { timeout: 10_000 });
  await waitFor(() => expect(app.container.querySelector('[aria-busy="true"], .embed-note > .muted')).toBeNull(), { timeout: 20_000 });
}

const reads = (app: ReturnType<typeof renderApp>, p?: string) =>
  app.fake.calls.filter((c) => c.method === 'readNote' && (p === undefined || c.args[0] === p)).length;

test('70 lines of ![[self#H]] (the fixture) read the note at most twice and stay a small DOM', async () => {
  expect(amplifier.match(/!\[\[embed-amplification#H\]\]/g)).toHaveLength(70);
  const app = renderApp({ notes: { [AMPLIFIER]: amplifier } }, hashFor(AMPLIFIER));
  await settled(app);
  // Once for the note view, once for all of its embeds (it used to be ~5,000 reads).
  expect(reads(app, AMPLIFIER)).toBeLessThanOrEqual(2);
  // It used to be ~640k nodes; 70 embeds of a section holding 70 collapsed cycles is ~15k.
  expect(app.note().querySelectorAll('*').length).toBeLessThan(20_000);
  expect(app.note().querySelectorAll('.embed-note').length).toBeLessThanOrEqual(MAX_NOTE_EMBEDS);
  expect(app.note().textContent).toContain('embeds itself');
  expect(app.note().textContent).toContain('embed limit reached');
});

test('a section embedding itself is a cycle; another section of the same note is not', async () => {
  const notes = { 'Self.md': '# A\n\n![[Self#B]]\n\n# B\n\nbeta text\n\n![[Self#B]]\n' };
  const app = renderApp({ notes }, hashFor('Self.md'));
  await settled(app);
  // Section A shows B (with beta text); B's own embed of B, inside that, is the cycle.
  const embeds = app.note().querySelectorAll('.embed-note');
  expect(embeds.length).toBe(2);
  expect(embeds[0].textContent).toContain('beta text');
  expect(embeds[0].textContent).toContain('embeds itself');
});

test('a target embedded ten times is read once', async () => {
  const notes = { 'Host.md': '# Host\n\n' + '![[Source]]\n\n'.repeat(10), 'Source.md': '# Source\n\nsource text\n' };
  const app = renderApp({ notes }, hashFor('Host.md'));
  await settled(app);
  expect(app.note().querySelectorAll('.embed-note').length).toBe(10);
  expect(reads(app, 'Source.md')).toBe(1);
});

test(`past ${MAX_NOTE_EMBEDS} embeds a view shows "embed limit reached" instead`, async () => {
  const notes: Record<string, string> = { 'Host.md': '# Host\n\n' + Array.from({ length: MAX_NOTE_EMBEDS + 10 }, (_, i) => `![[N${i}]]`).join('\n\n') + '\n' };
  for (let i = 0; i < MAX_NOTE_EMBEDS + 10; i++) notes[`N${i}.md`] = `text of note ${i}\n`;
  const app = renderApp({ notes }, hashFor('Host.md'));
  await settled(app);
  expect(app.note().querySelectorAll('.embed-note').length).toBe(MAX_NOTE_EMBEDS);
  expect(app.note().querySelectorAll('.embed-limit').length).toBe(10);
  // The first ones in the document got the slots.
  expect(app.note().textContent).toContain('text of note 0');
  expect(app.note().textContent).not.toContain(`text of note ${MAX_NOTE_EMBEDS + 9}`);
});
