/**
 * How an embed draws the note it transcludes: with the markdown view it sits in, which provides
 * itself here. So embed.tsx does not import markdown-view.tsx (which imports the embed to draw
 * `![[...]]`): the two stay one import apart, without a cycle.
 */
import { createContext, useContext, type ComponentType } from 'react';
import type { Section } from '../markdown/transforms';

export interface EmbeddedMarkdownProps {
  markdown: string;
  section?: Section;
}

export const EmbeddedMarkdownContext = createContext<ComponentType<EmbeddedMarkdownProps> | null>(null);

/** The view to draw an embedded note with; an embed exists only inside a markdown view. */
export function useEmbeddedMarkdown(): ComponentType<EmbeddedMarkdownProps> {
  const view = useContext(EmbeddedMarkdownContext);
  if (view === null) throw new Error('An embed is drawn only inside a MarkdownView (EmbeddedMarkdownContext is missing).');
  return view;
}
