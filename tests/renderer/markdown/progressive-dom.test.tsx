/**
 * A long note drawn in parts (progressive-markdown.tsx) ends as the DOM of one pass: over the
 * fidelity fixtures and generated long notes, cut at every safe line (chunk size 0), compared
 * with the same text drawn whole, once the parts are all drawn and embeds and diagrams settled.
 */
import '../setup';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, waitFor } from '@testing-library/react';
import { hashText } from '../../../main/service/files/read-vault-file';
import { renderMarkdown } from './render-markdown';
import { splitForProgressive, type SplitOptions } from '../../../renderer/src/markdown/split-blocks';
import { generateRichNote } from '../../../bench/generate-rich-note';
import { realisticNote } from './realistic-notes';
import { vp } from '../../support/vault-path';

afterEach(cleanup);

const FIXTURES = join(__dirname, '../../fixtures/obsidian-flavoured');
const EVERY_LINE: SplitOptions = { minNoteSize: 0, chunkSize: 0 };
const NEVER: SplitOptions = { minNoteSize: Infinity, chunkSize: 0 };

const vaultNotes: Record<string, string> = Object.fromEntries(
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]),
);
const withoutFootnotes = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/\[\^|\^\[/.test(line))
    .join('\n');

const CASES: [name: string, text: string][] = [
  ...Object.entries(vaultNotes).map(([name, text]): [string, string] => [name, text]),
  ['Formatting.md without its footnotes', withoutFootnotes(vaultNotes['Formatting.md'])],
  ['generated rich note, 48 KB', generateRichNote(48 * 1024)],
  ['realistic note, 48 KB', withoutFootnotes(realisticNote(48 * 1024, 7))],
  [
    'reference links across chunks',
    '[early][far] and [Late]\n\nmiddle\n\n[far]: https://example.com/far "Far"\n\nafter\n\n[late]: <https://example.com/late>\n\n[far] again\n',
  ],
  // The guard refuses the whole note (it would, in one pass), not only the chunk it trips on.
  ['a refused paragraph late in the note', `# Title\n\nfirst\n\n${'*a '.repeat(1000)}x${' a*'.repeat(1000)}\n\nlast\n`],
  ['tasks in later chunks', '# Tasks\n\n- [ ] one\n\ntext\n\n- [x] two\n  - [ ] nested\n\npara\n\n1. [ ] three\n'],
];

const vault = { notes: vaultNotes, attachments: { 'pic.png': readFileSync(join(FIXTURES, 'pic.png')) } };

test.each(CASES)(
  '%s: drawn in parts, the same DOM as in one pass',
  async (_name, text) => {
    const whole = renderMarkdown(text, { vault, view: { split: NEVER } });
    const parts = renderMarkdown(text, { vault, view: { split: EVERY_LINE } });
    const bodies = () => [whole.body(), parts.body()];
    await waitFor(() => expect(parts.body().getAttribute('aria-busy')).toBeNull(), { timeout: 90_000 });
    // Both settle (embeds load, diagrams draw); then they must agree.
    await waitFor(() => expect(bodies()[1].innerHTML).toBe(bodies()[0].innerHTML), { timeout: 10_000 });
    expect(whole.body().innerHTML.length).toBeGreaterThan(0);
  },
  150_000,
);

test('the long cases are really cut (the comparison above is not one pass against one pass)', () => {
  for (const [name, text] of CASES) {
    if (/\[\^|\^\[/.test(text)) continue;
    const chunks = splitForProgressive(text, EVERY_LINE);
    expect({ name, cut: (chunks?.length ?? 0) > 1 }).toEqual({ name, cut: true });
  }
});

test('a checkbox in a later chunk writes its own line of the note', async () => {
  const text = '# Tasks\n\n- [ ] one\n\ntext\n\n```\n- [ ] code\n\n```\n\npara\n\n1. [ ] three\n2. [ ] four\n';
  expect(splitForProgressive(text, EVERY_LINE)!.length).toBeGreaterThan(3);
  const view = renderMarkdown(text, { sourcePath: vp('Tasks.md'), view: { split: EVERY_LINE, tasks: { path: vp('Tasks.md'), hash: hashText(text) } } });
  await waitFor(() => expect(view.body().getAttribute('aria-busy')).toBeNull(), { timeout: 90_000 });
  const boxes = view.body().querySelectorAll<HTMLInputElement>('input[type=checkbox]');
  fireEvent.click(boxes[boxes.length - 1]);
  await waitFor(() => expect(view.fake.notes.get(vp('Tasks.md'))).toBe(text.replace('2. [ ] four', '2. [x] four')));
});
