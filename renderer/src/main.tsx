/** Renderer entry: mounts the app against whichever PlexusApi this window has. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { getApi } from './api/get-api';
import { DraftRecovery } from './editor/draft-recovery';
import { applyAppearance } from './settings/appearance';
import { currentSettings } from './settings/settings-store';
import './styles.css';
import './markdown.css';
import './highlight.css';
import 'katex/dist/katex.min.css';
import './markdown-flavour.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first paint already in the chosen theme; the vault's own settings follow once it is known.
applyAppearance(currentSettings());
createRoot(root).render(
  <StrictMode>
    <App api={getApi()} />
    {/* Electron only: unsaved text is mirrored to the main process and survives a renderer crash. */}
    {window.plexusDrafts && <DraftRecovery bridge={window.plexusDrafts} />}
  </StrictMode>,
);
