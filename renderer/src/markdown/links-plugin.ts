/**
 * The renderer's source of `wikiLink` mdast nodes (`{target, heading, block, alias, embed}` in
 * `data`): remark-wiki-link behind the core's plugin (embeds, subpaths, and the index's rule for
 * where a link ends), so what the note view shows as a link is exactly what the graph counts.
 */
export { remarkPlexusLinks } from '../../../main/core/parse/remark-plexus-links';
