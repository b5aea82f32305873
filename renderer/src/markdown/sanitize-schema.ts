/**
 * A strict sanitize schema: GitHub's defaults (no script, iframe, style, on* handlers; href only
 * http/https/mailto or relative) plus exactly the classes and data attributes our link and
 * embed elements carry. It runs after raw-html.ts has narrowed the note's own HTML further.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

const linkData = ['dataTarget', 'dataHeading', 'dataBlock', 'dataAlias'];
const base = defaultSchema.attributes ?? {};
type AttrList = NonNullable<Schema['attributes']>[string];
/** The schema honours only the first className rule per tag, so the default one is replaced, not added to. */
const withoutClassName = (list: AttrList = []): AttrList => list.filter((a) => !(Array.isArray(a) ? a[0] === 'className' : a === 'className'));

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // Plus the few formatting tags the note's own HTML may use (raw-html.ts) that GitHub's list lacks.
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'), 'input', 'mark', 'u', 'small', 'abbr', 'caption', 'figure', 'figcaption', 'cite'],
  attributes: {
    ...base,
    a: [...withoutClassName(base.a), ['className', 'internal-link', 'data-footnote-backref'], ...linkData, 'dataUserHtml'],
    img: [...(base.img ?? []), 'dataUserHtml'],
    // `user-*`: the note's own classes, prefixed by raw-html.ts so they cannot reach the app's CSS.
    span: [...withoutClassName(base.span), ['className', 'plexus-embed', 'raw-html', /^user-[A-Za-z0-9_-]+$/], ...linkData],
    div: [...withoutClassName(base.div), ['className', 'plexus-embed', /^user-[A-Za-z0-9_-]+$/], ...linkData],
    // Math: `language-math` comes with the default; inline and display are told apart by these.
    code: [...withoutClassName(base.code), ['className', /^language-./, 'math-inline', 'math-display']],
  },
};
