import { parseNote } from '../../../main/core/parse';
import { derivedChanges } from '../../../main/core/parse/derived-changes';
import { vp } from '../../support/vault-path';

const parse = (text: string, safeMode: string | null = null) => ({ parsed: parseNote(vp('Note.md'), text), safeMode });
const BASE = '---\naliases: [N]\n---\n# Title\n\nProse with [[Other]] and #tag.\n\nLast line.\n';
const changes = (after: string, safeMode: string | null = null) => derivedChanges(parse(BASE), parse(after, safeMode));

test('prose after every heading and link changes nothing derived', () => {
  expect(changes(`${BASE}More prose.\n`)).toEqual({ meta: false, links: false, names: false, tags: false });
});

test('a heading is meta, a link is links, an alias is names and meta, a tag is tags and meta', () => {
  expect(changes(`${BASE}## New\n`)).toEqual({ meta: true, links: false, names: false, tags: false });
  expect(changes(`${BASE}See [[Third]].\n`)).toEqual({ meta: false, links: true, names: false, tags: false });
  expect(changes(BASE.replace('[N]', '[M]'))).toEqual({ meta: true, links: false, names: true, tags: false });
  expect(changes(`${BASE}#other\n`)).toEqual({ meta: true, links: false, names: false, tags: true });
});

test('text typed before a link moves it (offsets, context): its links changed', () => {
  expect(changes(BASE.replace('Prose with', 'Prose typed with')).links).toBe(true);
});

test('frontmatter values and safe mode are meta', () => {
  expect(changes(BASE.replace('aliases: [N]', 'aliases: [N]\nstatus: done')).meta).toBe(true);
  expect(changes(BASE, 'too slow to parse')).toEqual({ meta: true, links: false, names: false, tags: false });
});
