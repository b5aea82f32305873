export type Positions = Record<string, { x: number; y: number }>;

/** Seeded circle-ish start for a fresh layout: every run starts from the same picture. */
export function seededStart(nodes: readonly { id: string }[]): Positions {
  const out: Positions = {};
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const r = 10 * Math.sqrt(i + 1);
    out[node.id] = { x: r * Math.cos(i * 2.399963), y: r * Math.sin(i * 2.399963) + (i % 7) / n };
  });
  return out;
}
