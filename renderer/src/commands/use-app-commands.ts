/**
 * What each command of the registry does in this window (CommandRuns), and the hotkeys that run
 * them. The palette runs the same table, so a command behaves alike from a key or the palette.
 */
import { useCallback } from 'react';
import { useHotkeys } from '../hooks/use-hotkeys';
import { activateTabNumber, closeActiveTab, cycleTab, openInNewTab, splitActive, type Layout } from '../workspace/layout-model';
import { openLinkedLocalGraph } from '../workspace/linked-graph';
import type { CommandRuns } from './command-registry';
import type { IntoNotesCommandId } from './use-into-notes-commands';

const tabNumberRuns = (go: (n: number) => void) =>
  Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`goToTab${n}`, () => go(n)])) as Record<`goToTab${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, () => void>;

export interface AppCommandDeps {
  update(f: (layout: Layout) => Layout): void;
  back(): void;
  forward(): void;
  openPalette(): void;
  openSwitcher(): void;
  openSettings(): void;
  openSearch(): void;
  newNote(): void;
  rename(): void;
  toggleEdit(): void;
  toggleSourceMode(): void;
  toggleGraph(): void;
  sidebars: { toggleLeft(): void; toggleRight(): void; showLeft(): void; showRight(): void };
  bookmarkCurrent(): void;
  fileRecovery(): void;
  recoverDeletedNotes(): void;
  intoNotes: Record<IntoNotesCommandId, () => void>;
}

export function useAppCommands(deps: AppCommandDeps): CommandRuns {
  const { update, sidebars } = deps;
  const { showRight } = sidebars;
  /** Opens the right sidebar and brings one of its views into sight, with the focus, once it is shown. */
  const revealPanel = useCallback(
    (name: string) => {
      showRight();
      requestAnimationFrame(() => {
        const panel = document.querySelector<HTMLElement>(`.right-pane [aria-label="${name}"]`);
        panel?.scrollIntoView({ block: 'start' });
        panel?.focus();
      });
    },
    [showRight],
  );
  const runs: CommandRuns = {
    commandPalette: deps.openPalette,
    quickSwitcher: deps.openSwitcher,
    search: deps.openSearch,
    newNote: deps.newNote,
    rename: deps.rename,
    toggleEdit: deps.toggleEdit,
    toggleSourceMode: deps.toggleSourceMode,
    graph: deps.toggleGraph,
    newTab: () => update((l) => openInNewTab(l)),
    closeTab: () => update(closeActiveTab),
    nextTab: () => update((l) => cycleTab(l, 1)),
    previousTab: () => update((l) => cycleTab(l, -1)),
    ...tabNumberRuns((n) => update((l) => activateTabNumber(l, n))),
    splitRight: () => update((l) => splitActive(l, 'right')),
    splitDown: () => update((l) => splitActive(l, 'down')),
    localGraph: () => update(openLinkedLocalGraph),
    back: deps.back,
    forward: deps.forward,
    toggleLeftSidebar: sidebars.toggleLeft,
    toggleRightSidebar: sidebars.toggleRight,
    showOutline: () => revealPanel('Outline'),
    showTags: () => revealPanel('All tags'),
    bookmarkCurrent: deps.bookmarkCurrent,
    openSettings: deps.openSettings,
    showBookmarks: () => {
      sidebars.showLeft();
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.left-pane [aria-label="Bookmarks"]')?.scrollIntoView({ block: 'start' }));
    },
    fileRecovery: deps.fileRecovery,
    recoverDeletedNotes: deps.recoverDeletedNotes,
    ...deps.intoNotes,
  };
  useHotkeys(runs);
  return runs;
}
