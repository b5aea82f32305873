import { matchGroup, parseGroupQuery } from '../../../main/core/analysis';
import type { GraphNode } from '../../../main/core/types';
import { placeholder } from './snapshot-builder';
import { vp } from '../../support/vault-path';

const ml: GraphNode = {
  id: 'Research/ML/Loss Curves.md',
  kind: 'note',
  label: 'Loss Curves',
  path: vp('Research/ML/Loss Curves.md'),
  tags: ['ML/Training', 'draft'],
};
const researchy: GraphNode = { id: 'Researchers/Ada.md', kind: 'note', label: 'Ada', path: vp('Researchers/Ada.md'), tags: ['mlops'] };
const ghost = placeholder('Research Plan');

describe('parseGroupQuery', () => {
  it.each([
    ['folder:Research', { kind: 'folder', value: 'research' }],
    ['folder: Research/ML/ ', { kind: 'folder', value: 'research/ml' }],
    ['path:Research/M', { kind: 'path', value: 'research/m' }],
    ['tag:#ML', { kind: 'tag', value: 'ml' }],
    ['TAG:ml/training/', { kind: 'tag', value: 'ml/training' }],
    ['  Loss ', { kind: 'text', value: 'loss' }],
    ['"note: with colon"', { kind: 'text', value: 'note: with colon' }],
  ])('%j parses', (input, query) => {
    expect(parseGroupQuery(input)).toEqual({ ok: true, query });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['""', 'empty'],
    ['tag:', 'missing-value'],
    ['folder:/', 'missing-value'],
    ['color:red', 'unknown-field'],
    ['tag:two words', 'bad-tag'],
    ['tag:a//b', 'bad-tag'],
    ['tag:a,b', 'bad-tag'],
  ])('%j is rejected with %s', (input, code) => {
    const result = parseGroupQuery(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });
});

describe('matchGroup', () => {
  const table: Array<[string, GraphNode, boolean]> = [
    ['folder:Research', ml, true],
    ['folder:research/ml', ml, true],
    ['folder:Research', researchy, false], // a folder, not a name prefix
    ['folder:Research/ML/Loss Curves.md', ml, false],
    ['folder:Research', ghost, false],
    ['path:Research', researchy, true], // a plain prefix
    ['path:research/ml/loss', ml, true],
    ['path:Readme', ghost, false],
    ['tag:ml', ml, true], // nested tag below ml
    ['tag:ML/training', ml, true],
    ['tag:ml/train', ml, false],
    ['tag:ml', researchy, false], // 'mlops' is not below 'ml'
    ['tag:draft', ml, true],
    ['loss', ml, true],
    ['CURVES', ml, true],
    ['research', ml, false], // text matches the label, not the path
    ['research', ghost, true],
    ['color:red', ml, false], // invalid queries match nothing
  ];
  it.each(table)('%j on %#', (query, node, expected) => {
    expect(matchGroup(node, query)).toBe(expected);
  });

  it('accepts parsed and hand-built queries alike', () => {
    const parsed = parseGroupQuery('tag:ML');
    if (!parsed.ok) throw new Error('should parse');
    expect(matchGroup(ml, parsed.query)).toBe(true);
    expect(matchGroup(ml, { kind: 'folder', value: 'RESEARCH' })).toBe(true);
  });
});
