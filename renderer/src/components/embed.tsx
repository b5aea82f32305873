/**
 * `![[Note]]`, `![[Note#Heading]]`, `![[Note#^block]]` transclude the target (rendered, depth-
 * limited, cycle-guarded on note and heading/block, and within the view's embed budget);
 * `![[image.png]]` shows the image as a data URL from readAttachment.
 */
import { useId, useState, type ReactNode } from 'react';
import { noteHref } from '../routing/hash-route';
import { isImagePath } from '../markdown/link-href';
import { useLinkTarget } from '../hooks/use-link-target';
import { useAsync } from '../hooks/use-async';
import { MAX_EMBED_DEPTH, RenderScopeContext, useAppActions, useRenderScope } from './note-context';
import { useEmbeddedMarkdown } from './embedded-markdown';
import { ExternalLink } from './note-link';
import { embedKey, useEmbedBudget } from './embed-budget';
import { MediaEmbed, mediaKind, splitImageSize, type ImageSize } from './embed-media';
import { useReadingSettings } from '../settings/settings-store';
import type { VaultPath } from '../../../main/core/types';

interface EmbedProps {
  className?: string;
  children?: ReactNode;
  'data-target'?: string;
  'data-heading'?: string;
  'data-block'?: string;
  'data-alias'?: string;
  /** 'div' when the embed stood alone in its paragraph, else 'span'. */
  block: boolean;
}

export function Embed(props: EmbedProps) {
  const id = useId();
  const budget = useEmbedBudget();
  const scope = useRenderScope();
  const target = props['data-target'] ?? '';
  const heading = props['data-heading'] ?? null;
  const blockRef = props['data-block'] ?? null;
  const state = useLinkTarget(scope.sourcePath, target === '' ? null : target);
  const Wrapper = props.block ? 'div' : 'span';
  const resolved = target === '' ? scope.sourcePath : state.status === 'done' ? state.info.resolved : null;

  if (state.status === 'error')
    return (
      <Wrapper className="embed embed-error" role="note">
        Embed failed: {state.message}
      </Wrapper>
    );
  if (target !== '' && state.status === 'pending')
    return (
      <Wrapper className="embed embed-pending" aria-busy="true">
        {props.children}
      </Wrapper>
    );
  if (!resolved) {
    return (
      <Wrapper className="embed embed-missing">
        <a className="internal-link is-unresolved" href={noteHref(target)}>
          {props.children}
        </a>{' '}
        <small>(not found)</small>
      </Wrapper>
    );
  }
  if (isImagePath(resolved)) {
    const { alt, size } = splitImageSize(props['data-alias']);
    return <AttachmentImage path={resolved} alt={alt || target} size={size} />;
  }
  const media = mediaKind(resolved);
  // Previews stay light: no media or PDF loads there, only the link.
  if (media && !scope.preview) return <MediaEmbed path={resolved} kind={media} subpath={heading} />;
  if (!resolved.toLowerCase().endsWith('.md')) {
    return (
      <a className="internal-link" href={noteHref(resolved)}>
        {props.children}
      </a>
    );
  }
  // A cycle is the same note *and* subpath again: `![[self#H]]` inside H would otherwise
  // embed H into itself at every level.
  const key = embedKey(resolved, heading, blockRef);
  const tooDeep = scope.ancestors.length >= MAX_EMBED_DEPTH;
  const cycle = scope.ancestors.includes(key);
  const link = (
    <a className="internal-link" href={noteHref(resolved, heading, blockRef)}>
      {props.children}
    </a>
  );
  if (scope.preview || tooDeep || cycle) {
    const why = scope.preview ? '' : cycle ? ' (embeds itself)' : ' (embed depth limit)';
    return (
      <Wrapper className="embed embed-collapsed">
        {link}
        {why}
      </Wrapper>
    );
  }
  if (budget && !budget.claimSlot(id)) return <EmbedLimit block={props.block}>{link}</EmbedLimit>;
  return (
    <Wrapper className="embed embed-note" data-embed-path={resolved}>
      <span className="embed-title">{link}</span>
      <RenderScopeContext.Provider value={{ sourcePath: resolved, ancestors: [...scope.ancestors, key], preview: false }}>
        <EmbeddedNote id={id} path={resolved} heading={heading} block={blockRef} />
      </RenderScopeContext.Provider>
    </Wrapper>
  );
}

