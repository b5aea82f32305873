/**
 * What "inert" means for rendered note content, as one reusable check: no active elements, no
 * event-handler attributes, no positioning styles, and only allowed URL schemes.
 */

const ACTIVE = 'script, iframe, frame, frameset, object, embed, applet, style, link, meta, base, form, svg, math, template, noscript';

/** Allowed href/src values: http(s), mailto, in-app note routes and anchors; data: only for image src. */
function urlProblem(attr: string, value: string, tag: string, imageDataUrls: boolean): string | null {
  const v = value.trim();
  if (v === '' || v.startsWith('#')) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  if (scheme === undefined) return `${tag}[${attr}] relative URL ${JSON.stringify(v)} (only #/note routes and anchors)`;
  if (scheme === 'http' || scheme === 'https') return null;
  if (scheme === 'mailto' && attr === 'href') return null;
  // Vault images arrive as data URLs from readAttachment (AttachmentImage marks them .embed-image);
  // an SVG inside <img> cannot run script, so image/svg+xml is allowed there too.
  if (scheme === 'data' && tag === 'img' && attr === 'src' && imageDataUrls && /^data:image\/[a-z0-9.+-]+[;,]/i.test(v)) return null;
  return `${tag}[${attr}] has scheme ${scheme}: ${JSON.stringify(v.slice(0, 80))}`;
}

/** Every problem found under `root`; an empty list means the content is inert. */
export function auditDom(root: Element, options: { imageDataUrls?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const el of Array.from(root.querySelectorAll(ACTIVE))) problems.push(`active element <${el.tagName.toLowerCase()}>`);
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const tag = el.tagName.toLowerCase();
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`<${tag}> has handler ${name}`);
      if (name === 'style' && /position|inset|z-index/i.test(attr.value)) problems.push(`<${tag}> style positions: ${attr.value}`);
      if (name === 'srcdoc' || name === 'formaction' || name === 'xlink:href') problems.push(`<${tag}> has ${name}`);
      if (name === 'href' || name === 'src' || name === 'action' || name === 'data') {
        // KaTeX's glyphs and mermaid's diagrams are SVG the pipeline itself drew after sanitize
        // (the note's own HTML cannot keep a data: src), shown as <img> so their markup never runs.
        const generated =
          tag === 'img' && (el.classList.contains('math-svg') || el.classList.contains('mermaid-diagram')) && /^data:image\/svg\+xml,/.test(attr.value);
        const fromAttachment = el.classList.contains('embed-image') || generated;
        const problem = urlProblem(name, attr.value, tag, fromAttachment && (options.imageDataUrls ?? true));
        if (problem) problems.push(problem);
      }
    }
  }
  return problems;
}
