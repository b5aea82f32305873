import type { LinkRef } from '../types';

/** A link as the scanners find it; parse-note adds the line and context from the offsets. */
export type RawLink = Omit<LinkRef, 'line' | 'context'>;
