import type { Nodes, Root } from 'mdast';
import { parseNote } from '../../../main/core/parse/parse-note';
import { createMarkdownProcessor, type WikiLink } from '../../../main/core/parse/remark-plexus-links';
import { growthRatio } from './growth-ratio';
import { vp } from '../../support/vault-path';

function wikiLinks(tree: Root): WikiLink[] {
  const found: WikiLink[] = [];
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop() as Nodes;
    if (node.type === 'wikiLink') found.push(node);
    if ('children' in node) pending.push(...[...node.children].reverse());
  }
  return found;
}

const processor = createMarkdownProcessor();

describe('remarkPlexusLinks', () => {
  test('builds wikiLink nodes with target, heading, block, alias and embed', () => {
    const tree = processor.parse('A [[Note#H1#H2|shown]] and ![[img.png]] then [[#^blk]].\n\n| a |\n| - |\n| [[T\\|al]] |');
    expect(wikiLinks(tree).map((node) => node.data)).toEqual([
      { target: 'Note', heading: 'H1#H2', block: null, alias: 'shown', embed: false },
      { target: 'img.png', heading: null, block: null, alias: null, embed: true },
      { target: '', heading: null, block: 'blk', alias: null, embed: false },
      { target: 'T', heading: null, block: null, alias: 'al', embed: false },
    ]);
  });

  test('leaves code, images and ordinary links alone', () => {
    const tree = processor.parse('`[[a]]` ![x](y.png) [t](u.md) [[ ]] [[a\nb]]\n\n```\n[[c]]\n```');
    expect(wikiLinks(tree)).toEqual([]);
  });

  test('remark-wiki-link decides where a link is: no blank target or alias, here and in the index', () => {
    const text = '[[a|]] [[ |b]] [[|c]] [[d| ]] [[e||]] [[f|g]]';
    expect(wikiLinks(processor.parse(text)).map((node) => [node.data.target, node.data.alias])).toEqual([
      ['e', '|'],
      ['f', 'g'],
    ]);
    expect(parseNote(vp('n.md'), text).links.map((link) => [link.target, link.alias])).toEqual([
      ['e', '|'],
      ['f', 'g'],
    ]);
  });

  test('an embed node spans its `!`, and keeps the text between the brackets as its value', () => {
    const [embed] = wikiLinks(processor.parse('x ![[Pic.png|100]]'));
    expect(embed.position?.start.offset).toBe(2);
    expect(embed.position?.end.offset).toBe(18);
    expect(embed.value).toBe('Pic.png|100');
    expect(embed.data).toEqual({ target: 'Pic.png', heading: null, block: null, alias: '100', embed: true });
  });

  // remark-wiki-link alone rescans to the end of the line from every `[[` (it allows `[` inside).
  test.each([
    ['unclosed brackets', (n: number) => '[['.repeat(n / 2)],
    ['brackets with text', (n: number) => '[[a '.repeat(n / 4)],
  ])('linear on a line of %s', (_name, generate) => {
    const { ratio, times } = growthRatio((text) => processor.parse(text), generate, 4_000, 8);
    // 8: linear gives ~4, quadratic ~16 (as in scanner-linearity.test.ts).
    expect({ ratio: ratio < 8, times }).toEqual({ ratio: true, times });
  });

  // The renderer and the indexer must agree on every wiki link outside frontmatter.
  const samples = [
    'Intro [[One]] and [[Two|2]]\n\n- [[Three#H]] ![[four.png]]\n> [[Five#^b]] `[[no]]`',
    '# Head [[H]]\n\ntext ![[E]] [[x]y]] [[[Z]]] \\[[esc]] [[a|b|c]]\n\n    [[indented]]\n\n<!-- [[c]] -->',
    '| a | b |\n| --- | --- |\n| [[T\\|al]] | [[U]] |\n\n[md](Note.md) ![[ ]]',
  ];
  test.each(samples)('agrees with parseNote on %j', (text) => {
    const fromRemark = wikiLinks(processor.parse(text)).map((node) => ({ start: node.position?.start.offset, ...node.data }));
    const fromIndexer = parseNote(vp('n.md'), text)
      .links.filter((link) => link.kind === 'wiki')
      .map(({ start, target, heading, block, alias, embed }) => ({ start, target, heading, block, alias, embed }));
    expect(fromIndexer).toEqual(fromRemark);
    expect(fromIndexer.length).toBeGreaterThan(0);
  });
});
