/**
 * An in-memory PlexusApi for renderer tests. Notes are plain markdown strings; titles, tags,
 * frontmatter, wiki-link resolution (by file name, case-insensitive), backlinks with context,
 * unlinked mentions and search are derived from them, so tests read like a tiny vault.
 */
import { parse as parseYaml } from 'yaml';
import type { ApiError, FileEntry, LinkTargetInfo, NoteMeta, NoteVersion, PlexusApi, Result, SearchHit, SearchResults, VaultEvent, VaultInfo } from '../../main/contract/api-contract';
import type { ResolvedLink } from '../../main/core/types';
import { matchesQuery, queryHighlights } from '../../main/core/query/search-evaluate';
import { parseSearchQuery } from '../../main/core/query/search-query';
import { backlinkSnippets, mentionSnippet, searchSnippet } from '../../main/core/query/snippets';

export interface FakeVaultOptions {
  notes: Record<string, string>;
  /** Attachment path -> data URL (its MIME is the data URL's). */
  attachments?: Record<string, string>;
  /** Attachments whose readAttachment fails with this error (listed, but not readable). */
  attachmentErrors?: Record<string, ApiError>;
  readOnly?: boolean;
  /** Notes the service indexed in safe mode, with why. */
  safeMode?: Record<string, string>;
  /** What getVaultInfo reports; 'browser' unless given. */
  host?: VaultInfo['host'];
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const notFound = (path: string): Result<never> => ({ ok: false, error: { code: 'not-found', message: `${path} not found` } });
const titleOf = (path: string) => path.split('/').pop()!.replace(/\.md$/i, '');
const WIKI = /(!?)\[\[([^[\]\n]+?)\]\]/g;

function splitFrontmatter(text: string): { fm: Record<string, unknown> | null; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) return { fm: null, body: text };
  return { fm: (parseYaml(m[1]) as Record<string, unknown>) ?? {}, body: text.slice(m[0].length) };
}

export class FakeApi {
  notes: Map<string, string>;
  attachments: Map<string, string>;
  attachmentErrors: Map<string, ApiError>;
  readOnly: boolean;
  safeMode: Map<string, string>;
  host: VaultInfo['host'];
  calls: { method: string; args: unknown[] }[] = [];
  /** File recovery: kept versions per note path, newest first. */
  versions = new Map<string, { version: NoteVersion; content: string }[]>();
  private listeners = new Set<(e: VaultEvent) => void>();

  constructor(options: FakeVaultOptions) {
    this.notes = new Map(Object.entries(options.notes));
    this.attachments = new Map(Object.entries(options.attachments ?? {}));
    this.attachmentErrors = new Map(Object.entries(options.attachmentErrors ?? {}));
    this.readOnly = options.readOnly ?? false;
    this.safeMode = new Map(Object.entries(options.safeMode ?? {}));
    this.host = options.host ?? 'browser';
  }

