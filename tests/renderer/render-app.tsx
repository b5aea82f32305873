/** Mounts the whole app against a MemoryApi at a given address. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/src/app';
import { MemoryApi, type MemoryVaultFiles } from './support/memory-api';

export function renderApp(options: MemoryVaultFiles, hash = '') {
  window.localStorage.clear();
  window.location.hash = hash;
  const fake = new MemoryApi(options);
  const api = fake.api();
  const utils = render(<App api={api} />);
  const note = () => screen.getByRole('main', { name: 'Note' });
  return { fake, api, ...utils, note, inNote: () => within(note()) };
}

/** Shows a sidebar view by clicking its tab (the sidebars hold their views as tabs). */
export const showSidebarView = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

export const sampleVault: MemoryVaultFiles = {
  notes: {
    'Welcome.md':
      '---\ntags: [start, intro]\naliases: [Home]\n---\n# Welcome\n\nSee [[Ideas]] and [[Missing Note]] and [[Projects/Plexus#Goals|the goals]].\n\n## Details\n\nA paragraph with a block. ^abc123\n',
    'Ideas.md': '# Ideas\n\nBack to [[Welcome]]. Also mention Welcome here.\n\n```ts\nconst x: number = 1;\n```\n',
    'Projects/Plexus.md': '# Plexus\n\n## Goals\n\nLink [[Welcome#Details]] from projects. #project\n',
    'Projects/Archive/Old.md': '# Old\n\nNothing links here.\n',
  },
  attachments: { 'images/pic.png': 'data:image/png;base64,iVBORw0KGgo=' },
};
