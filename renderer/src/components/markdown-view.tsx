/** Renders markdown through the sanitizing pipeline into React, routing links, embeds and images to our components. */
import { useMemo, useRef, type ComponentProps } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { markdownToHast } from '../markdown/pipeline';
import type { Section } from '../markdown/transforms';
import { NoteLink } from './note-link';
import { Embed, MarkdownImage } from './embed';
import { useAppActions } from './note-context';
import { EmbedBudget, EmbedBudgetContext, useEmbedBudget } from './embed-budget';
import { useReadingSettings } from '../settings/settings-store';
import { MermaidDiagram } from './mermaid-diagram';
import { TaskCheckbox, TaskWriterContext, useTaskWriter, type TaskTarget } from './task-checkbox';
import { EmbeddedMarkdownContext } from './embedded-markdown';
import { useProgressive } from './progressive-markdown';
import type { SplitOptions } from '../markdown/split-blocks';
import type { Root as HastRoot } from 'hast';
import type { VaultPath } from '../../../main/core/types';

/** Images the pipeline drew itself after sanitize (KaTeX glyphs, diagrams): data: SVG, shown as is. */
function isGeneratedImage(props: ComponentProps<'img'>): boolean {
  const classes = typeof props.className === 'string' ? props.className.split(' ') : [];
  return (classes.includes('math-svg') || classes.includes('mermaid-diagram')) && typeof props.src === 'string' && props.src.startsWith('data:image/svg+xml,');
}

function isEmbed(className: unknown): boolean {
  return typeof className === 'string' && className.split(' ').includes('plexus-embed');
}

const components: Partial<Components> = {
  a: (props: ComponentProps<'a'>) => <NoteLink {...(props as object)} />,
  img: (props: ComponentProps<'img'>) =>
    isGeneratedImage(props) ? <img {...props} /> : <MarkdownImage src={typeof props.src === 'string' ? props.src : undefined} alt={props.alt} />,
  div: (props: ComponentProps<'div'>) => {
    if (isEmbed(props.className)) return <Embed {...(props as object)} block />;
    const source = (props as Record<string, unknown>)['data-mermaid'];
    if (props.className === 'mermaid-block' && typeof source === 'string') return <MermaidDiagram source={source} />;
    return <div {...props} />;
  },
  span: (props: ComponentProps<'span'>) => (isEmbed(props.className) ? <Embed {...(props as object)} block={false} /> : <span {...props} />),
  input: (props: ComponentProps<'input'>) => <TaskCheckbox {...props} />,
};

export interface MarkdownViewProps {
  markdown: string;
  section?: Section;
  maxLines?: number;
  className?: string;
  /** The note's path and hash when its task checkboxes may write to it (the note pane, not read-only). */
  tasks?: { path: VaultPath; hash: string };
  /** Blocks carry `data-source-line` (the side-by-side preview scrolls with the editor by them). */
  sourceLines?: boolean;
  /** The element id the address names (a heading or block): a long note draws up to it first. */
  targetId?: string | null;
  /** Where a long note is cut (tests); the default otherwise. */
  split?: SplitOptions;
  /** Called when a long note draws the target later than its first commit (the line scan missed it). */
  onTargetDrawn?: () => void;
}

const toElement = (hast: HastRoot) => toJsxRuntime(hast, { Fragment, jsx, jsxs, components });

export function MarkdownView({ markdown, section, maxLines, className, tasks, sourceLines = false, targetId = null, split, onTargetDrawn }: MarkdownViewProps) {
  const { api } = useAppActions();
  const inherited = useEmbedBudget();
  // The outermost view gets a fresh embed budget and read cache for each text it shows;
  // embedded views share their host's.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- markdown is not read: a new text gets a new budget
  const budget = useMemo(() => inherited ?? new EmbedBudget(api), [inherited, api, markdown]);
  const { strictLineBreaks } = useReadingSettings();
  // Only a whole note can map its checkboxes to lines (previews cut the text, embeds show another note).
  const taskTarget: TaskTarget | null = tasks && !section && maxLines === undefined ? { path: tasks.path, hash: tasks.hash, markdown } : null;
  const taskWriter = useTaskWriter(taskTarget);
  // The section by value: an equal section in a new object draws nothing again.
  const hasSection = section !== undefined;
  const heading = section?.heading ?? null;
  const block = section?.block ?? null;
  // A long whole note is drawn in parts (previews and embeds are short or one section: one pass).
  const bodyRef = useRef<HTMLDivElement>(null);
  const progressive = useProgressive(
    markdown,
    !hasSection && maxLines === undefined,
    strictLineBreaks,
    sourceLines,
    targetId,
    toElement,
    bodyRef,
    onTargetDrawn,
    split,
  );
  const onePass = progressive === null;
  const { element, sectionFound } = useMemo(() => {
    if (!onePass) return { element: null, sectionFound: true };
    const wanted = hasSection ? { heading, block } : undefined;
    const { hast, sectionFound } = markdownToHast(markdown, { section: wanted, maxLines, strictLineBreaks, sourceLines });
    return { element: toElement(hast), sectionFound };
  }, [onePass, markdown, hasSection, heading, block, maxLines, strictLineBreaks, sourceLines]);
  if (!sectionFound) {
    const what = section?.block ? `block ^${section.block}` : `heading “${section?.heading}”`;
    return <div className="embed-missing">The {what} was not found.</div>;
  }
  return (
    <EmbedBudgetContext.Provider value={budget}>
      <EmbeddedMarkdownContext.Provider value={MarkdownView}>
        <TaskWriterContext.Provider value={taskWriter}>
          <div
            ref={bodyRef}
            className={`markdown-body${progressive ? ' is-progressive' : ''}${className ? ` ${className}` : ''}`}
            aria-busy={progressive?.pending || undefined}
          >
            {progressive ? progressive.element : element}
          </div>
        </TaskWriterContext.Provider>
      </EmbeddedMarkdownContext.Provider>
    </EmbedBudgetContext.Provider>
  );
}
