/**
 * The IPC channel names, shared by the main-process side (ipc.ts, drafts.ts) and the preload.
 * No imports, so the sandboxed preload bundle takes only these strings from here.
 */
export const METHOD_CHANNEL_PREFIX = 'plexus:';
export const EVENT_CHANNEL = 'plexus:event';
export const DRAFTS_REPORT_CHANNEL = 'plexus-drafts:report';
export const DRAFTS_TAKE_CHANNEL = 'plexus-drafts:take';
