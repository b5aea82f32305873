/**
 * Labels culled by collision in medium graphs: of the labels drawn at the current zoom, those
 * that would overlap a label of a better-connected node get the `label-culled` class (no
 * text, graph-style.ts), so labels are never drawn on top of each other (label-culling.ts).
 * The current note, a path and focused or selected nodes always keep theirs; the hovered node
 * too (its label is drawn over the rest, outlined). Hubs go first among the others, but a hub
 * whose label would cover a bigger hub's is culled too: at a fitted zoom the hubs' always-on
 * labels (enlarged, legible-labels.ts) piled on each other. Recomputed shortly after the view,
 * the positions or the classes change. Only up to CULL_MAX_NODES nodes: past that, restyling
 * labels on every zoom step costs more than cytoscape's own label threshold saves.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { labelBoxUnder, labelsToShow, type LabelBox } from './label-culling';

export const CULL_MAX_NODES = 2000;
export const CULLED = 'label-culled';
/** After the last change; a wheel gesture is many viewport events. */
export const CULL_DELAY_MS = 120;

const KEEP = ['current', 'path', 'focus', 'hover'];
/** Above any degree: hubs are placed before every ordinary label. */
const HUB_PRIORITY = 1e9;
/** The label margin in graph-style.ts (text-margin-y). */
const MARGIN_Y = 3;

function keeps(n: NodeSingular): boolean {
  return n.selected() || KEEP.some((c) => n.hasClass(c));
}

/** The label boxes of the nodes whose labels are drawn at this zoom. */
export function drawnLabelBoxes(cy: Core): LabelBox[] {
  const zoom = cy.zoom();
  const boxes: LabelBox[] = [];
  cy.nodes().forEach((n) => {
    const text = String(n.data('label') ?? '');
    if (text === '' || !n.visible()) return;
    const fontSize = n.numericStyle('font-size');
    // cytoscape draws no label below min-zoomed-font-size on screen.
    if (fontSize * zoom < n.numericStyle('min-zoomed-font-size')) return;
    const p = n.position();
    const box = labelBoxUnder({ x: p.x, y: p.y, height: n.numericStyle('height') }, text, fontSize, MARGIN_Y);
    const degree = Number(n.data('degree')) || 0;
    boxes.push({ id: n.id(), ...box, priority: n.hasClass('hub') ? HUB_PRIORITY + degree : degree, keep: keeps(n) });
  });
  return boxes;
}

/** Applies the culling now; returns how many labels are culled. */
export function cullLabels(cy: Core): number {
  if (cy.destroyed()) return 0;
  if (cy.nodes().length > CULL_MAX_NODES) {
    // Nothing is culled at this size: only a class left from when the graph was smaller goes.
    // Reading every node's style to conclude as much cost tens of milliseconds per run at 10k.
    const left = cy.nodes(`.${CULLED}`);
    if (left.nonempty()) cy.batch(() => left.removeClass(CULLED));
    return 0;
  }
  const shown = labelsToShow(drawnLabelBoxes(cy));
  let culled = 0;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      // Only labels that are drawn can be culled; a node whose label is hidden anyway keeps no class.
      const cull = !keeps(n) && !shown.has(n.id()) && n.numericStyle('font-size') * cy.zoom() >= n.numericStyle('min-zoomed-font-size');
      if (cull) culled++;
      if (n.hasClass(CULLED) !== cull) n.toggleClass(CULLED, cull);
    });
  });
  return culled;
}

/** The installed culling: calling it uninstalls; `refresh` runs what was skipped while held. */
export type LabelCulling = (() => void) & { refresh(): void };

/**
 * Keeps the culling up to date. While `held()` (the overview draws, and cytoscape draws no
 * label) changes are only noted: culling then ran on every pan step for labels nobody saw.
 * `refresh()` schedules the one run they still need.
 */
export function installLabelCulling(cy: Core, held: () => boolean = () => false, delayMs = CULL_DELAY_MS): LabelCulling {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let applying = false;
  let skipped = false;
  const schedule = () => {
    if (applying || timer !== null) return;
    if (held()) {
      skipped = true;
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      if (held()) {
        skipped = true;
        return;
      }
      applying = true;
      try {
        cullLabels(cy);
      } finally {
        applying = false;
      }
    }, delayMs);
  };
  const events = 'viewport layoutstop dragfree add remove class select unselect data';
  cy.on(events, schedule);
  const uninstall = () => {
    if (timer !== null) clearTimeout(timer);
    cy.off(events, schedule);
  };
  return Object.assign(uninstall, {
    refresh: () => {
      if (!skipped) return;
      skipped = false;
      schedule();
    },
  });
}
