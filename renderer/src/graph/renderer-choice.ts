/**
 * Canvas or WebGL? cytoscape's WebGL renderer is fast on a real GPU but runs at a fraction of a
 * frame per second on software GL (SwiftShader, llvmpipe), measured. So it is used only when
 * the WebGL renderer string names real hardware.
 */
export type RendererKind = 'canvas' | 'webgl';

export interface RendererChoice {
  kind: RendererKind;
  /** The unmasked WebGL renderer string, or null when WebGL or the debug extension is missing. */
  glRenderer: string | null;
  reason: string;
}

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|mesa offscreen|basic render driver/i;

export function chooseRenderer(glRenderer: string | null): RendererChoice {
  if (!glRenderer) return { kind: 'canvas', glRenderer, reason: 'WebGL renderer unknown: using canvas.' };
  if (SOFTWARE_GL.test(glRenderer)) return { kind: 'canvas', glRenderer, reason: 'Software GL detected: canvas is faster.' };
  return { kind: 'webgl', glRenderer, reason: 'GPU detected: using WebGL.' };
}

/** Reads WEBGL_debug_renderer_info from a throwaway context; null when unavailable. */
export function detectGlRenderer(doc: Document = document): string | null {
  const canvas = doc.createElement('canvas');
  let gl: WebGLRenderingContext | null = null;
  try {
    gl = canvas.getContext('webgl') as WebGLRenderingContext | null;
  } catch {
    return null; // jsdom and locked-down browsers throw here instead of returning null.
  }
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const name = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return typeof name === 'string' ? name : null;
}

/**
 * Canvas options for 10k nodes / 30k edges. textureOnViewport: a pan or zoom gesture draws one
 * snapshot of the graph and moves it. pixelRatio is just over 1 on purpose: at <= 1 cytoscape
 * renders that snapshot at twice the resolution, a zoom level its layer cache (cytoscape-internals/layer-cache.ts)
 * has not built, so every gesture began with a 3-6 s redraw of all 40k elements (measured,
 * headless Chromium, 2 cores); at 1.01 the snapshot comes from the cached layers in
 * milliseconds. hideEdgesOnViewport bypasses the layer cache and was 3-4x slower.
 */
export function rendererOptions(kind: RendererKind): Record<string, unknown> {
  return {
    renderer: kind === 'webgl' ? { name: 'canvas', webgl: true } : { name: 'canvas' },
    textureOnViewport: true,
    hideEdgesOnViewport: false,
    pixelRatio: 1.01, // see above: not 1
    motionBlur: false,
  };
}
