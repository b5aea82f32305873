/**
 * Property: whatever notes a vault holds, saving the parse cache (with the graph's resolutions)
 * and loading it gives back exactly the parses and the resolved links. Texts are drawn from
 * pieces that stress the cache's layout: links of every kind, long lines (snippets cut short
 * with '…'), non-ASCII, quotes, backslashes, control characters, duplicate names in folders
 * (ambiguous links), titles differing only in case, attachments.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { VaultGraph } from '../../../main/core/graph/vault-graph';
import { parseNote } from '../../../main/core/parse/parse-note';
import { loadParseCache, saveParseCache, type CacheEntry } from '../../../main/service/cache/parse-cache';
import { makeTempDir, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

const NAMES = ['Alpha', 'alpha', 'Beta', 'Café', 'Dup', 'Ünï 日本', 'pic.png', 'Missing'];
const FOLDERS = ['', 'x/', 'y/Deep/'];

const piece = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => `[[${n}]]`),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('#Head', '#^blk', '|shown', '|naïve', '#H1#H2|x', '')).map(([n, s]) => `[[${n}${s}]]`),
  fc.constantFrom(...NAMES).map((n) => `![[${n}]]`),
  fc.constantFrom('[md](Beta.md)', '[up](../Alpha.md)', '[enc](Caf%C3%A9.md)', '[web](https://e.com)'),
  fc.constantFrom(' word', ' "quoted"', ' back\\slash', ' tab\there', ' …', ' ellipsis… ', ' Ψ', ' 😀', '\u0001', ' \ud800'),
  fc.constantFrom('\n', '\n\n', '\n# Head\n', '\n## H1\n### H2\n', ' ^blk\n', '\n- item [[Beta]]\n'),
  fc.nat({ max: 30 }).map((n) => ' lorem'.repeat(n * 3)),
);
const text = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(''));
const frontmatter = fc.constantFrom('', '---\ntags: [a, b/c]\naliases: [Other]\n---\n', '---\nrelated: "[[Beta]]"\n---\n', '---\nbad: [unclosed\n---\n');

const vault = fc.uniqueArray(fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES.filter((n) => !n.endsWith('.png'))), frontmatter, text), {
  minLength: 1,
  maxLength: 8,
  selector: ([folder, name]) => `${folder}${name}`.toLowerCase(),
});

describe('parse cache round trip (property)', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('plexus-cache-prop-');
  });
  afterAll(() => removeDir(dir));

  test("any vault: the loaded cache equals the parses and the graph's resolutions", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(vault, fc.boolean(), async (files, withAttachment) => {
        const notes = files.map(([folder, name, fm, body]) => parseNote(vp(`${folder}${name}.md`), `${fm}${body}`));
        const graph = new VaultGraph();
        graph.load({ upsertNotes: notes, addAttachments: withAttachment ? [vp('pic.png')] : [] });
        const entries: [VaultPath, CacheEntry][] = notes.map((n, i) => [
          n.path,
          { size: i, mtimeMs: i + 0.5, hash: `hash-${i}`, decodeWarning: i === 0 ? 'bad byte' : null, safeMode: null, parsed: n },
        ]);
        const file = path.join(dir, `c${run++}.cache`);
        await saveParseCache(file, '/v', entries, { graph: { attachments: graph.attachmentPaths(), resolutionsOf: (p) => graph.outgoing(p) } });
        const loaded = loadParseCache(file, '/v');
        expect(loaded.report).toBeNull();
        expect(loaded.stored?.attachments).toEqual(graph.attachmentPaths());
        for (const [notePath, entry] of entries) {
          const back = loaded.entries.get(vp(notePath))!;
          expect({ ...back, parsed: { ...back.parsed, links: [] } }).toEqual({ ...entry, parsed: { ...entry.parsed, links: [] } });
          expect(back.parsed.links).toEqual(graph.outgoing(vp(notePath)));
        }
        // Without the graph the same file format carries plain links.
        await saveParseCache(file, '/v', entries);
        expect([...loadParseCache(file, '/v').entries]).toEqual(entries);
      }),
      { numRuns: 150 },
    );
  });
});
