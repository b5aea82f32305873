/**
 * Live Preview and the reading view show a wiki link with the same text: for each link, the
 * reading view's rendered anchor text equals what the decoration builder draws away from the
 * cursor (the link widget's label, or the marked text when the link shows as written).
 */
import { cleanup, waitFor } from '@testing-library/react';
import { renderMarkdown } from '../../markdown/render-markdown';
import { buildDecorations } from '../../../../renderer/src/editor/live-preview/build-decorations';

afterEach(cleanup);

function livePreviewText(link: string): string {
  const text = `${link}\n\nx`;
  const shown = buildDecorations(text, [{ from: text.length, to: text.length }]).find((d) => d.cls === 'cm-lp-link' || d.widget?.type === 'link');
  if (!shown) throw new Error(`no link drawn for ${link}`);
  return shown.widget?.type === 'link' ? shown.widget.label : text.slice(shown.from, shown.to);
}

test.each(['[[Note]]', '[[Note|shown]]', '[[#Part]]', '[[Note#Part]]', '[[Note#A#B]]', '[[#^b1]]', '[[Note#^b1]]', '[[ Note ]]', '[[folder/Note]]'])(
  '%s',
  async (link) => {
    const { body } = renderMarkdown(`${link}\n`, { vault: { notes: { 'Note.md': '# Part\n\n## A\n\n### B\n\nx ^b1\n', 'folder/Note.md': 'y\n' } } });
    await waitFor(() => expect(body().querySelector('a')).not.toBeNull());
    expect(body().querySelector('a')!.textContent).toBe(livePreviewText(link));
  },
);
