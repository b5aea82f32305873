/** Types for graph packages that ship none. */
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

declare module 'graphology-layout-forceatlas2/iterate.js' {
  /** One ForceAtlas2 iteration over graphology's flat matrices (10 floats per node, 3 per edge), in place. */
  export default function iterate(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array): void;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, unknown>;
  export default defaults;
}
