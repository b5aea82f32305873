/**
 * The door to cytoscape's internals was written against one cytoscape release. An upgrade
 * must fail here, naming what moved, instead of quietly turning the accelerations off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cytoscape from 'cytoscape';
import { activeAccelerations, CYTOSCAPE_VERSION, INTERNALS, installSpeedups, type Probe } from '../../../../renderer/src/graph/cytoscape-internals';
import { realCanvasCore, withFakeCanvas } from './real-canvas';

let restoreCanvas: () => void;
let cy: cytoscape.Core;
let probe: Probe;

beforeAll(() => {
  restoreCanvas = withFakeCanvas();
  cy = realCanvasCore();
  const internals = cy as unknown as { renderer(): Probe['renderer'] };
  probe = {
    cy,
    renderer: internals.renderer(),
    style: cy.style() as unknown as Probe['style'],
    node: cy.getElementById('a') as unknown as Probe['node'],
    edge: cy.getElementById('e') as unknown as Probe['edge'],
  };
});

afterAll(() => {
  cy.destroy();
  restoreCanvas();
});

describe('cytoscape version', () => {
  it('the installed cytoscape is the release the door was written for', () => {
    const installed = JSON.parse(readFileSync(join(__dirname, '../../../../node_modules/cytoscape/package.json'), 'utf8')) as { version: string };
    expect({ installed: installed.version, door: CYTOSCAPE_VERSION }).toEqual({ installed: CYTOSCAPE_VERSION, door: CYTOSCAPE_VERSION });
    // And the one that actually loads (cytoscape's own export).
    expect((cytoscape as unknown as { version: string }).version).toBe(CYTOSCAPE_VERSION);
  });
});

describe('every internal the door relies on exists on a real canvas-rendered instance', () => {
  it('the probe is a canvas renderer with its caches (not the headless null renderer)', () => {
    expect(probe.renderer?.data?.lyrTxrCache).toBeDefined();
  });

  // One test per internal: a failure names it and where it was looked for.
  it.each(INTERNALS.map((i) => [`${i.name} — ${i.where}`, i] as const))('%s', (_, internal) => {
    const present = internal.present(probe);
    if (!present) throw new Error(`cytoscape ${CYTOSCAPE_VERSION} internal missing or changed: ${internal.name} (looked up as ${internal.where})`);
  });

  it('the table names every internal only once', () => {
    const names = INTERNALS.map((i) => i.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe('activeAccelerations', () => {
  it('lists every acceleration as active on a real canvas instance', () => {
    const restore = withFakeCanvas();
    const live = realCanvasCore();
    try {
      installSpeedups(live);
      const off = activeAccelerations(live).filter((a) => !a.active);
      expect(off).toEqual([]);
      expect(activeAccelerations(live).length).toBeGreaterThanOrEqual(9);
    } finally {
      live.destroy();
      restore();
    }
  });

  it('says why each is off on a headless instance', () => {
    const headless = cytoscape({ headless: true, styleEnabled: true });
    installSpeedups(headless);
    const list = activeAccelerations(headless);
    // The style patches work headless; everything on the canvas renderer is off, with the reason.
    expect(list.filter((a) => a.active).map((a) => a.name)).toEqual([
      'Label restyle shortcut',
      'First style shortcut',
      'First style copy',
      'Quiet first measure',
    ]);
    for (const a of list.filter((x) => !x.active)) expect(a.reason).toBe('no canvas renderer (headless or WebGL)');
    headless.destroy();
  });

  it('names the missing internal when a patch could not install', () => {
    const headless = cytoscape({ headless: true, styleEnabled: true });
    const style = headless.style() as unknown as { checkZOrderTrigger?: unknown };
    // An own property shadowing the prototype's method: as if a release renamed it.
    style.checkZOrderTrigger = undefined;
    installSpeedups(headless);
    const byName = Object.fromEntries(activeAccelerations(headless).map((a) => [a.name, a]));
    expect(byName['First style shortcut']).toEqual({ name: 'First style shortcut', active: false, reason: 'cytoscape lacks Style.checkZOrderTrigger' });
    expect(byName['First style copy'].active).toBe(true);
    headless.destroy();
  });

  it('reports nothing active once the graph is closed', () => {
    const headless = cytoscape({ headless: true, styleEnabled: true });
    installSpeedups(headless);
    headless.destroy();
    expect(activeAccelerations(headless).every((a) => !a.active && a.reason === 'graph closed')).toBe(true);
  });
});
