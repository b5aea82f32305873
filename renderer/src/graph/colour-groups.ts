/**
 * User colour groups ("folder:Research", "tag:project", "loss") layered over the base scheme:
 * the first group that matches a node decides its colour. Saved in graph settings.
 */
import type { Core } from 'cytoscape';
import { matchGroup, parseGroupQuery } from '../../../main/core/analysis';
import type { GraphModel } from './graph-model';

export interface ColourGroup {
  query: string;
  colour: string;
}

export function combineColours(model: GraphModel, groups: readonly ColourGroup[], base: (id: string) => string): (id: string) => string {
  const parsed = groups.flatMap((g) => {
    const r = parseGroupQuery(g.query);
    return r.ok ? [{ query: r.query, colour: g.colour }] : [];
  });
  if (parsed.length === 0) return base;
  return (id) => {
    const node = model.nodes.get(id);
    if (node) for (const g of parsed) if (matchGroup(node, g.query)) return g.colour;
    return base(id);
  };
}

/** Recolours the nodes in place (no rebuild). */
export function recolour(cy: Core, colourOf: (id: string) => string): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const colour = colourOf(n.id());
      if (n.data('colour') !== colour) n.data('colour', colour);
    });
  });
}

/** Validates a group before it is added; returns the parser's message when it cannot match anything. */
export function groupError(query: string): string | null {
  const r = parseGroupQuery(query);
  return r.ok ? null : r.error.message;
}
