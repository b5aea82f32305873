/**
 * The renderer's source of `wikiLink` mdast nodes (`{target, heading, block, alias, embed}` in
 * `data`): the core's micromark construct, the same `[[...]]` rules the indexer uses, so what
 * the note view shows as a link is exactly what the graph counts.
 */
export { remarkPlexusLinks } from '../../../main/core/parse/remark-plexus-links';
