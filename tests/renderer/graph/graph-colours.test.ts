import { colourForName, folderScheme, OTHER_COLOUR, PALETTE, schemeFromKeys } from '../../../renderer/src/graph/graph-colours';
import { note, placeholder } from './fixtures';
import { vp } from '../../support/vault-path';

/** `counts[folder]` notes in each folder. */
const vault = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([folder, n]) => Array.from({ length: n }, (_, i) => note(vp(`${folder}/N${i}.md`))));

const colours = (counts: Record<string, number>) => {
  const scheme = folderScheme(vault(counts));
  return Object.fromEntries(Object.keys(counts).map((f) => [f, scheme.colourOf(`${f}/N0.md`)]));
};

describe('folder colours', () => {
  it('come from the folder name: the same whatever the folder counts', () => {
    const before = colours({ Alpha: 5, Beta: 3, Gamma: 1 });
    // Gamma grows past the others, Beta shrinks, a new folder appears: nobody's colour moves.
    const after = colours({ Alpha: 5, Beta: 1, Gamma: 9, Delta: 4 });
    expect({ Alpha: after.Alpha, Beta: after.Beta, Gamma: after.Gamma }).toEqual(before);
    for (const f of ['Alpha', 'Beta', 'Gamma', 'Delta']) expect(after[f]).toBe(colourForName(f));
  });

  it('are palette colours, the same in every vault, and spread over the palette', () => {
    expect(colourForName('Projects')).toBe(colourForName('Projects'));
    const names = Array.from({ length: 120 }, (_, i) => `Folder ${i}`);
    const used = new Set(names.map(colourForName));
    for (const c of used) expect(PALETTE).toContain(c);
    // 120 names into 12 colours: a hash that ignored the name would use one or two.
    expect(used.size).toBe(PALETTE.length);
  });

  it('placeholders stay grey; the legend shows each folder with its own colour and count', () => {
    const scheme = folderScheme([...vault({ Alpha: 2, Beta: 3 }), placeholder('Missing')]);
    expect(scheme.colourOf('placeholder:missing')).not.toBe(colourForName('Alpha'));
    expect(scheme.legend.map((e) => [e.label, e.count, e.colour])).toEqual([
      ['Beta', 3, colourForName('Beta')],
      ['Alpha', 2, colourForName('Alpha')],
    ]);
  });

  it('the legend counts only what is shown (a local graph), colours unchanged', () => {
    const nodes = vault({ Alpha: 4, Beta: 3 });
    const shown = new Set(['Alpha/N0.md', 'Beta/N0.md', 'Beta/N1.md']);
    const local = folderScheme(nodes, (id) => shown.has(id));
    expect(local.legend.map((e) => [e.label, e.count])).toEqual([
      ['Beta', 2],
      ['Alpha', 1],
    ]);
    expect(local.colourOf('Alpha/N3.md')).toBe(folderScheme(nodes).colourOf('Alpha/N3.md'));
  });

  it('past the palette length the legend folds the smallest folders into "other"', () => {
    const counts = Object.fromEntries(Array.from({ length: PALETTE.length + 2 }, (_, i) => [`F${String(i).padStart(2, '0')}`, 30 - i]));
    const scheme = folderScheme(vault(counts));
    expect(scheme.legend).toHaveLength(PALETTE.length + 1);
    expect(scheme.legend[PALETTE.length]).toEqual({ key: '__other', label: 'other', colour: OTHER_COLOUR, count: 30 - 12 + 30 - 13 });
  });
});

describe('cluster colours (no stable names)', () => {
  it('take palette colours by size rank', () => {
    const keyOf = new Map<string, string | null>([
      ['a', '0'],
      ['b', '1'],
      ['c', '1'],
      ['d', null],
    ]);
    const scheme = schemeFromKeys(keyOf);
    expect(scheme.colourOf('b')).toBe(PALETTE[0]);
    expect(scheme.colourOf('a')).toBe(PALETTE[1]);
  });
});
