/** What rendered markdown needs from the app: the API, where it is rendered from, and app-level actions. */
import { createContext, useContext } from 'react';
import type { LinkTargetInfo, PlexusApi } from '../../../main/contract/api-contract';
import type { VaultPath } from '../../../main/core/types';

export interface PreviewRequest {
  path: VaultPath;
  heading: string | null;
  block: string | null;
  /** Viewport rectangle of the hovered link, to place the popover. */
  rect: { left: number; top: number; bottom: number };
}

export interface AppActions {
  api: PlexusApi;
  /** Resolve a link target from a note, cached until the vault's files or graph change. */
  /** From no note (null), nothing resolves, as the service answers for a path it refuses. */
  resolve(from: VaultPath | null, target: string): Promise<LinkTargetInfo>;
  /** Ask to create the note an unresolved link points at (the app confirms, then creates). */
  requestCreate(info: LinkTargetInfo, label: string): void;
  showPreview(request: PreviewRequest): void;
  hidePreview(): void;
  /** Open search for a tag (clicking `#tag`). */
  searchTag(tag: string): void;
  /** Report an error to the user (banner). */
  reportError(message: string): void;
}

export const AppActionsContext = createContext<AppActions | null>(null);

export function useAppActions(): AppActions {
  const actions = useContext(AppActionsContext);
  if (!actions) throw new Error('useAppActions outside AppActionsContext');
  return actions;
}

/** Where a piece of markdown is being rendered: its note, and the chain of embeds that led here. */
export interface RenderScope {
  /** Null outside any note. */
  sourcePath: VaultPath | null;
  /** Notes already open in the embed chain (cycle guard). */
  ancestors: string[];
  /** Previews render links but no nested embeds or previews. */
  preview: boolean;
}

export const RenderScopeContext = createContext<RenderScope>({ sourcePath: null, ancestors: [], preview: false });

export function useRenderScope(): RenderScope {
  return useContext(RenderScopeContext);
}

export const MAX_EMBED_DEPTH = 3;
