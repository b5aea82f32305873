/**
 * Every element cytoscape holds, in its order, without a new collection of them: cy.nodes(),
 * cy.edges() and cy.elements() each build one (an id index of every element), which was most of
 * reading a dense graph's overview model back from cytoscape after a build (profiled;
 * docs/benchmarks.md). Read only; cy.elements() where the internal list is missing.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { coreOf } from './private-shapes';

export function everyElement(cy: Core): ArrayLike<SingularElementArgument> {
  const core = coreOf(cy);
  return typeof core.mutableElements === 'function' ? core.mutableElements() : cy.elements();
}
