/**
 * Medium graphs (up to SPREAD_MAX_NODES nodes) spread like Obsidian's: no node drawn on top of
 * another at the fit zoom. ForceAtlas2 alone packs a 310-note vault into a blob where most
 * nodes overlap a neighbour (measured: 380 × 390 px for 310 nodes of 8-64 px, 82% of them
 * overlapping): its forces ignore node sizes, and its anti-collision mode moves each node a few
 * px per step (it barely leaves the starting disc in 400 iterations). So the layout's result
 * is scaled about its middle until each node has room for about ROOM_PER_DIAMETER of a mean
 * node's width, and a last pass pushes apart whatever pairs still touch (hubs and their
 * neighbours). Pure: it runs in the layout worker and in tests.
 */

/** Past this, the extra work per iteration is not worth it (a 10k graph is a carpet at any spread). */
export const SPREAD_MAX_NODES = 2000;
/** Room kept free around each node, in graph px (beyond its radius). */
export const NODE_GAP = 4;

/** Room each node gets, as a share of the mean node's diameter (its radius plus the gap, twice): enough for a short label beside it at the fit zoom. */
export const ROOM_PER_DIAMETER = 1.2;

export interface Disc {
  x: number;
  y: number;
  r: number;
  fixed: boolean;
}

/**
 * Pushes overlapping discs apart (each pair half each way; a fixed disc does not move) until
 * none overlap or `rounds` run out. A uniform grid keeps each round near linear.
 */
export function separateDiscs(discs: Disc[], rounds = 50): void {
  if (discs.length < 2) return;
  let maxR = 0;
  for (const d of discs) maxR = Math.max(maxR, d.r);
  const cell = 2 * maxR + 1e-6;
  for (let round = 0; round < rounds; round++) {
    const grid = new Map<string, number[]>();
    discs.forEach((d, i) => {
      const k = `${Math.floor(d.x / cell)},${Math.floor(d.y / cell)}`;
      const list = grid.get(k);
      if (list) list.push(i);
      else grid.set(k, [i]);
    });
    let moved = false;
    discs.forEach((a, i) => {
      const cx = Math.floor(a.x / cell);
      const cy = Math.floor(a.y / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          for (const j of grid.get(`${gx},${gy}`) ?? []) {
            if (j <= i) continue;
            const b = discs[j];
            if (a.fixed && b.fixed) continue;
            let dx = b.x - a.x;
            let dy = b.y - a.y;
            let dist = Math.hypot(dx, dy);
            const need = a.r + b.r;
            if (dist >= need) continue;
            if (dist < 1e-9) {
              // Same place: a direction from the indices, so the result stays deterministic.
              const angle = (i * 2.399963 + j) % (2 * Math.PI);
              dx = Math.cos(angle);
              dy = Math.sin(angle);
              dist = 1;
            }
            const push = need - Math.hypot(b.x - a.x, b.y - a.y);
            const ux = dx / dist;
            const uy = dy / dist;
            const share = a.fixed || b.fixed ? 1 : 0.5;
            if (!a.fixed) {
              a.x -= ux * push * share;
              a.y -= uy * push * share;
            }
            if (!b.fixed) {
              b.x += ux * push * share;
              b.y += uy * push * share;
            }
            moved = true;
          }
        }
      }
    });
    if (!moved) return;
  }
}

/**
 * Scales the discs about their centroid until the room per node (the area of a disc as wide as
 * the median distance from the middle, times two, over the count: outliers such as orphans do
 * not count) is ROOM_PER_DIAMETER mean diameters across, never shrinking; then separates them.
 * A fixed disc (a pinned node) keeps its place; the others spread around it.
 */
export function spreadDiscs(discs: Disc[]): void {
  if (discs.length < 2) return;
  let cx = 0;
  let cy = 0;
  let meanR = 0;
  for (const d of discs) {
    cx += d.x / discs.length;
    cy += d.y / discs.length;
    meanR += d.r / discs.length;
  }
  const dists = discs.map((d) => Math.hypot(d.x - cx, d.y - cy)).sort((a, b) => a - b);
  const median = dists[Math.floor(dists.length / 2)];
  // Uniform over a disc of radius R, the median distance is R / sqrt(2): its area is 2π median².
  const room = Math.sqrt((2 * Math.PI * median * median) / discs.length);
  const wanted = ROOM_PER_DIAMETER * 2 * meanR;
  const k = room > 0 ? wanted / room : 1;
  if (k > 1) {
    for (const d of discs) {
      if (d.fixed) continue;
      d.x = cx + (d.x - cx) * k;
      d.y = cy + (d.y - cy) * k;
    }
  }
  separateDiscs(discs);
}
