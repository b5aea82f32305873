/**
 * Search through the real service: the query language over a real vault folder, the index
 * narrowing candidates without losing substring matches, readable snippets, backlink snippets,
 * and the time limit that stops a runaway regular expression.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Result, SearchResults } from '../../../main/contract/api-contract';
import { VaultService } from '../../../main/service/vault-service';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';

const S = '\uE000';
const E = '\uE001';

const files = {
  'Projects/Alpha.md':
    '---\ntags: [work/alpha]\naliases: [First Project]\n---\n# Alpha\nThe **alpha** plan: mix flour and water.\n\n## Later\nflour again #todo',
  'Projects/Beta.md': '# Beta\nTagged #work inline. Links to [[Alpha]] twice: [[Alpha|the alpha]].\nBake at 220.',
  'Daily/2024-01-01.md': '---\ntags: workshop\n---\nA workshop about cauliflower and flour.\nNothing else.',
  'Loose.md': 'see [[Projects/Alpha#Later]] here\nregex 1.2.3 and (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
};

let root: string;
let cacheDir: string;
let service: VaultService;

beforeAll(async () => {
  root = makeVault(files);
  cacheDir = makeTempDir();
  service = await VaultService.open(root, { cacheDir, workers: 0, watch: true, searchTimeoutMs: 300 });
});

afterAll(async () => {
  await service.close();
  removeDir(root);
  removeDir(cacheDir);
});

function value(result: Result<SearchResults>): SearchResults {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function paths(query: string): Promise<string[]> {
  return value(await service.search(query))
    .hits.map((h) => h.path)
    .sort();
}

describe('search', () => {
  test.each<[string, string[]]>([
    ['flour', ['Daily/2024-01-01.md', 'Projects/Alpha.md']],
    ['flower', ['Daily/2024-01-01.md']], // the middle of "cauliflower": substring, as Obsidian
    ['FLOUR water', ['Projects/Alpha.md']],
    ['"mix flour"', ['Projects/Alpha.md']],
    ['flour -water', ['Daily/2024-01-01.md']],
    ['bake OR workshop', ['Daily/2024-01-01.md', 'Projects/Beta.md']],
    ['tag:#work', ['Projects/Alpha.md', 'Projects/Beta.md']], // nested work/alpha, not "workshop"
    ['tag:#work/alpha', ['Projects/Alpha.md']],
    ['tag:#workshop', ['Daily/2024-01-01.md']],
    ['-tag:#work', ['Daily/2024-01-01.md', 'Loose.md']],
    ['path:Projects', ['Projects/Alpha.md', 'Projects/Beta.md']],
    ['file:2024', ['Daily/2024-01-01.md']],
    ['projects', ['Loose.md', 'Projects/Alpha.md', 'Projects/Beta.md']], // the path, or the text (a link to Projects/Alpha)
    ['"first project"', ['Projects/Alpha.md']],
    ['line:(mix water)', ['Projects/Alpha.md']],
    ['line:(flour cauliflower)', ['Daily/2024-01-01.md']],
    ['line:(flour todo)', ['Projects/Alpha.md']],
    ['section:(later todo)', ['Projects/Alpha.md']],
    ['section:(mix todo)', []],
    ['/\\d\\.\\d\\.\\d/', ['Loose.md']],
    ['tags', []], // frontmatter is not searched as text
  ])('%j finds %j', async (query, expected) => {
    expect(await paths(query)).toEqual(expected);
  });

  test('snippets are readable and never raw frontmatter', async () => {
    const [hit] = value(await service.search('plan')).hits;
    expect(hit).toMatchObject({ path: 'Projects/Alpha.md', snippet: `The alpha ${S}plan${E}: mix flour and water.`, line: 6, match: 'plan' });
    const tagHit = value(await service.search('tag:#work/alpha')).hits[0];
    expect(tagHit.snippet).not.toMatch(/---|tags:/);
    expect(tagHit.snippet.startsWith('Alpha The alpha plan')).toBe(true);
  });

  test('an invalid regex or empty operator is a clear error, not an empty list', async () => {
    expect(await service.search('/(unclosed/')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^Invalid regular expression \/\(unclosed\/: /) },
    });
    expect(await service.search('tag:')).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('tag: needs a value') } });
  });

  test('a catastrophically backtracking regex is stopped with an error, and the service keeps answering', async () => {
    const result = await service.search('/(a+)+$/');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('regular expression takes too long') } });
    expect(await paths('flour -water')).toEqual(['Daily/2024-01-01.md']);
  });

  test('a note changed on disk is found by its new words and no longer by its old ones', async () => {
    fs.writeFileSync(path.join(root, 'Daily', '2024-01-01.md'), '---\ntags: workshop\n---\nA zebra today.\n');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await paths('zebra')).length === 0) await new Promise((r) => setTimeout(r, 50));
    expect(await paths('zebra')).toEqual(['Daily/2024-01-01.md']);
    expect(await paths('cauliflower')).toEqual([]);
  });
});

describe('backlink snippets', () => {
  test('two links on one line give one readable snippet with both marked', async () => {
    expect(service.graph.backlinks(vp('Projects/Alpha.md')).length).toBe(3);
    const { backlinkGroups } = await import('../../../main/service/files/vault-reads');
    const result = backlinkGroups(service.vaultState, service.graph, vp('Projects/Alpha.md'));
    if (!result.ok) throw new Error(result.error.message);
    const beta = result.value.find((g) => g.source === 'Projects/Beta.md')!;
    expect(beta.links.length).toBe(2);
    expect(beta.snippets).toEqual([{ line: 2, text: `Tagged #work inline. Links to ${S}Alpha${E} twice: ${S}the alpha${E}.` }]);
    const loose = result.value.find((g) => g.source === 'Loose.md')!;
    expect(loose.snippets).toEqual([{ line: 1, text: `see ${S}Projects/Alpha › Later${E} here` }]);
  });
});
