/**
 * Filters over the elements in cytoscape: toggles hide orphans, placeholders and attachments
 * (display: none), and the text filter dims what does not match (so context stays visible).
 * Queries use the analysis module's group syntax (folder:, tag:, plain name); `#x` means tag:x.
 */
import type { Core, ElementDefinition, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { GraphNode } from '../../../main/core/types';
import { matchGroup, parseGroupQuery, type GroupQuery } from '../../../main/core/analysis';
import { isExcluded } from '../settings/excluded-folders';

export interface GraphFilters {
  query: string;
  showOrphans: boolean;
  showPlaceholders: boolean;
  showAttachments: boolean;
}

export const DEFAULT_FILTERS: GraphFilters = { query: '', showOrphans: true, showPlaceholders: true, showAttachments: true };

/** A parsed filter query, null for an empty one; an invalid query reports its message. */
export function parseFilterQuery(text: string): { query: GroupQuery | null; error: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { query: null, error: null };
  const parsed = parseGroupQuery(trimmed.startsWith('#') ? `tag:${trimmed.slice(1)}` : trimmed);
  return parsed.ok ? { query: parsed.query, error: null } : { query: null, error: parsed.error.message };
}

/** The GraphNode a cytoscape node stands for (rebuilt from its data: matchGroup needs only these fields). */
export function graphNodeOf(n: NodeSingular): GraphNode {
  return { id: n.id(), kind: n.data('kind'), label: n.data('label'), path: n.data('path'), tags: n.data('tags') ?? [] };
}

export function isHiddenByToggles(n: NodeSingular, filters: GraphFilters): boolean {
  return hiddenByToggles(n.data('kind') as GraphNode['kind'], n.data('degree') as number, filters);
}

function hiddenByToggles(kind: GraphNode['kind'], degree: number, filters: GraphFilters): boolean {
  if (!filters.showPlaceholders && kind === 'placeholder') return true;
  if (!filters.showAttachments && kind === 'attachment') return true;
  if (!filters.showOrphans && degree === 0) return true;
  return false;
}

/**
 * What visibleCounts will say once these definitions are built with these toggles: the counts
 * of a graph about to be shown, known before its elements are in (a big build takes seconds,
 * and the label must not name the previous graph meanwhile).
 */
export function definitionCounts(
  nodes: readonly ElementDefinition[],
  edges: readonly ElementDefinition[],
  filters: GraphFilters,
): { notes: number; links: number } {
  const hidden = new Set<string>();
  let notes = 0;
  for (const n of nodes) {
    const d = n.data as { id: string; kind: GraphNode['kind']; degree: number };
    if (hiddenByToggles(d.kind, d.degree, filters)) hidden.add(d.id);
    else if (d.kind === 'note') notes++;
  }
  let links = 0;
  for (const e of edges) if (!hidden.has(e.data.source as string) && !hidden.has(e.data.target as string)) links++;
  return { notes, links };
}

/**
 * Applies toggles, the "Excluded folders" setting (its notes and attachments hidden, as in the
 * explorer) and the query in one batch; returns the query error to show, if any.
 */
export function applyFilters(cy: Core, filters: GraphFilters, excludedFolders: readonly string[] = []): string | null {
  const { query, error } = parseFilterQuery(filters.query);
  cy.batch(() => {
    // Only real changes are written: a no-op class write still restyles the element (slow at 40k).
    cy.nodes().forEach((n) => {
      const path = n.data('path') as string | null;
      setClass(n, 'hidden', isHiddenByToggles(n, filters) || (typeof path === 'string' && isExcluded(path, excludedFolders)));
      setClass(n, 'dimmed', query !== null && !matchGroup(graphNodeOf(n), query));
    });
    cy.edges().forEach((e) => {
      setClass(e, 'dimmed', query !== null && (e.source().hasClass('dimmed') || e.target().hasClass('dimmed')));
    });
  });
  return error;
}

function setClass(el: SingularElementArgument, name: string, on: boolean): void {
  if (el.hasClass(name) !== on) el.toggleClass(name, on);
}

/** Notes and edges actually visible (for the container's aria-label); `pendingEdges`: links of the graph cytoscape does not hold yet (edge-fill.ts). */
export function visibleCounts(cy: Core, pendingEdges: readonly ElementDefinition[] = []): { notes: number; links: number } {
  let notes = 0;
  cy.nodes().forEach((n) => {
    if (n.data('kind') === 'note' && !n.hasClass('hidden')) notes++;
  });
  let links = 0;
  cy.edges().forEach((e) => {
    if (!e.source().hasClass('hidden') && !e.target().hasClass('hidden')) links++;
  });
  const hidden = (id: unknown) => cy.getElementById(String(id)).hasClass('hidden');
  for (const e of pendingEdges) if (!hidden(e.data.source) && !hidden(e.data.target)) links++;
  return { notes, links };
}

export function graphAriaLabel(counts: { notes: number; links: number }): string {
  // Always plural: tests and screen-reader users get one stable pattern.
  return `Graph: ${counts.notes} notes, ${counts.links} links`;
}
