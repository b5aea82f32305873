/**
 * Every `<a>` in rendered markdown goes through here. Internal links (wiki or relative markdown)
 * become `#/note/...` hrefs once resolved; unresolved ones get `is-unresolved` and offer to
 * create the note; http/https/mailto open in the OS browser (Electron) or a new tab (browser
 * mode); anything else is not a link at all.
 */
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { noteHref } from '../routing/hash-route';
import { classifyHref } from '../markdown/link-href';
import { useLinkTarget } from '../hooks/use-link-target';
import { isBrowserMode } from '../api/get-api';
import { useAppActions, useRenderScope } from './note-context';

interface AnchorProps {
  href?: string;
  className?: string;
  children?: ReactNode;
  'data-target'?: string;
  'data-heading'?: string;
  'data-block'?: string;
  'data-tag'?: string;
  /** Footnote references and back-references carry ids (prefixed by sanitize) the other end links to. */
  id?: string;
  'aria-describedby'?: string;
  /** Set on links written as HTML in the note (raw-html.ts). */
  'data-user-html'?: string;
}

export function NoteLink(props: AnchorProps) {
  const classes = (props.className ?? '').split(' ');
  if (classes.includes('tag')) return <TagLink tag={props['data-tag'] ?? ''}>{props.children}</TagLink>;
  const isWiki = classes.includes('internal-link');
  if (isWiki) {
    return (
      <InternalLink target={props['data-target'] ?? ''} heading={props['data-heading'] ?? null} block={props['data-block'] ?? null}>
        {props.children}
      </InternalLink>
    );
  }
  const kind = classifyHref(props.href);
  switch (kind.kind) {
    case 'external':
      return <ExternalLink url={kind.url}>{props.children}</ExternalLink>;
    case 'anchor':
      return (
        <AnchorLink id={kind.id} ownId={props.id} describedBy={props['aria-describedby']}>
          {props.children}
        </AnchorLink>
      );
    case 'vault':
      // The index (like Obsidian's) holds no HTML links, so the page does not follow them either.
      if (props['data-user-html'] !== undefined)
        return (
          <span className="link-blocked" title="Links written in HTML are not followed; use [[…]] or [text](path)">
            {props.children}
          </span>
        );
      return (
        <InternalLink target={kind.target} heading={kind.heading} block={kind.block}>
          {props.children}
        </InternalLink>
      );
    default:
      return (
        <span className="link-blocked" title="Link removed: unsupported address">
          {props.children}
        </span>
      );
  }
}

export function ExternalLink({ url, children }: { url: string; children?: ReactNode }) {
  const { api, reportError } = useAppActions();
  if (isBrowserMode()) {
    // The serve host cannot reach the OS, so the browser opens the link itself, in a new tab
    // that gets no handle on this page (noopener) and not its address (noreferrer).
    return (
      <a href={url} className="external-link" target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  // Electron: the window must never navigate away; the main process hands the URL to the OS.
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    api.openExternal(url).then(
      (r) => !r.ok && reportError(`Could not open ${url}: ${r.error.message}`),
      (e: unknown) => reportError(`Could not open ${url}: ${String(e)}`),
    );
  };
  return (
    <a href={url} className="external-link" rel="noreferrer noopener" onClick={onClick}>
      {children}
    </a>
  );
}

function TagLink({ tag, children }: { tag: string; children?: ReactNode }) {
  const { searchTag } = useAppActions();
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    searchTag(tag);
  };
  return (
    <a href={`#tag-${encodeURIComponent(tag)}`} className="tag" onClick={onClick} aria-label={`Search for tag #${tag}`}>
      {children}
    </a>
  );
}

/**
 * An in-note anchor. Ids from the note's markdown (footnotes) are prefixed `user-content-` by
 * sanitize while their hrefs are not, so the prefixed id is looked up too.
 */
function AnchorLink({ id, ownId, describedBy, children }: { id: string; ownId?: string; describedBy?: string; children?: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const root = event.currentTarget.closest('.markdown-body');
    const find = (value: string) => root?.querySelector<HTMLElement>(`[id="${CSS.escape(value)}"]`);
    const target = find(id) ?? find(`user-content-${id}`);
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector<HTMLElement>('a[href^="#"]')?.focus({ preventScroll: true });
  };
  return (
    <a href={`#${id}`} id={ownId} aria-describedby={describedBy} onClick={onClick}>
      {children}
    </a>
  );
}

interface InternalProps {
  target: string;
  heading: string | null;
  block: string | null;
  children?: ReactNode;
}

const PREVIEW_DELAY_MS = 350;

function InternalLink({ target, heading, block, children }: InternalProps) {
  const scope = useRenderScope();
  const actions = useAppActions();
  const sameNote = target === '';
  const state = useLinkTarget(scope.sourcePath, sameNote ? null : target);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const resolved = sameNote ? scope.sourcePath : state.status === 'done' ? state.info.resolved : null;
  const unresolved = !sameNote && state.status === 'done' && !state.info.resolved;
  // Until resolution finishes the href is the likeliest file, so the link works even if clicked at once.
  const guess = /\.[a-z0-9]+$/i.test(target) ? target : `${target}.md`;
  const href = unresolved ? noteHref(state.status === 'done' ? (state.info.createPath ?? guess) : guess) : noteHref(resolved ?? guess, heading, block);

  const cancelPending = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  // A link that goes away (its note was left) must not open a preview later that no
  // mouseleave would ever close.
  useEffect(() => cancelPending, []);

  const onClick = (event: MouseEvent) => {
    cancelPending();
    actions.hidePreview();
    if (state.status === 'done' && unresolved) {
      event.preventDefault();
      actions.requestCreate(state.info, target);
    }
  };
  const onEnter = (event: MouseEvent<HTMLAnchorElement>) => {
    if (scope.preview || !resolved) return;
    const r = event.currentTarget.getBoundingClientRect();
    const rect = { left: r.left, top: r.top, bottom: r.bottom };
    cancelPending();
    timer.current = setTimeout(() => actions.showPreview({ path: resolved, heading, block, rect }), PREVIEW_DELAY_MS);
  };
  const onLeave = () => {
    cancelPending();
    actions.hidePreview();
  };
  const cls = `internal-link${unresolved ? ' is-unresolved' : ''}`;
  const title = unresolved ? `“${target}” does not exist yet — click to create it` : state.status === 'error' ? state.message : undefined;
  return (
    <a href={href} className={cls} title={title} data-target={target} onClick={onClick} onMouseEnter={onEnter} onMouseLeave={onLeave}>
      {children}
    </a>
  );
}
