import {
  clampTo,
  DEFAULT_DISPLAY,
  DEFAULT_FORCES,
  DISPLAY_RANGES,
  fcoseParameters,
  FORCE_RANGES,
  forceAtlasParameters,
  labelFadeFactor,
  parseDisplay,
  parseForces,
} from '../../../renderer/src/graph/graph-forces';
import { DEFAULT_SETTINGS, parseSettings, serialiseSettings } from '../../../renderer/src/graph/graph-settings';

describe('graph forces and display settings', () => {
  it('defaults are the middle of Obsidian-like ranges and within them', () => {
    expect(DEFAULT_FORCES).toEqual({ centre: 0.5, repel: 10, linkForce: 1, linkDistance: 250 });
    expect(DEFAULT_DISPLAY).toEqual({ arrows: false, textFade: 0, nodeSize: 1, linkThickness: 1 });
    for (const [key, range] of Object.entries(FORCE_RANGES)) {
      expect(range.default).toBe(DEFAULT_FORCES[key as keyof typeof DEFAULT_FORCES]);
      expect(range.default).toBeGreaterThanOrEqual(range.min);
      expect(range.default).toBeLessThanOrEqual(range.max);
    }
    for (const [key, range] of Object.entries(DISPLAY_RANGES)) expect(range.default).toBe(DEFAULT_DISPLAY[key as keyof typeof DISPLAY_RANGES]);
  });

  it('clamps out-of-range values and replaces what is not a finite number with the default', () => {
    const r = FORCE_RANGES.linkDistance;
    expect(clampTo(r, 10)).toBe(30);
    expect(clampTo(r, 9000)).toBe(500);
    expect(clampTo(r, 123)).toBe(123);
    for (const bad of [Number.NaN, Infinity, '300', null, undefined, {}]) expect(clampTo(r, bad)).toBe(250);
  });

  it('parses stored values defensively: bad entries get defaults, others are clamped, unknown keys ignored', () => {
    expect(parseForces({ centre: 2, repel: -1, linkForce: 'x', linkDistance: 100, extra: 1 })).toEqual({
      centre: 1,
      repel: 0,
      linkForce: 1,
      linkDistance: 100,
    });
    expect(parseForces(null)).toEqual(DEFAULT_FORCES);
    expect(parseForces([1, 2])).toEqual(DEFAULT_FORCES);
    expect(parseDisplay({ arrows: 'yes', textFade: -9, nodeSize: 2.5, linkThickness: 0 })).toEqual({
      arrows: false,
      textFade: -3,
      nodeSize: 2.5,
      linkThickness: 0.1,
    });
    expect(parseDisplay({ arrows: true })).toEqual({ ...DEFAULT_DISPLAY, arrows: true });
  });

  it('at the defaults, the layouts get exactly the parameters they used before the settings existed', () => {
    expect(forceAtlasParameters(DEFAULT_FORCES)).toEqual({ gravity: 1, scalingRatio: 20 });
    expect(fcoseParameters(DEFAULT_FORCES)).toEqual({ nodeRepulsion: 15000, idealEdgeLength: 120, edgeElasticity: 0.45, gravity: 0.25 });
    expect(labelFadeFactor(0)).toBe(1);
  });

  it('each force moves its parameters the way its name says', () => {
    const fa = (change: Partial<typeof DEFAULT_FORCES>) => forceAtlasParameters({ ...DEFAULT_FORCES, ...change });
    const fc = (change: Partial<typeof DEFAULT_FORCES>) => fcoseParameters({ ...DEFAULT_FORCES, ...change });
    expect(fa({ centre: 1 }).gravity).toBeGreaterThan(fa({ centre: 0.2 }).gravity);
    expect(fa({ repel: 20 }).scalingRatio).toBeGreaterThan(fa({ repel: 5 }).scalingRatio);
    // Weaker links: relatively stronger repulsion; none at all still lays out.
    expect(fa({ linkForce: 0.2 }).scalingRatio).toBeGreaterThan(fa({}).scalingRatio);
    expect(Number.isFinite(fa({ linkForce: 0 }).scalingRatio)).toBe(true);
    // No rest length in ForceAtlas2: equilibrium length ~ sqrt(repulsion), so twice the distance is four times the repulsion.
    expect(fa({ linkDistance: 500 }).scalingRatio).toBeCloseTo(4 * fa({}).scalingRatio);
    expect(fc({ linkDistance: 500 }).idealEdgeLength).toBe(240);
    expect(fc({ repel: 0 }).nodeRepulsion).toBeGreaterThan(0);
    expect(fc({ linkForce: 0.5 }).edgeElasticity).toBeLessThan(fc({}).edgeElasticity);
    expect(labelFadeFactor(2)).toBeGreaterThan(1);
    expect(labelFadeFactor(-2)).toBeLessThan(1);
  });

  it('are saved with the graph settings and read back, keeping keys this version does not know', () => {
    const settings = { ...DEFAULT_SETTINGS, forces: { ...DEFAULT_FORCES, repel: 14.5 }, display: { ...DEFAULT_DISPLAY, nodeSize: 2, arrows: true } };
    const stored = serialiseSettings(settings, { someFutureKey: 42, forces: { centre: 0.1 } });
    expect(stored.someFutureKey).toBe(42);
    const back = parseSettings(JSON.parse(JSON.stringify(stored)));
    expect(back.forces).toEqual(settings.forces);
    expect(back.display).toEqual(settings.display);
  });

  it('settings saved before these existed read as the defaults', () => {
    const old = parseSettings({ colourBy: 'cluster', groups: [], views: [] });
    expect(old.forces).toEqual(DEFAULT_FORCES);
    expect(old.display).toEqual(DEFAULT_DISPLAY);
    expect(old.colourBy).toBe('cluster');
  });
});
