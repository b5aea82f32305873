/**
 * What the note pane's editor asks of the window: open a link's target (or offer to create it),
 * in this tab or a new one, and say where a closed editor's unsaved text was rescued to.
 */
import { useCallback } from 'react';
import type { FileEntry } from '../../../main/contract/api-contract';
import type { AppActions } from '../components/note-context';
import { describeRescue, type RescueReport } from '../editor';
import type { NoteRoute } from '../routing/hash-route';
import type { useBanners } from './use-banners';
import type { VaultPath } from '../../../main/core/types';

interface Deps {
  files: FileEntry[] | null;
  requestCreate: AppActions['requestCreate'];
  openRoute(route: NoteRoute): void;
  openRouteInNewTab(route: NoteRoute): void;
  openPath(path: VaultPath): void;
  pushBanner: ReturnType<typeof useBanners>['push'];
  editWhenOpen(path: VaultPath): void;
}

export function useEditorLinks({ files, requestCreate, openRoute, openRouteInNewTab, openPath, pushBanner, editWhenOpen }: Deps) {
  // A closed editor's unsaved text went to a conflict copy, or is kept in this window: say where,
  // in a banner that waits for the user (it outlives the navigation that closed the editor).
  const onRescue = useCallback(
    (report: RescueReport) => {
      const text = describeRescue(report);
      if (report.kind === 'copied') return pushBanner('notice', text, { label: 'Open copy', run: () => openPath(report.copyPath) });
      pushBanner('error', text, {
        label: 'Open note',
        run: () => {
          editWhenOpen(report.path);
          openPath(report.path);
        },
      });
    },
    [pushBanner, openPath, editWhenOpen],
  );

  // Ctrl/Cmd+click in the editor: open the target, or offer to create it when it does not exist yet.
  const openFromEditor = useCallback(
    (path: VaultPath, heading?: string) => {
      if (files && !files.some((f) => f.path === path)) return requestCreate({ resolved: null, kind: null, createPath: path }, path.replace(/\.md$/i, ''));
      openRoute({ path, heading: heading ?? null, block: null });
    },
    [files, requestCreate, openRoute],
  );

  // Ctrl/Cmd+click on a rendered link in Live Preview: the note in a new tab (an existing one only).
  const openFromEditorInNewTab = useCallback(
    (path: VaultPath, heading?: string) => {
      if (files && !files.some((f) => f.path === path)) return openFromEditor(path, heading);
      openRouteInNewTab({ path, heading: heading ?? null, block: null });
    },
    [files, openFromEditor, openRouteInNewTab],
  );

  return { onRescue, openFromEditor, openFromEditorInNewTab };
}
