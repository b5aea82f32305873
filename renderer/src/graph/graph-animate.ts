/**
 * Obsidian's "Animate": a timelapse that grows the graph in the order its notes were created.
 * Every shown node is hidden (the `unrevealed` class: display none, graph-style.ts), then they
 * come back in creation order over ANIMATE_DURATION_MS, a batch per frame; cytoscape draws no
 * edge with a hidden end, so each link appears once both its notes have. Nodes the filters hide
 * stay out of it (they stay hidden). Stopping, or the end, shows every node again.
 */
import type { Core } from 'cytoscape';

export const UNREVEALED = 'unrevealed';
export const ANIMATE_DURATION_MS = 4000;

/**
 * The order to reveal `ids` in: by creation time, oldest first, ties by id; ids without a time
 * (placeholders, and files stat could not reach) last, by id. Pure.
 */
export function revealOrder(ids: Iterable<string>, times: Readonly<Record<string, number>>): string[] {
  const timed: string[] = [];
  const untimed: string[] = [];
  for (const id of ids) (Number.isFinite(times[id]) ? timed : untimed).push(id);
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  timed.sort((a, b) => times[a] - times[b] || byId(a, b));
  untimed.sort(byId);
  return [...timed, ...untimed];
}

/** How many of `total` nodes are shown `elapsed` ms into a run of `duration` ms (at least one on the first frame). */
export function revealedBy(total: number, elapsed: number, duration: number): number {
  if (total === 0) return 0;
  return Math.min(total, Math.max(1, Math.ceil((total * elapsed) / duration)));
}

export interface GraphAnimation {
  /** Shows every node now and ends the run. */
  stop(): void;
  /** Resolves when the run ends, by itself or stopped. */
  readonly done: Promise<void>;
}

/** The ids in the order the last run revealed them (for the test hook). */
export const revealLog: string[] = [];

export function animateGraph(cy: Core, times: Readonly<Record<string, number>>, duration = ANIMATE_DURATION_MS): GraphAnimation {
  const order = revealOrder(
    cy
      .nodes()
      .filter((n) => !n.hasClass('hidden'))
      .map((n) => n.id()),
    times,
  );
  revealLog.length = 0;
  cy.batch(() =>
    cy
      .nodes()
      .filter((n) => !n.hasClass('hidden'))
      .addClass(UNREVEALED),
  );
  let shown = 0;
  let frame: number | null = null;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const showUpTo = (count: number) => {
    if (cy.destroyed()) return;
    const batch = order.slice(shown, count);
    cy.batch(() => {
      for (const id of batch) cy.getElementById(id).removeClass(UNREVEALED);
    });
    revealLog.push(...batch);
    shown = count;
  };
  const end = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    showUpTo(order.length);
    // Anything else hidden by a run (a node added meanwhile is never given the class, but be sure).
    if (!cy.destroyed()) cy.nodes(`.${UNREVEALED}`).removeClass(UNREVEALED);
    finish();
  };
  let started: number | null = null;
  const tick = (now: number) => {
    frame = null;
    if (cy.destroyed()) return finish();
    if (started === null) started = now;
    showUpTo(revealedBy(order.length, now - started, duration));
    if (shown >= order.length) end();
    else frame = requestAnimationFrame(tick);
  };
  if (order.length === 0) end();
  else frame = requestAnimationFrame(tick);
  return { stop: end, done };
}
