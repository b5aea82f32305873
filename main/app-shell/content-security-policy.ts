/**
 * The Content-Security-Policy of the app's pages, one policy for both hosts that serve the
 * renderer: the browser server (main/server) and the Electron window (main/electron).
 */
export interface CspOptions {
  /** Extra connect-src sources (the browser server adds its WebSocket origins). */
  connect?: string[];
  /** Extra img-src sources (Electron adds plexus://vault for vault images). */
  img?: string[];
}

/**
 * The one strict policy for both hosts: no inline script, no eval, no plugins, and no frames
 * except the app's own blob: URLs, which only the app's scripts can make.
 */
export function buildCsp(options: CspOptions = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    // React and cytoscape set inline style attributes; styles cannot run code.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // Remote images (http/https) are off in the reading view until the user loads one or turns
    // on "Load remote images"; every <img> a note shows is drawn by the app, never by the note.
    ['img-src', ["'self'", 'data:', 'blob:', 'https:', 'http:', ...(options.img ?? [])]],
    // The attachment viewer plays vault audio and video from blob: URLs it builds from the bytes.
    ['media-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'", ...(options.connect ?? [])]],
    ['object-src', ["'none'"]],
    // The attachment viewer's PDF frame: a blob of type application/pdf, drawn by the browser's
    // PDF viewer. Never a web page: http(s), data: and srcdoc frames stay refused.
    ['frame-src', ['blob:']],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
