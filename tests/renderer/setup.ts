/** jsdom gaps the renderer relies on. Imported at the top of each renderer test. */
import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
if (!('escape' in (globalThis.CSS ?? {}))) {
  (globalThis as { CSS?: unknown }).CSS = { escape: (s: string) => s.replace(/["\\]/g, '\\$&') };
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView() {};
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = function scrollTo() {};
