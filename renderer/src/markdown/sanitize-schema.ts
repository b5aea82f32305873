/**
 * A strict sanitize schema: GitHub's defaults (no script, iframe, style, on* handlers; href only
 * http/https/mailto or relative) plus exactly the classes and data attributes our link and
 * embed elements carry.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

const linkData = ['dataTarget', 'dataHeading', 'dataBlock', 'dataAlias'];
const base = defaultSchema.attributes ?? {};

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'), 'input', 'mark'],
  attributes: {
    ...base,
    a: [...(base.a ?? []), ['className', 'internal-link', 'data-footnote-backref'], ...linkData],
    span: [...(base.span ?? []), ['className', 'plexus-embed', 'raw-html'], ...linkData],
    div: [...(base.div ?? []), ['className', 'plexus-embed'], ...linkData],
  },
};
