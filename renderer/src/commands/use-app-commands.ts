/**
 * What each command of the registry does in this window (CommandRuns), and the hotkeys that run
 * them. The palette runs the same table, so a command behaves alike from a key or the palette.
 */
import { useHotkeys } from '../hooks/use-hotkeys';
import { activateTabNumber, closeActiveTab, cycleTab, openInNewTab, splitActive, type Layout } from '../workspace/layout-model';
import { openLinkedLocalGraph } from '../workspace/linked-graph';
import type { SidebarViewId } from '../workspace/sidebar-views';
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
  sidebars: { toggleLeft(): void; toggleRight(): void };
  /** Shows a sidebar view wherever it is (use-sidebar-views.ts), focusing the element of that label in it. */
  revealView(id: SidebarViewId, focusLabel?: string): void;
  bookmarkCurrent(): void;
  fileRecovery(): void;
  recoverDeletedNotes(): void;
  intoNotes: Record<IntoNotesCommandId, () => void>;
}

export function useAppCommands(deps: AppCommandDeps): CommandRuns {
  const { update, sidebars } = deps;
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
    showOutline: () => deps.revealView('outline', 'Outline'),
    showTags: () => deps.revealView('tags', 'All tags'),
    bookmarkCurrent: deps.bookmarkCurrent,
    openSettings: deps.openSettings,
    showBookmarks: () => deps.revealView('bookmarks', 'Bookmarks'),
    fileRecovery: deps.fileRecovery,
    recoverDeletedNotes: deps.recoverDeletedNotes,
    ...deps.intoNotes,
  };
  useHotkeys(runs);
  return runs;
}
