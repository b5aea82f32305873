/**
 * What one rendered view (a note, a preview) may spend on embeds. Without a budget a 1 KB note
 * of `![[self#H]]` lines embeds its own section 70 times per level, three levels deep: thousands
 * of reads and hundreds of thousands of DOM nodes. So per view:
 *  - each target is read once (a shared promise per path), however often it is embedded;
 *  - at most MAX_NOTE_EMBEDS embeds render their note, and at most MAX_EMBEDDED_CHARS of
 *    embedded text in all; embeds past either limit show a placeholder instead.
 * Embeds claim their slot by a stable id (React's useId) the first time they render, so re-renders
 * keep the same decision and earlier embeds in the document (and shallower ones) win.
 */
import { createContext, useContext } from 'react';
import type { NoteContent, PlexusApi, Result } from '../../../main/contract/api-contract';
import type { VaultPath } from '../../../main/core/types';

export const MAX_NOTE_EMBEDS = 50;
export const MAX_EMBEDDED_CHARS = 1_000_000;

type AttachmentData = Result<{ mime: string; dataUrl: string }>;

export class EmbedBudget {
  private notes = new Map<string, Promise<Result<NoteContent>>>();
  private attachments = new Map<string, Promise<AttachmentData>>();
  private slots = new Map<string, boolean>();
  private charGrants = new Map<string, boolean>();
  private granted = 0;
  private chars = 0;

  constructor(private readonly api: PlexusApi) {}

  /** The target's content, read at most once per view. */
  readNote(path: VaultPath): Promise<Result<NoteContent>> {
    let read = this.notes.get(path);
    if (!read) {
      read = this.api.readNote(path);
      this.notes.set(path, read);
    }
    return read;
  }

  readAttachment(path: VaultPath): Promise<AttachmentData> {
    let read = this.attachments.get(path);
    if (!read) {
      read = this.api.readAttachment(path);
      this.attachments.set(path, read);
    }
    return read;
  }

  /** Whether the embed `id` may render its note (decided once per id). */
  claimSlot(id: string): boolean {
    let ok = this.slots.get(id);
    if (ok === undefined) {
      ok = this.granted < MAX_NOTE_EMBEDS;
      if (ok) this.granted++;
      this.slots.set(id, ok);
    }
    return ok;
  }

  /** Whether the embed `id` may show `length` characters of embedded text (decided once per id). */
  claimChars(id: string, length: number): boolean {
    let ok = this.charGrants.get(id);
    if (ok === undefined) {
      ok = this.chars + length <= MAX_EMBEDDED_CHARS;
      if (ok) this.chars += length;
      this.charGrants.set(id, ok);
    }
    return ok;
  }
}

/** The budget of the view being rendered; null outside any view (the outermost MarkdownView makes one). */
export const EmbedBudgetContext = createContext<EmbedBudget | null>(null);

export function useEmbedBudget(): EmbedBudget | null {
  return useContext(EmbedBudgetContext);
}

/** The key the embed cycle guard compares: a note, or one heading or block of it. */
export function embedKey(path: VaultPath, heading: string | null, block: string | null): string {
  if (block) return `${path}#^${block}`;
  if (heading) return `${path}#${(heading.split('#').pop() ?? '').trim().toLowerCase()}`;
  return path;
}
