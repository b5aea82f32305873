import type { PlexusApi } from '../../../main/contract/api-contract';
import { linkCandidates } from '../../../main/core/attachments/attachment-names';
import { shortestLink } from '../../../renderer/src/editor/attachment-drop';
import { vp } from '../../support/vault-path';

/** resolveLink over a fixed answer table (what the vault's rule says each target reaches). */
const api = (answers: Record<string, string | null>) =>
  ({ resolveLink: async (_from: string, target: string) => ({ resolved: answers[target] ?? null, kind: null, createPath: null }) }) as unknown as PlexusApi;

test('linkCandidates: the name first, then one folder more at a time; notes lose .md', () => {
  expect(linkCandidates(vp('a/b/pic.png'))).toEqual(['pic.png', 'b/pic.png', 'a/b/pic.png']);
  expect(linkCandidates(vp('a/Note.md'))).toEqual(['Note', 'a/Note']);
  expect(linkCandidates(vp('Top.md'))).toEqual(['Top']);
});

test('the bare name when it reaches the file', async () => {
  expect(await shortestLink(api({ 'pic.png': 'a/b/pic.png' }), vp('N.md'), vp('a/b/pic.png'))).toBe('pic.png');
});

test('more of the path when the name reaches another file, or nothing', async () => {
  expect(await shortestLink(api({ 'pic.png': 'x/pic.png', 'b/pic.png': 'a/b/pic.png' }), vp('N.md'), vp('a/b/pic.png'))).toBe('b/pic.png');
  expect(await shortestLink(api({}), vp('N.md'), vp('a/b/pic.png'))).toBe('a/b/pic.png');
});
