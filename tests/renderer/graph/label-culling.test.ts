import fc from 'fast-check';
import { GLYPH_WIDTH, labelBoxUnder, labelsToShow, LINE_HEIGHT, type LabelBox } from '../../../renderer/src/graph/label-culling';

const box = (id: string, x: number, y: number, priority = 0, keep = false, w = 40, h = 12): LabelBox => ({
  id,
  x1: x,
  y1: y,
  x2: x + w,
  y2: y + h,
  priority,
  keep,
});
const overlap = (a: LabelBox, b: LabelBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('labelsToShow', () => {
  it('keeps labels that do not touch and drops the lower-priority one of two that overlap', () => {
    const shown = labelsToShow([box('a', 0, 0, 1), box('b', 20, 5, 5), box('c', 100, 0, 0)]);
    expect([...shown].sort()).toEqual(['b', 'c']);
  });

  it('labels that only touch at an edge both show', () => {
    expect([...labelsToShow([box('a', 0, 0), box('b', 40, 0)])].sort()).toEqual(['a', 'b']);
  });

  it('a kept label always shows and blocks others, whatever their priority', () => {
    const shown = labelsToShow([box('hub', 0, 0, 0, true), box('busy', 10, 0, 100), box('other', 10, 20, 1)]);
    expect([...shown].sort()).toEqual(['hub', 'other']);
  });

  it('ties go by id, so the same boxes always give the same labels', () => {
    expect([...labelsToShow([box('b', 0, 0), box('a', 10, 0)])]).toEqual(['a']);
    expect([...labelsToShow([box('a', 10, 0), box('b', 0, 0)])]).toEqual(['a']);
  });

  it('empty boxes take no room and are not shown', () => {
    expect([...labelsToShow([box('empty', 0, 0, 9, false, 0, 12), box('a', 0, 0)])]).toEqual(['a']);
  });

  it('for any boxes: no two shown overlap, every kept one shows, and every dropped one overlaps a shown one of higher rank', () => {
    const arb = fc.array(
      fc.record({
        x: fc.integer({ min: -300, max: 300 }),
        y: fc.integer({ min: -300, max: 300 }),
        w: fc.integer({ min: 1, max: 120 }),
        h: fc.integer({ min: 1, max: 30 }),
        priority: fc.integer({ min: 0, max: 5 }),
        keep: fc.boolean(),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const boxes = specs.map((s, i) => box(`n${String(i).padStart(3, '0')}`, s.x, s.y, s.priority, s.keep && i % 5 === 0, s.w, s.h));
        const shown = labelsToShow(boxes);
        const list = boxes.filter((b) => shown.has(b.id));
        for (const a of list) for (const b of list) if (a !== b && !(a.keep && b.keep)) expect(overlap(a, b)).toBe(false);
        for (const b of boxes) {
          if (b.keep) expect(shown.has(b.id)).toBe(true);
          else if (!shown.has(b.id))
            expect(list.some((s) => overlap(s, b) && (s.keep || s.priority > b.priority || (s.priority === b.priority && s.id < b.id)))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('labelBoxUnder', () => {
  it('is centred under the node after the margin, one line high, as wide as the text', () => {
    const b = labelBoxUnder({ x: 100, y: 50, height: 20 }, 'abcd', 10, 3);
    expect(b).toEqual({ x1: 100 - 2 * 10 * GLYPH_WIDTH, y1: 63, x2: 100 + 2 * 10 * GLYPH_WIDTH, y2: 63 + 10 * LINE_HEIGHT });
  });
});
