/** The parse layer's public surface: the scanner, the remark reference, and the faithful mix of both. */
export { parseNote } from './parse-note';
export { titleFromPath } from '../paths';
export { createMarkdownProcessor, remarkPlexusLinks } from './remark-plexus-links';
export { needsReferenceParse } from './reference/needs-reference-parse';
export { faithfulParseStats, parseNoteFaithful, resetFaithfulParseStats, type FaithfulParseStats } from './reference/parse-note-faithful';
export { parseNoteWithRemark } from './reference/parse-note-remark';