  /** Push an event to every subscriber, as the service would. */
  emit(event: VaultEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private entry(path: string): FileEntry {
    const isNote = this.notes.has(path);
    const dataUrl = this.attachments.get(path);
    const size = isNote ? this.notes.get(path)!.length : dataUrl ? atob(dataUrl.slice(dataUrl.indexOf(',') + 1)).length : 0;
    return { path, kind: isNote ? 'note' : 'attachment', title: isNote ? titleOf(path) : path.split('/').pop()!, size, mtimeMs: 1 };
  }

  resolveTarget(target: string): string | null {
    const t = target.toLowerCase().replace(/\.md$/i, '');
    for (const p of [...this.notes.keys(), ...this.attachments.keys()]) {
      const lower = p.toLowerCase();
      if (lower.replace(/\.md$/i, '') === t || titleOf(lower) === t || lower.split('/').pop() === t) return p;
    }
    return null;
  }

  linksOf(path: string): ResolvedLink[] {
    const text = this.notes.get(path) ?? '';
    const out: ResolvedLink[] = [];
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(WIKI)) {
        const [linkPart, alias = null] = m[2].split('|');
        const [target, sub = null] = linkPart.split('#');
        const resolved = this.resolveTarget(target);
        out.push({
          kind: 'wiki', embed: m[1] === '!', target, text: linkPart, heading: sub && !sub.startsWith('^') ? sub : null,
          block: sub?.startsWith('^') ? sub.slice(1) : null, alias, line: i + 1, start: 0, end: 0, context: line.trim(),
          inFrontmatter: false, source: path, resolved, candidates: [],
        });
      }
    });
    return out;
  }

  private meta(path: string): NoteMeta {
    const { fm, body } = splitFrontmatter(this.notes.get(path) ?? '');
    const tags = new Set<string>(Array.isArray(fm?.tags) ? (fm!.tags as string[]) : []);
    for (const m of body.matchAll(/(^|\s)#([\p{L}\p{N}_/-]+)/gu)) tags.add(m[2]);
    const headings = [...body.matchAll(/^(#{1,6})\s+(.+)$/gm)].map((m, i) => ({ text: m[2], level: m[1].length, line: i + 1 }));
    const aliases = Array.isArray(fm?.aliases) ? (fm!.aliases as string[]) : [];
    return { path, title: titleOf(path), aliases, tags: [...tags], headings, blockIds: [], frontmatter: fm, safeMode: this.safeMode.get(path) ?? null };
  }

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
  }

  /** The PlexusApi view of this fake (every method async, as over IPC or HTTP). */
  api(): PlexusApi {
    const self = this;
    const r = <T>(method: string, args: unknown[], fn: () => T): Promise<T> => {
      self.record(method, args);
      return Promise.resolve().then(fn);
    };
    const info: VaultInfo = { name: 'Test Vault', root: '/vault', readOnly: this.readOnly, host: this.host, status: { state: 'ready', notes: this.notes.size, links: 0, ms: 1 } };
    return {
      getVaultInfo: () => r('getVaultInfo', [], () => info),
      listFiles: () => r('listFiles', [], () => [...new Set([...self.notes.keys(), ...self.attachments.keys(), ...self.attachmentErrors.keys()])].sort().map((p) => self.entry(p))),
      readNote: (path) => r('readNote', [path], () => {
        const content = self.notes.get(path);
        return content === undefined ? notFound(path) : ok({ path, content, hash: `h${content.length}`, mtimeMs: 1, eol: '\n' as const, decodeWarning: null });
      }),
      getNoteMeta: (path) => r('getNoteMeta', [path], () => (self.notes.has(path) ? ok(self.meta(path)) : notFound(path))),
      getBacklinks: (path) => r('getBacklinks', [path], () => {
        const groups = [...self.notes.keys()].filter((p) => p !== path).map((source) => {
          const links = self.linksOf(source).filter((l) => l.resolved === path);
          return { source, sourceTitle: titleOf(source), links, snippets: backlinkSnippets(links) };
        });
        return ok(groups.filter((g) => g.links.length > 0));
      }),
      getOutgoingLinks: (path) => r('getOutgoingLinks', [path], () => ok(self.linksOf(path))),
      getUnlinkedMentions: (path) => r('getUnlinkedMentions', [path], () => {
        const title = titleOf(path);
        const out = [];
        for (const [source, text] of self.notes) {
          if (source === path) continue;
          const lines = text.split('\n');
          const i = lines.findIndex((l) => l.replace(WIKI, '').toLowerCase().includes(title.toLowerCase()));
          if (i < 0) continue;
          const column = lines[i].toLowerCase().indexOf(title.toLowerCase());
          out.push({ source, sourceTitle: titleOf(source), line: i + 1, context: lines[i].trim(), matched: title, column, written: lines[i].slice(column, column + title.length), snippet: mentionSnippet(lines[i].trim(), title) });
        }
        return ok(out);
      }),
      resolveLink: (from, target): Promise<LinkTargetInfo> => r('resolveLink', [from, target], () => {
        const resolved = self.resolveTarget(target);
        return { resolved, kind: resolved ? (self.notes.has(resolved) ? 'note' : 'attachment') : null, createPath: resolved ? null : `${target.replace(/\.md$/i, '')}.md` };
      }),
      getSwitcherItems: () => r('getSwitcherItems', [], () => [...self.notes.keys()].map((p) => ({ path: p, title: titleOf(p), aliases: self.meta(p).aliases }))),
      // The real query language and snippets (core), over the fake's notes.
      search: (query) => r('search', [query], (): Result<SearchResults> => {
        const parsed = parseSearchQuery(query);
        if (!parsed.ok) return { ok: false, error: { code: 'invalid-input', message: parsed.error } };
        if (!parsed.value) return ok({ hits: [], total: 0 });
        const hits: SearchHit[] = [];
        for (const [path, text] of self.notes) {
          const meta = self.meta(path);
          const subject = { path, aliases: meta.aliases, tags: meta.tags, body: () => splitFrontmatter(text).body };
          if (!matchesQuery(parsed.value, subject)) continue;
          hits.push({ path, title: titleOf(path), score: 1, ...searchSnippet(text, queryHighlights(parsed.value)) });
        }
        return ok({ hits, total: hits.length });
      }),
      getTags: () =>
        r('getTags', [], () => {
          const counts = new Map<string, number>();
          for (const path of self.notes.keys()) for (const t of self.meta(path).tags) counts.set(t, (counts.get(t) ?? 0) + 1);
          return [...counts].map(([tag, count]) => ({ tag, count }));
        }),
      getGraph: () => r('getGraph', [], () => ({ nodes: [], edges: [] })),
      getGraphLayout: () => r('getGraphLayout', [], () => null),
      saveGraphLayout: (layout) => r('saveGraphLayout', [layout], () => ok(null)),
      getGraphSettings: () => r('getGraphSettings', [], () => null),
      saveGraphSettings: (s) => r('saveGraphSettings', [s], () => ok(null)),
      readAttachment: (path) => r('readAttachment', [path], () => {
        const error = self.attachmentErrors.get(path);
        if (error) return { ok: false, error } as const;
        const dataUrl = self.attachments.get(path);
        return dataUrl ? ok({ mime: dataUrl.slice('data:'.length, dataUrl.indexOf(';')), dataUrl }) : notFound(path);
      }),
      openAttachment: (path) => r('openAttachment', [path], () => (self.attachments.has(path) || self.attachmentErrors.has(path) ? ok(null) : notFound(path))),
      writeNote: (path, content) => r('writeNote', [path, content], () => {
        self.notes.set(path, content);
        return ok({ hash: 'h', mtimeMs: 2 });
      }),
      createNote: (path, content) => r('createNote', [path, content], (): Result<{ hash: string; mtimeMs: number }> => {
        if (self.readOnly) return { ok: false, error: { code: 'read-only', message: 'The vault is open read-only.' } };
        if (self.notes.has(path)) return { ok: false, error: { code: 'exists', message: `${path} exists` } };
        self.notes.set(path, content);
        return ok({ hash: 'h', mtimeMs: 2 });
      }),
      writeAttachment: (path, base64) => r('writeAttachment', [path, base64], (): Result<{ path: string }> => {
        if (self.readOnly) return { ok: false, error: { code: 'read-only', message: 'The vault is open read-only.' } };
        let target = path;
        for (let n = 1; self.attachments.has(target); n++) target = path.replace(/(\.[^./]*)?$/, (ext) => ` ${n}${ext}`);
        self.attachments.set(target, `data:application/octet-stream;base64,${base64}`);
        return ok({ path: target });
      }),
      planRename: (from, to) => r('planRename', [from, to], () => ok({ from, to, affected: [] })),
      renameNote: (from, to) => r('renameNote', [from, to], () => ok({ from, to, changed: [], undoToken: 'u' })),
      undoRename: (token) => r('undoRename', [token], () => ok(null)),
      updateLinksAfterExternalRename: (from, to) => r('updateLinksAfterExternalRename', [from, to], () => ok([])),
      deleteNote: (path) => r('deleteNote', [path], () => ok({ linkedFrom: [] })),
      openExternal: (url) => r('openExternal', [url], () => ok(null)),
      listVersions: (path) => r('listVersions', [path], () => ok((self.versions.get(path) ?? []).map((v) => v.version))),
      readVersion: (path, id) => r('readVersion', [path, id], () => {
        const found = self.versions.get(path)?.find((v) => v.version.id === id);
        return found ? ok({ version: found.version, content: found.content, decodeWarning: null }) : notFound(path);
      }),
      restoreVersion: (path, id, expectedHash) => r('restoreVersion', [path, id, expectedHash], () => {
        const found = self.versions.get(path)?.find((v) => v.version.id === id);
        if (!found) return notFound(path);
        self.notes.set(path, found.content);
        return ok({ hash: 'h', mtimeMs: 2, path });
      }),
      listDeletedNotes: () => r('listDeletedNotes', [], () => ok([])),
      onEvent(listener) {
        self.listeners.add(listener);
        return () => self.listeners.delete(listener);
      },
    };
  }
}
