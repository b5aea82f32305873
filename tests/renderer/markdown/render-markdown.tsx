/** Renders one markdown text through MarkdownView (the reading view's component) into jsdom. */
import { render } from '@testing-library/react';
import { MarkdownView, type MarkdownViewProps } from '../../../renderer/src/components/markdown-view';
import { AppActionsContext, RenderScopeContext, type AppActions } from '../../../renderer/src/components/note-context';
import { FakeApi, type FakeVaultOptions } from '../fake-api';

export function renderMarkdown(markdown: string, options: { vault?: FakeVaultOptions; view?: Partial<MarkdownViewProps>; sourcePath?: string; preview?: boolean } = {}) {
  const fake = new FakeApi(options.vault ?? { notes: {} });
  const api = fake.api();
  const actions: AppActions = {
    api,
    resolve: (from, target) => api.resolveLink(from, target),
    requestCreate: () => undefined,
    showPreview: () => undefined,
    hidePreview: () => undefined,
    searchTag: () => undefined,
    reportError: () => undefined,
  };
  const utils = render(
    <AppActionsContext.Provider value={actions}>
      <RenderScopeContext.Provider value={{ sourcePath: options.sourcePath ?? 'Test.md', ancestors: [options.sourcePath ?? 'Test.md'], preview: options.preview ?? false }}>
        <MarkdownView markdown={markdown} {...options.view} />
      </RenderScopeContext.Provider>
    </AppActionsContext.Provider>,
  );
  const body = () => utils.container.querySelector('.markdown-body') as HTMLElement;
  return { ...utils, fake, api, body };
}
