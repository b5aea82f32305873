/**
 * A strict sanitize schema: GitHub's defaults (no script, iframe, style, on* handlers; href only
 * http/https/mailto or relative) plus exactly the classes and data attributes our link and
 * embed elements carry.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

const linkData = ['dataTarget', 'dataHeading', 'dataBlock', 'dataAlias'];
const base = defaultSchema.attributes ?? {};
type AttrList = NonNullable<Schema['attributes']>[string];
/** The schema honours only the first className rule per tag, so the default one is replaced, not added to. */
const withoutClassName = (list: AttrList = []): AttrList =>
  list.filter((a) => !(Array.isArray(a) ? a[0] === 'className' : a === 'className'));

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'), 'input', 'mark'],
  attributes: {
    ...base,
    a: [...withoutClassName(base.a), ['className', 'internal-link', 'data-footnote-backref'], ...linkData],
    span: [...withoutClassName(base.span), ['className', 'plexus-embed', 'raw-html'], ...linkData],
    div: [...withoutClassName(base.div), ['className', 'plexus-embed'], ...linkData],
    // Math: `language-math` comes with the default; inline and display are told apart by these.
    code: [...withoutClassName(base.code), ['className', /^language-./, 'math-inline', 'math-display']],
  },
};
