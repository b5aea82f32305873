import cytoscape from 'cytoscape';
import { graphStyle, LIGHT } from '../../../renderer/src/graph/graph-style';

function styled(classes: Record<string, string>) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(LIGHT) });
  for (const [id, cls] of Object.entries(classes)) cy.add({ group: 'nodes', data: { id, label: id, size: 10, colour: '#888' }, classes: cls });
  return cy;
}

describe('graphStyle', () => {
  it('draws hubs above ordinary nodes (so their labels are not cut), and hovered nodes above hubs', () => {
    const cy = styled({ plain: '', hub: 'hub', hovered: 'hub hover' });
    const z = (id: string) => Number(cy.getElementById(id).style('z-index'));
    expect(z('hub')).toBeGreaterThan(z('plain'));
    expect(z('hovered')).toBeGreaterThan(z('hub'));
  });

  it('labels hubs at any zoom, ordinary nodes only past the threshold, and ghosts placeholders', () => {
    const cy = styled({ plain: '', hub: 'hub', ghost: 'ghost' });
    expect(cy.getElementById('hub').style('min-zoomed-font-size')).toBe('0px');
    expect(cy.getElementById('plain').style('min-zoomed-font-size')).not.toBe('0px');
    expect(cy.getElementById('ghost').style('border-style')).toBe('dashed');
    expect(Number(cy.getElementById('ghost').style('background-opacity'))).toBe(0);
  });
});
