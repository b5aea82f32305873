/** The parse layer's public surface: the scanner, the remark reference, and the faithful mix of both. */
export { parseNote, titleFromPath } from './parse-note';
export { createMarkdownProcessor, remarkPlexusLinks } from './remark-plexus-links';
export { needsReferenceParse } from './reference/needs-reference-parse';
export { faithfulParseStats, parseNoteFaithful, resetFaithfulParseStats, type FaithfulParseStats } from './reference/parse-note-faithful';
export { parseNoteWithRemark } from './reference/parse-note-remark';
