/** Renders one markdown text through MarkdownView (the reading view's component) into jsdom. */
import { render } from '@testing-library/react';
import { MarkdownView, type MarkdownViewProps } from '../../../renderer/src/components/markdown-view';
import { AppActionsContext, RenderScopeContext, type AppActions } from '../../../renderer/src/components/note-context';
import { MemoryApi, type MemoryVaultFiles } from '../support/memory-api';
import { createLinkBatcher } from '../../../renderer/src/lib/link-batcher';
import type { VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

export function renderMarkdown(
  markdown: string,
  options: { vault?: MemoryVaultFiles; view?: Partial<MarkdownViewProps>; sourcePath?: VaultPath; preview?: boolean } = {},
) {
  const sourcePath = options.sourcePath ?? vp('Test.md');
  // The text is the source note's: links and embeds resolve from a note the vault holds.
  const vault = options.vault ?? { notes: {} };
  const fake = new MemoryApi({ ...vault, notes: { [sourcePath]: markdown, ...vault.notes } });
  const api = fake.api();
  const actions: AppActions = {
    api,
    // Batched as the app's actions do (use-app-actions.ts).
    resolve: createLinkBatcher(api, 4),
    requestCreate: () => undefined,
    showPreview: () => undefined,
    hidePreview: () => undefined,
    searchTag: () => undefined,
    reportError: () => undefined,
  };
  const utils = render(
    <AppActionsContext.Provider value={actions}>
      <RenderScopeContext.Provider value={{ sourcePath, ancestors: [sourcePath], preview: options.preview ?? false }}>
        <MarkdownView markdown={markdown} {...options.view} />
      </RenderScopeContext.Provider>
    </AppActionsContext.Provider>,
  );
  const body = () => utils.container.querySelector('.markdown-body') as HTMLElement;
  return { ...utils, fake, api, body };
}