function EmbedLimit({ block, children }: { block: boolean; children: ReactNode }) {
  const Wrapper = block ? 'div' : 'span';
  return (
    <Wrapper className="embed embed-limit" role="note">
      {children} (embed limit reached)
    </Wrapper>
  );
}

function EmbeddedNote({ id, path, heading, block }: { id: string; path: VaultPath; heading: string | null; block: string | null }) {
  const { api } = useAppActions();
  const budget = useEmbedBudget();
  const MarkdownView = useEmbeddedMarkdown();
  const note = useAsync(() => (budget ? budget.readNote(path) : api.readNote(path)), path);
  if (note.status === 'pending') return <span className="muted">Loading…</span>;
  if (note.status === 'error')
    return (
      <span className="error-text">
        Could not read {path}: {note.message}
      </span>
    );
  if (!note.value.ok)
    return (
      <span className="error-text">
        Could not read {path}: {note.value.error.message}
      </span>
    );
  const content = note.value.value.content;
  if (budget && !budget.claimChars(id, content.length)) return <span className="embed-limit muted">(embed limit reached: too much embedded text)</span>;
  return <MarkdownView markdown={content} section={heading || block ? { heading, block } : undefined} />;
}

export function AttachmentImage({ path, alt, size = null }: { path: VaultPath; alt: string; size?: ImageSize | null }) {
  const { api } = useAppActions();
  const budget = useEmbedBudget();
  // One read per image per view, however often the note shows it.
  const data = useAsync(() => (budget ? budget.readAttachment(path) : api.readAttachment(path)), path);
  if (data.status === 'pending')
    return (
      <span className="embed-image-pending" aria-busy="true">
        {alt}
      </span>
    );
  if (data.status === 'error')
    return (
      <span className="error-text">
        Image {path}: {data.message}
      </span>
    );
  if (!data.value.ok)
    return (
      <span className="error-text">
        Image {path}: {data.value.error.message}
      </span>
    );
  // Only image data URLs reach the DOM; anything else the host might return is refused.
  if (!/^data:image\//.test(data.value.value.dataUrl)) return <span className="error-text">Image {path}: not an image</span>;
  return <img className="embed-image" src={data.value.value.dataUrl} alt={alt} width={size?.width} height={size?.height ?? undefined} />;
}

/**
 * Markdown `![alt](pic.png)`: vault images via readAttachment. Remote (http/https) images are off
 * by default, for privacy: a placeholder with "Load image", unless "Load remote images" is on;
 * hover previews never load them unless it is. Other schemes are not images at all.
 */
export function MarkdownImage({ src, alt }: { src?: string; alt?: string }) {
  const scope = useRenderScope();
  const isRemote = !!src && /^[a-z][a-z0-9+.-]*:/i.test(src);
  let target: string | null = null;
  try {
    target = src && !isRemote ? decodeURIComponent(src) : null;
  } catch {
    target = src ?? null;
  }
  const state = useLinkTarget(scope.sourcePath, target);
  if (!src) return <span className="link-blocked">{alt}</span>;
  if (isRemote) return /^https?:/i.test(src) ? <RemoteImage url={src} alt={alt ?? ''} /> : <span className="link-blocked">{alt}</span>;
  if (state.status === 'pending') return <span aria-busy="true">{alt}</span>;
  if (state.status === 'error') return <span className="error-text">{state.message}</span>;
  if (!state.info.resolved) return <span className="embed-missing">{alt || src} (not found)</span>;
  const sized = splitImageSize(alt);
  return <AttachmentImage path={state.info.resolved} alt={sized.alt} size={sized.size} />;
}

function RemoteImage({ url, alt }: { url: string; alt: string }) {
  const { loadRemoteImages } = useReadingSettings();
  const scope = useRenderScope();
  const [asked, setAsked] = useState(false);
  const { alt: text, size } = splitImageSize(alt);
  if (loadRemoteImages || asked) {
    return <img className="remote-image" src={url} alt={text} width={size?.width} height={size?.height ?? undefined} referrerPolicy="no-referrer" />;
  }
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // Not a parseable URL: show it whole.
  }
  return (
    <span className="remote-image-placeholder" role="group" aria-label={`Remote image${text ? `: ${text}` : ''}`}>
      <span className="remote-image-label">{text || 'Remote image'}</span> <ExternalLink url={url}>{host}</ExternalLink>
      {!scope.preview && (
        <button type="button" className="remote-image-load" onClick={() => setAsked(true)}>
          Load image
        </button>
      )}
    </span>
  );
}
